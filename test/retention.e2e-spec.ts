import { DateTime } from 'luxon';
import { startApp, TestApp } from './app';
import { City, makeCity, makePerson } from './factories/organisation.factory';
import { makePlan } from './factories/plans.factory';
import type { Plan } from '../src/plans/plans/plan.entity';
import type { OrgUnit } from '../src/people/org-units/org-unit.entity';

const bearer = (person: { token: string }) => ({ authorization: `Bearer ${person.token}` });
const at = (date: string) => DateTime.fromISO(date, { zone: 'Europe/Stockholm' }).set({ hour: 12 }).toJSDate();

describe('retention report', () => {
  let t: TestApp;
  let city: City;
  const recent = DateTime.now().minus({ days: 3 });
  const recentCohort = `${recent.year}-Q${recent.quarter}`;

  async function hireWithPlan(unit: OrgUnit, plan: Partial<Plan>, active = true) {
    const hire = await makePerson(t, unit, ['newhire'], { active });
    await makePlan(t, hire, { startDate: '2022-02-01', ...plan });
    return hire;
  }
  const report = (who: { token: string }, query = '') => t.http().get(`/api/reports/retention${query}`).set(bearer(who));

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    const north = city.units.northUnit;
    await hireWithPlan(north, { status: 'completed', completedAt: at('2024-02-01') });
    await hireWithPlan(north, { status: 'closed', closedReason: 'left_employment', closedAt: at('2022-11-01') }, false);
    await hireWithPlan(north, { status: 'closed', closedReason: 'left_employment', closedAt: at('2023-06-01') });
    await hireWithPlan(north, { status: 'closed', closedReason: 'moved_internally', closedAt: at('2022-08-01') });
    await hireWithPlan(north, { startDate: '2022-03-31', status: 'paused' });
    // deactivated through the API today (the audit trail knows when): still employed at 12 and 24 months
    const deactivated = await hireWithPlan(north, { status: 'completed', completedAt: at('2024-01-20') });
    await t.http().delete(`/api/people/${deactivated.id}`).set(bearer(city.people.admin)).expect(204);
    // inactive with no record of when: counted as left
    await hireWithPlan(north, { status: 'completed', completedAt: at('2024-01-25') }, false);
    await hireWithPlan(city.units.southUnit, { status: 'completed', completedAt: at('2024-02-01') });
    await hireWithPlan(north, { startDate: recent.toISODate()!, status: 'active' });
    await hireWithPlan(north, { startDate: '2022-01-10', status: 'draft' });
    await hireWithPlan(north, { startDate: DateTime.now().plus({ days: 5 }).toISODate()!, status: 'active' });
  });
  afterAll(() => t.close());

  it('counts each start quarter by outcome and who was still employed at 12 and 24 months', async () => {
    const { items } = (await report(city.people.introducer).expect(200)).body;
    expect(items).toEqual([
      {
        cohort: '2022-Q1',
        started: 7,
        active: 1,
        completed: 3,
        leftBeforeCompletion: 2,
        movedInternally: 1,
        closedOther: 0,
        stillEmployedAt12Months: 5,
        stillEmployedAt24Months: 4,
      },
      {
        cohort: recentCohort,
        started: 1,
        active: 1,
        completed: 0,
        leftBeforeCompletion: 0,
        movedInternally: 0,
        closedOther: 0,
        stillEmployedAt12Months: null,
        stillEmployedAt24Months: null,
      },
    ]);
  });

  it("limits to the caller's scope and ?orgUnitId=, 404 outside it, 403 for other roles", async () => {
    expect((await report(city.people.coordinator).expect(200)).body.items[0].started).toBe(8);
    expect((await report(city.people.southIntroducer).expect(200)).body.items).toEqual([expect.objectContaining({ cohort: '2022-Q1', started: 1, completed: 1 })]);
    expect((await report(city.people.coordinator, `?orgUnitId=${city.units.south.id}`).expect(200)).body.items[0].started).toBe(1);
    expect((await report(city.people.manager).expect(200)).body.items[0].started).toBe(7);
    await report(city.people.manager, `?orgUnitId=${city.units.north.id}`).expect(404);
    await report(city.people.introducer, `?orgUnitId=${city.units.southUnit.id}`).expect(404);
    await report(city.people.newhire).expect(403);
    await report(city.people.mentor).expect(403);
    await report(city.people.coordinator, '?format=xml').expect(400);
  });

  it('gives the same figures as CSV', async () => {
    const csv = await report(city.people.introducer, '?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('cohort,started,active,completed,leftBeforeCompletion,movedInternally,closedOther,stillEmployedAt12Months,stillEmployedAt24Months');
    expect(lines[1]).toBe('2022-Q1,7,1,3,2,1,0,5,4');
    expect(lines[2]).toBe(`${recentCohort},1,1,0,0,0,0,,`);
  });
});
