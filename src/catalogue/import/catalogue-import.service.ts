import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUUID } from 'class-validator';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { FieldError, Problem } from '../../common/problem';
import { Principal } from '../../auth/principal';
import { CatalogueNames } from '../catalogue-names';
import { CsvRecord, RowErrors } from '../csv-cells';
import { Lecture } from '../lectures/lecture.entity';
import { LecturesService } from '../lectures/lectures.service';
import { LECTURE_CSV_FIELDS, LECTURE_CSV_HEADERS, LECTURE_CSV_REQUIRED, lectureFromCsv } from '../lectures/lecture-csv';
import { CreateLectureDto } from '../lectures/dto/lecture.dto';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { SESSION_CSV_FIELDS, SESSION_CSV_HEADERS, SESSION_CSV_REQUIRED, sessionFromCsv } from '../sessions/session-csv';
import { CreateSessionDto } from '../sessions/dto/session.dto';
import { combineErrors, readCsv, rowErrors, validateRow } from './csv-table';

export type ImportType = 'lectures' | 'sessions';

export interface ImportResult {
  type: ImportType;
  rows: number;
  created: number;
  updated: number;
  skipped: number;
}

/** What one row did, or the row's errors (column names, not yet prefixed with the row). */
type RowOutcome = 'created' | 'updated' | 'skipped' | FieldError[];

/**
 * All-or-nothing CSV import in one transaction: every row is checked (and written, so later rows
 * see earlier ones); when any row fails the transaction is rolled back and the 400 lists every
 * bad row and column. A row matching an existing record (by id, else by its natural key) updates it.
 */
@Injectable()
export class CatalogueImportService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly lectures: LecturesService,
    private readonly sessions: SessionsService,
  ) {}

  import(actor: Principal, type: ImportType, text: string): Promise<ImportResult> {
    const [required, headers, fields] =
      type === 'lectures' ? [LECTURE_CSV_REQUIRED, LECTURE_CSV_HEADERS, LECTURE_CSV_FIELDS] : [SESSION_CSV_REQUIRED, SESSION_CSV_HEADERS, SESSION_CSV_FIELDS];
    const records = readCsv(text, required, headers);
    return this.db.write(async (em) => {
      const names = await CatalogueNames.load(em);
      const result: ImportResult = { type, rows: records.length, created: 0, updated: 0, skipped: 0 };
      const errors: FieldError[] = [];
      const seen = new Map<string, number>();
      for (const record of records) {
        const outcome = await this.attempt(() =>
          type === 'lectures' ? this.lectureRow(em, actor, record, names, seen) : this.sessionRow(em, actor, record, names, seen),
        );
        if (Array.isArray(outcome)) errors.push(...rowErrors(record.row, outcome, fields));
        else result[outcome]++;
      }
      if (errors.length) {
        const rows = new Set(errors.map((e) => e.field.split('.')[0])).size;
        throw Problem.badRequest('import.invalidRows', { rows, total: records.length }, errors);
      }
      return result;
    });
  }

  /** A row's 400 or 409 becomes its errors; anything else is a bug and propagates. */
  private async attempt(work: () => Promise<RowOutcome>): Promise<RowOutcome> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Problem) || error.getStatus() >= 500) throw error;
      return error.errors?.length ? error.errors : [{ field: 'row', message: error.message }];
    }
  }

  private async lectureRow(em: EntityManager, actor: Principal, record: CsvRecord, names: CatalogueNames, seen: Map<string, number>): Promise<RowOutcome> {
    const found = new RowErrors();
    const { id, dto: values } = lectureFromCsv(record, names, found);
    const { dto, errors } = await validateRow(CreateLectureDto, values);
    const all = [...combineErrors(found.errors, errors, LECTURE_CSV_FIELDS), ...idError(id)];
    if (all.length) return all;
    const earlier = seen.get(dto.title);
    if (earlier) return [{ field: 'title', message: `the title appears already in row ${earlier}` }];
    seen.set(dto.title, record.row);
    const existing = (id && (await em.findOneBy(Lecture, { id }))) || (await em.findOneBy(Lecture, { title: dto.title }));
    if (!existing) return this.lectures.createIn(em, actor, dto).then(() => 'created');
    return this.lectures.updateIn(em, actor, await this.lectures.find(em, existing.id), dto).then(() => 'updated');
  }

  private async sessionRow(em: EntityManager, actor: Principal, record: CsvRecord, names: CatalogueNames, seen: Map<string, number>): Promise<RowOutcome> {
    const found = new RowErrors();
    const { id, cancelled, dto: values } = sessionFromCsv(record, names, found, this.config.timeZone);
    if (cancelled) return 'skipped';
    const { dto, errors } = await validateRow(CreateSessionDto, values);
    const all = [...combineErrors(found.errors, errors, SESSION_CSV_FIELDS), ...idError(id)];
    if (all.length) return all;
    const start = dto.slots?.[0].startsAt ?? dto.startsAt ?? '';
    const key = `${dto.lectureId} ${new Date(start).getTime()}`;
    const earlier = seen.get(key);
    if (earlier) return [{ field: 'startsAt', message: `the same lecture and start appear already in row ${earlier}` }];
    seen.set(key, record.row);
    const existing = (id && (await em.findOneBy(Session, { id }))) || (await em.findOneBy(Session, { lectureId: dto.lectureId, startsAt: new Date(start) }));
    if (!existing) return this.sessions.createIn(em, actor, dto).then(() => 'created');
    if (existing.lectureId !== dto.lectureId) return [{ field: 'lecture', message: "a session's lecture cannot be changed" }];
    if (existing.status === 'cancelled') return 'skipped';
    const { lectureId: _lectureId, ...changes } = dto;
    return this.sessions.updateIn(em, actor, await this.sessions.lockSession(em, existing.id), changes).then(() => 'updated');
  }
}

const idError = (id: string | undefined): FieldError[] => (id && !isUUID(id) ? [{ field: 'id', message: 'id must be a UUID (or empty for a new record)' }] : []);
