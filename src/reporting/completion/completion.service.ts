import { Injectable } from '@nestjs/common';
import { ownUnitsCondition, Principal } from '../../auth/principal';
import { reportsWholeCity } from '../../follow-up/report-scope';
import { todayIn } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { DataVersion } from '../../database/data-version.service';
import { ReadCache } from '../../database/read-cache';
import { OrgUnit } from '../../people/org-units/org-unit.entity';
import { Person } from '../../people/people/person.entity';
import { ItemSums, toFigures } from '../../plans/progress/progress.dto';
import { addItemSums } from '../../plans/progress/progress.service';
import { PlanItem } from '../../plans/plan-items/plan-item.entity';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { unitSubtreeCondition } from '../../plans/plans/plan-people';
import { Plan } from '../../plans/plans/plan.entity';
import { CompletionQuery, CompletionReport } from './completion.dto';

const SUMS = ['total_items', 'done_items', 'waived_items', 'overdue_items', 'minutes_planned', 'minutes_done'] as const;

interface RawRow extends ItemSums {
  plan_id: string;
  new_hire_id: string;
  new_hire_name: string;
  org_unit_id: string;
  org_unit_name: string;
  status: Plan['status'];
  start_date: string;
  end_date: string;
}

/**
 * One query for the whole report: the plans in scope with their items, summed per plan. Dashboards
 * poll it, so a report is kept until the data or the day changes.
 */
@Injectable()
export class CompletionService {
  private readonly cache: ReadCache<CompletionReport>;

  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    version: DataVersion,
  ) {
    this.cache = version.cache({ ttlMs: 5 * 60_000, maxEntries: Math.ceil(config.readCacheEntries / 50) });
  }

  report(actor: Principal, query: CompletionQuery): Promise<CompletionReport> {
    const today = todayIn(this.config.timeZone);
    const key = [actor.id, query.orgUnitId ?? '', query.status ?? '', today].join('|');
    return this.cache.get(key, () => this.compute(actor, query, today));
  }

  private async compute(actor: Principal, query: CompletionQuery, today: string): Promise<CompletionReport> {
    const qb = this.db.manager
      .createQueryBuilder()
      .select('p.id', 'plan_id')
      .addSelect('p.new_hire_id', 'new_hire_id')
      .addSelect('h.name', 'new_hire_name')
      .addSelect('u.id', 'org_unit_id')
      .addSelect('u.name', 'org_unit_name')
      .addSelect('p.status', 'status')
      .addSelect('CAST(p.start_date AS VARCHAR(10))', 'start_date')
      .addSelect('CAST(p.end_date AS VARCHAR(10))', 'end_date')
      .from(Plan, 'p')
      .innerJoin(Person, 'h', 'h.id = p.new_hire_id')
      .innerJoin(OrgUnit, 'u', 'u.id = h.org_unit_id')
      // Items are joined to the plans in scope and summed per plan, so a department's report
      // reads only that department's items.
      .leftJoin(PlanItem, 'pi', 'pi.plan_id = p.id')
      .leftJoin(Lecture, 'l', 'l.id = pi.lecture_id')
      .setParameter('progressToday', today)
      .groupBy('p.id')
      .addGroupBy('p.new_hire_id')
      .addGroupBy('h.name')
      .addGroupBy('u.id')
      .addGroupBy('u.name')
      .addGroupBy('p.status')
      .addGroupBy('p.start_date')
      .addGroupBy('p.end_date')
      .orderBy('u.name')
      .addOrderBy('h.name')
      .addOrderBy('p.start_date');
    addItemSums(qb);
    if (!reportsWholeCity(actor)) {
      const own = ownUnitsCondition('h.org_unit_id', actor);
      qb.andWhere(own.sql, own.params);
    }
    if (query.orgUnitId) qb.andWhere(unitSubtreeCondition('h.org_unit_id'), { filterUnitId: query.orgUnitId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    const raw = await qb.getRawMany<RawRow>();
    const totals = Object.fromEntries(SUMS.map((sum) => [sum, raw.reduce((acc, r) => acc + Number(r[sum] ?? 0), 0)]));
    return {
      rows: raw.map((r) => ({
        planId: r.plan_id,
        newHireId: r.new_hire_id,
        newHireName: r.new_hire_name,
        orgUnitId: r.org_unit_id,
        orgUnitName: r.org_unit_name,
        status: r.status,
        startDate: r.start_date,
        endDate: r.end_date,
        ...toFigures(r, this.config.dayMinutes),
      })),
      totals: { plans: raw.length, ...toFigures(totals, this.config.dayMinutes) },
    };
  }
}
