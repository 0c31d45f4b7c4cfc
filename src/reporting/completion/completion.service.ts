import { Injectable } from '@nestjs/common';
import { hasRole, ownUnitsCondition, Principal } from '../../auth/principal';
import { todayIn } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { OrgUnit } from '../../people/org-units/org-unit.entity';
import { Person } from '../../people/people/person.entity';
import { ItemSums, toFigures } from '../../plans/progress/progress.dto';
import { itemAggregates } from '../../plans/progress/progress.service';
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

/** One query for the whole report: plans in scope joined with their items' sums grouped by plan. */
@Injectable()
export class CompletionService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  async report(actor: Principal, query: CompletionQuery): Promise<CompletionReport> {
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
      .leftJoin((sub) => itemAggregates(sub), 'a', 'a.plan_id = p.id')
      .setParameter('progressToday', todayIn(this.config.timeZone))
      .orderBy('u.name')
      .addOrderBy('h.name')
      .addOrderBy('p.start_date');
    for (const sum of SUMS) qb.addSelect(`a.${sum}`, sum);
    if (!hasRole(actor, 'coordinator')) {
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
