import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../auth/principal';
import { PlanItem, PlanItemStatus } from '../../plans/plan-items/plan-item.entity';
import { Attendance, Enrolment } from './enrolment.entity';

/** What a lecture item becomes when attendance is recorded. Excused frees the item to be booked again. */
export const ITEM_STATUS_FOR_ATTENDANCE: Record<Attendance, PlanItemStatus> = { attended: 'done', absent: 'missed', excused: 'planned' };

/** Keeps a lecture plan item's status in step with its enrolment, in the enrolment's transaction. */
@Injectable()
export class PlanItemSync {
  constructor(private readonly audit: AuditService) {}

  /** A waived item stays waived; a missing item (deleted from the plan) is ignored. */
  async follow(em: EntityManager, actor: Principal | null, enrolment: Enrolment, status: PlanItemStatus, completedAt: Date | null = null) {
    if (!enrolment.planItemId) return;
    const item = await em.findOneBy(PlanItem, { id: enrolment.planItemId });
    if (!item || item.status === 'waived' || (item.status === status && item.completedAt?.getTime() === completedAt?.getTime())) return;
    const patch = { status, completedAt };
    await this.audit.updated(em, actor, 'plan-item', item.id, item, patch, { subjectPersonId: enrolment.personId });
    await em.update(PlanItem, { id: item.id }, patch);
  }
}
