import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../auth/principal';
import { Problem } from '../../common/problem';
import { todayIn } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { editablePlans, readablePlans, SqlCondition } from '../plan-scope';
import { OPEN_PLAN_STATUSES, Plan } from './plan.entity';

/** Repeated reads of one plan by one person within this window are one audit entry (per process). */
const READ_RECORD_WINDOW_MS = 10 * 60_000;

/** Finds plans within the caller's scope (out of scope is 404) and records who read them. */
@Injectable()
export class PlanAccess {
  private readonly lastRecorded = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  today(): string {
    return todayIn(this.config.timeZone);
  }

  async findReadable(em: EntityManager, principal: Principal, id: string): Promise<Plan> {
    const plan = await this.query(em, id, readablePlans('p', principal, this.today())).getOne();
    if (!plan) throw Problem.notFound('plan');
    return plan;
  }

  /** A plan the caller may change, locked for the rest of the transaction on PostgreSQL. Readable only: 403. */
  async findEditable(em: EntityManager, principal: Principal, id: string): Promise<Plan> {
    const qb = this.query(em, id, editablePlans('p', principal));
    if (this.db.isPostgres) qb.setLock('pessimistic_write');
    const plan = await qb.getOne();
    if (plan) return plan;
    await this.findReadable(em, principal, id);
    throw Problem.forbidden('plans.readOnly');
  }

  async findOpenEditable(em: EntityManager, principal: Principal, id: string): Promise<Plan> {
    const plan = await this.findEditable(em, principal, id);
    if (!OPEN_PLAN_STATUSES.includes(plan.status)) throw Problem.conflict('plans.notOpen', { status: plan.status });
    return plan;
  }

  /** Reads a plan for the caller and records the read unless the caller is the plan's hire. */
  async readAndRecord(principal: Principal, id: string): Promise<Plan> {
    const plan = await this.findReadable(this.db.manager, principal, id);
    await this.recordRead(principal, plan);
    return plan;
  }

  async recordRead(principal: Principal, plan: Plan): Promise<void> {
    if (plan.newHireId !== principal.id && this.dueForRecord(`${principal.id}|${plan.id}`)) {
      await this.db.write((em) => this.audit.record(em, principal, 'read', 'plan', plan.id, null, { subjectPersonId: plan.newHireId }), {
        changesReads: false,
      });
    }
  }

  /**
   * A page or client reading a plan, its items and its progress makes one entry, not three, and
   * a dashboard polling it does not turn every read into a write.
   */
  private dueForRecord(key: string, now = Date.now()): boolean {
    const last = this.lastRecorded.get(key);
    if (last !== undefined && now - last < READ_RECORD_WINDOW_MS) return false;
    if (this.lastRecorded.size >= 50_000) this.lastRecorded.clear();
    this.lastRecorded.set(key, now);
    return true;
  }

  private query(em: EntityManager, id: string, scope: SqlCondition | null) {
    const qb = em.createQueryBuilder(Plan, 'p').where('p.id = :id', { id });
    if (scope) qb.andWhere(scope.sql, scope.params);
    return qb;
  }
}
