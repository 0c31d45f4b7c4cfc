import { DataSource } from 'typeorm';
import { startApp, TestApp } from './app';

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(() => t.close());

  it('reports health without sign-in', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/people/{id}', '/api/org-units']));
    await t.http().get('/api/docs').expect(200);
  });

  it('answers 503 when the database is unreachable', async () => {
    await t.app.get(DataSource).destroy();
    const res = await t.http().get('/api/health').expect(503);
    expect(res.body.db).not.toBe('ok');
  });
});
