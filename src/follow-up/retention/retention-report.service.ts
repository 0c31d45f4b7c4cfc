import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager, In } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { todayIn } from '../../common/time';
import { Principal } from '../../auth/principal';
import { AuditEntry } from '../../audit/audit-entry.entity';
import { Plan } from '../../plans/plans/plan.entity';
import { reportPath, underPath } from '../report-scope';
import { RetentionQuery, RetentionRow } from './dto/retention.dto';

interface PlanFacts {
  newHireId: string;
  startDate: string;
  status: Plan['status'];
  closedReason: Plan['closedReason'];
  closedAt: Date | null;
  active: boolean;
}

/** A date that sorts before every real one: "left at an unknown time". */
const UNKNOWN = '0000-00-00';

const cohortOf = (startDate: string) => {
  const d = DateTime.fromISO(startDate);
  return `${d.year}-Q${d.quarter}`;
};

@Injectable()
export class RetentionReportService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  async report(principal: Principal, query: RetentionQuery): Promise<RetentionRow[]> {
    const em = this.db.manager;
    const today = todayIn(this.config.timeZone);
    const plans = await this.plans(em, await reportPath(em, principal, query.orgUnitId), today);
    const leftOn = await this.leavingDates(em, plans);
    const cohorts = new Map<string, PlanFacts[]>();
    for (const plan of plans) cohorts.set(cohortOf(plan.startDate), [...(cohorts.get(cohortOf(plan.startDate)) ?? []), plan]);
    return [...cohorts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([cohort, members]) => ({
      cohort,
      started: members.length,
      active: members.filter((p) => p.status === 'active' || p.status === 'paused').length,
      completed: members.filter((p) => p.status === 'completed').length,
      leftBeforeCompletion: members.filter((p) => p.status === 'closed' && p.closedReason === 'left_employment').length,
      movedInternally: members.filter((p) => p.status === 'closed' && p.closedReason === 'moved_internally').length,
      closedOther: members.filter((p) => p.status === 'closed' && p.closedReason !== 'left_employment' && p.closedReason !== 'moved_internally').length,
      stillEmployedAt12Months: this.stillEmployed(cohort, members, 12, today, leftOn),
      stillEmployedAt24Months: this.stillEmployed(cohort, members, 24, today, leftOn),
    }));
  }

  /**
   * Plans of the cohort whose hire had not left employment by start + N months; null while the
   * cohort's youngest possible plan (started on the quarter's last day) is younger than N months.
   */
  private stillEmployed(cohort: string, members: PlanFacts[], months: number, today: string, leftOn: (p: PlanFacts) => string | null) {
    const [year, quarter] = cohort.split('-Q').map(Number);
    const lastStart = DateTime.fromObject({ year, month: quarter * 3 }).endOf('month');
    if (lastStart.plus({ months }).toISODate()! > today) return null;
    return members.filter((p) => {
      const left = leftOn(p);
      return left === null || left >= DateTime.fromISO(p.startDate).plus({ months }).toISODate()!;
    }).length;
  }

  private async plans(em: EntityManager, path: string | null, today: string): Promise<PlanFacts[]> {
    const scope = underPath('p.org_unit_id', path);
    const rows = await em
      .createQueryBuilder(Plan, 'plan')
      .innerJoin('person', 'p', 'p.id = plan.new_hire_id')
      .select(['plan.id', 'plan.newHireId', 'plan.startDate', 'plan.status', 'plan.closedReason', 'plan.closedAt'])
      .addSelect('p.active', 'person_active')
      .where("plan.status <> 'draft'")
      .andWhere('plan.start_date <= :today', { today })
      .andWhere(scope.sql, scope.params)
      .getRawAndEntities();
    return rows.entities.map((plan, i) => ({ ...plan, active: Boolean(rows.raw[i].person_active) }));
  }

  /**
   * When a hire left employment, as a date in the programme's zone: the closing of a plan with
   * closedReason left_employment (the earliest on or after this plan's start); otherwise, for a
   * person no longer active, the day the account was deactivated (from the audit trail, which
   * survives erasure), or an unknown date (counted as left) when the trail has no such entry.
   */
  private async leavingDates(em: EntityManager, plans: PlanFacts[]): Promise<(p: PlanFacts) => string | null> {
    const zone = this.config.timeZone;
    const day = (at: Date) => DateTime.fromJSDate(at, { zone }).toISODate()!;
    const closures = new Map<string, string[]>();
    for (const p of plans) {
      if (p.closedReason === 'left_employment' && p.closedAt) closures.set(p.newHireId, [...(closures.get(p.newHireId) ?? []), day(p.closedAt)]);
    }
    const inactive = [...new Set(plans.filter((p) => !p.active).map((p) => p.newHireId))];
    const deactivated = new Map<string, string>();
    for (let i = 0; i < inactive.length; i += 500) {
      const entries = await em.find(AuditEntry, {
        where: { entityType: 'person', action: 'update', entityId: In(inactive.slice(i, i + 500)) },
        order: { at: 'ASC' },
      });
      for (const e of entries) if (e.changes?.active?.to === false) deactivated.set(e.entityId, day(e.at));
    }
    return (p) => {
      const left = (closures.get(p.newHireId) ?? []).filter((d) => d >= p.startDate).sort()[0];
      if (left) return left;
      return p.active ? null : (deactivated.get(p.newHireId) ?? UNKNOWN);
    };
  }
}
