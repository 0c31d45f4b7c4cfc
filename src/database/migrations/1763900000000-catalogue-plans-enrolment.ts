import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { fk, MigrationColumns } from '../migration-columns';

/** The lecture catalogue, scheduled sessions, plans, enrolments, mentorships and feed tokens. */
export class CataloguePlansEnrolment1763900000000 implements MigrationInterface {
  name = 'CataloguePlansEnrolment1763900000000';

  async up(q: QueryRunner): Promise<void> {
    const c = new MigrationColumns(q);
    const link = (name: string, left: string, leftTable: string, right: string, rightTable: string) =>
      new Table({
        name,
        columns: [
          { ...c.uuid(left), isPrimary: true },
          { ...c.uuid(right), isPrimary: true },
        ],
        foreignKeys: [fk(left, leftTable, 'CASCADE'), fk(right, rightTable, 'CASCADE')],
        indices: [{ columnNames: [right] }],
      });

    await q.createTable(
      new Table({
        name: 'lecturer',
        columns: [
          c.id(),
          c.string('name', 200),
          c.string('email', 254, true),
          c.string('organisation', 200, true),
          c.bool('internal', true),
          c.uuid('person_id', true),
          { ...c.text('topics', false), default: "'[]'" },
          c.bool('active', true),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('person_id', 'person', 'SET NULL')],
        indices: [{ columnNames: ['person_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'theme',
        columns: [
          c.id(),
          c.string('name', 200),
          c.text('description'),
          c.string('audience', 10),
          c.string('area_code', 40, true),
          c.int('position', false, 0),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('area_code', 'area', 'RESTRICT', 'code')],
        checks: [{ expression: "audience IN ('all', 'area')" }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'lecture',
        columns: [
          c.id(),
          c.uuid('theme_id'),
          c.string('title', 300),
          c.text('description'),
          c.int('duration_minutes'),
          c.string('level', 10),
          c.string('format', 10),
          c.int('recommended_month', true),
          c.bool('active', true),
          { ...c.text('area_codes', false), default: "''" },
          ...c.timestamps(),
        ],
        foreignKeys: [fk('theme_id', 'theme')],
        indices: [{ columnNames: ['theme_id'] }],
        checks: [{ expression: "level IN ('basic', 'advanced')" }, { expression: "format IN ('in_person', 'online')" }],
      }),
    );
    await q.createTable(link('lecture_lecturer', 'lecture_id', 'lecture', 'lecturer_id', 'lecturer'));
    await q.createTable(
      new Table({
        name: 'venue',
        columns: [c.id(), c.string('name', 200), c.string('address', 300, true), c.int('capacity'), c.bool('active', true), ...c.timestamps()],
      }),
    );
    await q.createTable(
      new Table({
        name: 'session',
        columns: [
          c.id(),
          c.uuid('lecture_id'),
          c.uuid('venue_id', true),
          c.string('online_url', 500, true),
          c.int('capacity'),
          c.string('status', 10, false, "'scheduled'"),
          c.string('cancelled_reason', 500, true),
          c.instant('cancelled_at', true),
          c.instant('starts_at'),
          c.instant('ends_at'),
          c.instant('enrolment_deadline', true),
          c.int('booked_count', false, 0),
          c.int('sequence', false, 0),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('lecture_id', 'lecture'), fk('venue_id', 'venue')],
        indices: [{ columnNames: ['lecture_id'] }, { columnNames: ['venue_id'] }, { columnNames: ['starts_at'] }],
        checks: [{ expression: 'booked_count >= 0 AND booked_count <= capacity' }, { expression: "status IN ('scheduled', 'cancelled')" }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'session_slot',
        columns: [c.id(), c.uuid('session_id'), c.instant('starts_at'), c.instant('ends_at')],
        foreignKeys: [fk('session_id', 'session', 'CASCADE')],
        indices: [{ columnNames: ['session_id'] }, { columnNames: ['starts_at', 'ends_at'] }],
        checks: [{ expression: 'ends_at > starts_at' }],
      }),
    );
    await q.createTable(link('session_lecturer', 'session_id', 'session', 'lecturer_id', 'lecturer'));

    await q.createTable(
      new Table({
        name: 'plan_template',
        columns: [c.id(), c.string('name', 200), c.string('area_code', 40, true), ...c.timestamps()],
        foreignKeys: [fk('area_code', 'area', 'RESTRICT', 'code')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan_template_item',
        columns: [
          c.id(),
          c.uuid('template_id'),
          c.int('position'),
          c.string('kind', 10),
          c.uuid('lecture_id', true),
          c.string('title', 300, true),
          c.int('month_offset', true),
        ],
        foreignKeys: [fk('template_id', 'plan_template', 'CASCADE'), fk('lecture_id', 'lecture')],
        indices: [{ columnNames: ['template_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan',
        columns: [
          c.id(),
          c.uuid('new_hire_id'),
          c.uuid('introducer_id', true),
          c.uuid('manager_id', true),
          c.uuid('mentor_id', true),
          c.uuid('template_id', true),
          c.date('start_date'),
          c.date('end_date'),
          c.string('status', 10, false, "'draft'"),
          c.string('closed_reason', 20, true),
          c.date('paused_on', true),
          c.int('paused_days', false, 0),
          c.uuid('introducer_signed_by', true),
          c.instant('introducer_signed_at', true),
          c.uuid('manager_signed_by', true),
          c.instant('manager_signed_at', true),
          c.instant('agreed_at', true),
          c.instant('completed_at', true),
          c.instant('closed_at', true),
          ...c.timestamps(),
        ],
        foreignKeys: [
          fk('new_hire_id', 'person'),
          fk('introducer_id', 'person', 'SET NULL'),
          fk('manager_id', 'person', 'SET NULL'),
          fk('mentor_id', 'person', 'SET NULL'),
          fk('template_id', 'plan_template', 'SET NULL'),
        ],
        indices: [{ columnNames: ['new_hire_id'] }, { columnNames: ['introducer_id'] }, { columnNames: ['status'] }],
        checks: [{ expression: "status IN ('draft', 'active', 'paused', 'completed', 'closed')" }],
      }),
    );
    await q.createIndex(
      'plan',
      new TableIndex({
        name: 'uq_plan_one_open_per_hire',
        columnNames: ['new_hire_id'],
        isUnique: true,
        where: "status IN ('draft', 'active', 'paused')",
      }),
    );
    await q.createTable(
      new Table({
        name: 'plan_item',
        columns: [
          c.id(),
          c.uuid('plan_id'),
          c.string('kind', 10),
          c.uuid('lecture_id', true),
          c.string('title', 300, true),
          c.date('due_date', true),
          c.string('status', 10, false, "'planned'"),
          c.string('waived_reason', 500, true),
          c.instant('completed_at', true),
          c.int('position', false, 0),
          c.bool('changed_after_agreement', false),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('plan_id', 'plan', 'CASCADE'), fk('lecture_id', 'lecture')],
        indices: [{ columnNames: ['plan_id'] }, { columnNames: ['lecture_id'] }],
        checks: [{ expression: "status IN ('planned', 'booked', 'done', 'waived', 'missed')" }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'enrolment',
        columns: [
          c.id(),
          c.uuid('session_id'),
          c.uuid('person_id'),
          c.uuid('plan_item_id', true),
          c.string('status', 10),
          c.int('queue_number', true),
          c.string('attendance', 10, true),
          c.instant('attendance_recorded_at', true),
          c.uuid('attendance_recorded_by', true),
          c.instant('booked_at', true),
          c.instant('cancelled_at', true),
          c.uuid('cancelled_by', true),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('session_id', 'session'), fk('person_id', 'person'), fk('plan_item_id', 'plan_item', 'SET NULL')],
        indices: [{ columnNames: ['session_id', 'status'] }, { columnNames: ['person_id'] }, { columnNames: ['plan_item_id'] }],
        checks: [
          { expression: "status IN ('booked', 'waitlisted', 'cancelled')" },
          { expression: "attendance IS NULL OR attendance IN ('attended', 'absent', 'excused')" },
        ],
      }),
    );
    await q.createIndex(
      'enrolment',
      new TableIndex({
        name: 'uq_enrolment_one_place_per_person',
        columnNames: ['session_id', 'person_id'],
        isUnique: true,
        where: "status <> 'cancelled'",
      }),
    );

    await q.createTable(
      new Table({
        name: 'mentorship',
        columns: [c.id(), c.uuid('mentor_id'), c.uuid('mentee_id'), c.date('start_date'), c.date('end_date', true), ...c.timestamps()],
        foreignKeys: [fk('mentor_id', 'person'), fk('mentee_id', 'person')],
        indices: [{ columnNames: ['mentor_id'] }, { columnNames: ['mentee_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mentor_meeting',
        columns: [
          c.id(),
          c.uuid('mentorship_id'),
          c.instant('starts_at'),
          c.instant('ends_at'),
          c.string('location', 300, true),
          c.text('notes'),
          c.int('sequence', false, 0),
          ...c.timestamps(),
        ],
        foreignKeys: [fk('mentorship_id', 'mentorship', 'CASCADE')],
        indices: [{ columnNames: ['mentorship_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'calendar_token',
        columns: [c.id(), c.uuid('person_id'), c.string('token_hash', 64), { ...c.instant('created_at'), default: c.timestamps()[0].default }, c.instant('revoked_at', true)],
        foreignKeys: [fk('person_id', 'person', 'CASCADE')],
        indices: [{ columnNames: ['person_id'] }, { columnNames: ['token_hash'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const tables = [
      'calendar_token',
      'mentor_meeting',
      'mentorship',
      'enrolment',
      'plan_item',
      'plan',
      'plan_template_item',
      'plan_template',
      'session_lecturer',
      'session_slot',
      'session',
      'venue',
      'lecture_lecturer',
      'lecture',
      'theme',
      'lecturer',
    ];
    for (const table of tables) await q.dropTable(table);
  }
}
