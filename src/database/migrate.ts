import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/**
 * Runs pending migrations. On SQLite, TypeORM rebuilds a table to alter it (create copy, drop
 * original, rename); with foreign keys on, the drop cascades into child rows (typeorm#2584).
 * The pragma is a no-op inside a transaction, so it is switched off around the whole run (TypeORM
 * 1.x's better-sqlite3 runner does so too; we do not rely on it) and the result is checked
 * before it is switched back on.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const sqlite = dataSource.options.type === 'better-sqlite3';
  if (sqlite) await dataSource.query('PRAGMA foreign_keys = OFF');
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (sqlite) {
      const violations: unknown[] = await dataSource.query('PRAGMA foreign_key_check');
      if (violations.length) throw new Error(`Migrations left ${violations.length} foreign key violations`);
    }
    return applied.map((m) => m.name);
  } finally {
    if (sqlite) await dataSource.query('PRAGMA foreign_keys = ON');
  }
}

if (require.main === module) {
  const dataSource = new DataSource(dataSourceOptions(loadConfig()));
  dataSource
    .initialize()
    .then(() => runMigrations(dataSource))
    .then((names) => console.log(names.length ? `Applied: ${names.join(', ')}` : 'Schema is up to date'))
    .then(() => dataSource.destroy())
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
