import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { PLAN_ITEM_KINDS, PlanItemKind } from '../../plan-items/plan-item.entity';
import { PlanTemplate } from '../plan-template.entity';

export class TemplateItemDto {
  @ApiPropertyOptional({ enum: PLAN_ITEM_KINDS, description: 'defaults to lecture when lectureId is given, else activity' })
  @IsOptional()
  @IsIn(PLAN_ITEM_KINDS)
  kind?: PlanItemKind;

  @ApiPropertyOptional({ description: 'lecture items' })
  @IsOptional()
  @IsUUID()
  lectureId?: string;

  @ApiPropertyOptional({ example: 'Genomgång av delegationsordningen', description: 'activity items' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 24, description: 'activity items: months after the plan starts' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  monthOffset?: number;
}

export class CreatePlanTemplateDto {
  @ApiProperty({ example: 'Barn och unga – grundplan' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ nullable: true, example: 'children_youth' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'areaCode must be an area code such as children_youth' })
  areaCode?: string | null;

  @ApiProperty({ type: [TemplateItemDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TemplateItemDto)
  items: TemplateItemDto[];
}

export class UpdatePlanTemplateDto extends PartialType(CreatePlanTemplateDto) {}

export class PlanTemplateQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/)
  areaCode?: string;
}

export class TemplateItemResponse {
  @ApiProperty({ enum: PLAN_ITEM_KINDS }) kind: PlanItemKind;
  @ApiProperty({ nullable: true, type: String }) lectureId: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: Number }) monthOffset: number | null;
}

export class PlanTemplateResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) areaCode: string | null;
  @ApiProperty({ type: [TemplateItemResponse] }) items: TemplateItemResponse[];
}

export const toPlanTemplateResponse = (t: PlanTemplate): PlanTemplateResponse => ({
  id: t.id,
  name: t.name,
  areaCode: t.areaCode,
  items: [...(t.items ?? [])]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({ kind: i.kind, lectureId: i.lectureId, title: i.title, monthOffset: i.monthOffset })),
});
