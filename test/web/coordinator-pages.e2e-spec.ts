import { DateTime } from 'luxon';
import { startApp, TestApp } from '../app';
import { makeLecture, makeLecturer, makeSession, makeTheme, makeVenue } from '../factories/catalogue.factory';
import { City, makeCity } from '../factories/organisation.factory';
import { makeEnrolment, makePlan, makePlanItem } from '../factories/plans.factory';
import { springForwardDay } from '../support/time';
import { Agent, csrfOf, sessionCsrf, signedIn } from './web-session';

describe('coordinator and lecturer pages over HTTP: catalogue, schedule, session, dashboard', () => {
  let t: TestApp;
  let city: City;
  let coordinator: Agent;
  let lecturerAgent: Agent;
  const api = (path: string, token = city.people.coordinator.token) => t.http().get(`/api${path}`).set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    coordinator = await signedIn(t, city.people.coordinator.email);
    lecturerAgent = await signedIn(t, city.people.lecturer.email);
  });
  afterAll(() => t.close());

  const post = async (agent: Agent, path: string, body: Record<string, string | string[]>, status: number) =>
    agent.post(path).type('form').send({ _csrf: await sessionCsrf(agent), ...body }).expect(status);

  describe('catalogue', () => {
    it('lists lectures under their themed block with length in days and hours, level and status', async () => {
      const theme = await makeTheme(t, { name: 'Myndighetsutövning' });
      await makeLecture(t, theme, { title: 'Delegationsordningen', durationMinutes: 960, level: 'advanced', active: false });
      const page = await coordinator.get('/catalogue').expect(200);
      const block = page.text.slice(page.text.indexOf('Myndighetsutövning'));
      expect(block).toContain('Delegationsordningen');
      expect(block).toContain('2 utbildningsdagar');
      expect(block).toContain('16 timmar');
      expect(block).toContain('Fördjupning');
      expect(block).toContain('Inaktiv');
    });

    it('creates a lecture through the form, with the API\'s rules and every message beside its field', async () => {
      const theme = await makeTheme(t);
      const empty = await post(coordinator, '/catalogue/lectures/new', { title: '', themeId: '', durationDays: '', durationHours: '', recommendedMonth: '30' }, 400);
      for (const field of ['title', 'themeId', 'durationDays', 'recommendedMonth']) expect(empty.text).toContain(`href="#${field}"`);
      expect(empty.text).toContain('Välj ett tematiskt block');
      expect(empty.text).toContain('<title>Det finns ett problem: Ny föreläsning – Lots</title>');

      const form = { title: 'Barnsamtal i praktiken', themeId: theme.id, durationDays: '0', durationHours: '3,5', level: 'basic', format: 'online', active: 'true', recommendedMonth: '4' };
      const created = await post(coordinator, '/catalogue/lectures/new', form, 303);
      expect(created.headers.location).toBe('/catalogue?saved=1');
      const found = await api(`/lectures?q=${encodeURIComponent('Barnsamtal i praktiken')}`).expect(200);
      expect(found.body.items).toEqual([expect.objectContaining({ durationMinutes: 210, format: 'online', recommendedMonth: 4, active: true })]);

      const duplicate = await post(coordinator, '/catalogue/lectures/new', form, 400);
      expect(duplicate.text).toContain('id="title-error"');
      expect(duplicate.text).toContain('Det finns redan en föreläsning som heter ”Barnsamtal i praktiken”');

      const id = found.body.items[0].id;
      const edit = await coordinator.get(`/catalogue/lectures/${id}`).expect(200);
      expect(edit.text).toContain('value="Barnsamtal i praktiken"');
      expect(edit.text).toMatch(/id="durationHours" name="durationHours" type="text" value="3,5"/);
      await post(coordinator, `/catalogue/lectures/${id}`, { ...form, title: 'Barnsamtal', durationDays: '1', durationHours: '0', active: '' }, 303);
      expect((await api(`/lectures/${id}`).expect(200)).body).toEqual(expect.objectContaining({ title: 'Barnsamtal', durationMinutes: 480, active: false }));
    });

    it('leaves the API under /catalogue where it is (page routes lift the /api prefix only for their own paths)', async () => {
      const res = await t.http().post('/api/catalogue/import?type=venues').set('authorization', `Bearer ${city.people.coordinator.token}`).type('text/csv').send('name\n');
      expect(res.status).not.toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/(problem\+)?json/);
      await t.http().post('/catalogue/import').type('form').send({}).expect(404);
    });

    it('lists the lecturer bank and the venues', async () => {
      await makeLecturer(t, { name: 'Birgitta Olsson', organisation: 'Polisen', internal: false });
      await makeVenue(t, { name: 'Kompetenscenter sal 9', capacity: 24 });
      expect((await coordinator.get('/catalogue/lecturers').expect(200)).text).toMatch(/Birgitta Olsson[\s\S]*Polisen[\s\S]*Extern föreläsare/);
      expect((await coordinator.get('/catalogue/venues').expect(200)).text).toMatch(/Kompetenscenter sal 9[\s\S]*24/);
    });
    it('adds and changes venues and lecturers through their forms, with the API\'s rules', async () => {
      const noSeats = await post(coordinator, '/catalogue/venues/new', { name: 'Sal Ekorren', capacity: 'many', active: 'true' }, 400);
      expect(noSeats.text).toContain('href="#capacity"');
      await post(coordinator, '/catalogue/venues/new', { name: 'Sal Ekorren', address: 'Storgatan 1', capacity: '18', active: 'true' }, 303);
      const venues = (await api('/venues?limit=500').expect(200)).body.items;
      const venue = venues.find((v: { name: string }) => v.name === 'Sal Ekorren');
      expect(venue).toEqual(expect.objectContaining({ capacity: 18, address: 'Storgatan 1', active: true }));
      const twice = await post(coordinator, '/catalogue/venues/new', { name: 'Sal Ekorren', capacity: '5' }, 400);
      expect(twice.text).toContain('id="name-error"');
      await post(coordinator, `/catalogue/venues/${venue.id}`, { name: 'Sal Ekorren', capacity: '20' }, 303);
      expect((await api(`/venues/${venue.id}`).expect(200)).body).toEqual(expect.objectContaining({ capacity: 20, active: false, address: null }));

      const badMail = await post(coordinator, '/catalogue/lecturers/new', { name: 'Sara Holm', email: 'not-an-address' }, 400);
      expect(badMail.text).toContain('Skriv en e-postadress');
      await post(coordinator, '/catalogue/lecturers/new', { name: 'Sara Holm', organisation: 'Försäkringskassan', topics: 'Sjukpenning\nAktivitetsersättning', active: 'true' }, 303);
      const sara = (await api('/lecturers?q=Sara%20Holm').expect(200)).body.items[0];
      expect(sara).toEqual(expect.objectContaining({ internal: false, topics: ['Sjukpenning', 'Aktivitetsersättning'] }));
      expect((await coordinator.get(`/catalogue/lecturers/${sara.id}`).expect(200)).text).toContain('Sjukpenning\nAktivitetsersättning');
      await lecturerAgent.get('/catalogue/venues/new').expect(403);
    });
  });

  describe('schedule', () => {
    it('schedules, reschedules and cancels a session through the pages, shown in the month and the list', async () => {
      const lecture = await makeLecture(t, await makeTheme(t), { title: 'Motiverande samtal' });
      const venue = await makeVenue(t, { capacity: 12 });
      const day = DateTime.now().setZone(t.config.timeZone).plus({ months: 1 }).set({ day: 10 });
      const date = day.toISODate()!;
      const bad = await post(coordinator, '/schedule/new', { lectureId: lecture.id, 'date-0': date, 'start-0': '13:00', 'end-0': '09:00', venueId: venue.id, capacity: '40' }, 400);
      expect(bad.text).toContain('href="#end-0"');
      expect(bad.text).toMatch(/id="end-0-error"[^>]*>\s*<span class="govuk-visually-hidden">Fel:<\/span> Sluttiden måste vara efter starttiden/);
      expect(bad.text).not.toContain('endsAt');
      const created = await post(coordinator, '/schedule/new', { lectureId: lecture.id, 'date-0': date, 'start-0': '09:00', 'end-0': '12:00', venueId: venue.id, capacity: '' }, 303);
      const id = /^\/schedule\/([0-9a-f-]{36})\?saved=created$/.exec(created.headers.location)![1];
      const session = (await api(`/sessions/${id}`).expect(200)).body;
      expect(session).toEqual(expect.objectContaining({ capacity: 12, venueId: venue.id, startsAt: day.set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true }) }));

      const month = await coordinator.get(`/schedule?month=${day.toFormat('yyyy-MM')}&lectureId=${lecture.id}`).expect(200);
      expect(month.text).toContain(`href="/schedule/${id}"`);
      expect(month.text).toContain('0 / 12');
      expect(month.text).toContain('1 tillfälle i månaden');
      await coordinator.get('/schedule?month=2026-13').expect(400);

      const twoDays = { 'date-0': date, 'start-0': '09:00', 'end-0': '16:00', 'date-1': day.plus({ days: 1 }).toISODate()!, 'start-1': '09:00', 'end-1': '12:00', venueId: venue.id, capacity: '10' };
      await post(coordinator, `/schedule/${id}/edit`, twoDays, 303);
      const moved = (await api(`/sessions/${id}`).expect(200)).body;
      expect(moved.slots).toHaveLength(2);
      expect(moved.capacity).toBe(10);
      expect(moved.sequence).toBe(1);

      const noReason = await post(coordinator, `/schedule/${id}/cancel`, { reason: ' ' }, 400);
      expect(noReason.text).toContain('Skriv en anledning');
      await post(coordinator, `/schedule/${id}/cancel`, { reason: 'Föreläsaren är sjuk' }, 303);
      expect((await api(`/sessions/${id}`).expect(200)).body).toEqual(expect.objectContaining({ status: 'cancelled', cancelledReason: 'Föreläsaren är sjuk' }));
      const again = await post(coordinator, `/schedule/${id}/cancel`, { reason: 'igen' }, 400);
      expect(again.text).toContain('Tillfället är redan inställt');
      const moveCancelled = await post(coordinator, `/schedule/${id}/edit`, twoDays, 400);
      expect(moveCancelled.text).toContain('href="#date-0"');
      expect(moveCancelled.text).toContain('Tillfället är inställt och kan inte ändras');
      expect(moveCancelled.text).not.toMatch(/already|cannot|must be/);
    });

    it('keeps the form with the error beside the field for an impossible time or one the spring change skips, when scheduling and rescheduling', async () => {
      const lecture = await makeLecture(t, await makeTheme(t), { title: 'Sommartid' });
      const gapDay = springForwardDay(t.config.timeZone);
      const future = DateTime.now().setZone(t.config.timeZone).plus({ months: 2 }).toISODate()!;
      const existing = await makeSession(t, lecture);
      const before = (await api(`/sessions/${existing.id}`).expect(200)).body;
      for (const [path, extra] of [['/schedule/new', { lectureId: lecture.id }], [`/schedule/${existing.id}/edit`, {}]] as const) {
        const impossible = await post(coordinator, path, { ...extra, 'date-0': future, 'start-0': '25:00', 'end-0': '09:75', capacity: '8' }, 400);
        for (const name of ['start-0', 'end-0']) {
          expect(impossible.text).toContain(`href="#${name}"`);
          expect(impossible.text).toMatch(new RegExp(`id="${name}-error"[^>]*>\\s*<span class="govuk-visually-hidden">[^<]*</span> Skriv tiden som TT:MM`));
        }
        expect(impossible.text).toContain('value="25:00"');
        expect(impossible.text).toContain('value="09:75"');
        expect(impossible.text).toContain('value="8"');

        const skipped = await post(coordinator, path, { ...extra, 'date-0': gapDay, 'start-0': '02:30', 'end-0': '04:00' }, 400);
        expect(skipped.text).toContain('href="#start-0"');
        expect(skipped.text).toMatch(/id="start-0-error"[^>]*>\s*<span class="govuk-visually-hidden">[^<]*<\/span> Den tiden finns inte den dagen/);
        expect(skipped.text).not.toContain('id="end-0-error"');
        expect(skipped.text).toContain('value="02:30"');
        expect(skipped.text).toContain(`value="${gapDay}"`);
      }
      const sessions = (await api(`/sessions?lectureId=${lecture.id}`).expect(200)).body;
      expect(sessions.items.map((s: { id: string }) => s.id)).toEqual([existing.id]);
      expect((await api(`/sessions/${existing.id}`).expect(200)).body).toEqual(before);
    });
    it('shows the service\'s refusals in the page\'s language beside the field they concern: a double-booked venue, seats below those booked', async () => {
      const lecture = await makeLecture(t, await makeTheme(t));
      const venue = await makeVenue(t, { name: 'Sal Uven', capacity: 20 });
      const day = DateTime.now().setZone(t.config.timeZone).plus({ months: 2 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
      const taken = await makeSession(t, lecture, { venueId: venue.id, startsAt: day.toJSDate(), capacity: 20, slots: [{ startsAt: day.toJSDate(), endsAt: day.plus({ hours: 3 }).toJSDate() }] });
      const form = { lectureId: lecture.id, 'date-0': day.toISODate()!, 'start-0': '10:00', 'end-0': '11:00', venueId: venue.id, capacity: '' };
      const clash = await post(coordinator, '/schedule/new', form, 400);
      expect(clash.text).toContain('href="#venueId"');
      expect(clash.text).toMatch(/id="venueId-error"[^>]*>\s*<span class="govuk-visually-hidden">Fel:<\/span> Lokalen är redan bokad för ett annat tillfälle \d+ \w+ \d{4} kl\. 09:00–\d+ \w+ \d{4} kl\. 12:00/);
      expect(clash.text).not.toContain('Välj en aktiv lokal');

      await makeEnrolment(t, taken, city.people.newhire);
      await makeEnrolment(t, taken, city.people.otherHire);
      const times = { 'date-0': day.toISODate()!, 'start-0': '09:00', 'end-0': '12:00', venueId: venue.id };
      const fewer = await post(coordinator, `/schedule/${taken.id}/edit`, { ...times, capacity: '1' }, 400);
      expect(fewer.text).toMatch(/id="capacity-error"[^>]*>\s*<span class="govuk-visually-hidden">Fel:<\/span> 2 platser är redan bokade\. Antalet platser kan inte bli färre än så\./);
      expect(fewer.text).not.toContain('högst lokalens antal');

      const english = await signedIn(t, city.people.admin.email);
      await post(english, '/profile/language', { language: 'en' }, 303);
      const inEnglish = await post(english, `/schedule/${taken.id}/edit`, { ...times, capacity: '1' }, 400);
      expect(inEnglish.text).toMatch(/id="capacity-error"[^>]*>\s*<span class="govuk-visually-hidden">Error:<\/span> 2 seats are already booked\./);
    });
  });

  describe('session page, attendance and scope', () => {
    it('shows the roster, the waitlist and the CSV to the session\'s lecturer; marks attendance once it has started', async () => {
      const me = await makeLecturer(t, { personId: city.people.lecturer.id });
      const lecture = await makeLecture(t, await makeTheme(t));
      const past = await makeSession(t, lecture, { startsAt: new Date(Date.now() - 3600_000), capacity: 1, lecturers: [me] });
      const plan = await makePlan(t, city.people.newhire);
      const item = await makePlanItem(t, plan, { lectureId: lecture.id, status: 'booked' });
      const place = await makeEnrolment(t, past, city.people.newhire, { planItemId: item.id });
      await makeEnrolment(t, past, city.people.otherHire, { status: 'waitlisted', queueNumber: 1 });

      const page = await lecturerAgent.get(`/schedule/${past.id}`).expect(200);
      expect(page.text).toContain(city.people.newhire.name);
      expect(page.text).toContain('Väntelista (1)');
      expect(page.text).toContain(city.people.otherHire.name);
      expect(page.text).not.toContain('Ställ in tillfället');
      const csv = await lecturerAgent.get(`/schedule/${past.id}/roster.csv`).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text).toContain(city.people.newhire.email);

      const bad = await post(lecturerAgent, `/schedule/${past.id}/attendance`, { [`a_${place.id}`]: 'sleeping' }, 409);
      expect(bad.text).toContain('Välj närvarande, frånvarande eller anmält förhinder');
      await post(lecturerAgent, `/schedule/${past.id}/attendance`, { [`a_${place.id}`]: 'attended' }, 303);
      const roster = await api(`/sessions/${past.id}/enrolments`).expect(200);
      expect(roster.body.items.find((r: { id: string }) => r.id === place.id).attendance).toBe('attended');

      const future = await makeSession(t, lecture, { lecturers: [me] });
      const later = await makeEnrolment(t, future, city.people.otherHire);
      const early = await post(lecturerAgent, `/schedule/${future.id}/attendance`, { [`a_${later.id}`]: 'attended' }, 409);
      expect(early.text).toContain('Närvaro kan registreras först när tillfället har börjat.');
    });

    it('answers 404 to a lecturer for a session they do not teach, and 403 to roles without the page', async () => {
      const other = await makeSession(t, await makeLecture(t, await makeTheme(t)), { lecturers: [await makeLecturer(t)] });
      await lecturerAgent.get(`/schedule/${other.id}`).expect(404);
      await lecturerAgent.get(`/schedule/${other.id}/roster.csv`).expect(404);
      await post(lecturerAgent, `/schedule/${other.id}/attendance`, {}, 404);
      await post(lecturerAgent, `/schedule/${other.id}/cancel`, { reason: 'x' }, 403);
      await lecturerAgent.get('/schedule/new').expect(403);
      await lecturerAgent.get('/catalogue').expect(403);
      const month = await lecturerAgent.get('/schedule').expect(200);
      expect(month.text).not.toContain(`/schedule/${other.id}"`);
      await coordinator.get(`/schedule/${other.id}`).expect(200);

      const hire = await signedIn(t, city.people.newhire.email);
      for (const path of ['/catalogue', '/catalogue/lectures/new', '/catalogue/venues', '/schedule', `/schedule/${other.id}`, '/dashboard', '/dashboard/completion.csv']) {
        await hire.get(path).expect(403);
      }
    });

    it('refuses every form without this session\'s token', async () => {
      const session = await makeSession(t, await makeLecture(t, await makeTheme(t)));
      const other = await signedIn(t, city.people.admin.email);
      const foreign = await sessionCsrf(other);
      for (const path of ['/catalogue/lectures/new', '/schedule/new', `/schedule/${session.id}/edit`, `/schedule/${session.id}/cancel`, `/schedule/${session.id}/attendance`]) {
        await coordinator.post(path).type('form').send({ reason: 'x' }).expect(403);
        await coordinator.post(path).type('form').send({ reason: 'x', _csrf: foreign }).expect(403);
      }
      expect((await api(`/sessions/${session.id}`).expect(200)).body.status).toBe('scheduled');
      expect(csrfOf((await coordinator.get('/catalogue/lectures/new').expect(200)).text)).toBe(await sessionCsrf(coordinator));
    });
  });

  describe('dashboard', () => {
    it('shows completion for the city to coordinators and for own units to introducers, with CSV and retention', async () => {
      const plan = await makePlan(t, city.people.otherHire, { startDate: '2025-02-01', endDate: '2027-02-01' });
      await makePlanItem(t, plan, { dueDate: '2025-03-01' });
      const all = await coordinator.get('/dashboard').expect(200);
      expect(all.text).toContain('South adults');
      expect(all.text).toContain('North children');
      expect(all.text).toContain('2025 kvartal 1');
      expect(all.text).toContain('Hur långt de nyanställda har kommit i hela kommunen.');
      expect(all.text).toMatch(/<option value="">Hela kommunen<\/option>/);
      const csv = await coordinator.get(`/dashboard/completion.csv?orgUnitId=${city.units.south.id}`).expect(200);
      expect(csv.text.split('\n')[0]).toContain('newHire,orgUnit,status');
      expect(csv.text).toContain(city.people.otherHire.name);
      expect(csv.text).not.toContain(city.people.newhire.name);

      const introducer = await signedIn(t, city.people.introducer.email);
      const own = await introducer.get('/dashboard').expect(200);
      expect(own.text).toContain('North children');
      expect(own.text).not.toContain('South adults');
      expect(own.text).toContain('Hur långt de nyanställda har kommit i dina enheter.');
      expect(own.text).toMatch(/<option value="">Alla dina enheter<\/option>/);
      expect(own.text).not.toMatch(/hela kommunen/i);
      const narrowed = await introducer.get(`/dashboard?orgUnitId=${city.units.northUnit.id}`).expect(200);
      expect(narrowed.text).toContain('Hur långt de nyanställda har kommit i North children.');
      await introducer.get(`/dashboard?orgUnitId=${city.units.south.id}`).expect(404);
      await introducer.get('/dashboard?orgUnitId=nope').expect(400);
    });
  });
});
