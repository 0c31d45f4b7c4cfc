import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { In } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { todayIn } from '../../common/time';
import { Principal } from '../../auth/principal';
import { Plan } from '../../plans/plans/plan.entity';
import { OrgUnit } from '../../people/org-units/org-unit.entity';
import { answerOnce } from '../anonymous-store';
import { reportPath, underPath } from '../report-scope';
import { distributionsByKey, Figures, gateCells, gateTotal, sumDistributions } from '../threshold';
import { ProgrammeEvaluation } from './programme-evaluation.entity';
import { ProgrammeEvaluationReceipt } from './programme-evaluation-receipt.entity';
import { CreateProgrammeEvaluationDto, ProgrammeReport, ProgrammeReportQuery, ProgrammeSummary, ProgrammeUnitCell } from './dto/create-programme-evaluation.dto';
import { EvaluationReceiptResponse } from '../evaluations/dto/evaluation-summary.dto';

/** The programme is evaluated from this many months into the plan. */
export const PROGRAMME_EVALUATION_MONTHS = 12;

@Injectable()
export class ProgrammeEvaluationsService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  submit(principal: Principal, planId: string, dto: CreateProgrammeEvaluationDto): Promise<EvaluationReceiptResponse> {
    return this.db.write(async (em) => {
      const plan = await em.findOneBy(Plan, { id: planId, newHireId: principal.id });
      if (!plan) throw Problem.notFound('plan');
      const opens = DateTime.fromISO(plan.startDate).plus({ months: PROGRAMME_EVALUATION_MONTHS }).toISODate()!;
      if (plan.status === 'draft' || todayIn(this.config.timeZone) < opens) {
        throw Problem.conflict('evaluations.programmeNotOpen', { opens, months: PROGRAMME_EVALUATION_MONTHS });
      }
      return answerOnce(em, {
        receipt: { target: ProgrammeEvaluationReceipt, key: { planId }, answered: 'evaluations.programmeAnswered' },
        target: ProgrammeEvaluation,
        group: { orgUnitId: principal.orgUnitId },
        lock: { target: OrgUnit, id: principal.orgUnitId },
        fields: { orgUnitId: principal.orgUnitId, rating: dto.rating, recommend: dto.recommend, comment: dto.comment },
      });
    });
  }

  async report(principal: Principal, query: ProgrammeReportQuery): Promise<ProgrammeReport> {
    const em = this.db.manager;
    const scope = underPath('e.org_unit_id', await reportPath(em, principal, query.orgUnitId));
    const answers = () => em.createQueryBuilder(ProgrammeEvaluation, 'e').where(scope.sql, scope.params);
    const rows = await answers()
      .select('e.org_unit_id', 'key')
      .addSelect('e.rating', 'rating')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN e.recommend THEN 1 ELSE 0 END)', 'recommended')
      .groupBy('e.org_unit_id')
      .addGroupBy('e.rating')
      .getRawMany<{ key: string | null; rating: number; n: number; recommended: number }>();
    const recommended = new Map<string | null, number>();
    for (const r of rows) recommended.set(r.key, (recommended.get(r.key) ?? 0) + Number(r.recommended));
    const byUnit = distributionsByKey(rows);
    const min = this.config.evaluationMinResponses;
    const withShare = (figures: Figures, count: number) => ({ ...figures, recommendPercent: Math.round((100 * count) / figures.responses) });

    const total = gateTotal(sumDistributions(byUnit.values()), min);
    let totalSummary: ProgrammeSummary = total.summary;
    if (total.shown) {
      const comments = await answers().select('e.comment', 'comment').andWhere('e.comment IS NOT NULL').orderBy('e.id').getRawMany<{ comment: string }>();
      const allRecommended = [...recommended.values()].reduce((a, b) => a + b, 0);
      totalSummary = { ...withShare(total.summary as Figures, allRecommended), comments: comments.map((c) => c.comment) };
    }
    const names = new Map(
      (await em.findBy(OrgUnit, { id: In([...byUnit.keys()].filter((k): k is string => k !== null)) })).map((u) => [u.id, u.name]),
    );
    const units: ProgrammeUnitCell[] = gateCells(byUnit, min)
      .map((c) => ({
        orgUnitId: c.key,
        orgUnitName: c.key ? (names.get(c.key) ?? null) : null,
        ...(c.shown ? withShare(c.summary as Figures, recommended.get(c.key) ?? 0) : c.summary),
      }))
      .sort((a, b) => (a.orgUnitName ?? '').localeCompare(b.orgUnitName ?? ''));
    return { total: totalSummary, units };
  }
}
