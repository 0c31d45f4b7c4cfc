import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { CreateEvaluationDto } from '../../evaluations/dto/create-evaluation.dto';
import { EvaluationSummary } from '../../evaluations/dto/evaluation-summary.dto';

export class CreateProgrammeEvaluationDto extends CreateEvaluationDto {
  @ApiProperty({ description: 'would you recommend the programme to a new colleague?' })
  @IsBoolean()
  recommend: boolean;
}

export class ProgrammeReportQuery {
  @ApiPropertyOptional({ description: 'this unit and every unit below it (within your scope)' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

export class ProgrammeSummary extends EvaluationSummary {
  @ApiPropertyOptional({ description: 'share of answers that recommend the programme, in percent' }) recommendPercent?: number;
}

export class ProgrammeUnitCell extends ProgrammeSummary {
  @ApiProperty({ nullable: true, type: String }) orgUnitId: string | null;
  @ApiProperty({ nullable: true, type: String }) orgUnitName: string | null;
}

export class ProgrammeReport {
  @ApiProperty({ type: ProgrammeSummary, description: 'all answers in scope' }) total: ProgrammeSummary;
  @ApiProperty({ type: [ProgrammeUnitCell], description: "per hire's org unit, each under the same threshold" }) units: ProgrammeUnitCell[];
}
