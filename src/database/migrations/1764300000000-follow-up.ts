import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { fk, MigrationColumns } from '../migration-columns';

/**
 * Anonymous evaluations with separate receipts, and the record of erasures. Answers carry no
 * person, enrolment, plan or time; receipts carry nothing but what was answered.
 */
export class FollowUp1764300000000 implements MigrationInterface {
  name = 'FollowUp1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const c = new MigrationColumns(q);
    const rating = { expression: 'rating BETWEEN 1 AND 5' };
    await q.createTable(
      new Table({
        name: 'session_evaluation',
        columns: [c.id(), c.uuid('lecture_id'), c.uuid('session_id'), c.uuid('org_unit_id', true), c.int('rating'), c.text('comment')],
        foreignKeys: [fk('lecture_id', 'lecture'), fk('session_id', 'session'), fk('org_unit_id', 'org_unit', 'SET NULL')],
        indices: [{ columnNames: ['lecture_id'] }, { columnNames: ['session_id'] }],
        checks: [rating],
      }),
    );
    await q.createTable(
      new Table({
        name: 'evaluation_receipt',
        columns: [{ ...c.uuid('enrolment_id'), isPrimary: true }],
        foreignKeys: [fk('enrolment_id', 'enrolment', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'programme_evaluation',
        columns: [c.id(), c.uuid('org_unit_id', true), c.int('rating'), c.bool('recommend', false), c.text('comment')],
        foreignKeys: [fk('org_unit_id', 'org_unit', 'SET NULL')],
        indices: [{ columnNames: ['org_unit_id'] }],
        checks: [rating],
      }),
    );
    await q.createTable(
      new Table({
        name: 'programme_evaluation_receipt',
        columns: [{ ...c.uuid('plan_id'), isPrimary: true }],
        foreignKeys: [fk('plan_id', 'plan', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'erasure',
        columns: [{ ...c.uuid('person_id'), isPrimary: true }, c.instant('erased_at')],
        foreignKeys: [fk('person_id', 'person', 'CASCADE')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['erasure', 'programme_evaluation_receipt', 'programme_evaluation', 'evaluation_receipt', 'session_evaluation']) {
      await q.dropTable(table);
    }
  }
}
