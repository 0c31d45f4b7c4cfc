import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { formatInstant, IsInstant } from '../../../common/time';
import { MentorMeeting } from '../mentor-meeting.entity';

export class CreateMeetingDto {
  @ApiProperty({ example: '2027-02-10T14:00:00+01:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2027-02-10T15:00:00+01:00' })
  @IsInstant()
  endsAt: string;

  @ApiPropertyOptional({ nullable: true, example: 'Fikarummet, plan 3' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(300)
  location?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'visible to the mentor and the mentee only; never in calendar feeds or the audit trail' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}

export class UpdateMeetingDto extends PartialType(CreateMeetingDto) {}

export class MeetingResponse {
  @ApiProperty() id: string;
  @ApiProperty() mentorshipId: string;
  @ApiProperty({ example: '2027-02-10T14:00:00+01:00' }) startsAt: string;
  @ApiProperty({ example: '2027-02-10T15:00:00+01:00' }) endsAt: string;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'present only for the mentor and the mentee' })
  notes?: string | null;
}

export function toMeetingResponse(m: MentorMeeting, zone: string, showNotes: boolean): MeetingResponse {
  const response: MeetingResponse = {
    id: m.id,
    mentorshipId: m.mentorshipId,
    startsAt: formatInstant(m.startsAt, zone),
    endsAt: formatInstant(m.endsAt, zone),
    location: m.location,
  };
  if (showNotes) response.notes = m.notes;
  return response;
}
