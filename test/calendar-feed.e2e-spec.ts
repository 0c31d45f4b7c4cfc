import { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import { startApp, TestApp } from './app';
import { City, makeCity, TestPerson } from './factories/organisation.factory';
import { makeLecture, makeLecturer, makeSession, makeTheme, makeVenue } from './factories/catalogue.factory';
import { makeEnrolment, makeMentorship, makePlan } from './factories/plans.factory';
import { parseFeed, unfold } from './ical';
import * as render from '../src/calendar/ical/render-calendar';
import { CalendarToken } from '../src/calendar/feeds/calendar-token.entity';
import { Session } from '../src/catalogue/sessions/session.entity';
import { Enrolment } from '../src/enrolment/enrolments/enrolment.entity';

const DAY = 86_400_000;
// Next calendar year, so every date below lies ahead of "now" on whatever day the suite runs.
const Y = DateTime.now().setZone('Europe/Stockholm').year + 1;
const lastSunday = (month: number) => {
  const end = DateTime.utc(Y, month, 1).endOf('month');
  return end.minus({ days: end.weekday % 7 }).toISODate()!;
};
const SUMMER_STARTS = lastSunday(3);
const SUMMER_ENDS = lastSunday(10);
const WEEK_BEFORE = DateTime.fromISO(SUMMER_ENDS).minus({ weeks: 1 }).toISODate()!;
const compact = (date: string) => date.replace(/-/g, '');
const PAST = new Date('2026-01-01T08:00:00Z');
const TABLES = ['person', 'session', 'lecture', 'venue', 'lecturer', 'enrolment', 'plan', 'mentorship', 'mentor_meeting', 'theme'];

describe('calendar feeds', () => {
  let t: TestApp;
  let city: City;
  let hire: TestPerson;
  let feedPath: string;
  let token: string;
  let multi: Session;
  let waitlistedSession: Session;
  let taughtSession: Session;
  let mentorshipId: string;
  let themeId: string;

  const feed = (headers: Record<string, string> = {}) => t.http().get(feedPath).set(headers);
  /** Makes every row look untouched since PAST, so a later change shows in Last-Modified. */
  const age = () => t.db.write(async (em) => { for (const table of TABLES) await em.query(`UPDATE ${table} SET updated_at = ${t.db.isPostgres ? '$1' : '?'}`, [t.db.isPostgres ? PAST : '2026-01-01 08:00:00.000']); });
  const lastModified = async () => new Date((await feed()).headers['last-modified']).getTime();

  beforeAll(async () => {
    t = await startApp({ PUBLIC_BASE_URL: 'https://lots.example.se' });
    city = await makeCity(t);
    hire = city.people.newhire;
    const theme = await makeTheme(t, { name: 'Välkommen\r\ntill staden', description: 'Rad ett\nrad två' });
    themeId = theme.id;
    const venue = await makeVenue(t, { name: 'Kompetenscenter', address: 'Storgatan 1, Storvik' });
    const lecture = await makeLecture(t, theme, { title: 'Barnavårdsutredning; grund, "BBIC"', description: 'Om utredningar\noch barnets bästa' });
    // Two days a week apart, the second across the end of summer time (the last Sunday of October).
    multi = await makeSession(t, lecture, {
      venueId: venue.id,
      slots: [
        { startsAt: new Date(`${WEEK_BEFORE}T07:00:00Z`), endsAt: new Date(`${WEEK_BEFORE}T14:00:00Z`) },
        { startsAt: new Date(`${SUMMER_ENDS}T08:00:00Z`), endsAt: new Date(`${SUMMER_ENDS}T15:00:00Z`) },
      ],
    });
    await makeEnrolment(t, multi, hire);
    await makeEnrolment(t, multi, city.people.otherHire);
    waitlistedSession = await makeSession(t, lecture, { startsAt: new Date(`${SUMMER_STARTS}T07:00:00Z`), venueId: venue.id });
    await makeEnrolment(t, waitlistedSession, hire, { status: 'waitlisted', queueNumber: 1 });
    const lecturer = await makeLecturer(t, { personId: hire.id, name: 'Föreläsare Hire' });
    taughtSession = await makeSession(t, lecture, { startsAt: new Date(`${Y}-05-05T08:00:00Z`), lecturers: [lecturer], onlineUrl: 'https://meet.example/x' });
    await makePlan(t, hire, { startDate: `${Y}-01-15`, endDate: `${Y + 2}-01-15` });
    mentorshipId = (await makeMentorship(t, city.people.mentor, hire, { startDate: `${Y}-01-15` })).id;
    const meeting = await t.http().post(`/api/mentorships/${mentorshipId}/meetings`).auth(city.people.mentor.token, { type: 'bearer' })
      .send({ startsAt: `${Y}-02-10T14:00:00+01:00`, endsAt: `${Y}-02-10T15:00:00+01:00`, location: 'Fikarummet', notes: 'HEMLIGA ANTECKNINGAR' });
    expect(meeting.status).toBe(201);
    const links = await t.http().get('/api/me/calendar').auth(hire.token, { type: 'bearer' });
    expect(links.status).toBe(200);
    feedPath = new URL(links.body.url).pathname;
    token = feedPath.slice('/calendar/'.length, -'.ics'.length);
  });
  afterAll(() => t.close());

  describe('links', () => {
    it('gives a URL with at least 128 random bits, the same on every call, stored only as a SHA-256 hash', async () => {
      const again = await t.http().get('/api/me/calendar').auth(hire.token, { type: 'bearer' });
      expect(again.body).toEqual({ url: `https://lots.example.se${feedPath}`, webcalUrl: `webcal://lots.example.se${feedPath}` });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
      const rows = await t.db.manager.findBy(CalendarToken, { personId: hire.id });
      expect(rows).toHaveLength(1);
      expect(rows[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('needs sign-in for the links', async () => {
      expect((await t.http().get('/api/me/calendar')).status).toBe(401);
    });
  });

  describe('content', () => {
    let text: string;
    beforeAll(async () => {
      text = (await feed()).text;
    });

    it('parses with ical.js: one event per booked slot at the right instants, with stable UIDs', async () => {
      const { events } = parseFeed(text);
      const slots = events.filter((e) => e.uid.startsWith(`session-${multi.id}-`));
      expect(slots.map((e) => [e.uid, e.start.toISOString(), e.end.toISOString(), e.status])).toEqual([
        [`session-${multi.id}-1@lots.example.se`, `${WEEK_BEFORE}T07:00:00.000Z`, `${WEEK_BEFORE}T14:00:00.000Z`, 'CONFIRMED'],
        [`session-${multi.id}-2@lots.example.se`, `${SUMMER_ENDS}T08:00:00.000Z`, `${SUMMER_ENDS}T15:00:00.000Z`, 'CONFIRMED'],
      ]);
      expect(text).toContain(`DTSTART;TZID=Europe/Stockholm:${compact(WEEK_BEFORE)}T090000\r\n`);
      expect(text).toContain(`DTSTART;TZID=Europe/Stockholm:${compact(SUMMER_ENDS)}T090000\r\n`);
      expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
      expect(text).not.toMatch(/^METHOD/m);
      expect(text).toMatch(/^X-WR-CALNAME:.+\r$/m);
      expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
      expect(text).toContain('X-PUBLISHED-TTL:PT1H\r\n');
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(unfold(text)).toContain('SUMMARY:Barnavårdsutredning\\; grund\\, "BBIC" (del 1 av 2)\r\n');
      expect(unfold(text)).toContain('DESCRIPTION:Om utredningar\\noch barnets bästa\r\n');
      for (const line of text.split('\r\n').filter((l) => /^(DTSTAMP|LAST-MODIFIED)/.test(l))) expect(line).toMatch(/:\d{8}T\d{6}Z$/);
    });

    it('shows the waitlisted session as TENTATIVE with a prefix, and the session the person teaches', () => {
      const { events } = parseFeed(text);
      const waiting = events.find((e) => e.uid === `session-${waitlistedSession.id}-1@lots.example.se`)!;
      expect([waiting.status, waiting.summary, waiting.start.toISOString()]).toEqual(['TENTATIVE', 'Väntelista: Barnavårdsutredning; grund, "BBIC"', `${SUMMER_STARTS}T07:00:00.000Z`]);
      const taught = events.find((e) => e.uid === `session-${taughtSession.id}-1@lots.example.se`)!;
      expect([taught.status, taught.start.toISOString()]).toEqual(['CONFIRMED', `${Y}-05-05T08:00:00.000Z`]);
    });

    it('shows mentor meetings without notes, on both sides', async () => {
      const { events } = parseFeed(text);
      const meeting = events.find((e) => e.uid.startsWith('meeting-'))!;
      expect([meeting.summary, meeting.start.toISOString()]).toEqual([`Mentorsträff med ${city.people.mentor.name}`, `${Y}-02-10T13:00:00.000Z`]);
      expect(text).not.toContain('HEMLIGA');
      const mentorLinks = await t.http().get('/api/me/calendar').auth(city.people.mentor.token, { type: 'bearer' });
      const mentorFeed = await t.http().get(new URL(mentorLinks.body.url).pathname);
      expect(parseFeed(mentorFeed.text).events.map((e) => e.uid)).toEqual([meeting.uid]);
      expect(mentorFeed.text).toContain(`Mentorsträff med ${hire.name}`);
      expect(mentorFeed.text).not.toContain('HEMLIGA');
    });

    it('shows plan milestones as all-day events with an exclusive end', () => {
      const { events } = parseFeed(text);
      const milestones = events.filter((e) => e.allDay).map((e) => [e.startText, e.endText]);
      expect(milestones).toEqual([[`${Y}-01-15`, `${Y}-01-16`], [`${Y}-07-15`, `${Y}-07-16`], [`${Y + 1}-01-15`, `${Y + 1}-01-16`], [`${Y + 2}-01-15`, `${Y + 2}-01-16`]]);
      expect(text).toContain(`DTSTART;VALUE=DATE:${Y}0115\r\nDTEND;VALUE=DATE:${Y}0116\r\n`);
    });
  });

  describe('HTTP', () => {
    it('serves text/calendar without an Accept header, private, byte-identical with a stable ETag', async () => {
      const first = await feed();
      const second = await feed();
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(first.headers['cache-control']).toMatch(/^private/);
      expect(second.text).toBe(first.text);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(second.headers['last-modified']).toBe(first.headers['last-modified']);
    });

    it('answers If-None-Match and If-Modified-Since with 304', async () => {
      const first = await feed();
      const notModified = await feed({ 'If-None-Match': first.headers.etag });
      expect([notModified.status, notModified.text, notModified.headers.etag]).toEqual([304, '', first.headers.etag]);
      expect((await feed({ 'If-None-Match': `W/${first.headers.etag}` })).status).toBe(304);
      expect((await feed({ 'If-None-Match': '"stale"' })).status).toBe(200);
      expect((await feed({ 'If-Modified-Since': first.headers['last-modified'] })).status).toBe(304);
      const before = new Date(new Date(first.headers['last-modified']).getTime() - 1000).toUTCString();
      expect((await feed({ 'If-Modified-Since': before })).status).toBe(200);
    });

    it('answers HEAD with the headers and no body', async () => {
      const get = await feed();
      const head = await t.http().head(feedPath);
      expect(head.status).toBe(200);
      expect(head.headers.etag).toBe(get.headers.etag);
      expect(head.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(head.text ?? '').toBe('');
    });

    it('renders once per change and answers 304 without rendering', async () => {
      const spy = jest.spyOn(render, 'renderCalendar');
      try {
        await feed();
        const etag = (await feed()).headers.etag;
        await feed({ 'If-None-Match': etag });
        expect(spy).toHaveBeenCalledTimes(0); // rendered by the earlier tests already
        await t.db.write((em) => em.update(Session, { id: taughtSession.id }, { sequence: 1 }));
        await feed();
        await feed();
        expect(spy).toHaveBeenCalledTimes(1);
      } finally {
        spy.mockRestore();
      }
    });

    it('404s unknown and malformed tokens', async () => {
      expect((await t.http().get(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
      expect((await t.http().get('/calendar/nope.ics')).status).toBe(404);
      expect((await t.http().get(`/calendar/${token}`)).status).toBe(404);
    });
  });

  describe('changes', () => {
    it('raises SEQUENCE and keeps a cancelled session as CANCELLED with a prefix', async () => {
      const before = parseFeed((await feed()).text).events.find((e) => e.uid === `session-${multi.id}-1@lots.example.se`)!;
      await age();
      const cancelledAt = new Date();
      await t.db.write(async (em) => {
        await em.update(Session, { id: multi.id }, { status: 'cancelled', cancelledAt, cancelledReason: 'Föreläsaren är sjuk', sequence: multi.sequence + 1 });
        await em.update(Enrolment, { sessionId: multi.id }, { status: 'cancelled', cancelledAt });
      });
      const res = await feed();
      const after = parseFeed(res.text).events.filter((e) => e.uid.startsWith(`session-${multi.id}-`));
      expect(after).toHaveLength(2);
      expect(after[0]).toMatchObject({ uid: before.uid, status: 'CANCELLED', summary: 'Inställt: Barnavårdsutredning; grund, "BBIC" (del 1 av 2)' });
      expect(after[0].sequence).toBeGreaterThan(before.sequence);
      expect(new Date(res.headers['last-modified']).getTime()).toBeGreaterThan(PAST.getTime());
    });

    it('drops a cancelled session 7 days after its end, and Last-Modified moves to that moment', async () => {
      const theme = await makeTheme(t);
      const lecture = await makeLecture(t, theme);
      const ended = (days: number) => ({ startsAt: new Date(Date.now() - days * DAY - 3 * 3600_000), status: 'cancelled' as const, cancelledAt: new Date(Date.now() - 20 * DAY) });
      const recent = await makeSession(t, lecture, ended(6));
      const old = await makeSession(t, lecture, ended(8));
      for (const s of [recent, old]) await makeEnrolment(t, s, hire, { status: 'cancelled', cancelledAt: new Date(Date.now() - 20 * DAY) });
      await age();
      const res = await feed();
      const uids = parseFeed(res.text).events.map((e) => e.uid);
      expect(uids).toContain(`session-${recent.id}-1@lots.example.se`);
      expect(uids).not.toContain(`session-${old.id}-1@lots.example.se`);
      const dropped = old.endsAt.getTime() + 7 * DAY;
      expect(new Date(res.headers['last-modified']).getTime()).toBe(Math.floor(dropped / 1000) * 1000);
    });

    it('drops the person\'s own cancelled booking and changes the ETag', async () => {
      const etag = (await feed()).headers.etag;
      await t.db.write((em) => em.update(Enrolment, { sessionId: waitlistedSession.id, personId: hire.id }, { status: 'cancelled', cancelledAt: new Date() }));
      const res = await feed();
      expect(res.headers.etag).not.toBe(etag);
      expect(res.text).not.toContain(`session-${waitlistedSession.id}-1@`);
    });

    it('moves Last-Modified and the ETag when a meeting is deleted', async () => {
      const other = await t.http().post(`/api/mentorships/${mentorshipId}/meetings`).auth(city.people.mentor.token, { type: 'bearer' })
        .send({ startsAt: `${Y}-03-10T14:00:00+01:00`, endsAt: `${Y}-03-10T15:00:00+01:00` });
      await age();
      const before = await feed();
      expect(before.text).toContain(`meeting-${other.body.id}@`);
      expect(new Date(before.headers['last-modified']).getTime()).toBeLessThan(Date.now() - 3600_000);
      expect((await t.http().delete(`/api/mentorships/${mentorshipId}/meetings/${other.body.id}`).auth(city.people.mentor.token, { type: 'bearer' })).status).toBe(204);
      const after = await feed();
      expect(after.text).not.toContain(`meeting-${other.body.id}@`);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(new Date(after.headers['last-modified']).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect((await feed({ 'If-Modified-Since': before.headers['last-modified'] })).status).toBe(200);
    });

    it('rotates: the old URL 404s at once; revoking 404s the new one', async () => {
      const rotated = await t.http().post('/api/me/calendar/rotate').auth(hire.token, { type: 'bearer' });
      expect(rotated.status).toBe(200);
      const newPath = new URL(rotated.body.url).pathname;
      expect(newPath).not.toBe(feedPath);
      expect((await t.http().get(feedPath)).status).toBe(404);
      expect((await t.http().get(newPath)).status).toBe(200);
      expect((await t.http().delete('/api/me/calendar').auth(hire.token, { type: 'bearer' })).status).toBe(204);
      expect((await t.http().get(newPath)).status).toBe(404);
      const fresh = await t.http().get('/api/me/calendar').auth(hire.token, { type: 'bearer' });
      expect([newPath, feedPath]).not.toContain(new URL(fresh.body.url).pathname);
      feedPath = new URL(fresh.body.url).pathname;
      expect((await feed()).status).toBe(200);
    });
  });

  describe('public theme feeds', () => {
    it('carries the theme\'s sessions without anyone\'s names or e-mail addresses, publicly cacheable', async () => {
      const res = await t.http().get(`/calendar/themes/${themeId}.ics`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^public/);
      const { events } = parseFeed(res.text);
      expect(events.map((e) => e.uid)).toEqual(expect.arrayContaining([`catalogue-session-${taughtSession.id}-1@lots.example.se`]));
      expect(res.text).toContain('X-WR-CALNAME:Välkommen till staden\r\n');
      for (const person of Object.values(city.people)) {
        expect(res.text).not.toContain(person.name);
        expect(res.text).not.toContain(person.email);
      }
      expect(res.text).not.toMatch(/ATTENDEE|ORGANIZER|@test\.example|Föreläsare Hire/);
      expect((await t.http().head(`/calendar/themes/${themeId}.ics`)).status).toBe(200);
      expect((await t.http().get(`/calendar/themes/${city.people.admin.id}.ics`)).status).toBe(404);
    });
  });
});
