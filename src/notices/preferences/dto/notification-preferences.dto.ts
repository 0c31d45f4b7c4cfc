import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class NotificationPreferencesResponse {
  @ApiProperty({ description: 'reminders 7 days and 1 day before a booked session' }) reminders: boolean;
  @ApiProperty({ description: "introducers' weekly digest of their hires" }) digest: boolean;
  @ApiProperty({ description: 'evaluation request after an attended session' }) evaluationRequests: boolean;
  @ApiProperty({ enum: ['sv', 'en'], description: 'language of notices (and pages)' }) language: 'sv' | 'en';
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  reminders?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  digest?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  evaluationRequests?: boolean;

  @ApiPropertyOptional({ enum: ['sv', 'en'] })
  @IsOptional()
  @IsIn(['sv', 'en'])
  language?: 'sv' | 'en';
}
