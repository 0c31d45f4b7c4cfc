import { startApp, TestApp } from './app';
import { City, makeCity, makePerson } from './factories/organisation.factory';
import { makeLecture, makeLecturer, makeSession, makeTheme } from './factories/catalogue.factory';
import { makeEnrolment } from './factories/plans.factory';
import type { Lecture } from '../src/catalogue/lectures/lecture.entity';
import type { Session } from '../src/catalogue/sessions/session.entity';
import type { OrgUnit } from '../src/people/org-units/org-unit.entity';
import { SessionEvaluation } from '../src/follow-up/evaluations/session-evaluation.entity';
import { AuditEntry } from '../src/audit/audit-entry.entity';

const MIN = 3;
const bearer = (person: { token: string }) => ({ authorization: `Bearer ${person.token}` });

describe('session evaluations', () => {
  let t: TestApp;
  let city: City;
  let lecture: Lecture;
  let session: Session;

  /** A hire in `unit` who attended `s` and answers with `rating`. */
  async function answer(s: Session, unit: OrgUnit, rating: number, comment?: string) {
    const hire = await makePerson(t, unit, ['newhire']);
    const enrolment = await makeEnrolment(t, s, hire, { attendance: 'attended' });
    await t.http().post(`/api/enrolments/${enrolment.id}/evaluation`).set(bearer(hire)).send({ rating, comment }).expect(201);
    return { hire, enrolment };
  }
  const read = (lectureId: string, who: { token: string }, query = '') =>
    t.http().get(`/api/lectures/${lectureId}/evaluations${query}`).set(bearer(who));

  beforeAll(async () => {
    t = await startApp({ EVALUATION_MIN_RESPONSES: String(MIN) });
    city = await makeCity(t);
    lecture = await makeLecture(t, await makeTheme(t));
    session = await makeSession(t, lecture, { startsAt: new Date(Date.now() - 7 * 86400_000) });
  });
  afterAll(() => t.close());

  it('lets only the attendee answer, once, after attending', async () => {
    const hire = city.people.newhire;
    const booked = await makeEnrolment(t, session, hire);
    const send = (id: string, who = hire, body: object = { rating: 4 }) =>
      t.http().post(`/api/enrolments/${id}/evaluation`).set(bearer(who)).send(body);
    await send(booked.id).expect(409);
    const absentSession = await makeSession(t, lecture, { startsAt: new Date(Date.now() - 3 * 86400_000) });
    const absent = await makeEnrolment(t, absentSession, hire, { attendance: 'absent' });
    await send(absent.id).expect(409);

    const otherSession = await makeSession(t, lecture, { startsAt: new Date(Date.now() - 2 * 86400_000) });
    const attended = await makeEnrolment(t, otherSession, hire, { attendance: 'attended' });
    for (const other of [city.people.otherHire, city.people.admin, city.people.introducer]) await send(attended.id, other).expect(404);
    await send('00000000-0000-4000-8000-000000000000').expect(404);
    await send(attended.id, hire, { rating: 6 }).expect(400);
    await send(attended.id, hire, { rating: 3, personId: hire.id }).expect(400);
    const ok = await send(attended.id, hire, { rating: 5, comment: 'Bra' }).expect(201);
    expect(ok.body).toEqual({ received: true });
    await send(attended.id, hire, { rating: 1 }).expect(409);
  });

  it('shows figures and comments from the threshold on, and only how many more are needed below it', async () => {
    const l = await makeLecture(t, await makeTheme(t));
    const s = await makeSession(t, l, { startsAt: new Date(Date.now() - 86400_000) });
    const coordinator = city.people.coordinator;
    expect((await read(l.id, coordinator).expect(200)).body).toEqual({ responses: 0, needed: MIN });
    await answer(s, city.units.northUnit, 5, 'Mycket bra');
    await answer(s, city.units.northUnit, 3);
    expect((await read(l.id, coordinator).expect(200)).body).toEqual({ responses: MIN - 1, needed: 1 });
    await answer(s, city.units.southUnit, 4, 'Lagom');
    const shown = (await read(l.id, coordinator).expect(200)).body;
    expect(shown).toEqual({
      responses: MIN,
      averageRating: 4,
      distribution: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 },
      comments: expect.arrayContaining(['Mycket bra', 'Lagom']),
    });
    expect(shown.comments).toHaveLength(2);
  });

  it('applies the threshold to each cell of a breakdown, hiding a lone small cell with a partner', async () => {
    const l = await makeLecture(t, await makeTheme(t));
    const early = await makeSession(t, l, { startsAt: new Date(Date.now() - 20 * 86400_000) });
    const late = await makeSession(t, l, { startsAt: new Date(Date.now() - 10 * 86400_000) });
    const third = await makeSession(t, l, { startsAt: new Date(Date.now() - 5 * 86400_000) });
    for (const r of [5, 4, 4]) await answer(early, city.units.northUnit, r);
    for (const r of [2, 3, 3, 3]) await answer(late, city.units.southUnit, r);
    await answer(third, city.units.southUnit, 1);
    const bySession = (await read(l.id, city.people.coordinator, '?by=session').expect(200)).body;
    // third (1 answer) is hidden; alone it would be total minus the others, so the smallest shown cell (early, 3) goes too
    expect(bySession).toEqual({
      by: 'session',
      items: [
        { sessionId: early.id, startsAt: expect.any(String), responses: 3, needed: 0 },
        { sessionId: late.id, startsAt: expect.any(String), responses: 4, averageRating: 2.75, distribution: { '1': 0, '2': 1, '3': 3, '4': 0, '5': 0 } },
        { sessionId: third.id, startsAt: expect.any(String), responses: 1, needed: MIN - 1 },
      ],
    });
    expect(bySession.items[0].startsAt).toMatch(/[+-]\d\d:\d\d$/);
    const byUnit = (await read(l.id, city.people.coordinator, '?by=unit').expect(200)).body.items;
    expect(byUnit).toEqual([
      { orgUnitId: city.units.northUnit.id, orgUnitName: 'North children', responses: 3, averageRating: 4.33, distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } },
      { orgUnitId: city.units.southUnit.id, orgUnitName: 'South adults', responses: 5, averageRating: 2.4, distribution: { '1': 1, '2': 1, '3': 3, '4': 0, '5': 0 } },
    ]);
    await read(l.id, city.people.coordinator, '?by=hire').expect(400);
  });

  it('lets coordinators read all, lecturers their lectures, introducers and managers their own units', async () => {
    const l = await makeLecture(t, await makeTheme(t));
    const s = await makeSession(t, l, { startsAt: new Date(Date.now() - 86400_000) });
    for (let i = 0; i < MIN; i++) await answer(s, city.units.northUnit, 4);
    await answer(s, city.units.southUnit, 2);
    expect((await read(l.id, city.people.coordinator).expect(200)).body.responses).toBe(MIN + 1);
    expect((await read(l.id, city.people.admin).expect(200)).body.responses).toBe(MIN + 1);
    // the north introducer (department) and manager (unit) see the north answers only
    expect((await read(l.id, city.people.introducer).expect(200)).body).toMatchObject({ responses: MIN, averageRating: 4 });
    expect((await read(l.id, city.people.manager).expect(200)).body.responses).toBe(MIN);
    expect((await read(l.id, city.people.southIntroducer).expect(200)).body).toEqual({ responses: 1, needed: MIN - 1 });
    // a lecturer who does not teach it: 404; once linked to a session of it: everything
    await read(l.id, city.people.lecturer).expect(404);
    const profile = await makeLecturer(t, { personId: city.people.lecturer.id });
    const link = `INSERT INTO session_lecturer (session_id, lecturer_id) VALUES ${t.db.isPostgres ? '($1, $2)' : '(?, ?)'}`;
    await t.db.write((em) => em.query(link, [s.id, profile.id]));
    expect((await read(l.id, city.people.lecturer).expect(200)).body.responses).toBe(MIN + 1);
    await read(l.id, city.people.newhire).expect(403);
    await read(l.id, city.people.mentor).expect(403);
    await read('00000000-0000-4000-8000-000000000000', city.people.coordinator).expect(404);
  });

  it('stores answers without any link to the person: not in the row, the export or the audit trail', async () => {
    const l = await makeLecture(t, await makeTheme(t));
    const s = await makeSession(t, l, { startsAt: new Date(Date.now() - 86400_000) });
    const comment = `Unik kommentar ${Date.now()}`;
    const { hire, enrolment } = await answer(s, city.units.northUnit, 2, comment);
    const [row] = await t.db.manager.findBy(SessionEvaluation, { sessionId: s.id });
    expect(Object.keys(row).sort()).toEqual(['comment', 'id', 'lectureId', 'orgUnitId', 'rating', 'sessionId']);
    expect(Object.values(row)).not.toContain(hire.id);
    expect(Object.values(row)).not.toContain(enrolment.id);

    const exported = await t.http().get(`/api/people/${hire.id}/export`).set(bearer(city.people.admin)).expect(200);
    const json = JSON.stringify(exported.body);
    expect(json).not.toContain(row.id);
    expect(json).not.toContain(comment);
    expect(exported.body.enrolments).toContainEqual(expect.objectContaining({ id: enrolment.id, evaluationGiven: true }));

    const audit = JSON.stringify(await t.db.manager.find(AuditEntry));
    expect(audit).not.toContain(row.id);
    expect(audit).not.toContain(comment);
    const viaApi = await t.http().get('/api/audit?limit=500').set(bearer(city.people.admin)).expect(200);
    expect(JSON.stringify(viaApi.body)).not.toContain(comment);
  });

  it('takes concurrent answers to one session without losing or refusing any', async () => {
    const l = await makeLecture(t, await makeTheme(t));
    const s = await makeSession(t, l, { startsAt: new Date(Date.now() - 86400_000) });
    const hires = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makePerson(t, city.units.northUnit, ['newhire'])));
    const enrolments = await Promise.all(hires.map((h) => makeEnrolment(t, s, h, { attendance: 'attended' })));
    const results = await Promise.all(
      hires.map((h, i) => t.http().post(`/api/enrolments/${enrolments[i].id}/evaluation`).set(bearer(h)).send({ rating: 1 + (i % 5) })),
    );
    expect(results.map((r) => r.status)).toEqual(hires.map(() => 201));
    expect(await t.db.manager.countBy(SessionEvaluation, { sessionId: s.id })).toBe(6);
    const again = await Promise.all([0, 1].map(() => t.http().post(`/api/enrolments/${enrolments[0].id}/evaluation`).set(bearer(hires[0])).send({ rating: 2 })));
    expect(again.map((r) => r.status)).toEqual([409, 409]);
  });

  it("rewrites a session's answers in random order with each new answer, so storage order does not follow answering order", async () => {
    const l = await makeLecture(t, await makeTheme(t));
    const s = await makeSession(t, l, { startsAt: new Date(Date.now() - 86400_000) });
    for (let i = 0; i < 6; i++) await answer(s, city.units.northUnit, 1 + (i % 5));
    const stored: { id: string }[] = t.db.isPostgres
      ? await t.db.manager.query('SELECT id::text AS id FROM session_evaluation WHERE session_id = $1 ORDER BY ctid', [s.id])
      : await t.db.manager.query('SELECT id FROM session_evaluation WHERE session_id = ? ORDER BY rowid', [s.id]);
    const ids = stored.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
  });
});
