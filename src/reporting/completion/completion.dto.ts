import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CsvColumn } from '../../common/csv';
import { PlanFigures } from '../../plans/progress/progress.dto';
import { PlanQuery } from '../../plans/plans/dto/plan.dto';
import { PLAN_STATUSES, PlanStatus } from '../../plans/plans/plan.entity';

export class CompletionQuery extends PickType(PlanQuery, ['orgUnitId', 'status'] as const) {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class CompletionRow extends PlanFigures {
  @ApiProperty() planId: string;
  @ApiProperty() newHireId: string;
  @ApiProperty() newHireName: string;
  @ApiProperty() orgUnitId: string;
  @ApiProperty() orgUnitName: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
}

export class CompletionTotals extends PlanFigures {
  @ApiProperty() plans: number;
}

export class CompletionReport {
  @ApiProperty({ type: [CompletionRow] }) rows: CompletionRow[];
  @ApiProperty({ type: CompletionTotals }) totals: CompletionTotals;
}

export const COMPLETION_CSV: CsvColumn<CompletionRow>[] = [
  { header: 'newHire', value: (r) => r.newHireName },
  { header: 'orgUnit', value: (r) => r.orgUnitName },
  { header: 'status', value: (r) => r.status },
  { header: 'startDate', value: (r) => r.startDate },
  { header: 'endDate', value: (r) => r.endDate },
  { header: 'totalItems', value: (r) => r.totalItems },
  { header: 'doneItems', value: (r) => r.doneItems },
  { header: 'waivedItems', value: (r) => r.waivedItems },
  { header: 'percentComplete', value: (r) => r.percentComplete },
  { header: 'trainingDaysPlanned', value: (r) => r.trainingDaysPlanned },
  { header: 'trainingDaysDone', value: (r) => r.trainingDaysDone },
  { header: 'overdueItems', value: (r) => r.overdueItems },
];
