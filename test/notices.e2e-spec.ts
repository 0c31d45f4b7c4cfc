import { DateTime } from 'luxon';
import { In } from 'typeorm';
import { Session } from '../src/catalogue/sessions/session.entity';
import { SessionSlot } from '../src/catalogue/sessions/session-slot.entity';
import { Enrolment } from '../src/enrolment/enrolments/enrolment.entity';
import { Person } from '../src/people/people/person.entity';
import { NoticesService } from '../src/notices/notices.service';
import { startApp, TestApp } from './app';
import { makeLecture, makeSession, makeTheme, makeVenue } from './factories/catalogue.factory';
import { Lecture } from '../src/catalogue/lectures/lecture.entity';
import { Venue } from '../src/catalogue/venues/venue.entity';
import { City, makeCity } from './factories/organisation.factory';
import { makeEnrolment, makePlan } from './factories/plans.factory';
import { attachedCalendar, startSmtp, TestSmtp } from './support/smtp';
import { DAY, ManualClock, notices, senderFor, withdrawAll } from './support/notices';

const HOST = 'lots.storvik.example';
/** A whole minute n days from now (iCalendar has no milliseconds). */
const inDays = (n: number) => new Date(Math.floor((Date.now() + n * DAY) / 60_000) * 60_000);

describe('E-mail notices', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let city: City;
  let hooks: NoticesService;
  let clock: ManualClock;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Lots Storvik <lots@storvik.example>',
      PUBLIC_BASE_URL: `https://${HOST}`,
      NOTICE_SEND_INTERVAL_MS: '0',
    });
    city = await makeCity(t);
    hooks = t.app.get(NoticesService);
    await makePlan(t, city.people.newhire, { introducerId: city.people.introducer.id });
    await makePlan(t, city.people.otherHire, { introducerId: city.people.southIntroducer.id });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    smtp.clear();
    clock = new ManualClock();
    await withdrawAll(t);
  });

  const sender = () => senderFor(t, clock);
  const setLanguage = (person: Person, language: 'sv' | 'en') => t.db.write((em) => em.update(Person, { id: person.id }, { language }));

  // Lecture titles and venue names are unique: each is made once and shared by the tests' sessions.
  const lectures = new Map<string, Promise<Lecture>>();
  let venue: Promise<Venue> | undefined;
  async function bookedSession(startsAt: Date, fields: { title?: string; venue?: boolean } = {}) {
    const title = fields.title ?? 'Samtal med barn';
    if (!lectures.has(title)) lectures.set(title, makeTheme(t).then((theme) => makeLecture(t, theme, { title })));
    const lecture = await lectures.get(title)!;
    const room = fields.venue === false ? null : await (venue ??= makeVenue(t, { name: 'Kompetenscentret, sal 2', address: 'Storgatan 1' }));
    return makeSession(t, lecture, { startsAt, venueId: room?.id ?? null });
  }

  it('confirms a booking in Swedish with an invitation that has the feed UID, SEQUENCE and METHOD:REQUEST', async () => {
    const start = DateTime.fromISO('2027-03-03T09:00', { zone: 'Europe/Stockholm' }).toJSDate();
    const session = await bookedSession(start);
    const enrolment = await makeEnrolment(t, session, city.people.newhire);
    await t.db.write((em) => hooks.bookingConfirmed(em, { enrolment: enrolment }));

    expect(await sender().tick()).toBe(1);
    const [mail] = smtp.to(city.people.newhire.email);
    expect(mail.subject).toBe('Bokningsbekräftelse: Samtal med barn');
    expect(mail.from?.value[0]).toEqual({ address: 'lots@storvik.example', name: 'Lots Storvik' });
    expect(mail.text).toContain(`Hej ${city.people.newhire.name}!`);
    expect(mail.text).toContain('onsdag 3 mars 2027 kl. 09.00–12.00');
    expect(mail.text).toContain('Kompetenscentret, sal 2, Storgatan 1');
    expect(mail.html).toContain('<li>onsdag 3 mars 2027 kl. 09.00–12.00</li>');
    expect(mail.messageId).toMatch(new RegExp(`^<notice-[0-9a-f-]+@${HOST}>$`));

    const slot = await t.db.manager.findOneByOrFail(SessionSlot, { sessionId: session.id });
    const ics = attachedCalendar(mail)!;
    expect(ics.method).toBe('REQUEST');
    expect(ics.timezones).toBe(1);
    expect(ics.events).toEqual([
      expect.objectContaining({ uid: `session-${session.id}-1@${HOST}`, sequence: 1, status: 'CONFIRMED', tzid: 'Europe/Stockholm', start }),
    ]);
    expect(ics.events[0].organizer).toBe('mailto:lots@storvik.example');
    expect(ics.text).toMatch(/DTSTART;TZID=Europe\/Stockholm:20270303T090000/);
  });

  it('writes English to people whose language is en', async () => {
    const hire = city.people.otherHire;
    await setLanguage(hire, 'en');
    const start = DateTime.fromISO('2027-03-04T13:30', { zone: 'Europe/Stockholm' }).toJSDate();
    const session = await bookedSession(start, { title: 'Child interviews' });
    const enrolment = await makeEnrolment(t, session, hire);
    await t.db.write((em) => hooks.bookingConfirmed(em, { enrolment: enrolment }));
    await sender().tick();
    const [mail] = smtp.to(hire.email);
    expect(mail.subject).toBe('Booking confirmed: Child interviews');
    expect(mail.text).toContain(`Hello ${hire.name},`);
    expect(mail.text).toContain('Thursday 4 March 2027, 13:30–16:30');
    expect(mail.html).toContain('lang="en"');
    await setLanguage(hire, 'sv');
  });

  it('queues a notice once: a second call with the same change is a no-op', async () => {
    const session = await bookedSession(inDays(20));
    const enrolment = await makeEnrolment(t, session, city.people.newhire);
    await t.db.write((em) => hooks.bookingConfirmed(em, { enrolment: enrolment }));
    await t.db.write((em) => hooks.bookingConfirmed(em, { enrolment: enrolment }));
    await t.db.write((em) =>
      hooks.enqueue(em, { kind: 'booking_confirmed', recipientId: city.people.newhire.id, dedupeKey: `booking_confirmed:${enrolment.id}`, language: 'sv', payload: {} }),
    );
    const rows = await notices(t, { enrolmentId: enrolment.id });
    expect(rows.map((n) => n.kind).sort()).toEqual(['booking_confirmed', 'reminder_1d', 'reminder_7d']);
    await sender().tick();
    expect(smtp.to(city.people.newhire.email)).toHaveLength(1);
  });

  it('rolls the notice back with the change that caused it', async () => {
    const session = await bookedSession(inDays(20));
    const enrolment = await makeEnrolment(t, session, city.people.newhire);
    await expect(
      t.db.write(async (em) => {
        await hooks.bookingConfirmed(em, { enrolment: enrolment });
        throw new Error('booking failed later in the transaction');
      }),
    ).rejects.toThrow('booking failed');
    expect(await notices(t, { enrolmentId: enrolment.id })).toHaveLength(0);
  });

  it('sends reminders 7 days and 1 day before the first slot, when the clock gets there', async () => {
    const start = inDays(20);
    const session = await bookedSession(start);
    const enrolment = await makeEnrolment(t, session, city.people.newhire);
    await t.db.write((em) => hooks.bookingConfirmed(em, { enrolment: enrolment }));
    const s = sender();
    const inbox = () => smtp.to(city.people.newhire.email);
    await s.tick();
    expect(inbox()).toHaveLength(1);
    clock.set(new Date(start.getTime() - 7 * DAY - 60_000));
    await s.tick();
    expect(inbox()).toHaveLength(1);
    clock.set(new Date(start.getTime() - 7 * DAY));
    await s.tick();
    expect(inbox()).toHaveLength(2);
    clock.set(new Date(start.getTime() - DAY - 60_000));
    await s.tick();
    expect(inbox()).toHaveLength(2);
    clock.set(new Date(start.getTime() - DAY));
    await s.tick();
    expect(inbox().map((m) => m.subject)).toEqual([
      'Bokningsbekräftelse: Samtal med barn',
      'Påminnelse: Samtal med barn om en vecka',
      'Påminnelse: Samtal med barn i morgon',
    ]);
    expect(inbox()[1].text).toContain('aviseringsinställningar');
  });

  it('moves pending reminders when a session is rescheduled and sends the update with a higher SEQUENCE', async () => {
    const start = inDays(20);
    const session = await bookedSession(start);
    const booked = await makeEnrolment(t, session, city.people.newhire);
    const waiting = await makeEnrolment(t, session, city.people.otherHire, { status: 'waitlisted', queueNumber: 1 });
    await t.db.write((em) => hooks.bookingConfirmed(em, { enrolment: booked }));
    const later = new Date(start.getTime() + 10 * DAY);
    await t.db.write(async (em) => {
      await em.update(SessionSlot, { sessionId: session.id }, { startsAt: later, endsAt: new Date(later.getTime() + 3 * 3600_000) });
      await em.update(Session, { id: session.id }, { startsAt: later, sequence: 1 });
      await hooks.sessionRescheduled(em, session.id);
    });
    await t.db.write((em) => hooks.sessionRescheduled(em, session.id));

    const reminders = await notices(t, { enrolmentId: booked.id, status: 'pending', kind: In(['reminder_7d', 'reminder_1d']) });
    expect(reminders.map((n) => [n.kind, n.sendAfter.getTime()])).toEqual([
      ['reminder_7d', later.getTime() - 7 * DAY],
      ['reminder_1d', later.getTime() - DAY],
    ]);
    await sender().tick();
    const update = smtp.to(city.people.newhire.email).find((m) => m.subject?.startsWith('Ändrad tid'))!;
    const ics = attachedCalendar(update)!;
    const slot = await t.db.manager.findOneByOrFail(SessionSlot, { sessionId: session.id });
    expect(ics.method).toBe('REQUEST');
    expect(ics.events).toEqual([expect.objectContaining({ uid: `session-${session.id}-1@${HOST}`, sequence: 2, start: later })]);
    const waitlisted = smtp.to(city.people.otherHire.email);
    expect(waitlisted.map((m) => m.subject)).toEqual(['Ändrad tid eller plats: Samtal med barn']);
    expect(attachedCalendar(waitlisted[0])).toBeNull();
    expect(await notices(t, { enrolmentId: waiting.id, kind: 'reminder_7d' })).toHaveLength(0);

    smtp.clear();
    clock.set(new Date(start.getTime() - 7 * DAY));
    await sender().tick();
    expect(smtp.to(city.people.newhire.email)).toHaveLength(0);
    clock.set(new Date(later.getTime() - 7 * DAY));
    await sender().tick();
    expect(smtp.to(city.people.newhire.email).map((m) => m.subject)).toEqual(['Påminnelse: Samtal med barn om en vecka']);
  });

  it('cancels a session with METHOD:CANCEL to everyone who held a place, withdraws reminders and copies the introducer', async () => {
    const hire = city.people.newhire;
    const session = await bookedSession(inDays(20));
    const enrolment = await makeEnrolment(t, session, hire);
    await t.db.write((em) => hooks.bookingConfirmed(em, { enrolment: enrolment }));
    await sender().tick();
    smtp.clear();
    await t.db.write(async (em) => {
      const now = new Date();
      await em.update(Session, { id: session.id }, { status: 'cancelled', cancelledAt: now, cancelledReason: 'Föreläsaren är sjuk', sequence: 1 });
      await em.update(Enrolment, { sessionId: session.id }, { status: 'cancelled', cancelledAt: now });
      await hooks.sessionCancelled(em, session.id);
    });
    expect((await notices(t, { enrolmentId: enrolment.id, kind: 'reminder_7d' }))[0].status).toBe('withdrawn');
    await sender().tick();
    const [mail] = smtp.to(hire.email);
    expect(mail.subject).toBe('Inställt: Samtal med barn');
    expect(mail.text).toContain('Föreläsaren är sjuk');
    const ics = attachedCalendar(mail)!;
    expect(ics.method).toBe('CANCEL');
    expect(ics.events[0]).toMatchObject({ uid: `session-${session.id}-1@${HOST}`, sequence: 2, status: "CANCELLED" });
    const [copy] = smtp.to(city.people.introducer.email);
    expect(copy.subject).toBe(`Kopia: ${hire.name} är avbokad från Samtal med barn`);
    expect(copy.text).toContain('eftersom tillfället är inställt');
    smtp.clear();
    clock.advance(30 * DAY);
    await sender().tick();
    expect(smtp.to(hire.email)).toHaveLength(0);
  });

  it('tells the hire and (as a copy) the introducer when an enrolment is cancelled, and withdraws its reminders', async () => {
    const hire = city.people.otherHire;
    const session = await bookedSession(inDays(20));
    const enrolment = await makeEnrolment(t, session, hire);
    await t.db.write((em) => hooks.bookingConfirmed(em, { enrolment: enrolment }));
    await t.db.write(async (em) => {
      await em.update(Enrolment, { id: enrolment.id }, { status: 'cancelled', cancelledAt: new Date(), cancelledBy: hire.id });
      await hooks.enrolmentCancelled(em, { enrolment: await em.findOneByOrFail(Enrolment, { id: enrolment.id }) }, hire.id);
    });
    expect((await notices(t, { enrolmentId: enrolment.id, kind: 'reminder_1d' }))[0].status).toBe('withdrawn');
    await sender().tick();
    const subjects = smtp.to(hire.email).map((m) => m.subject);
    expect(subjects).toEqual(['Bokningsbekräftelse: Samtal med barn', 'Avbokad: Samtal med barn']);
    expect(attachedCalendar(smtp.to(hire.email)[1])!.method).toBe('CANCEL');
    expect(smtp.to(city.people.southIntroducer.email).map((m) => m.subject)).toEqual([`Kopia: ${hire.name} är avbokad från Samtal med barn`]);
  });

  it('does not copy the introducer who cancelled the place themselves', async () => {
    const hire = city.people.otherHire;
    const session = await bookedSession(inDays(20));
    const enrolment = await makeEnrolment(t, session, hire);
    await t.db.write(async (em) => {
      await em.update(Enrolment, { id: enrolment.id }, { status: 'cancelled', cancelledAt: new Date() });
      await hooks.enrolmentCancelled(em, { enrolment: await em.findOneByOrFail(Enrolment, { id: enrolment.id }) }, city.people.southIntroducer.id);
    });
    await sender().tick();
    expect(smtp.to(city.people.southIntroducer.email)).toHaveLength(0);
    expect(smtp.to(hire.email)[0].text).toContain(`${city.people.southIntroducer.name} har avbokat din plats`);
  });

  it('sends the waitlist place and the promotion', async () => {
    const hire = city.people.newhire;
    const session = await bookedSession(inDays(20));
    await makeEnrolment(t, session, city.people.mentor, { status: 'waitlisted', queueNumber: 1 });
    const enrolment = await makeEnrolment(t, session, hire, { status: 'waitlisted', queueNumber: 2 });
    await t.db.write((em) => hooks.waitlisted(em, { enrolment: enrolment }));
    await t.db.write(async (em) => {
      await em.update(Enrolment, { id: enrolment.id }, { status: 'booked', bookedAt: new Date(), queueNumber: null });
      await hooks.promoted(em, { enrolment: await em.findOneByOrFail(Enrolment, { id: enrolment.id }) });
    });
    await sender().tick();
    const [waitlisted, promoted] = smtp.to(hire.email);
    expect(waitlisted.text).toContain('Du står på reservlistan som nummer 2.');
    expect(attachedCalendar(waitlisted)).toBeNull();
    expect(promoted.subject).toBe('Du har fått en plats: Samtal med barn');
    expect(attachedCalendar(promoted)!.method).toBe('REQUEST');
    expect(await notices(t, { enrolmentId: enrolment.id, kind: 'reminder_7d' })).toHaveLength(1);
  });

  it('asks for an evaluation after attendance, and copies the introducer on a no-show', async () => {
    const hire = city.people.newhire;
    const session = await bookedSession(inDays(-1));
    const attended = await makeEnrolment(t, session, hire, { attendance: 'attended' });
    const absent = await makeEnrolment(t, session, city.people.otherHire, { attendance: 'absent' });
    await t.db.write(async (em) => {
      await hooks.attendanceRecorded(em, { enrolment: attended });
      await hooks.attendanceRecorded(em, { enrolment: absent });
    });
    await sender().tick();
    expect(smtp.to(hire.email).map((m) => m.subject)).toEqual(['Vad tyckte du om Samtal med barn?']);
    expect(smtp.to(city.people.otherHire.email)).toHaveLength(0);
    expect(smtp.to(city.people.southIntroducer.email).map((m) => m.subject)).toEqual([`Frånvaro: ${city.people.otherHire.name} på Samtal med barn`]);
  });
});
