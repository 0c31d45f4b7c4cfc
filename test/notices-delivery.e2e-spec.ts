import { DateTime } from 'luxon';
import { Notice } from '../src/notices/outbox/notice.entity';
import { NoticesService } from '../src/notices/notices.service';
import { startApp, TestApp } from './app';
import { makeLecture, makeSession, makeTheme } from './factories/catalogue.factory';
import { Lecture } from '../src/catalogue/lectures/lecture.entity';
import { City, makeCity } from './factories/organisation.factory';
import { makeEnrolment, makePlan, makePlanItem } from './factories/plans.factory';
import { Enrolment } from '../src/enrolment/enrolments/enrolment.entity';
import { startSmtp, TestSmtp } from './support/smtp';
import { DAY, ManualClock, notices, senderFor, withdrawAll } from './support/notices';

const ENV = (smtp: TestSmtp) => ({
  SMTP_URL: smtp.url,
  NOTICE_SEND_INTERVAL_MS: '0',
  NOTICE_MAX_ATTEMPTS: '3',
  NOTICE_RETRY_BASE_SECONDS: '60',
  NOTICE_CLAIM_TIMEOUT_SECONDS: '300',
});

describe('Notice delivery, the outbox and preferences', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let city: City;
  let hooks: NoticesService;
  let clock: ManualClock;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startApp(ENV(smtp));
    city = await makeCity(t);
    hooks = t.app.get(NoticesService);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    smtp.accept();
    smtp.clear();
    clock = new ManualClock();
    await withdrawAll(t);
  });

  // Lecture titles are unique: the booking helper's lecture is made once.
  let barnkonventionen: Promise<Lecture> | undefined;
  async function confirmedBooking(person = city.people.newhire, days = 20) {
    const lecture = await (barnkonventionen ??= makeTheme(t).then((theme) => makeLecture(t, theme, { title: 'Barnkonventionen' })));
    const session = await makeSession(t, lecture, { startsAt: new Date(Date.now() + days * DAY) });
    const enrolment = await makeEnrolment(t, session, person);
    await t.db.write((em) => hooks.bookingConfirmed(em, { enrolment: enrolment }));
    return { session, enrolment };
  }
  const confirmation = async (enrolmentId: string) => (await notices(t, { enrolmentId, kind: 'booking_confirmed' }))[0];

  it('retries with exponential backoff when the SMTP server refuses, records the error, and fails after the limit', async () => {
    const { enrolment } = await confirmedBooking();
    const sender = senderFor(t, clock);
    smtp.refuse(451, 'Mailbox busy');
    const start = clock.now();
    clock.set(start);
    await sender.tick();
    let row = await confirmation(enrolment.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('Mailbox busy');
    expect(row.sendAfter.getTime()).toBe(start.getTime() + 60_000);

    clock.advance(59_000);
    await sender.tick();
    expect((await confirmation(enrolment.id)).attempts).toBe(1);
    clock.advance(1_000);
    await sender.tick();
    row = await confirmation(enrolment.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.sendAfter.getTime()).toBe(clock.now().getTime() + 120_000);
    clock.advance(120_000);
    await sender.tick();
    row = await confirmation(enrolment.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(smtp.received).toHaveLength(0);
    expect(smtp.refused).toBeGreaterThanOrEqual(3);

    const coordinator = city.people.coordinator;
    const failed = await t.http().get('/api/notices?status=failed').set('Authorization', `Bearer ${coordinator.token}`).expect(200);
    expect(failed.body.items.map((n: { id: string }) => n.id)).toContain(row.id);
    expect(failed.body.items[0]).toMatchObject({ kind: 'booking_confirmed', attempts: 3, recipientId: city.people.newhire.id });

    smtp.accept();
    await t.http().post(`/api/notices/${row.id}/resend`).set('Authorization', `Bearer ${coordinator.token}`).expect(200);
    await t.http().post(`/api/notices/${row.id}/resend`).set('Authorization', `Bearer ${coordinator.token}`).expect(409);
    await sender.tick();
    expect((await confirmation(enrolment.id)).status).toBe('sent');
    expect(smtp.to(city.people.newhire.email).map((m) => m.subject)).toEqual(['Bokningsbekräftelse: Barnkonventionen']);
  });

  it('shows the outbox to admins and coordinators only, with other people’s names for admins only', async () => {
    await makePlan(t, city.people.otherHire, { introducerId: city.people.southIntroducer.id });
    const { enrolment } = await confirmedBooking(city.people.otherHire);
    await t.db.write((em) => hooks.enrolmentCancelled(em, { enrolment }, null));
    const query = `/api/notices?kind=cancellation_copy&recipientId=${city.people.southIntroducer.id}`;
    const asAdmin = await t.http().get(query).set('Authorization', `Bearer ${city.people.admin.token}`).expect(200);
    expect(asAdmin.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(asAdmin.body.items[0].payload.personal).toEqual({ hireName: city.people.otherHire.name });
    expect(asAdmin.body.items[0].sendAfter).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$/);
    const asCoordinator = await t.http().get(query).set('Authorization', `Bearer ${city.people.coordinator.token}`).expect(200);
    expect(asCoordinator.body.items[0].payload.personal).toBeUndefined();
    expect(asCoordinator.body.items[0].payload.session.title).toBe('Barnkonventionen');
    for (const person of [city.people.introducer, city.people.newhire, city.people.manager]) {
      await t.http().get('/api/notices').set('Authorization', `Bearer ${person.token}`).expect(403);
    }
    await t.http().get('/api/notices?status=lost').set('Authorization', `Bearer ${city.people.admin.token}`).expect(400);
    await t.http().post('/api/notices/not-a-uuid/resend').set('Authorization', `Bearer ${city.people.admin.token}`).expect(400);
    await t.http().post(`/api/notices/${enrolment.id}/resend`).set('Authorization', `Bearer ${city.people.admin.token}`).expect(404);
  });

  it('lets a person turn off reminders and switch language; queued notices follow', async () => {
    const hire = city.people.newhire;
    const auth = { Authorization: `Bearer ${hire.token}` };
    expect((await t.http().get('/api/me/notification-preferences').set(auth).expect(200)).body).toEqual({
      reminders: true,
      digest: true,
      evaluationRequests: true,
      language: 'sv',
    });
    const { session, enrolment } = await confirmedBooking(hire);
    const patched = await t.http().patch('/api/me/notification-preferences').set(auth).send({ reminders: false, language: 'en' }).expect(200);
    expect(patched.body).toEqual({ reminders: false, digest: true, evaluationRequests: true, language: 'en' });
    await t.http().patch('/api/me/notification-preferences').set(auth).send({ reminders: 'no' }).expect(400);
    await t.http().patch('/api/me/notification-preferences').set(auth).send({ sms: true }).expect(400);

    const sender = senderFor(t, clock);
    await sender.tick();
    expect(smtp.to(hire.email).map((m) => m.subject)).toEqual(['Booking confirmed: Barnkonventionen']);
    clock.set(new Date(session.startsAt.getTime() - DAY));
    await sender.tick();
    expect(smtp.to(hire.email)).toHaveLength(1);
    const reminders = await notices(t, { enrolmentId: enrolment.id, kind: 'reminder_1d' });
    expect(reminders[0]).toMatchObject({ status: 'withdrawn', lastError: 'turned off by the recipient' });
    await t.http().patch('/api/me/notification-preferences').set(auth).send({ reminders: true, language: 'sv' }).expect(200);
  });

  it('queues the weekly digest for introducers from Monday 07:00, once a week', async () => {
    const hire = city.people.newhire;
    const plan = await makePlan(t, hire, { introducerId: city.people.introducer.id });
    await makePlanItem(t, plan, { title: 'Läs handboken', dueDate: '2020-01-15' });
    const monday = DateTime.now().setZone('Europe/Stockholm').startOf('week').plus({ weeks: 1 });
    const lecture = await makeLecture(t, await makeTheme(t), { title: 'Utredning enligt BBIC' });
    const session = await makeSession(t, lecture, { startsAt: monday.plus({ days: 3, hours: 9 }).toJSDate() });
    await makeEnrolment(t, session, hire);

    const sender = senderFor(t, clock);
    clock.set(monday.set({ hour: 6, minute: 59 }).toJSDate());
    await sender.tick();
    expect(smtp.to(city.people.introducer.email)).toHaveLength(0);
    clock.set(monday.set({ hour: 7 }).toJSDate());
    await sender.tick();
    clock.advance(3600_000);
    await senderFor(t, clock).tick();
    const digests = smtp.to(city.people.introducer.email);
    expect(digests.map((m) => m.subject)).toEqual(['Veckans sammanställning för dina nyanställda']);
    expect(digests[0].text).toContain(`${hire.name}: Kommande utbildningstillfällen`);
    expect(digests[0].text).toContain(`${monday.plus({ days: 3 }).setLocale('sv').toFormat('cccc d MMMM yyyy')} kl. 09.00: Utredning enligt BBIC`);
    expect(digests[0].text).toContain('Läs handboken – skulle vara klar 15 januari 2020');
    expect(smtp.to(city.people.southIntroducer.email)).toHaveLength(0);
  });

  it('returns a claim whose process died to the queue after the timeout', async () => {
    const { enrolment } = await confirmedBooking();
    const row = await confirmation(enrolment.id);
    const claimedAt = clock.now();
    await t.db.write((em) => em.update(Notice, { id: row.id }, { status: 'sending', claimToken: 'dead-process', claimedAt, attempts: 1 }));
    const sender = senderFor(t, clock);
    await sender.tick();
    expect((await confirmation(enrolment.id)).status).toBe('sending');
    clock.set(new Date(claimedAt.getTime() + 301_000));
    await sender.tick();
    expect(await confirmation(enrolment.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.to(city.people.newhire.email)).toHaveLength(1);
  });

  // On PostgreSQL a second application instance (own pool) races the first. SQLite is one process
  // by design, and better-sqlite3 waits for locks synchronously, so there two senders share one app.
  it('sends every notice exactly once when two senders race on one database', async () => {
    const second = t.db.isPostgres ? await startApp({}, { reset: false }) : null;
    const other = second ?? t;
    try {
      const lecture = await makeLecture(t, await makeTheme(t));
      const session = await makeSession(t, lecture, { capacity: 40, startsAt: new Date(Date.now() + 2 * DAY) });
      const people = Object.values(city.people);
      const places: Enrolment[] = [];
      for (let i = 0; i < 4; i++) {
        for (const person of people) {
          const enrolment = await makeEnrolment(t, await makeSession(t, lecture, { startsAt: new Date(Date.now() + (3 + i) * DAY) }), person);
          places.push(enrolment);
        }
      }
      await t.db.write(async (em) => {
        for (const enrolment of places) await hooks.bookingConfirmed(em, { enrolment });
      });
      const ids = places.map((e) => e.id);
      expect(session.capacity).toBe(40);
      const senders = [senderFor(t, clock), senderFor(other, clock), senderFor(t, clock), senderFor(other, clock)];
      let sent = 0;
      for (let round = 0; round < 10; round++) {
        const counts = await Promise.all(senders.map((s) => s.tick()));
        sent += counts.reduce((a, b) => a + b, 0);
        if (counts.every((n) => n === 0)) break;
      }
      const confirmations = smtp.received.filter((r) => r.mail.headers.get('x-lots-notice') === 'booking_confirmed');
      expect(sent).toBe(smtp.received.length);
      const messageIds = confirmations.map((r) => r.mail.messageId);
      expect(messageIds).toHaveLength(ids.length);
      expect(new Set(messageIds).size).toBe(ids.length);
      const rows = await notices(t, { kind: 'booking_confirmed', status: 'sent' });
      const ours = rows.filter((n) => ids.includes(n.enrolmentId!));
      expect(ours).toHaveLength(ids.length);
      expect(ours.every((n) => n.attempts === 1)).toBe(true);
    } finally {
      await second?.close();
    }
  });
});

describe('The sender each server process starts', () => {
  it('delivers due notices on its interval and stops on shutdown', async () => {
    const smtp = await startSmtp();
    const t = await startApp({ SMTP_URL: smtp.url, NOTICE_SEND_INTERVAL_MS: '20' });
    try {
      const city = await makeCity(t);
      const lecture = await makeLecture(t, await makeTheme(t));
      const enrolment = await makeEnrolment(t, await makeSession(t, lecture), city.people.newhire);
      await t.db.write((em) => t.app.get(NoticesService).bookingConfirmed(em, { enrolment: enrolment }));
      const status = async () => (await notices(t, { enrolmentId: enrolment.id, kind: 'booking_confirmed' }))[0].status;
      for (let i = 0; i < 250 && (await status()) !== 'sent'; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await status()).toBe('sent');
      expect(smtp.to(city.people.newhire.email)).toHaveLength(1);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});

describe('Notices without SMTP_URL', () => {
  it('stay queued', async () => {
    const t = await startApp({ NOTICE_SEND_INTERVAL_MS: '0' });
    try {
      const city = await makeCity(t);
      const lecture = await makeLecture(t, await makeTheme(t));
      const enrolment = await makeEnrolment(t, await makeSession(t, lecture), city.people.newhire);
      await t.db.write((em) => t.app.get(NoticesService).bookingConfirmed(em, { enrolment: enrolment }));
      expect(await senderFor(t, new ManualClock()).tick()).toBe(0);
      expect((await notices(t, { enrolmentId: enrolment.id, kind: 'booking_confirmed' }))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    } finally {
      await t.close();
    }
  });
});
