import { DateTime } from 'luxon';
import { startApp, TestApp } from './app';
import { City, makeCity, makePerson } from './factories/organisation.factory';
import { makePlan } from './factories/plans.factory';
import type { OrgUnit } from '../src/people/org-units/org-unit.entity';

const MIN = 3;
const bearer = (person: { token: string }) => ({ authorization: `Bearer ${person.token}` });
const monthsAgo = (months: number, days = 0) => DateTime.now().minus({ months, days }).toISODate()!;

describe('programme evaluations', () => {
  let t: TestApp;
  let city: City;

  async function answer(unit: OrgUnit, rating: number, recommend: boolean, comment?: string) {
    const hire = await makePerson(t, unit, ['newhire']);
    const plan = await makePlan(t, hire, { startDate: monthsAgo(13) });
    await t.http().post(`/api/plans/${plan.id}/evaluation`).set(bearer(hire)).send({ rating, recommend, comment }).expect(201);
  }
  const report = (who: { token: string }, query = '') => t.http().get(`/api/reports/programme-evaluations${query}`).set(bearer(who));

  beforeAll(async () => {
    t = await startApp({ EVALUATION_MIN_RESPONSES: String(MIN) });
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  it("takes the plan's hire's answer once, from 12 months into the plan", async () => {
    const hire = await makePerson(t, city.units.northUnit, ['newhire']);
    const young = await makePlan(t, hire, { startDate: monthsAgo(12, -1), status: 'closed', closedReason: 'other' });
    const send = (planId: string, who = hire, body: object = { rating: 4, recommend: true }) =>
      t.http().post(`/api/plans/${planId}/evaluation`).set(bearer(who)).send(body);
    await send(young.id).expect(409);
    const plan = await makePlan(t, hire, { startDate: monthsAgo(12) });
    for (const other of [city.people.newhire, city.people.introducer, city.people.admin]) await send(plan.id, other).expect(404);
    await send(plan.id, hire, { rating: 4 }).expect(400);
    await send(plan.id, hire, { rating: 0, recommend: true }).expect(400);
    await send(plan.id).expect(201);
    await send(plan.id, hire, { rating: 2, recommend: false }).expect(409);
  });

  it('reports per unit under the threshold rule, in the caller scope', async () => {
    const north = city.units.northUnit;
    const south = city.units.southUnit;
    // the first test left one north answer (4, recommends)
    await answer(north, 5, true, 'Tryggt');
    expect((await report(city.people.coordinator).expect(200)).body.total).toEqual({ responses: MIN - 1, needed: 1 });
    await answer(north, 3, false);
    await answer(south, 2, false, 'För mycket på en gång');
    const all = (await report(city.people.coordinator).expect(200)).body;
    expect(all.total).toEqual({
      responses: 4,
      averageRating: 3.5,
      distribution: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 1 },
      recommendPercent: 50,
      comments: expect.arrayContaining(['Tryggt', 'För mycket på en gång']),
    });
    // south has 1 answer: hidden, and north with it (else total minus north reveals south)
    expect(all.units).toEqual([
      { orgUnitId: north.id, orgUnitName: 'North children', responses: MIN, needed: 0 },
      { orgUnitId: south.id, orgUnitName: 'South adults', responses: 1, needed: MIN - 1 },
    ]);
    const northOnly = (await report(city.people.introducer).expect(200)).body;
    expect(northOnly.total).toMatchObject({ responses: MIN, averageRating: 4, recommendPercent: 67 });
    expect(northOnly.units).toEqual([
      { orgUnitId: north.id, orgUnitName: 'North children', responses: MIN, averageRating: 4, recommendPercent: 67, distribution: expect.any(Object) },
    ]);
    expect((await report(city.people.coordinator, `?orgUnitId=${city.units.south.id}`).expect(200)).body.total).toEqual({ responses: 1, needed: MIN - 1 });
    await report(city.people.introducer, `?orgUnitId=${city.units.south.id}`).expect(404);
    await report(city.people.newhire).expect(403);
    await report(city.people.lecturer).expect(403);
  });
});
