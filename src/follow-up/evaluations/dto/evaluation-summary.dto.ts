import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EvaluationReceiptResponse {
  @ApiProperty({ description: 'the answer is stored anonymously; only the fact that you answered is kept with you' })
  received: true;
}

/** Either figures (responses >= EVALUATION_MIN_RESPONSES) or how many more answers are needed. */
export class EvaluationSummary {
  @ApiProperty() responses: number;
  @ApiPropertyOptional({ description: 'present only below the threshold' }) needed?: number;
  @ApiPropertyOptional() averageRating?: number;
  @ApiPropertyOptional({ example: { '1': 0, '2': 1, '3': 2, '4': 5, '5': 4 } }) distribution?: Record<string, number>;
  @ApiPropertyOptional({ type: [String], description: 'in random order' }) comments?: string[];
}

export class EvaluationCell extends EvaluationSummary {
  @ApiPropertyOptional() sessionId?: string;
  @ApiPropertyOptional() startsAt?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) orgUnitId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) orgUnitName?: string | null;
}

export class EvaluationBreakdown {
  @ApiProperty({ enum: ['session', 'unit'] }) by: 'session' | 'unit';
  @ApiProperty({ type: [EvaluationCell] }) items: EvaluationCell[];
}
