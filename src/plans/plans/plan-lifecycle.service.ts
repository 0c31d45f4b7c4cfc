import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../auth/principal';
import { Problem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { PlanItem } from '../plan-items/plan-item.entity';
import { PlanAccess } from './plan-access.service';
import { addDays, daysBetween, mayTransition } from './plan-rules';
import { ClosedReason, OPEN_PLAN_STATUSES, Plan, PlanStatus } from './plan.entity';
import { SignPlanDto, toPlanResponse } from './dto/plan.dto';

type Capacity = 'introducer' | 'manager';

/** Status transitions (pause and resume move dates) and the sign-off that makes the plan an agreement. */
@Injectable()
export class PlanLifecycle {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly access: PlanAccess,
  ) {}

  /** The fields a status change sets; resuming also moves the open items' due dates. */
  async statusChange(em: EntityManager, plan: Plan, to: PlanStatus | undefined, reasons: { closedReason?: ClosedReason; pausedReason?: string }): Promise<Partial<Plan>> {
    const { closedReason, pausedReason } = reasons;
    if (closedReason && to !== 'closed') throw Problem.invalidField('closedReason', 'plans.closedReasonOnlyWhenClosing');
    if (pausedReason !== undefined && to !== 'paused') throw Problem.invalidField('pausedReason', 'plans.pausedReasonOnlyWhenPausing');
    if (!to || to === plan.status) return {};
    if (!mayTransition(plan.status, to)) throw Problem.conflict('plans.transition', { from: plan.status, to });
    const today = this.access.today();
    switch (to) {
      case 'closed':
        if (!closedReason) throw Problem.invalidField('closedReason', 'plans.closedReasonRequired');
        return { status: to, closedReason, closedAt: new Date() };
      case 'completed':
        return { status: to, completedAt: new Date() };
      case 'paused':
        return { status: to, pausedOn: today, pausedReason: pausedReason ?? null };
      default:
        return plan.status === 'paused' ? { status: to, ...(await this.resume(em, plan, today)) } : { status: to };
    }
  }

  sign(actor: Principal, id: string, dto: SignPlanDto) {
    return this.db.write(async (em) => {
      const plan = await this.access.findEditable(em, actor, id);
      if (!OPEN_PLAN_STATUSES.includes(plan.status)) throw Problem.conflict('plans.notOpenToSign', { status: plan.status });
      const as = this.capacity(actor, dto);
      const named = as === 'introducer' ? plan.introducerId : plan.managerId;
      if (named && named !== actor.id) throw Problem.forbidden('plans.signOnlyNamed', { as });
      const [signedBy, other] = as === 'introducer' ? [plan.introducerSignedBy, plan.managerSignedBy] : [plan.managerSignedBy, plan.introducerSignedBy];
      if (signedBy) throw Problem.conflict('plans.alreadySigned', { as });
      if (other === actor.id) throw Problem.conflict('plans.signersDiffer');
      const now = new Date();
      const patch: Partial<Plan> =
        as === 'introducer'
          ? { introducerId: actor.id, introducerSignedBy: actor.id, introducerSignedAt: now }
          : { managerId: actor.id, managerSignedBy: actor.id, managerSignedAt: now };
      if (other) patch.agreedAt = now;
      await this.audit.updated(em, actor, 'plan', id, plan, patch, { subjectPersonId: plan.newHireId });
      Object.assign(plan, patch);
      await em.save(plan);
      return toPlanResponse(plan, this.config.timeZone);
    });
  }

  private capacity(actor: Principal, dto: SignPlanDto): Capacity {
    const held = (['introducer', 'manager'] as const).filter((role) => actor.roles.includes(role));
    if (dto.as) {
      if (!held.includes(dto.as)) throw Problem.forbidden('plans.roleNotHeld', { as: dto.as });
      return dto.as;
    }
    if (held.length === 0) throw Problem.forbidden('plans.signerNotIntroducerOrManager');
    if (held.length > 1) throw Problem.invalidField('as', 'plans.signAsWhich');
    return held[0];
  }

  /** Moves the end date and the open (planned or booked) items' due dates by the days paused. */
  private async resume(em: EntityManager, plan: Plan, today: string): Promise<Partial<Plan>> {
    const days = plan.pausedOn ? daysBetween(plan.pausedOn, today) : 0;
    if (days > 0) {
      const items = await em.findBy(PlanItem, { planId: plan.id, status: In(['planned', 'booked']), dueDate: Not(IsNull()) });
      for (const item of items) await em.update(PlanItem, { id: item.id }, { dueDate: addDays(item.dueDate!, days) });
    }
    return { pausedOn: null, pausedReason: null, pausedDays: plan.pausedDays + days, endDate: addDays(plan.endDate, days) };
  }
}
