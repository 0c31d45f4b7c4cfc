import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { startApp, TestApp } from '../app';
import { City, makeCity, TEST_PASSWORD } from '../factories/organisation.factory';
import { csrfOf, sessionCsrf, signedIn } from './web-session';

describe('pages over HTTP: sign-in, CSRF, cookies, language, scope', () => {
  let t: TestApp;
  let city: City;

  beforeAll(async () => {
    t = await startApp({ TRUST_PROXY: 'true' });
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  const browser = () => request.agent(t.app.getHttpServer());
  const cookiesOf = (res: request.Response): string[] => [res.headers['set-cookie'] ?? []].flat();
  const sessionCookie = (res: request.Response) => cookiesOf(res).find((c) => c.startsWith('lots_session='));

  describe('signed out', () => {
    it('sends every page to the sign-in page, remembering where you were going', async () => {
      for (const path of ['/', '/profile', '/colleagues?role=newhire']) {
        const res = await t.http().get(path).expect(303);
        expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(path)}`);
      }
    });

    it('leaves the bearer-token API as it was: a session cookie is no API credential', async () => {
      const agent = await signedIn(t, city.people.introducer.email);
      await agent.get('/api/me').expect(401);
      await t.http().get('/api/me').set('authorization', `Bearer ${city.people.introducer.token}`).expect(200);
    });

    it('shows the sign-in page in Swedish by default, in English by Accept-Language or ?lang=en (remembered)', async () => {
      const sv = await t.http().get('/login').expect(200);
      expect(sv.headers['content-type']).toMatch(/^text\/html/);
      expect(sv.text).toContain('<html lang="sv"');
      expect(sv.text).toContain('Logga in');
      const en = await t.http().get('/login').set('accept-language', 'en-GB,en;q=0.9,sv;q=0.5').expect(200);
      expect(en.text).toContain('<html lang="en"');
      expect(en.text).toContain('Sign in');
      const agent = browser();
      const chosen = await agent.get('/login?lang=en').set('accept-language', 'sv').expect(200);
      expect(chosen.text).toContain('E-mail address');
      expect(cookiesOf(chosen).some((c) => c.startsWith('lots_lang=en'))).toBe(true);
      expect((await agent.get('/login').set('accept-language', 'sv').expect(200)).text).toContain('<html lang="en"');
    });
  });

  describe('sign-in', () => {
    it('signs in with e-mail and password and sets an httpOnly, SameSite=Lax session cookie (Secure only over https)', async () => {
      const agent = browser();
      const form = await agent.get('/login?next=/colleagues').expect(200);
      const res = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrfOf(form.text), email: `  ${city.people.introducer.email.toUpperCase()} `, password: TEST_PASSWORD, next: '/colleagues' })
        .expect(303);
      expect(res.headers.location).toBe('/colleagues');
      const cookie = sessionCookie(res)!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/);
      expect(res.headers['cache-control']).toBeUndefined();
      const page = await agent.get('/colleagues').expect(200);
      expect(page.headers['cache-control']).toBe('no-store');

      const https = browser();
      const httpsForm = await https.get('/login').set('x-forwarded-proto', 'https').expect(200);
      expect(cookiesOf(httpsForm).find((c) => c.startsWith('lots_pre='))).toMatch(/Secure/);
      const secure = await t
        .http()
        .post('/login')
        .set('x-forwarded-proto', 'https')
        .set('cookie', cookiesOf(httpsForm).map((c) => c.split(';')[0]).join('; '))
        .type('form')
        .send({ _csrf: csrfOf(httpsForm.text), email: city.people.introducer.email, password: TEST_PASSWORD })
        .expect(303);
      expect(sessionCookie(secure)).toMatch(/; Secure/);
    });

    it('answers a wrong password or a bad e-mail with the error summary, and keeps the e-mail', async () => {
      const agent = browser();
      const csrf = csrfOf((await agent.get('/login').expect(200)).text);
      const wrong = await agent.post('/login').type('form').send({ _csrf: csrf, email: city.people.mentor.email, password: 'not the password' }).expect(400);
      expect(wrong.text).toContain('govuk-error-summary');
      expect(wrong.text).toContain('Fel e-postadress eller lösenord');
      expect(wrong.text).toContain(`value="${city.people.mentor.email}"`);
      expect(wrong.text).not.toContain('not the password');
      expect(sessionCookie(wrong)).toBeUndefined();
      const empty = await agent.post('/login').type('form').send({ _csrf: csrf, email: 'nobody', password: '' }).expect(400);
      expect(empty.text).toContain('href="#email"');
      expect(empty.text).toContain('href="#password"');
      expect(empty.text).toContain('<title>Det finns ett problem: Logga in – Lots</title>');
    });

    it('only redirects to local paths after sign-in', async () => {
      for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
        const agent = browser();
        const form = await agent.get('/login').expect(200);
        const res = await agent.post('/login').type('form').send({ _csrf: csrfOf(form.text), email: city.people.manager.email, password: TEST_PASSWORD, next }).expect(303);
        expect(res.headers.location).toBe('/');
      }
    });

    it('sends an expired or forged session back to sign-in with a message, and clears the cookie', async () => {
      const expired = t.app.get(JwtService).sign({ sub: city.people.introducer.id }, { expiresIn: -10 });
      const res = await t.http().get('/colleagues').set('cookie', `lots_session=${expired}`).expect(303);
      expect(res.headers.location).toBe('/login?next=%2Fcolleagues&expired=1');
      expect(sessionCookie(res)).toMatch(/lots_session=;/);
      const notice = await t.http().get(res.headers.location).expect(200);
      expect(notice.text).toContain('Din inloggning har gått ut');
      const forged = await t.http().get('/').set('cookie', 'lots_session=not.a.token').expect(303);
      expect(forged.headers.location).toContain('expired=1');
    });
  });

  describe('CSRF', () => {
    it('refuses a sign-in form without the token, or with a token of another visitor (403 page)', async () => {
      const agent = browser();
      await agent.get('/login').expect(200);
      const missing = await agent.post('/login').type('form').send({ email: city.people.mentor.email, password: TEST_PASSWORD }).expect(403);
      expect(missing.text).toContain('Formuläret har gått ut');
      expect(sessionCookie(missing)).toBeUndefined();
      const otherVisitor = csrfOf((await browser().get('/login').expect(200)).text);
      await agent.post('/login').type('form').send({ _csrf: otherVisitor, email: city.people.mentor.email, password: TEST_PASSWORD }).expect(403);
      await t.http().post('/login').type('form').send({ _csrf: otherVisitor, email: city.people.mentor.email, password: TEST_PASSWORD }).expect(403);
    });

    it('refuses signed-in forms without this session\'s token, in the body or the X-CSRF-Token header', async () => {
      const agent = await signedIn(t, city.people.mentor.email);
      const other = await signedIn(t, city.people.lecturer.email);
      const otherToken = await sessionCsrf(other);
      await agent.post('/profile/language').type('form').send({ language: 'en' }).expect(403);
      await agent.post('/profile/language').type('form').send({ language: 'en', _csrf: otherToken }).expect(403);
      await agent.post('/logout').type('form').send({}).expect(403);
      const token = await sessionCsrf(agent);
      await agent.post('/profile/language').set('x-csrf-token', token).type('form').send({ language: 'sv' }).expect(303);
      await agent.get('/').expect(200);
    });
  });

  describe('signed in', () => {
    it('greets the person by name with what Lots offers each of their roles, and a navigation for those roles', async () => {
      const introducer = await (await signedIn(t, city.people.introducer.email)).get('/').expect(200);
      expect(introducer.text).toContain(`Välkommen, ${city.people.introducer.name}`);
      expect(introducer.text).toContain('Introduktör');
      expect(introducer.text).toContain('href="/colleagues"');
      expect(introducer.text).toContain('href="/profile"');
      const hire = await (await signedIn(t, city.people.newhire.email)).get('/').expect(200);
      expect(hire.text).toContain('Nyanställd');
      expect(hire.text).not.toContain('href="/colleagues"');
      expect(hire.text).toContain('action="/logout"');
    });

    it('lists colleagues in the same scope as the API: own units for introducers, everyone for coordinators, 403 for others', async () => {
      const introducer = await signedIn(t, city.people.introducer.email);
      const own = await introducer.get('/colleagues').expect(200);
      expect(own.text).toContain(city.people.newhire.name);
      expect(own.text).not.toContain(city.people.otherHire.name);
      const api = await t.http().get('/api/people?active=true&limit=500').set('authorization', `Bearer ${city.people.introducer.token}`).expect(200);
      expect(own.text).toContain(`${api.body.total} personer`);
      const hires = await introducer.get('/colleagues?role=newhire').expect(200);
      expect(hires.text).not.toContain(city.people.mentor.email);
      const none = await introducer.get('/colleagues?q=nobody-at-all').expect(200);
      expect(none.text).toContain('Ingen matchar sökningen');

      const coordinator = await (await signedIn(t, city.people.coordinator.email)).get('/colleagues').expect(200);
      expect(coordinator.text).toContain(city.people.otherHire.name);

      const denied = await (await signedIn(t, city.people.newhire.email)).get('/colleagues').expect(403);
      expect(denied.text).toContain('Du har inte behörighet till sidan');
      await introducer.get('/colleagues?role=wizard').expect(400);
    });

    it('saves the language on the profile and shows every page in it from then on', async () => {
      const agent = await signedIn(t, city.people.manager.email);
      const profile = await agent.get('/profile').expect(200);
      expect(profile.text).toContain(city.people.manager.email);
      expect(profile.text).toContain('North children');
      const bad = await agent.post('/profile/language').type('form').send({ _csrf: csrfOf(profile.text), language: 'de' }).expect(400);
      expect(bad.text).toContain('Välj ett språk');
      const saved = await agent.post('/profile/language').type('form').send({ _csrf: csrfOf(profile.text), language: 'en' }).expect(303);
      expect(saved.headers.location).toBe('/profile?saved=language');
      const after = await agent.get('/profile?saved=language').expect(200);
      expect(after.text).toContain('<html lang="en"');
      expect(after.text).toContain('Your language has been saved.');
      const me = await t.http().get('/api/me').set('authorization', `Bearer ${city.people.manager.token}`).expect(200);
      expect(me.body.language).toBe('en');
      expect((await agent.get('/').expect(200)).text).toContain(`Welcome, ${city.people.manager.name}`);
    });

    it('changes the password through the same rules as the API', async () => {
      const hire = city.people.otherHire;
      const agent = await signedIn(t, hire.email);
      const csrf = await sessionCsrf(agent);
      const post = (body: object) => agent.post('/profile/password').type('form').send({ _csrf: csrf, ...body });
      expect((await post({ currentPassword: TEST_PASSWORD, newPassword: 'short', confirmPassword: 'short' }).expect(400)).text).toContain('12 till 200 tecken');
      expect((await post({ currentPassword: TEST_PASSWORD, newPassword: 'a long new password', confirmPassword: 'another one' }).expect(400)).text).toContain(
        'Lösenorden är inte likadana',
      );
      expect((await post({ currentPassword: 'wrong!', newPassword: 'a long new password', confirmPassword: 'a long new password' }).expect(400)).text).toContain(
        'Det nuvarande lösenordet stämmer inte',
      );
      await post({ currentPassword: TEST_PASSWORD, newPassword: 'a long new password', confirmPassword: 'a long new password' }).expect(303);
      await t.http().post('/api/auth/login').send({ email: hire.email, password: 'a long new password' }).expect(200);
    });

    it('signs out: the cookie is cleared and pages need sign-in again', async () => {
      const agent = await signedIn(t, city.people.lecturer.email);
      const res = await agent.post('/logout').type('form').send({ _csrf: await sessionCsrf(agent) }).expect(303);
      expect(res.headers.location).toBe('/login?signedOut=1');
      expect(sessionCookie(res)).toMatch(/lots_session=;/);
      await agent.get('/').expect(303);
      expect((await agent.get('/login?signedOut=1').expect(200)).text).toContain('Du är utloggad.');
    });
  });

  describe('errors and assets', () => {
    it('answers unknown pages with an HTML 404 page and unknown API routes with problem+json', async () => {
      const page = await t.http().get('/no/such/page').set('accept', 'text/html,application/xhtml+xml;q=0.9').set('accept-language', 'en').expect(404);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('Page not found');
      expect(page.text).not.toMatch(/Cannot GET|stack|at Object\./);
      const api = await t.http().get('/api/no-such-route').set('accept', 'text/html').expect(404);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
      const script = await t.http().delete('/nowhere').expect(404);
      expect(script.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('serves GOV.UK Frontend, htmx and our stylesheet under versioned URLs cached for a year', async () => {
      const page = await t.http().get('/login').expect(200);
      const css = /href="(\/assets\/[0-9a-f]+\/govuk\/govuk-frontend\.min\.css)"/.exec(page.text)![1];
      const base = css.replace('/govuk/govuk-frontend.min.css', '');
      for (const path of [css, `${base}/site/site.css`, `${base}/site/init.js`, `${base}/htmx/htmx.min.js`, `${base}/govuk/govuk-frontend.min.js`]) {
        const res = await t.http().get(path).expect(200);
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      }
      const stylesheet = await t.http().get(css).expect(200);
      expect(stylesheet.headers['content-type']).toMatch(/^text\/css/);
      expect(stylesheet.text).toContain('.govuk-button');
      expect(stylesheet.text).not.toMatch(/@font-face|\/assets\/fonts\//);
      expect(page.text).toContain(`<script type="module" src="${base}/site/init.js"></script>`);
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      await t.http().get(`${base}/site/missing.css`).expect(404);
    });
  });
});
