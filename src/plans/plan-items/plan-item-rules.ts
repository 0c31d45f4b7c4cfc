import { Problem } from '../../common/problem';
import { PlanItem } from './plan-item.entity';
import { UpdatePlanItemDto } from './dto/plan-item.dto';

/**
 * The fields a PATCH sets. Activities take planned/done/waived/missed by hand; a lecture item's
 * booked/done/missed follow its enrolment, so by hand it can only be waived or put back to planned.
 */
export function itemPatch(item: PlanItem, dto: UpdatePlanItemDto): Partial<PlanItem> {
  const patch: Partial<PlanItem> = {};
  if (dto.title !== undefined) {
    if (item.kind === 'lecture') throw Problem.invalidField('title', 'planItems.lectureTitleFixed');
    patch.title = dto.title;
  }
  if (dto.dueDate !== undefined) patch.dueDate = dto.dueDate;
  if (dto.position !== undefined) patch.position = dto.position;
  const to = dto.status ?? item.status;
  if (dto.waivedReason !== undefined && to !== 'waived') throw Problem.invalidField('waivedReason', 'planItems.waivedReasonOnlyWhenWaived');
  if (to === item.status) {
    if (dto.waivedReason !== undefined) patch.waivedReason = dto.waivedReason;
    return patch;
  }
  if (item.kind === 'lecture') {
    if (item.status === 'booked') throw Problem.conflict('planItems.lectureBooked');
    if (item.status === 'done' || to === 'done' || to === 'missed') throw Problem.conflict('planItems.followsEnrolment');
  }
  if (to === 'waived' && !dto.waivedReason) throw Problem.invalidField('waivedReason', 'planItems.waivedReasonRequired');
  return { ...patch, status: to, waivedReason: to === 'waived' ? dto.waivedReason! : null, completedAt: to === 'done' ? new Date() : null };
}

/** Changes to what was agreed: content, due date, and waiving or un-waiving. Progress (done, missed) is not one. */
export function changesAgreement(item: PlanItem, patch: Partial<PlanItem>): boolean {
  const changed = (field: 'title' | 'dueDate' | 'waivedReason') => patch[field] !== undefined && patch[field] !== item[field];
  const waiving = patch.status !== undefined && (patch.status === 'waived') !== (item.status === 'waived');
  return changed('title') || changed('dueDate') || changed('waivedReason') || waiving;
}
