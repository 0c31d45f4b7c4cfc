import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { toBoolean } from '../../catalogue-refs';
import { AREA_CODE } from '../../themes/dto/theme.dto';
import { FORMATS, Format, Lecture, LEVELS, Level } from '../lecture.entity';

export class CreateLectureDto {
  @ApiProperty()
  @IsUUID()
  themeId: string;

  @ApiProperty({ example: 'Delegationsordningen – vilka beslut får jag fatta?' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;

  @ApiProperty({ example: 240, description: 'total teaching time; a multi-day course counts all its days' })
  @IsInt()
  @Min(15)
  @Max(14400)
  durationMinutes: number;

  @ApiPropertyOptional({ enum: LEVELS, default: 'basic' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: FORMATS, default: 'in_person' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: Format;

  @ApiPropertyOptional({ type: [String], description: "areas of work targeted; empty = everyone (defaults to the theme's area)" })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @Matches(AREA_CODE, { each: true, message: 'each of areaCodes must be an area code such as children_youth' })
  areaCodes?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  lecturerIds?: string[];

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 24, description: 'month of the two-year programme' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  recommendedMonth?: number | null;

  @ApiPropertyOptional({ default: true, description: 'inactive lectures take no new sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateLectureDto extends PartialType(CreateLectureDto) {}

export class LectureQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  themeId?: string;

  @ApiPropertyOptional({ description: 'lectures that target this area of work' })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'areaCode must be an area code such as children_youth' })
  areaCode?: string;

  @ApiPropertyOptional({ description: 'words in the title or description' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'true or false' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: every matching lecture (no paging) in the import columns' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class LectureResponse {
  @ApiProperty() id: string;
  @ApiProperty() themeId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: LEVELS }) level: Level;
  @ApiProperty({ enum: FORMATS }) format: Format;
  @ApiProperty({ type: [String] }) areaCodes: string[];
  @ApiProperty({ type: [String] }) lecturerIds: string[];
  @ApiProperty({ nullable: true, type: Number }) recommendedMonth: number | null;
  @ApiProperty() active: boolean;
}

export const toLectureResponse = (lecture: Lecture, lecturerIds = lecture.lecturers.map((l) => l.id)): LectureResponse => ({
  id: lecture.id,
  themeId: lecture.themeId,
  title: lecture.title,
  description: lecture.description,
  durationMinutes: lecture.durationMinutes,
  level: lecture.level,
  format: lecture.format,
  areaCodes: lecture.areaCodes,
  lecturerIds,
  recommendedMonth: lecture.recommendedMonth,
  active: lecture.active,
});
