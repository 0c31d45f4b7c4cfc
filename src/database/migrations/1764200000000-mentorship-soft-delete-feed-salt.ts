import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { MigrationColumns } from '../migration-columns';

/**
 * Deleted mentorships and meetings are kept as tombstones (deleted_at) so calendar feeds can tell
 * that something disappeared (Last-Modified); their notes are cleared on delete. A feed token
 * gets a random salt from which, with AUTH_SECRET, its URL is derived again; only its hash is
 * stored. On SQLite each step rebuilds a table that others reference (see runMigrations).
 */
export class MentorshipSoftDeleteFeedSalt1764200000000 implements MigrationInterface {
  name = 'MentorshipSoftDeleteFeedSalt1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const c = new MigrationColumns(q);
    await q.addColumn('mentorship', new TableColumn(c.instant('deleted_at', true)));
    await q.addColumn('mentor_meeting', new TableColumn(c.instant('deleted_at', true)));
    await q.addColumn('calendar_token', new TableColumn(c.string('salt', 64, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('calendar_token', 'salt');
    await q.dropColumn('mentor_meeting', 'deleted_at');
    await q.dropColumn('mentorship', 'deleted_at');
  }
}
