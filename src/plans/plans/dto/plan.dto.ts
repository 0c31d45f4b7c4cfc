import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { formatInstant, IsCalendarDate } from '../../../common/time';
import { CLOSED_REASONS, ClosedReason, Plan, PLAN_STATUSES, PlanStatus } from '../plan.entity';

export class CreatePlanDto {
  @ApiProperty()
  @IsUUID()
  newHireId: string;

  @ApiProperty({ example: '2027-01-15' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ example: '2029-01-15', description: 'defaults to startDate + 24 months' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ description: "the template's items are copied into the plan" })
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({ description: 'defaults to the caller when the caller is an introducer' })
  @IsOptional()
  @IsUUID()
  introducerId?: string | null;

  @ApiPropertyOptional({ description: 'defaults to the caller when the caller is a manager' })
  @IsOptional()
  @IsUUID()
  managerId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  mentorId?: string | null;

  @ApiPropertyOptional({ enum: ['draft', 'active'], default: 'draft' })
  @IsOptional()
  @IsIn(['draft', 'active'])
  status?: 'draft' | 'active';
}

export class UpdatePlanDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  introducerId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  managerId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  mentorId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES, description: 'draft -> active -> completed/closed; active <-> paused' })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  @ApiPropertyOptional({ enum: CLOSED_REASONS, description: 'required when closing' })
  @IsOptional()
  @IsIn(CLOSED_REASONS)
  closedReason?: ClosedReason;

  @ApiPropertyOptional({ maxLength: 300, description: 'why the plan is paused (parental leave, sick leave); only when pausing' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  pausedReason?: string;
}

export class SignPlanDto {
  @ApiPropertyOptional({ enum: ['introducer', 'manager'], description: 'needed only when the caller holds both roles' })
  @IsOptional()
  @IsIn(['introducer', 'manager'])
  as?: 'introducer' | 'manager';
}

export class PlanQuery extends PageQuery {
  @ApiPropertyOptional({ description: "the hire's unit or any unit above it" })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  introducerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  newHireId?: string;
}

export class PlanResponse {
  @ApiProperty() id: string;
  @ApiProperty() newHireId: string;
  @ApiProperty({ nullable: true, type: String }) introducerId: string | null;
  @ApiProperty({ nullable: true, type: String }) managerId: string | null;
  @ApiProperty({ nullable: true, type: String }) mentorId: string | null;
  @ApiProperty({ nullable: true, type: String }) templateId: string | null;
  @ApiProperty({ example: '2027-01-15' }) startDate: string;
  @ApiProperty({ example: '2029-01-15' }) endDate: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty({ enum: CLOSED_REASONS, nullable: true }) closedReason: ClosedReason | null;
  @ApiProperty({ nullable: true, type: String, description: 'set while paused' }) pausedOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'why, while paused' }) pausedReason: string | null;
  @ApiProperty({ description: 'days paused so far; end and open due dates were moved by them' }) pausedDays: number;
  @ApiProperty({ nullable: true, type: String }) introducerSignedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) introducerSignedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) managerSignedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) managerSignedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when both had signed' }) agreedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
}

export const toPlanResponse = (p: Plan, zone: string): PlanResponse => ({
  id: p.id,
  newHireId: p.newHireId,
  introducerId: p.introducerId,
  managerId: p.managerId,
  mentorId: p.mentorId,
  templateId: p.templateId,
  startDate: p.startDate,
  endDate: p.endDate,
  status: p.status,
  closedReason: p.closedReason,
  pausedOn: p.pausedOn,
  pausedReason: p.pausedReason,
  pausedDays: p.pausedDays,
  introducerSignedBy: p.introducerSignedBy,
  introducerSignedAt: formatInstant(p.introducerSignedAt, zone),
  managerSignedBy: p.managerSignedBy,
  managerSignedAt: formatInstant(p.managerSignedAt, zone),
  agreedAt: formatInstant(p.agreedAt, zone),
  completedAt: formatInstant(p.completedAt, zone),
  closedAt: formatInstant(p.closedAt, zone),
});
