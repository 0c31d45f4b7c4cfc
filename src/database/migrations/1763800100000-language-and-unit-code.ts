import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { MigrationColumns } from '../migration-columns';

/**
 * A person's language for pages and notices, and an org unit's code in the city's HR system.
 * On SQLite both steps rebuild a table that others reference (see runMigrations).
 */
export class LanguageAndUnitCode1763800100000 implements MigrationInterface {
  name = 'LanguageAndUnitCode1763800100000';

  async up(q: QueryRunner): Promise<void> {
    const c = new MigrationColumns(q);
    await q.addColumn('person', new TableColumn(c.string('language', 2, false, "'sv'")));
    await q.addColumn('org_unit', new TableColumn(c.string('external_code', 40, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('org_unit', 'external_code');
    await q.dropColumn('person', 'language');
  }
}
