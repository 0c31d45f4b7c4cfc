import { JwtService } from '@nestjs/jwt';
import { startApp, TestApp } from './app';
import { City, makeCity, makePerson, TEST_PASSWORD } from './factories/organisation.factory';

describe('sign-in', () => {
  let t: TestApp;
  let city: City;

  beforeAll(async () => {
    t = await startApp({ LOGIN_MAX_FAILURES: '3', ADMIN_EMAIL: 'Operator@Example.se', ADMIN_PASSWORD: 'operator-password-1' });
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });

  it('signs in with e-mail and password and returns a bearer token and the person', async () => {
    const res = await login(city.people.introducer.email.toUpperCase(), TEST_PASSWORD).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 8 * 3600, user: { id: city.people.introducer.id } });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await t.http().get('/api/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: city.people.introducer.id, roles: ['introducer'], email: city.people.introducer.email });
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const wrong = await login(city.people.mentor.email, 'wrong password!!').expect(401);
    const unknown = await login('nobody@test.example', 'wrong password!!').expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('needs a valid, unexpired token on protected routes', async () => {
    await t.http().get('/api/me').expect(401);
    const bad = await t.http().get('/api/me').set('authorization', 'Bearer not.a.token').expect(401);
    expect(bad.headers['www-authenticate']).toMatch(/^Bearer/);
    const expired = t.app.get(JwtService).sign({ sub: city.people.admin.id }, { expiresIn: -10 });
    await t.http().get('/api/me').set('authorization', `Bearer ${expired}`).expect(401);
    const foreign = new JwtService({ secret: 'another-secret-another-secret-12345' }).sign({ sub: city.people.admin.id });
    await t.http().get('/api/me').set('authorization', `Bearer ${foreign}`).expect(401);
  });

  it('rate limits repeated failures for one e-mail and address with 429', async () => {
    const victim = await makePerson(t, city.units.northUnit, ['newhire']);
    for (let i = 0; i < 3; i++) await login(victim.email, 'wrong password!!').expect(401);
    const limited = await login(victim.email, TEST_PASSWORD).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await login(city.people.manager.email, TEST_PASSWORD).expect(200);
  });

  it('shuts out a deactivated person at once, token or not', async () => {
    const hire = await makePerson(t, city.units.northUnit, ['newhire']);
    await t.http().get('/api/me').set('authorization', `Bearer ${hire.token}`).expect(200);
    await t.http().delete(`/api/people/${hire.id}`).set('authorization', `Bearer ${city.people.introducer.token}`).expect(204);
    await t.http().get('/api/me').set('authorization', `Bearer ${hire.token}`).expect(401);
    await login(hire.email, TEST_PASSWORD).expect(401);
  });

  it('lets a person change their own password', async () => {
    const hire = await makePerson(t, city.units.northUnit, ['newhire']);
    const auth = { authorization: `Bearer ${hire.token}` };
    await t.http().post('/api/me/password').set(auth).send({ currentPassword: 'wrong', newPassword: 'a brand new password' }).expect(400);
    await t.http().post('/api/me/password').set(auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
    await t.http().post('/api/me/password').set(auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }).expect(204);
    await login(hire.email, 'a brand new password').expect(200);
    await login(hire.email, TEST_PASSWORD).expect(401);
  });

  it('bootstraps the admin from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const res = await login('operator@example.se', 'operator-password-1').expect(200);
    expect(res.body.user.roles).toEqual(['admin']);
  });
});
