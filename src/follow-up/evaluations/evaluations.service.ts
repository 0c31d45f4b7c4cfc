import { Injectable } from '@nestjs/common';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { formatInstant } from '../../common/time';
import { hasRole, ownUnitsCondition, Principal } from '../../auth/principal';
import { Enrolment } from '../../enrolment/enrolments/enrolment.entity';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { Session } from '../../catalogue/sessions/session.entity';
import { OrgUnit } from '../../people/org-units/org-unit.entity';
import { answerOnce } from '../anonymous-store';
import { distributionsByKey, gateCells, gateTotal, sumDistributions } from '../threshold';
import { SessionEvaluation } from './session-evaluation.entity';
import { EvaluationReceipt } from './evaluation-receipt.entity';
import { CreateEvaluationDto } from './dto/create-evaluation.dto';
import { EvaluationBreakdown, EvaluationCell, EvaluationReceiptResponse, EvaluationSummary } from './dto/evaluation-summary.dto';

type Scope = { sql: string; params: Record<string, unknown> };
const ALL: Scope = { sql: '1 = 1', params: {} };

@Injectable()
export class EvaluationsService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  /** The attendee's answer, stored without any reference to them; the receipt makes it once only. */
  submit(principal: Principal, enrolmentId: string, dto: CreateEvaluationDto): Promise<EvaluationReceiptResponse> {
    return this.db.write(async (em) => {
      const enrolment = await em.findOneBy(Enrolment, { id: enrolmentId, personId: principal.id });
      if (!enrolment) throw Problem.notFound('enrolment');
      if (enrolment.attendance !== 'attended') throw Problem.conflict('evaluations.notAttended');
      const session = await em.findOneByOrFail(Session, { id: enrolment.sessionId });
      return answerOnce(em, {
        receipt: { target: EvaluationReceipt, key: { enrolmentId }, answered: 'evaluations.sessionAnswered' },
        target: SessionEvaluation,
        group: { sessionId: session.id },
        lock: { target: Session, id: session.id },
        fields: { lectureId: session.lectureId, sessionId: session.id, orgUnitId: principal.orgUnitId, rating: dto.rating, comment: dto.comment },
      });
    });
  }

  async summary(principal: Principal, lectureId: string): Promise<EvaluationSummary> {
    const em = this.db.manager;
    const scope = await this.readScope(em, principal, lectureId);
    const byRating = distributionsByKey(await this.counts(em, lectureId, scope, 'e.lecture_id'));
    const total = gateTotal(sumDistributions(byRating.values()), this.config.evaluationMinResponses);
    if (!total.shown) return total.summary;
    const comments = await this.answers(em, lectureId, scope)
      .select('e.comment', 'comment')
      .andWhere('e.comment IS NOT NULL')
      .orderBy('e.id')
      .getRawMany<{ comment: string }>();
    return { ...total.summary, comments: comments.map((c) => c.comment) };
  }

  async breakdown(principal: Principal, lectureId: string, by: 'session' | 'unit'): Promise<EvaluationBreakdown> {
    const em = this.db.manager;
    const scope = await this.readScope(em, principal, lectureId);
    const column = by === 'session' ? 'e.session_id' : 'e.org_unit_id';
    const cells = gateCells(distributionsByKey(await this.counts(em, lectureId, scope, column)), this.config.evaluationMinResponses);
    const keys = cells.map((c) => c.key).filter((k): k is string => k !== null);
    const items: EvaluationCell[] =
      by === 'session' ? await this.sessionCells(em, cells, keys) : await this.unitCells(em, cells, keys);
    return { by, items };
  }

  private async sessionCells(em: EntityManager, cells: ReturnType<typeof gateCells<string | null>>, ids: string[]) {
    const sessions = new Map((await em.findBy(Session, { id: In(ids) })).map((s) => [s.id, s]));
    return cells
      .map((c) => ({ sessionId: c.key!, startsAt: formatInstant(sessions.get(c.key!)!.startsAt, this.config.timeZone), ...c.summary }))
      .sort((a, b) => sessions.get(a.sessionId)!.startsAt.getTime() - sessions.get(b.sessionId)!.startsAt.getTime());
  }

  private async unitCells(em: EntityManager, cells: ReturnType<typeof gateCells<string | null>>, ids: string[]) {
    const units = new Map((await em.findBy(OrgUnit, { id: In(ids) })).map((u) => [u.id, u.name]));
    return cells
      .map((c) => ({ orgUnitId: c.key, orgUnitName: c.key ? (units.get(c.key) ?? null) : null, ...c.summary }))
      .sort((a, b) => (a.orgUnitName ?? '').localeCompare(b.orgUnitName ?? ''));
  }

  private answers(em: EntityManager, lectureId: string, scope: Scope): SelectQueryBuilder<SessionEvaluation> {
    return em
      .createQueryBuilder(SessionEvaluation, 'e')
      .where('e.lecture_id = :lectureId', { lectureId })
      .andWhere(scope.sql, scope.params);
  }

  private counts(em: EntityManager, lectureId: string, scope: Scope, column: string) {
    return this.answers(em, lectureId, scope)
      .select(column, 'key')
      .addSelect('e.rating', 'rating')
      .addSelect('COUNT(*)', 'n')
      .groupBy(column)
      .addGroupBy('e.rating')
      .getRawMany<{ key: string | null; rating: number; n: number }>();
  }

  /**
   * Coordinators (and admins) read every answer; a lecturer the answers of lectures they teach
   * (linked to the lecture or to one of its sessions); introducers and managers the answers of
   * hires in their own units. Anyone else with a reading role gets 404 for the lecture.
   */
  private async readScope(em: EntityManager, principal: Principal, lectureId: string): Promise<Scope> {
    if (!(await em.existsBy(Lecture, { id: lectureId }))) throw Problem.notFound('lecture');
    if (hasRole(principal, 'coordinator')) return ALL;
    if (principal.roles.includes('lecturer') && (await this.teaches(em, principal.id, lectureId))) return ALL;
    if (hasRole(principal, 'introducer', 'manager')) return ownUnitsCondition('e.org_unit_id', principal);
    throw Problem.notFound('lecture');
  }

  private teaches(em: EntityManager, personId: string, lectureId: string): Promise<boolean> {
    const mine = 'SELECT l.id FROM lecturer l WHERE l.person_id = :personId';
    return em
      .createQueryBuilder(Lecture, 'x')
      .where('x.id = :lectureId', { lectureId, personId })
      .andWhere(
        `(x.id IN (SELECT ll.lecture_id FROM lecture_lecturer ll WHERE ll.lecturer_id IN (${mine}))
          OR x.id IN (SELECT s.lecture_id FROM session s JOIN session_lecturer sl ON sl.session_id = s.id WHERE sl.lecturer_id IN (${mine})))`,
      )
      .getExists();
  }
}
