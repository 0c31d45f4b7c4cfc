import { startApp, TestApp } from './app';
import { City, makeCity } from './factories/organisation.factory';

describe('errors are problem documents', () => {
  let t: TestApp;
  let city: City;

  beforeAll(async () => {
    t = await startApp({ BODY_LIMIT_BYTES: '2048' });
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
  };

  it('answers an unknown route with 404', async () => {
    expectProblem(await t.http().get('/api/no-such-thing'), 404);
    expectProblem(await t.http().delete('/nowhere'), 404);
  });

  it('answers a malformed JSON body with 400', async () => {
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"email": "a@b.se", ');
    expectProblem(res, 400);
  });

  it('answers an oversized body with 413', async () => {
    const res = await t
      .http()
      .post('/api/areas')
      .set('authorization', `Bearer ${city.people.coordinator.token}`)
      .send({ code: 'big_area', name: 'x'.repeat(5000) });
    expectProblem(res, 413);
  });

  it('lists every invalid field and rejects unknown fields', async () => {
    const res = await t
      .http()
      .post('/api/people')
      .set('authorization', `Bearer ${city.people.admin.token}`)
      .send({ name: '', email: 'not-an-email', orgUnitId: 'x', roles: ['wizard'], isAdmin: true });
    expectProblem(res, 400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'orgUnitId', 'roles', 'isAdmin']));
  });

  it('names a malformed id parameter', async () => {
    const res = await t.http().get('/api/people/not-a-uuid').set('authorization', `Bearer ${city.people.admin.token}`);
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
  });

  it('rejects a wrong content type with a 4xx, not a 500', async () => {
    const res = await t.http().post('/api/auth/login').set('content-type', 'text/plain').send('hello');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('sends security headers and no CORS headers by default', async () => {
    const res = await t.http().get('/api/health').set('origin', 'https://evil.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    for (const path of ['/api/no-such-route', '/calendar/not-a-token.ics', '/sign-in']) {
      const other = await t.http().get(path);
      expect([path, other.headers['x-frame-options'], other.headers['content-security-policy']]).toEqual([path, 'SAMEORIGIN', expect.stringContaining("default-src 'self'")]);
    }
  });
});
