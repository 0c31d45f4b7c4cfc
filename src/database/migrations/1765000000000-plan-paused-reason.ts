import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { MigrationColumns } from '../migration-columns';

/** Why a plan is paused (parental leave, long sick leave), shown while it is. */
export class PlanPausedReason1765000000000 implements MigrationInterface {
  name = 'PlanPausedReason1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('plan', new TableColumn(new MigrationColumns(q).string('paused_reason', 300, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('plan', 'paused_reason');
  }
}
