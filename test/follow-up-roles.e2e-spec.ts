import { DateTime } from 'luxon';
import { startApp, TestApp } from './app';
import { City, makeCity } from './factories/organisation.factory';
import { makeLecture, makeSession, makeTheme } from './factories/catalogue.factory';
import { makeEnrolment, makePlan } from './factories/plans.factory';

type Who = 'admin' | 'coordinator' | 'introducer' | 'manager' | 'mentor' | 'lecturer' | 'newhire';
const WHO: Who[] = ['admin', 'coordinator', 'introducer', 'manager', 'mentor', 'lecturer', 'newhire'];
const all = (status: number): Record<Who, number> => Object.fromEntries(WHO.map((w) => [w, status])) as Record<Who, number>;

interface Ids {
  lecture: string;
  enrolment: string;
  plan: string;
}
interface Route {
  name: string;
  call: (city: City, ids: Ids) => { method: 'get' | 'post'; url: string; body?: object };
  expect: Record<Who, number>;
}

const routes: Route[] = [
  {
    name: 'POST /api/enrolments/:id/evaluation (the new hire attended)',
    call: (_c, ids) => ({ method: 'post', url: `/api/enrolments/${ids.enrolment}/evaluation`, body: { rating: 4 } }),
    expect: { ...all(404), newhire: 201 },
  },
  {
    name: 'GET /api/lectures/:id/evaluations',
    call: (_c, ids) => ({ method: 'get', url: `/api/lectures/${ids.lecture}/evaluations` }),
    expect: { ...all(200), lecturer: 404, mentor: 403, newhire: 403 },
  },
  {
    name: 'POST /api/plans/:id/evaluation (the new hire, 13 months in)',
    call: (_c, ids) => ({ method: 'post', url: `/api/plans/${ids.plan}/evaluation`, body: { rating: 4, recommend: true } }),
    expect: { ...all(404), newhire: 201 },
  },
  {
    name: 'GET /api/reports/programme-evaluations',
    call: () => ({ method: 'get', url: '/api/reports/programme-evaluations' }),
    expect: { ...all(403), admin: 200, coordinator: 200, introducer: 200, manager: 200 },
  },
  {
    name: 'GET /api/reports/retention',
    call: () => ({ method: 'get', url: '/api/reports/retention' }),
    expect: { ...all(403), admin: 200, coordinator: 200, introducer: 200, manager: 200 },
  },
  {
    name: 'GET /api/people/:id/export',
    call: (c) => ({ method: 'get', url: `/api/people/${c.people.newhire.id}/export` }),
    expect: { ...all(403), admin: 200 },
  },
  {
    name: 'POST /api/people/:id/erase',
    call: (c) => ({ method: 'post', url: `/api/people/${c.people.otherHire.id}/erase` }),
    expect: { ...all(403), admin: 200 },
  },
];

describe('follow-up: role x route matrix', () => {
  let t: TestApp;
  let city: City;
  const ids = {} as Ids;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    const lecture = await makeLecture(t, await makeTheme(t));
    const session = await makeSession(t, lecture, { startsAt: new Date(Date.now() - 86400_000) });
    ids.lecture = lecture.id;
    ids.enrolment = (await makeEnrolment(t, session, city.people.newhire, { attendance: 'attended' })).id;
    ids.plan = (await makePlan(t, city.people.newhire, { startDate: DateTime.now().minus({ months: 13 }).toISODate()! })).id;
  });
  afterAll(() => t.close());

  for (const route of routes) {
    it.each(WHO)(`${route.name} as %s`, async (who) => {
      const { method, url, body } = route.call(city, ids);
      const res = await t.http()[method](url).set('authorization', `Bearer ${city.people[who].token}`).send(body);
      expect({ who, status: res.status }).toEqual({ who, status: route.expect[who] });
    });
  }

  it('answers 401 on every route without a token', async () => {
    for (const route of routes) {
      const { method, url, body } = route.call(city, ids);
      const res = await t.http()[method](url).send(body);
      expect({ route: route.name, status: res.status }).toEqual({ route: route.name, status: 401 });
    }
  });
});
