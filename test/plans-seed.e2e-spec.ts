import { DateTime } from 'luxon';
import { startApp, TestApp } from './app';
import { makeLecture, makeSession, makeTheme } from './factories/catalogue.factory';
import { organisationSeed } from '../seeds/organisation.seed';
import { plansSeed } from '../seeds/plans.seed';
import { demoAnchor } from '../seeds/demo-calendar';
import { Enrolment } from '../src/enrolment/enrolments/enrolment.entity';
import { Plan } from '../src/plans/plans/plan.entity';
import { PlanItem } from '../src/plans/plan-items/plan-item.entity';
import { PlanTemplate } from '../src/plans/plan-templates/plan-template.entity';
import { Session } from '../src/catalogue/sessions/session.entity';
import { Person } from '../src/people/people/person.entity';

describe('plans demo seed', () => {
  let t: TestApp;
  const run = (steps = [organisationSeed, plansSeed], now = DateTime.now()) =>
    t.db.write(async (em) => {
      const anchor = await demoAnchor(em, now);
      for (const step of steps) await step.run({ em, demoPasswordHash: 'x', anchor, log: () => undefined });
    });
  const counts = async () => ({
    templates: await t.db.manager.count(PlanTemplate),
    plans: await t.db.manager.count(Plan),
    items: await t.db.manager.count(PlanItem),
    enrolments: await t.db.manager.count(Enrolment),
    sessions: await t.db.manager.count(Session),
  });

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('seeds plans in several states with bookings, a waitlist and attendance, and runs twice without changes', async () => {
    await run([organisationSeed]);
    const theme = await makeTheme(t, { audience: 'all' });
    const day = 86400_000;
    for (const month of [1, 2, 3, 6, 12]) {
      const lecture = await makeLecture(t, theme, { recommendedMonth: month, durationMinutes: 480 });
      await makeSession(t, lecture, { startsAt: new Date(Date.now() - (400 - month * 20) * day), capacity: 30 });
      await makeSession(t, lecture, { startsAt: new Date(Date.now() + (20 + month) * day), capacity: 30 });
    }
    await run();
    const first = await counts();
    expect(first.templates).toBeGreaterThanOrEqual(6);
    expect(first.plans).toBe(12);
    const statuses = (await t.db.manager.find(Plan)).map((p) => p.status);
    expect(new Set(statuses)).toEqual(new Set(['draft', 'active', 'paused', 'completed']));
    const enrolments = await t.db.manager.find(Enrolment);
    expect(enrolments.some((e) => e.attendance === 'attended')).toBe(true);
    expect(enrolments.some((e) => e.status === 'booked' && e.attendance === null)).toBe(true);
    expect(enrolments.some((e) => e.status === 'waitlisted')).toBe(true);
    const items = await t.db.manager.find(PlanItem);
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['planned', 'booked', 'done', 'waived', 'missed']));
    for (const session of await t.db.manager.find(Session)) {
      expect(session.bookedCount).toBe(enrolments.filter((e) => e.sessionId === session.id && e.status === 'booked').length);
    }
    const hires = async () => (await t.db.manager.find(Person, { order: { email: 'ASC' } })).map((p) => [p.email, p.employmentStart]);
    const before = await hires();
    // Seeding again months later lays out the same dates from the stored anchor: nothing new.
    await run(undefined, DateTime.now().plus({ months: 5 }));
    expect(await counts()).toEqual(first);
    expect(await hires()).toEqual(before);
  });

  it('lays out employment starts on Mondays relative to the first seeding week', async () => {
    const anchor = await t.db.write((em) => demoAnchor(em));
    expect(DateTime.fromISO(anchor).weekday).toBe(1);
    expect(DateTime.now().setZone('Europe/Stockholm').diff(DateTime.fromISO(anchor, { zone: 'Europe/Stockholm' }), 'days').days).toBeLessThan(7);
    const amanda = await t.db.manager.findOneByOrFail(Person, { email: 'amanda.lind@storvik.example' });
    expect(amanda.employmentStart).toBe(DateTime.fromISO(anchor).minus({ weeks: 12 }).toISODate());
  });

  it('works without a catalogue: templates of local activities, plans without bookings', async () => {
    await t.close();
    t = await startApp();
    await run();
    const seeded = await counts();
    expect(seeded).toMatchObject({ plans: 12, enrolments: 0, sessions: 0 });
    expect(seeded.items).toBeGreaterThan(0);
  });
});
