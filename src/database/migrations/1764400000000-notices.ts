import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { fk, MigrationColumns } from '../migration-columns';

/** The e-mail outbox (one row per notice, unique dedupe key) and per-person notice preferences. */
export class Notices1764400000000 implements MigrationInterface {
  name = 'Notices1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const c = new MigrationColumns(q);
    await q.createTable(
      new Table({
        name: 'notice',
        columns: [
          c.id(),
          c.string('kind', 40),
          c.uuid('recipient_id'),
          c.string('dedupe_key', 300),
          { ...c.text('payload', false), default: "'{}'" },
          c.string('language', 2, false, "'sv'"),
          c.string('status', 10, false, "'pending'"),
          c.instant('send_after'),
          c.int('attempts', false, 0),
          c.string('last_error', 1000, true),
          c.instant('sent_at', true),
          c.instant('claimed_at', true),
          c.string('claim_token', 64, true),
          c.uuid('session_id', true),
          c.uuid('enrolment_id', true),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('recipient_id', 'person', 'CASCADE')],
        indices: [
          { columnNames: ['dedupe_key'], isUnique: true },
          { columnNames: ['status', 'send_after'] },
          { columnNames: ['recipient_id'] },
          { columnNames: ['session_id'] },
          { columnNames: ['enrolment_id'] },
        ],
        checks: [{ expression: "status IN ('pending', 'sending', 'sent', 'failed', 'withdrawn')" }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_preference',
        columns: [
          { ...c.uuid('person_id'), isPrimary: true },
          c.bool('reminders', true),
          c.bool('digest', true),
          c.bool('evaluation_requests', true),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('person_id', 'person', 'CASCADE')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification_preference');
    await q.dropTable('notice');
  }
}
