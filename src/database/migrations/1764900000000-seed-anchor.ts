import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { MigrationColumns } from '../migration-columns';

/** The week the demo data is laid out from (empty outside demo installations). */
export class SeedAnchor1764900000000 implements MigrationInterface {
  name = 'SeedAnchor1764900000000';

  async up(q: QueryRunner): Promise<void> {
    const c = new MigrationColumns(q);
    await q.createTable(
      new Table({
        name: 'seed_anchor',
        columns: [{ ...c.string('name', 40), isPrimary: true }, c.date('week_start'), c.timestamps()[0]],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('seed_anchor');
  }
}
