import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ProgrammeReportQuery } from '../../programme/dto/create-programme-evaluation.dto';

export class RetentionQuery extends ProgrammeReportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class RetentionRow {
  @ApiProperty({ example: '2025-Q3', description: "quarter of the plans' start date" }) cohort: string;
  @ApiProperty({ description: 'plans started (not drafts, start date reached)' }) started: number;
  @ApiProperty({ description: 'still running (active or paused)' }) active: number;
  @ApiProperty() completed: number;
  @ApiProperty({ description: 'closed with closedReason left_employment' }) leftBeforeCompletion: number;
  @ApiProperty({ description: 'closed with closedReason moved_internally' }) movedInternally: number;
  @ApiProperty({ description: 'closed with closedReason other (or none)' }) closedOther: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null until every plan of the cohort is 12 months old' })
  stillEmployedAt12Months: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null until every plan of the cohort is 24 months old' })
  stillEmployedAt24Months: number | null;
}

export class RetentionReport {
  @ApiProperty({ type: [RetentionRow] }) items: RetentionRow[];
}
