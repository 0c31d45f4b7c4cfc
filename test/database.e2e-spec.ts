import { DataSource } from 'typeorm';
import { startApp, resetDatabase, TestApp } from './app';
import { makeUnit } from './factories/organisation.factory';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/migrate';
import { loadConfig } from '../src/config/app-config';
import { Area } from '../src/people/areas/area.entity';
import { OrgUnit } from '../src/people/org-units/org-unit.entity';
import { OrganisationAndPeople1763800000000 } from '../src/database/migrations/1763800000000-organisation-and-people';

describe('database writes', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(() => t.close());

  it('takes 50 concurrent writes without an error', async () => {
    const root = await makeUnit(t, null);
    const writes = Array.from({ length: 50 }, (_, i) => t.db.write((em) => em.save(em.create(Area, { code: `concurrent_${i}`, name: `Area ${i}` }))));
    const results = await Promise.allSettled(writes);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await t.db.manager.countBy(Area, {})).toBeGreaterThanOrEqual(50);
    expect(root.id).toBeDefined();
  });

  it('leaves no rows from a transaction that throws while others overlap it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = t.db.write(async (em) => {
      await em.save(em.create(Area, { code: 'doomed', name: 'Doomed' }));
      await gate;
      throw new Error('business rule failed');
    });
    const bystanders = Array.from({ length: 10 }, (_, i) => t.db.write((em) => em.save(em.create(Area, { code: `bystander_${i}`, name: 'B' }))));
    setTimeout(release, 20);
    await expect(failing).rejects.toThrow('business rule failed');
    await Promise.all(bystanders);
    expect(await t.db.manager.findOneBy(Area, { code: 'doomed' })).toBeNull();
    expect(await t.db.manager.countBy(Area, { name: 'B' })).toBe(10);
  });
});

describe('migrations', () => {
  it('keep every child row when a later migration rebuilds a referenced table', async () => {
    const config = loadConfig();
    await resetDatabase(config.databaseUrl);
    const first = new DataSource({ ...dataSourceOptions(config), migrations: [OrganisationAndPeople1763800000000] });
    await first.initialize();
    await runMigrations(first);
    await first.query(`INSERT INTO area (code, name) VALUES ('children_youth', 'Barn och unga')`);
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    await first.query(`INSERT INTO org_unit (id, name, kind, parent_id, area_code, path) VALUES ('${ids[0]}', 'Root', 'administration', NULL, NULL, '/${ids[0]}/')`);
    await first.query(
      `INSERT INTO org_unit (id, name, kind, parent_id, area_code, path) VALUES ('${ids[1]}', 'Unit', 'unit', '${ids[0]}', 'children_youth', '/${ids[0]}/${ids[1]}/')`,
    );
    for (let i = 0; i < 5; i++) {
      await first.query(
        `INSERT INTO person (id, name, email, org_unit_id, roles, active) VALUES ('3333333${i}-3333-4333-8333-333333333333', 'P${i}', 'p${i}@x.se', '${ids[1]}', 'newhire', ${first.options.type === 'postgres' ? 'true' : 1})`,
      );
    }
    // A child table with ON DELETE CASCADE, as later tables (plan items, enrolments) have: the
    // rebuilds below must not empty it.
    const uuid = first.options.type === 'postgres' ? 'uuid' : 'varchar(36)';
    await first.query(
      `CREATE TABLE cascade_child (id INTEGER PRIMARY KEY, person_id ${uuid} REFERENCES person(id) ON DELETE CASCADE, unit_id ${uuid} REFERENCES org_unit(id) ON DELETE CASCADE)`,
    );
    for (let i = 0; i < 5; i++) {
      await first.query(`INSERT INTO cascade_child (id, person_id, unit_id) VALUES (${i}, '3333333${i}-3333-4333-8333-333333333333', '${ids[1]}')`);
    }
    const before = await counts(first);
    expect(before.cascade_child).toBe(5);
    await first.destroy();

    const all = new DataSource(dataSourceOptions(config));
    await all.initialize();
    const applied = await runMigrations(all);
    expect(applied.length).toBeGreaterThan(0);
    expect(await counts(all)).toEqual(before);
    expect(await all.getRepository(OrgUnit).findOneByOrFail({ id: ids[1] })).toMatchObject({ parentId: ids[0] });
    const languages = await all.query(`SELECT DISTINCT language FROM person`);
    expect(languages).toEqual([{ language: 'sv' }]);
    if (all.options.type === 'better-sqlite3') expect(await all.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    await all.destroy();
  });
});

async function counts(ds: DataSource) {
  const result: Record<string, number> = {};
  for (const table of ['area', 'org_unit', 'person', 'cascade_child']) {
    const [row] = await ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
    result[table] = Number(row.n);
  }
  return result;
}
