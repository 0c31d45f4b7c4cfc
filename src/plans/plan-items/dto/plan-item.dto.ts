import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min, ValidateIf } from 'class-validator';
import { formatInstant, IsCalendarDate } from '../../../common/time';
import { isOverdue } from '../../plans/plan-rules';
import { PLAN_ITEM_KINDS, PLAN_ITEM_STATUSES, PlanItem, PlanItemKind, PlanItemStatus } from '../plan-item.entity';

export class CreatePlanItemDto {
  @ApiPropertyOptional({ enum: PLAN_ITEM_KINDS, description: 'defaults to lecture when lectureId is given, else activity' })
  @IsOptional()
  @IsIn(PLAN_ITEM_KINDS)
  kind?: PlanItemKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  lectureId?: string;

  @ApiPropertyOptional({ example: 'Medhandläggning med erfaren kollega', description: 'activities' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ example: '2027-06-30', description: "lectures default to the end of the lecture's recommended month" })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export const MANUAL_STATUSES = ['planned', 'done', 'waived', 'missed'] as const;

export class UpdatePlanItemDto {
  @ApiPropertyOptional({ description: 'activities only' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({
    enum: MANUAL_STATUSES,
    description: "activities: planned/done/waived/missed; lectures: waived or back to planned (booked/done follow the enrolment)",
  })
  @IsOptional()
  @IsIn(MANUAL_STATUSES)
  status?: (typeof MANUAL_STATUSES)[number];

  @ApiPropertyOptional({ description: 'required when waiving: the credit for prior experience' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  waivedReason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class PlanItemResponse {
  @ApiProperty() id: string;
  @ApiProperty() planId: string;
  @ApiProperty({ enum: PLAN_ITEM_KINDS }) kind: PlanItemKind;
  @ApiProperty({ nullable: true, type: String }) lectureId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the activity's title, or the lecture's" }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ enum: PLAN_ITEM_STATUSES }) status: PlanItemStatus;
  @ApiProperty({ nullable: true, type: String }) waivedReason: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty() position: number;
  @ApiProperty({ description: 'added or changed after both had signed the plan' }) changedAfterAgreement: boolean;
  @ApiProperty({ description: 'planned or booked past the due date' }) overdue: boolean;
}

export const toPlanItemResponse = (i: PlanItem, lectureTitle: string | null, zone: string, today: string): PlanItemResponse => ({
  id: i.id,
  planId: i.planId,
  kind: i.kind,
  lectureId: i.lectureId,
  title: i.kind === 'lecture' ? lectureTitle : i.title,
  dueDate: i.dueDate,
  status: i.status,
  waivedReason: i.waivedReason,
  completedAt: formatInstant(i.completedAt, zone),
  position: i.position,
  changedAfterAgreement: i.changedAfterAgreement,
  overdue: isOverdue(i, today),
});
