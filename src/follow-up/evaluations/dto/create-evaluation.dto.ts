import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreateEvaluationDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'shown to readers only once enough answers are in; do not write names' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class EvaluationQuery {
  @ApiPropertyOptional({ enum: ['session', 'unit'], description: 'a breakdown; each cell follows the threshold rule' })
  @IsOptional()
  @IsIn(['session', 'unit'])
  by?: 'session' | 'unit';
}
