import { Logger } from '@nestjs/common';
import { startApp, TestApp } from './app';
import { makeCity } from './factories/organisation.factory';
import { makeTheme } from './factories/catalogue.factory';

// Each app here runs on its own fresh database, one after the other.
describe('calendar feed settings and logging', () => {
  it('logs the route pattern of feed requests, never the token', async () => {
    const t: TestApp = await startApp({ LOG_REQUESTS: 'true' });
    const lines: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void lines.push(String(message)));
    try {
      const city = await makeCity(t);
      const theme = await makeTheme(t);
      const links = await t.http().get('/api/me/calendar').auth(city.people.newhire.token, { type: 'bearer' });
      const path = new URL(links.body.url).pathname;
      const token = path.slice('/calendar/'.length, -'.ics'.length);
      expect((await t.http().get(path)).status).toBe(200);
      expect((await t.http().get(`/calendar/themes/${theme.id}.ics`)).status).toBe(200);
      const log = lines.join('\n');
      expect(log).toContain('GET /calendar/:file 200');
      expect(log).toContain('GET /calendar/themes/:file 200');
      expect(log).not.toContain(token);
      expect(log).not.toContain(theme.id);
    } finally {
      spy.mockRestore();
      await t.close();
    }
  });

  it('serves no theme feeds with PUBLIC_CATALOGUE_FEEDS=false', async () => {
    const t = await startApp({ PUBLIC_CATALOGUE_FEEDS: 'false' });
    try {
      const theme = await makeTheme(t);
      expect((await t.http().get(`/calendar/themes/${theme.id}.ics`)).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
