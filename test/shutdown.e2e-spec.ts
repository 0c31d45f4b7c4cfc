import { startApp, TestApp } from './app';
import { makeCity, TEST_PASSWORD } from './factories/organisation.factory';

describe('graceful shutdown', () => {
  let t: TestApp;
  afterAll(() => t.close().catch(() => undefined));

  it('finishes an in-flight request before closing (what SIGTERM triggers)', async () => {
    t = await startApp();
    const city = await makeCity(t);
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    // Sign-in takes tens of milliseconds (argon2): close the app once the request has arrived.
    const arrived = new Promise((resolve) => t.app.getHttpServer().once('request', resolve));
    const inFlight = fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: city.people.coordinator.email, password: TEST_PASSWORD }),
    });
    await arrived;
    const closing = t.app.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(((await res.json()) as { accessToken: string }).accessToken).toEqual(expect.any(String));
    await closing;
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });
});
