import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

/** The schedule page's filters (validated like API queries: a bad value is a 400 page). */
export class ScheduleQuery {
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month?: string;

  @IsOptional() @IsUUID() themeId?: string;
  @IsOptional() @IsUUID() lectureId?: string;

  @IsOptional()
  @IsIn(['created', 'updated', 'cancelled', 'attendance'])
  saved?: string;
}
