import { DateTime } from 'luxon';
import { startApp, TestApp } from './app';
import { makeLecture, makeTheme } from './factories/catalogue.factory';
import { City, makeCity, makePerson } from './factories/organisation.factory';
import { makeMentorship, makePlan, makePlanItem } from './factories/plans.factory';
import { Plan } from '../src/plans/plans/plan.entity';

const bearer = (p: { token: string }) => ({ authorization: `Bearer ${p.token}` });

describe('plan scope, audit of reads and the completion report', () => {
  let t: TestApp;
  let city: City;
  let north: Plan;
  let south: Plan;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    const lecture = await makeLecture(t, await makeTheme(t), { durationMinutes: 480 });
    north = await makePlan(t, city.people.newhire, { introducerId: city.people.introducer.id, startDate: '2026-01-01' });
    south = await makePlan(t, city.people.otherHire, { introducerId: city.people.southIntroducer.id, status: 'paused' });
    await makePlanItem(t, north, { lectureId: lecture.id, status: 'done' });
    await makePlanItem(t, north, { title: 'Besök', status: 'waived', waivedReason: 'Tidigare anställd' });
    await makePlanItem(t, north, { title: 'Försenad', dueDate: '2026-02-01' });
    await makePlanItem(t, north, { title: 'Senare', dueDate: '2099-01-01' });
    await makePlanItem(t, south, { lectureId: lecture.id });
  });
  afterAll(() => t.close());

  const get = (who: { token: string }, url: string) => t.http().get(url).set(bearer(who));
  const readAll = async (who: { token: string }, plan: Plan) =>
    Promise.all(['', '/items', '/progress'].map(async (suffix) => (await get(who, `/api/plans/${plan.id}${suffix}`)).status));

  it('introducers and managers work only on hires in their own units', async () => {
    expect(await readAll(city.people.introducer, north)).toEqual([200, 200, 200]);
    expect(await readAll(city.people.manager, north)).toEqual([200, 200, 200]);
    expect(await readAll(city.people.introducer, south)).toEqual([404, 404, 404]);
    expect(await readAll(city.people.southIntroducer, north)).toEqual([404, 404, 404]);
    await t.http().patch(`/api/plans/${south.id}`).set(bearer(city.people.introducer)).send({ endDate: '2030-01-01' }).expect(404);
    await t.http().post(`/api/plans/${south.id}/items`).set(bearer(city.people.introducer)).send({ title: 'x' }).expect(404);
    await t.http().post(`/api/plans/${south.id}/sign`).set(bearer(city.people.manager)).send({}).expect(404);
    const list = await get(city.people.introducer, '/api/plans').expect(200);
    expect(list.body.items.map((p: Plan) => p.id)).toEqual([north.id]);
  });

  it('coordinators read every plan but do not edit them', async () => {
    expect(await readAll(city.people.coordinator, south)).toEqual([200, 200, 200]);
    await t.http().patch(`/api/plans/${south.id}`).set(bearer(city.people.coordinator)).send({ endDate: '2030-01-01' }).expect(403);
    const list = await get(city.people.coordinator, '/api/plans?limit=500').expect(200);
    expect(list.body.total).toBe(2);
    expect((await get(city.people.coordinator, `/api/plans?orgUnitId=${city.units.south.id}`)).body.items.map((p: Plan) => p.id)).toEqual([south.id]);
    expect((await get(city.people.coordinator, '/api/plans?status=paused')).body.items.map((p: Plan) => p.id)).toEqual([south.id]);
    expect((await get(city.people.coordinator, `/api/plans?introducerId=${city.people.introducer.id}`)).body.items.map((p: Plan) => p.id)).toEqual([north.id]);
    await get(city.people.coordinator, '/api/plans?status=open').expect(400);
  });

  it('a new hire sees only their own plan and cannot edit it', async () => {
    expect(await readAll(city.people.newhire, north)).toEqual([200, 200, 200]);
    expect(await readAll(city.people.newhire, south)).toEqual([404, 404, 404]);
    await t.http().patch(`/api/plans/${north.id}`).set(bearer(city.people.newhire)).send({ endDate: '2030-01-01' }).expect(403);
    await t.http().post(`/api/plans/${north.id}/items`).set(bearer(city.people.newhire)).send({ title: 'x' }).expect(403);
    expect((await get(city.people.newhire, '/api/plans')).body.items.map((p: Plan) => p.id)).toEqual([north.id]);
  });

  it('a mentor reads mentees plans read-only; an ended mentorship gives no access; lecturers see none', async () => {
    expect(await readAll(city.people.mentor, north)).toEqual([404, 404, 404]);
    await makeMentorship(t, city.people.mentor, city.people.newhire);
    expect(await readAll(city.people.mentor, north)).toEqual([200, 200, 200]);
    await t.http().patch(`/api/plans/${north.id}`).set(bearer(city.people.mentor)).send({ endDate: '2030-01-01' }).expect(403);
    const former = await makePerson(t, city.units.southUnit, ['mentor']);
    const past = DateTime.now().minus({ years: 1 });
    await makeMentorship(t, former, city.people.otherHire, { startDate: past.toISODate()!, endDate: past.plus({ months: 1 }).toISODate()! });
    expect(await readAll(former, south)).toEqual([404, 404, 404]);
    const named = await makePerson(t, city.units.southUnit, ['mentor']);
    await t.db.write((em) => em.update(Plan, { id: south.id }, { mentorId: named.id }));
    expect(await readAll(named, south)).toEqual([200, 200, 200]);
    expect(await readAll(city.people.lecturer, north)).toEqual([404, 404, 404]);
    expect((await get(city.people.lecturer, '/api/plans')).body.total).toBe(0);
  });

  it("records reads of a plan by anyone but the plan's hire", async () => {
    const audit = async () =>
      (await get(city.people.admin, `/api/audit?entityType=plan&entityId=${north.id}&limit=500`)).body.items.filter((e: { action: string }) => e.action === 'read');
    const before = await audit();
    await get(city.people.newhire, `/api/plans/${north.id}`).expect(200);
    await get(city.people.newhire, `/api/plans/${north.id}/progress`).expect(200);
    expect(await audit()).toHaveLength(before.length);
    const reader = await makePerson(t, city.units.admin, ['coordinator']);
    await get(reader, `/api/plans/${north.id}/progress`).expect(200);
    const after = await audit();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ actorId: reader.id, subjectPersonId: city.people.newhire.id });
    // The same person reading the plan again within ten minutes (items, progress, a page) is the same entry.
    await get(reader, `/api/plans/${north.id}`).expect(200);
    await get(reader, `/api/plans/${north.id}/items`).expect(200);
    expect(await audit()).toHaveLength(before.length + 1);
  });

  it('reports completion per plan with totals, in scope, as JSON and CSV', async () => {
    const own = await get(city.people.introducer, '/api/reports/completion').expect(200);
    expect(own.body.rows).toEqual([
      {
        planId: north.id,
        newHireId: city.people.newhire.id,
        newHireName: city.people.newhire.name,
        orgUnitId: city.units.northUnit.id,
        orgUnitName: 'North children',
        status: 'active',
        startDate: '2026-01-01',
        endDate: '2028-01-01',
        totalItems: 4,
        doneItems: 1,
        waivedItems: 1,
        percentComplete: 50,
        trainingDaysPlanned: 1,
        trainingDaysDone: 1,
        overdueItems: 1,
      },
    ]);
    expect(own.body.totals).toMatchObject({ plans: 1, totalItems: 4, percentComplete: 50 });
    const all = await get(city.people.coordinator, '/api/reports/completion').expect(200);
    expect(all.body.totals).toMatchObject({ plans: 2, totalItems: 5, doneItems: 1, waivedItems: 1, percentComplete: 40, trainingDaysPlanned: 2, trainingDaysDone: 1 });
    const south = await get(city.people.coordinator, `/api/reports/completion?orgUnitId=${city.units.south.id}`).expect(200);
    expect(south.body.rows.map((r: { newHireId: string }) => r.newHireId)).toEqual([city.people.otherHire.id]);
    const csv = await get(city.people.manager, '/api/reports/completion?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'newHire,orgUnit,status,startDate,endDate,totalItems,doneItems,waivedItems,percentComplete,trainingDaysPlanned,trainingDaysDone,overdueItems',
    );
    expect(lines[1]).toBe(`${city.people.newhire.name},North children,active,2026-01-01,2028-01-01,4,1,1,50,1,1,1`);
    await get(city.people.mentor, '/api/reports/completion').expect(403);
    await get(city.people.newhire, '/api/reports/completion').expect(403);
  });
});
