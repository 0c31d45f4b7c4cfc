import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { Principal } from '../../auth/principal';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { Theme } from '../../catalogue/themes/theme.entity';
import { PlanItem } from '../plan-items/plan-item.entity';
import { PlanAccess } from '../plans/plan-access.service';
import { Plan } from '../plans/plan.entity';
import { DataVersion } from '../../database/data-version.service';
import { ReadCache } from '../../database/read-cache';
import { ItemSums, PlanProgress, toFigures } from './progress.dto';

const OPEN_ITEM = "pi.status IN ('planned', 'booked')";
const countStatus = (status: 'done' | 'waived') => `SUM(CASE WHEN pi.status = '${status}' THEN 1 ELSE 0 END)`;

/** Adds the per-plan sums over `pi` (plan_item) and `l` (its lecture, left-joined) to a grouped query. */
export function addItemSums<T extends SelectQueryBuilder<any>>(qb: T): T {
  return qb
    .addSelect('COUNT(pi.id)', 'total_items')
    .addSelect(countStatus('done'), 'done_items')
    .addSelect(countStatus('waived'), 'waived_items')
    .addSelect(`SUM(CASE WHEN ${OPEN_ITEM} AND pi.due_date < :progressToday THEN 1 ELSE 0 END)`, 'overdue_items')
    .addSelect("SUM(CASE WHEN pi.kind = 'lecture' AND pi.status <> 'waived' THEN l.duration_minutes ELSE 0 END)", 'minutes_planned')
    .addSelect("SUM(CASE WHEN pi.kind = 'lecture' AND pi.status = 'done' THEN l.duration_minutes ELSE 0 END)", 'minutes_done');
}

/**
 * Per-plan sums over plan_item, grouped by plan: one aggregate query for one plan or a set of
 * plans (filter on pi.plan_id). The caller sets the parameter `progressToday`.
 */
export function itemAggregates(qb: SelectQueryBuilder<object>): SelectQueryBuilder<PlanItem> {
  return addItemSums(qb.select('pi.plan_id', 'plan_id').from(PlanItem, 'pi').leftJoin(Lecture, 'l', 'l.id = pi.lecture_id').groupBy('pi.plan_id'));
}

/**
 * Progress is computed from the items' stored statuses: no counters that can drift. A dashboard
 * polls it, so the result (with the caller's access to the plan) is kept until the data or the
 * day changes; every read is still recorded.
 */
@Injectable()
export class ProgressService {
  private readonly cache: ReadCache<{ plan: Plan; progress: PlanProgress }>;

  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly access: PlanAccess,
    version: DataVersion,
  ) {
    this.cache = version.cache({ ttlMs: 5 * 60_000 });
  }

  async forPlan(principal: Principal, planId: string): Promise<PlanProgress> {
    const today = this.access.today();
    const { plan, progress } = await this.cache.get(`${principal.id}|${planId}|${today}`, async () => {
      const readable = await this.access.findReadable(this.db.manager, principal, planId);
      return { plan: readable, progress: await this.compute(planId, today) };
    });
    await this.access.recordRead(principal, plan);
    return progress;
  }

  private async compute(planId: string, today: string): Promise<PlanProgress> {
    const em = this.db.manager;
    const sums = await itemAggregates(em.createQueryBuilder())
      .where('pi.plan_id = :planId', { planId })
      .setParameter('progressToday', today)
      .getRawOne<ItemSums>();
    const themes = await em
      .createQueryBuilder()
      .select('t.id', 'theme_id')
      .addSelect('t.name', 'name')
      .addSelect('COUNT(*)', 'total')
      .addSelect(countStatus('done'), 'done')
      .addSelect(countStatus('waived'), 'waived')
      .from(PlanItem, 'pi')
      .innerJoin(Lecture, 'l', 'l.id = pi.lecture_id')
      .innerJoin(Theme, 't', 't.id = l.theme_id')
      .where('pi.plan_id = :planId', { planId })
      .groupBy('t.id')
      .addGroupBy('t.name')
      .addGroupBy('t.position')
      .orderBy('t.position')
      .addOrderBy('t.name')
      .getRawMany<{ theme_id: string; name: string; total: unknown; done: unknown; waived: unknown }>();
    const overdue = await em
      .createQueryBuilder(PlanItem, 'pi')
      .select('pi.id', 'id')
      .where(`pi.plan_id = :planId AND ${OPEN_ITEM} AND pi.due_date < :today`, { planId, today })
      .orderBy('pi.due_date')
      .addOrderBy('pi.position')
      .getRawMany<{ id: string }>();
    return {
      ...toFigures(sums, this.config.dayMinutes),
      byTheme: themes.map((t) => ({ themeId: t.theme_id, name: t.name, total: Number(t.total), done: Number(t.done), waived: Number(t.waived) })),
      overdueItemIds: overdue.map((o) => o.id),
    };
  }
}
