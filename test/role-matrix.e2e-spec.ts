import { startApp, TestApp } from './app';
import { City, makeCity } from './factories/organisation.factory';

type Who = 'admin' | 'coordinator' | 'introducer' | 'manager' | 'mentor' | 'lecturer' | 'newhire';
const WHO: Who[] = ['admin', 'coordinator', 'introducer', 'manager', 'mentor', 'lecturer', 'newhire'];

interface Route {
  name: string;
  call: (t: TestApp, city: City, n: number) => { method: 'get' | 'post' | 'patch' | 'delete'; url: string; body?: object };
  expect: Record<Who, number>;
}

const all = (status: number): Record<Who, number> => Object.fromEntries(WHO.map((w) => [w, status])) as Record<Who, number>;

const routes: Route[] = [
  { name: 'GET /api/me', call: () => ({ method: 'get', url: '/api/me' }), expect: all(200) },
  { name: 'GET /api/areas', call: () => ({ method: 'get', url: '/api/areas' }), expect: all(200) },
  {
    name: 'POST /api/areas',
    call: (_t, _c, n) => ({ method: 'post', url: '/api/areas', body: { code: `matrix_${n}`, name: 'Matrix' } }),
    expect: { ...all(403), admin: 201, coordinator: 201 },
  },
  { name: 'GET /api/org-units', call: () => ({ method: 'get', url: '/api/org-units' }), expect: all(200) },
  {
    name: 'POST /api/org-units',
    call: (_t, c) => ({ method: 'post', url: '/api/org-units', body: { name: 'M', kind: 'unit', parentId: c.units.north.id } }),
    expect: { ...all(403), admin: 201 },
  },
  {
    name: 'PATCH /api/org-units/:id',
    call: (_t, c) => ({ method: 'patch', url: `/api/org-units/${c.units.northUnit.id}`, body: { name: 'North children' } }),
    expect: { ...all(403), admin: 200 },
  },
  { name: 'GET /api/people', call: () => ({ method: 'get', url: '/api/people' }), expect: all(200) },
  {
    name: 'POST /api/people (new hire, north unit)',
    call: (_t, c, n) => ({
      method: 'post',
      url: '/api/people',
      body: { name: 'Ny', email: `matrix${n}@test.example`, orgUnitId: c.units.northUnit.id, roles: ['newhire'] },
    }),
    expect: { ...all(403), admin: 201, introducer: 201, manager: 201 },
  },
  {
    name: 'GET /api/people/:id (own-unit hire)',
    call: (_t, c) => ({ method: 'get', url: `/api/people/${c.people.newhire.id}` }),
    expect: { admin: 200, coordinator: 200, introducer: 200, manager: 200, mentor: 404, lecturer: 404, newhire: 200 },
  },
  {
    name: 'GET /api/people/:id (other department)',
    call: (_t, c) => ({ method: 'get', url: `/api/people/${c.people.otherHire.id}` }),
    expect: { ...all(404), admin: 200, coordinator: 200 },
  },
  {
    name: 'PATCH /api/people/:id (own-unit hire)',
    call: (_t, c) => ({ method: 'patch', url: `/api/people/${c.people.newhire.id}`, body: { title: 'Socialsekreterare' } }),
    expect: { ...all(403), admin: 200, introducer: 200, manager: 200 },
  },
  {
    name: 'PATCH /api/people/:id (other department)',
    call: (_t, c) => ({ method: 'patch', url: `/api/people/${c.people.otherHire.id}`, body: { title: 'x' } }),
    expect: { ...all(403), admin: 200, introducer: 404, manager: 404 },
  },
  { name: 'GET /api/audit', call: () => ({ method: 'get', url: '/api/audit' }), expect: { ...all(403), admin: 200 } },
];

describe('role x route matrix', () => {
  let t: TestApp;
  let city: City;
  let n = 0;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  for (const route of routes) {
    it.each(WHO)(`${route.name} as %s`, async (who) => {
      const { method, url, body } = route.call(t, city, n++);
      const res = await t.http()[method](url).set('authorization', `Bearer ${city.people[who].token}`).send(body);
      expect({ who, status: res.status }).toEqual({ who, status: route.expect[who] });
    });
  }

  it('answers 401 on every route without a token', async () => {
    for (const route of routes) {
      const { method, url, body } = route.call(t, city, n++);
      const res = await t.http()[method](url).send(body);
      expect({ route: route.name, status: res.status }).toEqual({ route: route.name, status: 401 });
    }
  });
});
