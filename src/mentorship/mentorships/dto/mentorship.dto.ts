import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { IsCalendarDate } from '../../../common/time';
import { Mentorship } from '../mentorship.entity';

export class CreateMentorshipDto {
  @ApiProperty({ description: 'a person holding the mentor role' })
  @IsUUID()
  mentorId: string;

  @ApiProperty({ description: 'a new hire in your own units' })
  @IsUUID()
  menteeId: string;

  @ApiPropertyOptional({ example: '2027-02-01', description: 'defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ nullable: true, example: '2028-01-31', description: 'empty while ongoing' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  endDate?: string | null;
}

export class UpdateMentorshipDto {
  @ApiPropertyOptional({ example: '2027-02-01' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ nullable: true, example: '2028-01-31', description: 'set to end the mentorship; null reopens it' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  endDate?: string | null;
}

export class MentorshipQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  mentorId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  menteeId?: string;

  @ApiPropertyOptional({ description: 'true: only ongoing ones (no end date, or not yet past)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class MentorshipResponse {
  @ApiProperty() id: string;
  @ApiProperty() mentorId: string;
  @ApiProperty() menteeId: string;
  @ApiProperty({ example: '2027-02-01' }) startDate: string;
  @ApiProperty({ nullable: true, type: String, example: '2028-01-31' }) endDate: string | null;
  @ApiProperty() active: boolean;
}

export const toMentorshipResponse = (m: Mentorship, today: string): MentorshipResponse => ({
  id: m.id,
  mentorId: m.mentorId,
  menteeId: m.menteeId,
  startDate: m.startDate,
  endDate: m.endDate,
  active: m.endDate === null || m.endDate >= today,
});
