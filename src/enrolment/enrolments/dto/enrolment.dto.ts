import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { formatInstant } from '../../../common/time';
import { ATTENDANCE, Attendance, Enrolment, ENROLMENT_STATUSES, EnrolmentStatus } from '../enrolment.entity';

export class CreateEnrolmentDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiPropertyOptional({ description: "the lecture item of the person's open plan; found automatically when left out" })
  @IsOptional()
  @IsUUID()
  planItemId?: string;
}

export class AttendanceDto {
  @ApiProperty({ enum: ATTENDANCE })
  @IsIn(ATTENDANCE)
  attendance: Attendance;
}

export class CancelSessionDto {
  @ApiProperty({ example: 'Föreläsaren är sjuk' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class RosterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'include cancelled places' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeCancelled?: 'true' | 'false';
}

export class EnrolmentResponse {
  @ApiProperty() id: string;
  @ApiProperty() sessionId: string;
  @ApiProperty() personId: string;
  @ApiProperty({ nullable: true, type: String }) planItemId: string | null;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ nullable: true, type: Number, description: '1 = next in line; null unless waitlisted' }) waitlistPosition: number | null;
  @ApiProperty({ enum: ATTENDANCE, nullable: true }) attendance: Attendance | null;
  @ApiProperty({ nullable: true, type: String }) bookedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
}

export class RosterRow extends EnrolmentResponse {
  @ApiProperty() personName: string;
  @ApiProperty() personEmail: string;
  @ApiProperty({ nullable: true, type: String }) orgUnitName: string | null;
}

export const toEnrolmentResponse = (e: Enrolment, waitlistPosition: number | null, zone: string): EnrolmentResponse => ({
  id: e.id,
  sessionId: e.sessionId,
  personId: e.personId,
  planItemId: e.planItemId,
  status: e.status,
  waitlistPosition: e.status === 'waitlisted' ? waitlistPosition : null,
  attendance: e.attendance,
  bookedAt: formatInstant(e.bookedAt, zone),
  cancelledAt: formatInstant(e.cancelledAt, zone),
});
