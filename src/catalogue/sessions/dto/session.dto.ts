import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { formatInstant, IsInstant, isCalendarDate, isInstant } from '../../../common/time';
import { SESSION_STATUSES, Session, SessionStatus } from '../session.entity';
import { SessionSlot } from '../session-slot.entity';

function IsInstantOrDate() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstantOrDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an instant with an offset (2027-02-03T09:00:00+01:00) or a date (2027-02-03)` },
      validator: { validate: (value: unknown) => isInstant(value) || isCalendarDate(value) },
    });
}

export class SlotDto {
  @ApiProperty({ example: '2026-09-01T09:00:00+02:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2026-09-01T16:00:00+02:00' })
  @IsInstant()
  endsAt: string;
}

export class CreateSessionDto {
  @ApiProperty()
  @IsUUID()
  lectureId: string;

  @ApiPropertyOptional({ example: '2026-09-01T09:00:00+02:00', description: 'one-slot session: start (or give slots)' })
  @IsOptional()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ example: '2026-09-01T12:00:00+02:00', description: 'one-slot session: end, after startsAt' })
  @IsOptional()
  @IsInstant()
  endsAt?: string;

  @ApiPropertyOptional({ type: [SlotDto], description: 'the dated parts of a multi-day course; they must not overlap' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots?: SlotDto[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://meet.storvik.example/intro' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(500)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ example: 24, description: "seats; defaults to the venue's capacity and may not exceed it" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @ApiPropertyOptional({ type: [String], description: "defaults to the lecture's lecturers" })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  lecturerIds?: string[];

  @ApiPropertyOptional({ nullable: true, description: "last moment to book; not after the first slot's start" })
  @IsOptional()
  @IsInstant()
  enrolmentDeadline?: string | null;
}

export class UpdateSessionDto extends PartialType(OmitType(CreateSessionDto, ['lectureId'] as const)) {}

export class SessionQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'sessions with a slot ending after this instant (or date, local midnight)' })
  @IsOptional()
  @IsInstantOrDate()
  from?: string;

  @ApiPropertyOptional({ description: 'sessions with a slot starting before this instant (or up to the end of this date)' })
  @IsOptional()
  @IsInstantOrDate()
  to?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() lectureId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() themeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() venueId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() lecturerId?: string;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: every matching session (no paging) in the import columns' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class SlotResponse {
  @ApiProperty() id: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
}

export class SessionResponse {
  @ApiProperty() id: string;
  @ApiProperty() lectureId: string;
  @ApiProperty({ description: "the lecture's title" }) title: string;
  @ApiProperty({ description: "first slot's start" }) startsAt: string;
  @ApiProperty({ description: "last slot's end" }) endsAt: string;
  @ApiProperty({ type: [SlotResponse] }) slots: SlotResponse[];
  @ApiProperty({ nullable: true, type: String }) venueId: string | null;
  @ApiProperty({ nullable: true, type: String }) onlineUrl: string | null;
  @ApiProperty() capacity: number;
  @ApiProperty({ type: [String] }) lecturerIds: string[];
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ nullable: true, type: String }) cancelledReason: string | null;
  @ApiProperty() bookedCount: number;
  @ApiProperty() waitlistCount: number;
  @ApiProperty({ nullable: true, type: String }) enrolmentDeadline: string | null;
  @ApiProperty({ description: 'rises on every change of time, place, status or title (iCalendar SEQUENCE)' }) sequence: number;
}

/** A session with what the list query adds: its slots, lecturer ids, lecture title and waitlist count. */
export interface SessionView {
  session: Session;
  slots: SessionSlot[];
  lecturerIds: string[];
  title: string;
  waitlistCount: number;
}

export const toSessionResponse = (view: SessionView, zone: string): SessionResponse => ({
  id: view.session.id,
  lectureId: view.session.lectureId,
  title: view.title,
  startsAt: formatInstant(view.session.startsAt, zone),
  endsAt: formatInstant(view.session.endsAt, zone),
  slots: view.slots.map((slot) => ({ id: slot.id, startsAt: formatInstant(slot.startsAt, zone), endsAt: formatInstant(slot.endsAt, zone) })),
  venueId: view.session.venueId,
  onlineUrl: view.session.onlineUrl,
  capacity: view.session.capacity,
  lecturerIds: view.lecturerIds,
  status: view.session.status,
  cancelledReason: view.session.cancelledReason,
  bookedCount: view.session.bookedCount,
  waitlistCount: view.waitlistCount,
  enrolmentDeadline: formatInstant(view.session.enrolmentDeadline, zone),
  sequence: view.session.sequence,
});
