import { startApp, TestApp } from './app';
import { makeLecture, makeLecturer, makeSession, makeTheme } from './factories/catalogue.factory';
import { City, makeCity, makePerson, TestPerson } from './factories/organisation.factory';
import { makeEnrolment, makePlan, makePlanItem } from './factories/plans.factory';
import { Lecture } from '../src/catalogue/lectures/lecture.entity';
import { Session } from '../src/catalogue/sessions/session.entity';
import { PlanItem } from '../src/plans/plan-items/plan-item.entity';

const bearer = (p: { token: string }) => ({ authorization: `Bearer ${p.token}` });
const HOUR = 3600_000;

describe('enrolment, waitlists and attendance', () => {
  let t: TestApp;
  let city: City;
  let lecture: Lecture;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    lecture = await makeLecture(t, await makeTheme(t));
  });
  afterAll(() => t.close());

  const hire = () => makePerson(t, city.units.northUnit, ['newhire']);
  const book = (who: { token: string }, session: Session, body: object) => t.http().post(`/api/sessions/${session.id}/enrolments`).set(bearer(who)).send(body);
  const itemStatus = async (id: string) => (await t.db.manager.findOneByOrFail(PlanItem, { id })).status;
  const bookedCount = async (session: Session) => (await t.db.manager.findOneByOrFail(Session, { id: session.id })).bookedCount;
  /** A hire with an active plan holding one lecture item. */
  const planned = async (l: Lecture = lecture) => {
    const person = await hire();
    const plan = await makePlan(t, person);
    const item = await makePlanItem(t, plan, { lectureId: l.id, dueDate: '2099-01-01' });
    return { person, plan, item };
  };

  it('never overbooks: 100 concurrent bookings at a 10-seat session', async () => {
    const session = await makeSession(t, lecture, { capacity: 10 });
    const hires: TestPerson[] = [];
    for (let i = 0; i < 100; i++) hires.push(await hire());
    const results = await Promise.all(hires.map((h) => book(city.people.coordinator, session, { personId: h.id })));
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    const booked = results.filter((r) => r.body.status === 'booked');
    const waiting = results.filter((r) => r.body.status === 'waitlisted');
    expect(booked).toHaveLength(10);
    expect(booked.every((r) => r.body.waitlistPosition === null)).toBe(true);
    expect(waiting.map((r) => r.body.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect(await bookedCount(session)).toBe(10);
    const roster = await t.http().get(`/api/sessions/${session.id}/enrolments?limit=500`).set(bearer(city.people.coordinator)).expect(200);
    expect(roster.body.total).toBe(100);
    expect(roster.body.items.filter((r: { status: string }) => r.status === 'booked')).toHaveLength(10);
    expect(roster.body.items.slice(10).map((r: { waitlistPosition: number }) => r.waitlistPosition)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
  });

  it('books into the plan item, refuses duplicates, cancelled sessions, passed deadlines and started sessions', async () => {
    const { person, item } = await planned();
    const session = await makeSession(t, lecture);
    const res = await book(city.people.introducer, session, { personId: person.id }).expect(201);
    expect(res.body).toMatchObject({ sessionId: session.id, personId: person.id, planItemId: item.id, status: 'booked', waitlistPosition: null, attendance: null });
    expect(await itemStatus(item.id)).toBe('booked');
    await book(city.people.introducer, session, { personId: person.id }).expect(409);

    const cancelled = await makeSession(t, lecture, { status: 'cancelled' });
    await book(city.people.coordinator, cancelled, { personId: person.id }).expect(409);
    const pastDeadline = await makeSession(t, lecture, { enrolmentDeadline: new Date(Date.now() - HOUR) });
    await book(city.people.coordinator, pastDeadline, { personId: person.id }).expect(409);
    const started = await makeSession(t, lecture, { startsAt: new Date(Date.now() - HOUR) });
    await book(city.people.coordinator, started, { personId: person.id }).expect(409);
    await t.http().post(`/api/sessions/${city.people.admin.id}/enrolments`).set(bearer(city.people.coordinator)).send({ personId: person.id }).expect(404);
    await book(city.people.coordinator, session, { personId: person.id, extra: true }).expect(400);
  });

  it('checks an explicit plan item', async () => {
    const { person, plan, item } = await planned();
    const otherLecture = await makeLecture(t, await makeTheme(t));
    const wrong = await makePlanItem(t, plan, { lectureId: otherLecture.id });
    const session = await makeSession(t, lecture);
    await book(city.people.coordinator, session, { personId: person.id, planItemId: wrong.id }).expect(400);
    await book(city.people.coordinator, session, { personId: person.id, planItemId: (await planned()).item.id }).expect(400);
    await book(city.people.coordinator, session, { personId: person.id, planItemId: item.id }).expect(201);
    const second = await makeSession(t, lecture);
    await book(city.people.coordinator, second, { personId: person.id, planItemId: item.id }).expect(409);
  });

  it('lets a new hire book only themselves and only lectures in their own plan', async () => {
    const { person } = await planned();
    const session = await makeSession(t, lecture);
    const notInPlan = await makeSession(t, await makeLecture(t, await makeTheme(t)));
    await book(person, notInPlan, { personId: person.id }).expect(403);
    await book(person, session, { personId: city.people.newhire.id }).expect(403);
    await book(person, session, { personId: person.id }).expect(201);
    await book(city.people.introducer, session, { personId: city.people.otherHire.id }).expect(404);
    await book(city.people.mentor, session, { personId: city.people.newhire.id }).expect(403);
    await book(city.people.lecturer, session, { personId: city.people.newhire.id }).expect(403);
  });

  it('cancelling frees the seat and books the first waitlisted, whose plan item becomes booked', async () => {
    const session = await makeSession(t, lecture, { capacity: 1 });
    const a = await planned();
    const b = await planned();
    const c = await planned();
    const first = await book(city.people.coordinator, session, { personId: a.person.id }).expect(201);
    const second = await book(city.people.coordinator, session, { personId: b.person.id }).expect(201);
    const third = await book(city.people.coordinator, session, { personId: c.person.id }).expect(201);
    expect([second.body.waitlistPosition, third.body.waitlistPosition]).toEqual([1, 2]);
    expect(await itemStatus(b.item.id)).toBe('planned');

    await t.http().post(`/api/enrolments/${first.body.id}/cancel`).set(bearer(city.people.otherHire)).expect(404);
    await t.http().post(`/api/enrolments/${first.body.id}/cancel`).set(bearer(city.people.southIntroducer)).expect(404);
    const cancelled = await t.http().post(`/api/enrolments/${first.body.id}/cancel`).set(bearer(a.person)).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', promotedEnrolmentId: second.body.id, cancelledAt: expect.any(String) });
    await t.http().post(`/api/enrolments/${first.body.id}/cancel`).set(bearer(a.person)).expect(409);
    expect(await itemStatus(a.item.id)).toBe('planned');
    expect(await itemStatus(b.item.id)).toBe('booked');
    expect(await bookedCount(session)).toBe(1);
    const roster = await t.http().get(`/api/sessions/${session.id}/enrolments`).set(bearer(city.people.coordinator)).expect(200);
    expect(roster.body.items.map((r: { personId: string; status: string; waitlistPosition: number | null }) => [r.personId, r.status, r.waitlistPosition])).toEqual([
      [b.person.id, 'booked', null],
      [c.person.id, 'waitlisted', 1],
    ]);
    // A waitlisted place is cancelled without touching seats.
    await t.http().post(`/api/enrolments/${third.body.id}/cancel`).set(bearer(city.people.manager)).expect(200);
    expect(await bookedCount(session)).toBe(1);
  });

  it('records attendance once started, by coordinators and the session lecturers, and moves the plan item', async () => {
    const lecturer = await makeLecturer(t, { personId: city.people.lecturer.id });
    const otherLecturer = await makePerson(t, city.units.admin, ['lecturer']);
    const past = await makeSession(t, lecture, { startsAt: new Date(Date.now() - 4 * HOUR), lecturers: [lecturer] });
    const future = await makeSession(t, lecture, { lecturers: [lecturer] });
    const x = await planned();
    const y = await planned();
    const z = await planned();
    const ex = await makeEnrolment(t, past, x.person, { planItemId: x.item.id });
    const ey = await makeEnrolment(t, past, y.person, { planItemId: y.item.id });
    const ez = await makeEnrolment(t, past, z.person, { planItemId: z.item.id });
    const early = await book(city.people.coordinator, future, { personId: x.person.id }).expect(201);
    const put = (who: { token: string }, id: string, attendance: string) =>
      t.http().put(`/api/enrolments/${id}/attendance`).set(bearer(who)).send({ attendance });

    await put(city.people.coordinator, early.body.id, 'attended').expect(409);
    await put(otherLecturer, ex.id, 'attended').expect(404);
    await put(city.people.introducer, ex.id, 'attended').expect(403);
    await put(city.people.lecturer, ex.id, 'present').expect(400);
    const waiting = await makeEnrolment(t, past, (await planned()).person, { status: 'waitlisted', queueNumber: 1 });
    await put(city.people.coordinator, waiting.id, 'attended').expect(409);
    const attended = await put(city.people.lecturer, ex.id, 'attended').expect(200);
    expect(attended.body.attendance).toBe('attended');
    const doneItem = await t.db.manager.findOneByOrFail(PlanItem, { id: x.item.id });
    expect(doneItem.status).toBe('done');
    expect(doneItem.completedAt).not.toBeNull();
    await put(city.people.coordinator, ey.id, 'absent').expect(200);
    expect(await itemStatus(y.item.id)).toBe('missed');
    await put(city.people.coordinator, ez.id, 'excused').expect(200);
    expect(await itemStatus(z.item.id)).toBe('planned');
    // Excused: the item can be booked again in a later session.
    const again = await book(city.people.coordinator, future, { personId: z.person.id }).expect(201);
    expect(again.body.planItemId).toBe(z.item.id);
    expect(await itemStatus(z.item.id)).toBe('booked');
    await t.http().post(`/api/enrolments/${ex.id}/cancel`).set(bearer(city.people.coordinator)).expect(409);
  });

  it('shows rosters to coordinators, the session lecturers and (own units only) introducers; CSV with a BOM', async () => {
    const lecturer = await makeLecturer(t, { personId: city.people.lecturer.id });
    const session = await makeSession(t, lecture, { lecturers: [lecturer] });
    await makeEnrolment(t, session, city.people.newhire);
    await makeEnrolment(t, session, city.people.otherHire);
    const url = `/api/sessions/${session.id}/enrolments`;
    expect((await t.http().get(url).set(bearer(city.people.lecturer)).expect(200)).body.total).toBe(2);
    const own = await t.http().get(url).set(bearer(city.people.introducer)).expect(200);
    expect(own.body.items.map((r: { personId: string }) => r.personId)).toEqual([city.people.newhire.id]);
    expect(own.body.items[0]).toMatchObject({ personName: city.people.newhire.name, orgUnitName: 'North children' });
    await t.http().get(url).set(bearer(await makePerson(t, city.units.admin, ['lecturer']))).expect(404);
    await t.http().get(url).set(bearer(city.people.newhire)).expect(403);
    await t.http().get(url).set(bearer(city.people.mentor)).expect(403);
    const csv = await t.http().get(`${url}?format=csv`).set(bearer(city.people.coordinator)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.startsWith('\ufeff')).toBe(true);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('name,email,unit,status,waitlistPosition,attendance,bookedAt');
    expect(lines).toHaveLength(3);
  });

  it('cancels a session: places cancelled, plan items back to planned, sequence raised', async () => {
    const session = await makeSession(t, lecture, { capacity: 1 });
    const a = await planned();
    const b = await planned();
    await book(city.people.coordinator, session, { personId: a.person.id }).expect(201);
    await book(city.people.coordinator, session, { personId: b.person.id }).expect(201);
    const url = `/api/sessions/${session.id}/cancel`;
    await t.http().post(url).set(bearer(city.people.introducer)).send({ reason: 'Sjuk' }).expect(403);
    await t.http().post(url).set(bearer(city.people.coordinator)).send({}).expect(400);
    const res = await t.http().post(url).set(bearer(city.people.coordinator)).send({ reason: 'Föreläsaren är sjuk' }).expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelledReason: 'Föreläsaren är sjuk', sequence: session.sequence + 1, cancelledEnrolments: 2 });
    expect(await itemStatus(a.item.id)).toBe('planned');
    expect(await bookedCount(session)).toBe(0);
    const roster = await t.http().get(`/api/sessions/${session.id}/enrolments?includeCancelled=true`).set(bearer(city.people.coordinator)).expect(200);
    expect(roster.body.items.every((r: { status: string }) => r.status === 'cancelled')).toBe(true);
    await t.http().post(url).set(bearer(city.people.coordinator)).send({ reason: 'igen' }).expect(409);
    await book(city.people.coordinator, session, { personId: a.person.id }).expect(409);
    const rebook = await book(city.people.coordinator, await makeSession(t, lecture), { personId: a.person.id }).expect(201);
    expect(rebook.body.planItemId).toBe(a.item.id);
  });

  it('audits enrolments and attendance in the same transaction', async () => {
    const { person } = await planned();
    const session = await makeSession(t, lecture);
    const res = await book(city.people.coordinator, session, { personId: person.id }).expect(201);
    const audit = await t.http().get(`/api/audit?entityType=enrolment&entityId=${res.body.id}`).set(bearer(city.people.admin)).expect(200);
    expect(audit.body.items).toMatchObject([{ action: 'create', actorId: city.people.coordinator.id, subjectPersonId: person.id }]);
    const past = await makeSession(t, lecture, { startsAt: new Date(Date.now() - HOUR) });
    const place = await makeEnrolment(t, past, person);
    await t.http().put(`/api/enrolments/${place.id}/attendance`).set(bearer(city.people.coordinator)).send({ attendance: 'absent' }).expect(200);
    const attendance = await t.http().get(`/api/audit?entityType=enrolment&entityId=${place.id}`).set(bearer(city.people.admin)).expect(200);
    expect(attendance.body.items).toMatchObject([{ action: 'update', changes: { attendance: { from: null, to: 'absent' } }, subjectPersonId: person.id }]);
  });
});
