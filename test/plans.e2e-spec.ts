import { DateTime } from 'luxon';
import { startApp, TestApp } from './app';
import { makeLecture, makeTheme } from './factories/catalogue.factory';
import { City, makeCity, makePerson } from './factories/organisation.factory';
import { makeMentorship, makePlan, makePlanItem } from './factories/plans.factory';
import { Lecture } from '../src/catalogue/lectures/lecture.entity';
import { Theme } from '../src/catalogue/themes/theme.entity';

const bearer = (p: { token: string }) => ({ authorization: `Bearer ${p.token}` });
const today = () => DateTime.now().setZone('Europe/Stockholm').toISODate()!;

describe('plan templates and plans', () => {
  let t: TestApp;
  let city: City;
  let theme: Theme;
  let lectures: Lecture[];

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    theme = await makeTheme(t, { name: 'Välkommen' });
    lectures = [await makeLecture(t, theme, { recommendedMonth: 1, durationMinutes: 480 }), await makeLecture(t, theme, { recommendedMonth: 6 })];
  });
  afterAll(() => t.close());

  const newHire = () => makePerson(t, city.units.northUnit, ['newhire']);

  it('lets coordinators write templates and introducers read them; validates items', async () => {
    const body = {
      name: 'Barn och unga – grund',
      areaCode: city.area.code,
      items: [{ lectureId: lectures[0].id }, { kind: 'activity', title: 'Delegationsordningen', monthOffset: 2 }, { lectureId: lectures[1].id }],
    };
    const created = await t.http().post('/api/plan-templates').set(bearer(city.people.coordinator)).send(body).expect(201);
    expect(created.body.items).toEqual([
      { kind: 'lecture', lectureId: lectures[0].id, title: null, monthOffset: null },
      { kind: 'activity', lectureId: null, title: 'Delegationsordningen', monthOffset: 2 },
      { kind: 'lecture', lectureId: lectures[1].id, title: null, monthOffset: null },
    ]);
    await t.http().post('/api/plan-templates').set(bearer(city.people.coordinator)).send(body).expect(409);
    await t.http().post('/api/plan-templates').set(bearer(city.people.introducer)).send({ ...body, name: 'x' }).expect(403);
    await t.http().post('/api/plan-templates').set(bearer(city.people.coordinator)).send({ name: 'y', items: [{ kind: 'activity' }] }).expect(400);
    await t.http().post('/api/plan-templates').set(bearer(city.people.coordinator)).send({ name: 'y', items: [{ lectureId: city.people.admin.id }] }).expect(400);
    await t.http().post('/api/plan-templates').set(bearer(city.people.coordinator)).send({ name: 'y', areaCode: 'no_such', items: [] }).expect(400);
    const list = await t.http().get('/api/plan-templates').set(bearer(city.people.manager)).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    await t.http().get(`/api/plan-templates/${created.body.id}`).set(bearer(city.people.newhire)).expect(403);
    const patched = await t
      .http()
      .patch(`/api/plan-templates/${created.body.id}`)
      .set(bearer(city.people.coordinator))
      .send({ items: [{ lectureId: lectures[1].id }] })
      .expect(200);
    expect(patched.body.items).toHaveLength(1);
    const temp = await t.http().post('/api/plan-templates').set(bearer(city.people.coordinator)).send({ name: 'Tillfällig', items: [] }).expect(201);
    await t.http().delete(`/api/plan-templates/${temp.body.id}`).set(bearer(city.people.coordinator)).expect(204);
    await t.http().get(`/api/plan-templates/${temp.body.id}`).set(bearer(city.people.coordinator)).expect(404);
  });

  it('creates a plan from a template with items copied and due dates derived; one open plan per hire', async () => {
    const template = await t
      .http()
      .post('/api/plan-templates')
      .set(bearer(city.people.coordinator))
      .send({ name: 'Copy test', items: [{ lectureId: lectures[0].id }, { kind: 'activity', title: 'Medhandläggning', monthOffset: 3 }] })
      .expect(201);
    const hire = await newHire();
    const res = await t
      .http()
      .post('/api/plans')
      .set(bearer(city.people.introducer))
      .send({ newHireId: hire.id, startDate: '2027-01-15', templateId: template.body.id })
      .expect(201);
    expect(res.body).toMatchObject({ newHireId: hire.id, introducerId: city.people.introducer.id, endDate: '2029-01-15', status: 'draft', templateId: template.body.id });
    const items = await t.http().get(`/api/plans/${res.body.id}/items`).set(bearer(city.people.introducer)).expect(200);
    expect(items.body.items).toMatchObject([
      { kind: 'lecture', lectureId: lectures[0].id, title: lectures[0].title, dueDate: '2027-02-15', status: 'planned' },
      { kind: 'activity', title: 'Medhandläggning', dueDate: '2027-04-15', status: 'planned' },
    ]);
    await t.http().post('/api/plans').set(bearer(city.people.manager)).send({ newHireId: hire.id, startDate: '2027-02-01' }).expect(409);
    const empty = await t.http().post('/api/plans').set(bearer(city.people.manager)).send({ newHireId: (await newHire()).id, startDate: '2027-02-01' }).expect(201);
    expect(empty.body).toMatchObject({ managerId: city.people.manager.id, introducerId: null });
  });

  it('maps a race for the same hire to exactly one plan and 409s', async () => {
    const hire = await newHire();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.http().post('/api/plans').set(bearer(city.people.introducer)).send({ newHireId: hire.id, startDate: '2027-03-01' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('validates plan input and the people it names', async () => {
    const hire = await newHire();
    const post = (body: object) => t.http().post('/api/plans').set(bearer(city.people.introducer)).send(body);
    await post({ newHireId: hire.id, startDate: '2027-13-01' }).expect(400);
    await post({ newHireId: hire.id, startDate: '2027-01-01', extra: 1 }).expect(400);
    await post({ newHireId: hire.id, startDate: '2027-01-01', endDate: '2026-01-01' }).expect(400);
    await post({ newHireId: hire.id, startDate: '2027-01-01', mentorId: city.people.lecturer.id }).expect(400);
    await post({ newHireId: city.people.manager.id, startDate: '2027-01-01' }).expect(400);
    await post({ newHireId: city.people.otherHire.id, startDate: '2027-01-01' }).expect(404);
    await t.http().post('/api/plans').set(bearer(city.people.coordinator)).send({ newHireId: hire.id, startDate: '2027-01-01' }).expect(403);
    await t.http().post('/api/plans').set(bearer(city.people.newhire)).send({ newHireId: hire.id, startDate: '2027-01-01' }).expect(403);
  });

  it('moves through draft -> active -> paused -> active (dates shift) -> closed with a reason', async () => {
    const hire = await newHire();
    const plan = await makePlan(t, hire, { status: 'draft', startDate: '2027-01-01', endDate: '2029-01-01' });
    const item = await makePlanItem(t, plan, { title: 'Besök mottagningen', dueDate: '2027-06-01' });
    const done = await makePlanItem(t, plan, { title: 'Klar', dueDate: '2027-06-01', status: 'done' });
    const patch = (body: object) => t.http().patch(`/api/plans/${plan.id}`).set(bearer(city.people.introducer)).send(body);
    await patch({ status: 'paused' }).expect(409);
    await patch({ status: 'active' }).expect(200);
    await patch({ status: 'paused' }).expect(200);
    // Pretend the pause began 10 days ago.
    const tenDaysAgo = DateTime.fromISO(today()).minus({ days: 10 }).toISODate()!;
    await t.db.write((em) => em.query(`UPDATE plan SET paused_on = '${tenDaysAgo}' WHERE id = '${plan.id}'`));
    const resumed = await patch({ status: 'active' }).expect(200);
    expect(resumed.body).toMatchObject({ status: 'active', pausedOn: null, pausedDays: 10, endDate: '2029-01-11' });
    const items = await t.http().get(`/api/plans/${plan.id}/items`).set(bearer(city.people.introducer)).expect(200);
    const byId = Object.fromEntries(items.body.items.map((i: { id: string; dueDate: string }) => [i.id, i.dueDate]));
    expect(byId[item.id]).toBe('2027-06-11');
    expect(byId[done.id]).toBe('2027-06-01');
    await patch({ status: 'closed' }).expect(400);
    await patch({ closedReason: 'other' }).expect(400);
    const closed = await patch({ status: 'closed', closedReason: 'left_employment' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'left_employment', closedAt: expect.stringMatching(/[+-]\d\d:\d\d$/) });
    await patch({ status: 'active' }).expect(409);
    await t.http().post(`/api/plans/${plan.id}/items`).set(bearer(city.people.introducer)).send({ title: 'x' }).expect(409);
    // Closed, the hire may get a new plan.
    await t.http().post('/api/plans').set(bearer(city.people.introducer)).send({ newHireId: hire.id, startDate: '2027-05-01' }).expect(201);
  });

  it('is signed by the introducer and the manager; item changes afterwards are marked', async () => {
    const hire = await newHire();
    const plan = await makePlan(t, hire, { status: 'draft', introducerId: city.people.introducer.id, managerId: city.people.manager.id });
    const before = await makePlanItem(t, plan, { title: 'Före' });
    const sign = (who: { token: string }, body: object = {}) => t.http().post(`/api/plans/${plan.id}/sign`).set(bearer(who)).send(body);
    const other = await makePerson(t, city.units.northUnit, ['introducer']);
    await sign(other).expect(403);
    await sign(city.people.newhire).expect(403);
    const first = await sign(city.people.introducer).expect(200);
    expect(first.body).toMatchObject({ introducerSignedBy: city.people.introducer.id, introducerSignedAt: expect.any(String), agreedAt: null });
    await sign(city.people.introducer).expect(409);
    const second = await sign(city.people.manager).expect(200);
    expect(second.body).toMatchObject({ managerSignedBy: city.people.manager.id, agreedAt: expect.any(String) });
    const got = await t.http().get(`/api/plans/${plan.id}`).set(bearer(hire)).expect(200);
    expect(got.body.agreedAt).toBe(second.body.agreedAt);

    const added = await t.http().post(`/api/plans/${plan.id}/items`).set(bearer(city.people.introducer)).send({ title: 'Efter' }).expect(201);
    expect(added.body.changedAfterAgreement).toBe(true);
    const progressOnly = await t.http().patch(`/api/plans/${plan.id}/items/${before.id}`).set(bearer(city.people.introducer)).send({ status: 'done' }).expect(200);
    expect(progressOnly.body).toMatchObject({ status: 'done', changedAfterAgreement: false, completedAt: expect.any(String) });
    const moved = await t.http().patch(`/api/plans/${plan.id}/items/${before.id}`).set(bearer(city.people.introducer)).send({ dueDate: '2027-09-01' }).expect(200);
    expect(moved.body.changedAfterAgreement).toBe(true);
  });

  it('refuses a person signing both parts', async () => {
    const both = await makePerson(t, city.units.northUnit, ['introducer', 'manager']);
    const plan = await makePlan(t, await newHire(), { status: 'draft' });
    const sign = (body: object) => t.http().post(`/api/plans/${plan.id}/sign`).set(bearer(both)).send(body);
    await sign({}).expect(400);
    await sign({ as: 'introducer' }).expect(200);
    await sign({ as: 'manager' }).expect(409);
  });

  it('waives only with a reason; waived counts as fulfilled; lecture items follow enrolment', async () => {
    const hire = await newHire();
    const plan = await makePlan(t, hire, { startDate: '2026-01-01' });
    const lecture = await t
      .http()
      .post(`/api/plans/${plan.id}/items`)
      .set(bearer(city.people.manager))
      .send({ lectureId: lectures[0].id })
      .expect(201);
    expect(lecture.body).toMatchObject({ kind: 'lecture', dueDate: '2026-02-01', overdue: true, title: lectures[0].title });
    await t.http().post(`/api/plans/${plan.id}/items`).set(bearer(city.people.manager)).send({ lectureId: lectures[0].id }).expect(409);
    const url = `/api/plans/${plan.id}/items/${lecture.body.id}`;
    await t.http().patch(url).set(bearer(city.people.manager)).send({ status: 'waived' }).expect(400);
    await t.http().patch(url).set(bearer(city.people.manager)).send({ status: 'done' }).expect(409);
    await t.http().patch(url).set(bearer(city.people.manager)).send({ title: 'x' }).expect(400);
    const waived = await t.http().patch(url).set(bearer(city.people.manager)).send({ status: 'waived', waivedReason: 'Tre år på mottagning' }).expect(200);
    expect(waived.body).toMatchObject({ status: 'waived', waivedReason: 'Tre år på mottagning', overdue: false });
    await makePlanItem(t, plan, { title: 'Aktivitet' });
    const progress = await t.http().get(`/api/plans/${plan.id}/progress`).set(bearer(hire)).expect(200);
    expect(progress.body).toMatchObject({ totalItems: 2, doneItems: 0, waivedItems: 1, percentComplete: 50, trainingDaysPlanned: 0, trainingDaysDone: 0 });
    const back = await t.http().patch(url).set(bearer(city.people.manager)).send({ status: 'planned' }).expect(200);
    expect(back.body.waivedReason).toBeNull();
    await t.http().delete(url).set(bearer(city.people.manager)).expect(204);
    await t.http().delete(url).set(bearer(city.people.manager)).expect(404);
  });

  it('computes progress: training days, per theme and overdue items', async () => {
    const hire = await newHire();
    const other = await makeTheme(t, { name: 'Samverkan' });
    const l3 = await makeLecture(t, other, { durationMinutes: 240 });
    const plan = await makePlan(t, hire, { startDate: '2026-01-01' });
    const a = await makePlanItem(t, plan, { lectureId: lectures[0].id, status: 'done', dueDate: '2026-02-01' });
    const b = await makePlanItem(t, plan, { lectureId: lectures[1].id, status: 'booked', dueDate: '2026-02-01' });
    const c = await makePlanItem(t, plan, { lectureId: l3.id, status: 'planned', dueDate: '2099-01-01' });
    const d = await makePlanItem(t, plan, { title: 'Besök', status: 'planned', dueDate: '2026-03-01' });
    const res = await t.http().get(`/api/plans/${plan.id}/progress`).set(bearer(city.people.introducer)).expect(200);
    expect(res.body).toEqual({
      totalItems: 4,
      doneItems: 1,
      waivedItems: 0,
      percentComplete: 25,
      trainingDaysPlanned: 2,
      trainingDaysDone: 1,
      overdueItems: 2,
      byTheme: [
        { themeId: theme.id, name: 'Välkommen', total: 2, done: 1, waived: 0 },
        { themeId: other.id, name: 'Samverkan', total: 1, done: 0, waived: 0 },
      ],
      overdueItemIds: expect.arrayContaining([b.id, d.id]),
    });
    expect(res.body.overdueItemIds).toHaveLength(2);
    expect([a.id, c.id].some((id) => res.body.overdueItemIds.includes(id))).toBe(false);
  });

  it('audits plan, item and sign-off changes with the hire as subject', async () => {
    const hire = await newHire();
    const audit = async (type: string, id: string) =>
      (await t.http().get(`/api/audit?entityType=${type}&entityId=${id}`).set(bearer(city.people.admin)).expect(200)).body.items;
    const plan = await t.http().post('/api/plans').set(bearer(city.people.introducer)).send({ newHireId: hire.id, startDate: '2027-01-01' }).expect(201);
    const item = await t.http().post(`/api/plans/${plan.body.id}/items`).set(bearer(city.people.introducer)).send({ title: 'Besök' }).expect(201);
    await t.http().patch(`/api/plans/${plan.body.id}/items/${item.body.id}`).set(bearer(city.people.introducer)).send({ dueDate: '2027-03-01' }).expect(200);
    await t.http().post(`/api/plans/${plan.body.id}/sign`).set(bearer(city.people.introducer)).send({}).expect(200);
    await t.http().delete(`/api/plans/${plan.body.id}/items/${item.body.id}`).set(bearer(city.people.introducer)).expect(204);
    const planEntries = await audit('plan', plan.body.id);
    expect(planEntries.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    expect(planEntries.find((e: { action: string }) => e.action === 'update').changes).toMatchObject({
      introducerSignedBy: { from: null, to: city.people.introducer.id },
    });
    const itemEntries = await audit('plan-item', item.body.id);
    expect(itemEntries.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(itemEntries[1].changes.dueDate).toEqual({ from: null, to: '2027-03-01' });
    expect(itemEntries.every((e: { subjectPersonId: string; actorId: string }) => e.subjectPersonId === hire.id && e.actorId === city.people.introducer.id)).toBe(true);
  });
});
