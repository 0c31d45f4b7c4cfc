import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startApp, TestApp } from './app';
import { makeLecture, makeSession, makeTheme } from './factories/catalogue.factory';
import { City, makeCity } from './factories/organisation.factory';
import { makePlan, makePlanItem } from './factories/plans.factory';
import { DataVersion } from '../src/database/data-version.service';
import { Plan } from '../src/plans/plans/plan.entity';
import { PlanItem } from '../src/plans/plan-items/plan-item.entity';

const bearer = (p: { token: string }) => ({ authorization: `Bearer ${p.token}` });
const onPostgres = () => process.env.DATABASE_URL!.startsWith('postgres');

/**
 * Polled reads are kept in memory until data changes. Two server processes share one database
 * (`a` writes, `b` reads): `b` must never keep serving what `a` changed. On SQLite `b` sees the
 * commit at once (PRAGMA data_version); on PostgreSQL as soon as its LISTEN hears the NOTIFY.
 */
describe('reads kept in memory, across server processes', () => {
  let a: TestApp;
  let b: TestApp;
  let city: City;
  let plan: Plan;
  let items: PlanItem[];

  beforeAll(async () => {
    a = await startApp();
    b = await startApp({}, { reset: false });
    city = await makeCity(a);
    plan = await makePlan(a, city.people.newhire);
    items = [await makePlanItem(a, plan, { title: 'Ett' }), await makePlanItem(a, plan, { title: 'Två' })];
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** Reads through `b` until `accept` holds; SQLite must hold on the first read. */
  async function seenByB<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + (onPostgres() ? 3000 : 0);
    for (;;) {
      const value = await read();
      if (accept(value) || Date.now() >= deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const progressOnB = async () =>
    (await b.http().get(`/api/plans/${plan.id}/progress`).set(bearer(city.people.coordinator)).expect(200)).body as { doneItems: number; totalItems: number };

  it('serves a repeated read from memory and drops it when another process writes', async () => {
    expect(await progressOnB()).toMatchObject({ totalItems: 2, doneItems: 0 });
    // Served from memory: a change that bypasses Db.write (no NOTIFY) is not seen...
    await a.db.manager.update(PlanItem, { id: items[0].id }, { status: 'done' });
    // ...on PostgreSQL; on SQLite any commit by another connection (here `a`'s) is seen.
    expect(await progressOnB()).toMatchObject({ doneItems: onPostgres() ? 0 : 1 });
    await a.db.write((em) => em.update(PlanItem, { id: items[1].id }, { status: 'done' }));
    expect(await seenByB(progressOnB, (p) => p.doneItems === 2)).toMatchObject({ totalItems: 2, doneItems: 2 });
  });

  it('stops accepting a deactivated account on the other process', async () => {
    const introducer = city.people.southIntroducer;
    await b.http().get('/api/reports/completion').set(bearer(introducer)).expect(200);
    await a.http().patch(`/api/people/${introducer.id}`).set(bearer(city.people.admin)).send({ active: false }).expect(200);
    const status = await seenByB(
      async () => (await b.http().get('/api/reports/completion').set(bearer(introducer))).status,
      (s) => s === 401,
    );
    expect(status).toBe(401);
  });

  it('changes the completion report and the feed ETag on the other process', async () => {
    const report = async () => (await b.http().get('/api/reports/completion').set(bearer(city.people.coordinator)).expect(200)).body.totals.plans as number;
    const before = await report();
    await makePlan(a, city.people.otherHire);
    expect(await seenByB(report, (n) => n === before + 1)).toBe(before + 1);

    const url = (await b.http().get('/api/me/calendar').set(bearer(city.people.newhire)).expect(200)).body.url as string;
    const path = new URL(url).pathname;
    const etag = async () => (await b.http().get(path).expect(200)).headers.etag as string;
    const first = await etag();
    const theme = await makeTheme(a);
    const session = await makeSession(a, await makeLecture(a, theme), { capacity: 5 });
    await a.http().post(`/api/sessions/${session.id}/enrolments`).set(bearer(city.people.coordinator)).send({ personId: city.people.newhire.id }).expect(201);
    expect(await seenByB(etag, (e) => e !== first)).not.toBe(first);
  });

  it('on SQLite, sees a commit by any other connection at once (npm run retention, a sqlite3 shell)', async () => {
    if (onPostgres()) return;
    const before = await progressOnB();
    const other = await new DataSource({ type: 'better-sqlite3', database: b.config.sqlitePath }).initialize();
    await other.query("UPDATE plan_item SET status = 'planned' WHERE id = ?", [items[1].id]);
    await other.destroy();
    expect(await progressOnB()).toMatchObject({ doneItems: before.doneItems - 1 });
  });

  it('on PostgreSQL, serves nothing from memory while the LISTEN connection is down, and listens again', async () => {
    if (!onPostgres()) return;
    const version = b.app.get(DataVersion);
    const before = await progressOnB();
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`);
      await seenByB(async () => version.current().startsWith('uncached'), Boolean);
      expect(version.current()).toMatch(/^uncached/);
      // A change no server announced: without a listener it is read from the database.
      await admin.query("UPDATE plan_item SET status = 'planned' WHERE id = $1", [items[1].id]);
      expect(await progressOnB()).toMatchObject({ doneItems: before.doneItems - 1 });
      const back = Date.now() + 5000;
      while (version.current().startsWith('uncached') && Date.now() < back) await new Promise((r) => setTimeout(r, 100));
      expect(version.current()).not.toMatch(/^uncached/);
      await a.db.write((em) => em.update(PlanItem, { id: items[1].id }, { status: 'done' }));
      expect(await seenByB(progressOnB, (p) => p.doneItems === before.doneItems)).toMatchObject({ doneItems: before.doneItems });
    } finally {
      await admin.end();
    }
  });
});
