import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { fk, MigrationColumns } from '../migration-columns';

export class OrganisationAndPeople1763800000000 implements MigrationInterface {
  name = 'OrganisationAndPeople1763800000000';

  async up(q: QueryRunner): Promise<void> {
    const c = new MigrationColumns(q);
    await q.createTable(
      new Table({
        name: 'area',
        columns: [{ ...c.string('code', 40), isPrimary: true }, c.string('name', 120), ...c.timestamps()],
      }),
    );
    await q.createTable(
      new Table({
        name: 'org_unit',
        columns: [
          c.id(),
          c.string('name', 200),
          c.string('kind', 20),
          c.uuid('parent_id', true),
          c.string('area_code', 40, true),
          c.string('path', 1000),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('parent_id', 'org_unit'), fk('area_code', 'area', 'RESTRICT', 'code')],
        indices: [{ columnNames: ['path'] }, { columnNames: ['parent_id'] }],
        checks: [{ expression: "kind IN ('administration', 'department', 'unit')" }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'person',
        columns: [
          c.id(),
          c.string('name', 200),
          { ...c.string('email', 254), isUnique: true },
          c.uuid('org_unit_id'),
          c.text('roles', false),
          c.string('title', 200, true),
          c.date('employment_start', true),
          c.bool('active', true),
          c.string('password_hash', 200, true),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('org_unit_id', 'org_unit')],
        indices: [{ columnNames: ['org_unit_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          c.id(),
          c.instant('at'),
          c.uuid('actor_id', true),
          c.string('action', 10),
          c.string('entity_type', 40),
          c.string('entity_id', 80),
          c.uuid('subject_person_id', true),
          c.text('changes'),
        ],
        indices: [{ columnNames: ['entity_type', 'entity_id'] }, { columnNames: ['subject_person_id'] }, { columnNames: ['at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_entry', 'person', 'org_unit', 'area']) await q.dropTable(table);
  }
}
