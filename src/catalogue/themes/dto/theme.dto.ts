import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { AUDIENCES, Audience, Theme } from '../theme.entity';

export const AREA_CODE = /^[a-z][a-z0-9_]{1,39}$/;

export class CreateThemeDto {
  @ApiProperty({ example: 'Välkommen till Storvik' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiProperty({ enum: AUDIENCES, description: "'all' for everyone, 'area' for one area of work (needs areaCode)" })
  @IsIn(AUDIENCES)
  audience: Audience;

  @ApiPropertyOptional({ nullable: true, example: 'children_youth' })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'areaCode must be an area code such as children_youth' })
  areaCode?: string | null;

  @ApiPropertyOptional({ default: 0, description: 'order of the blocks in the programme' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}

export class UpdateThemeDto extends PartialType(CreateThemeDto) {}

export class ThemeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIENCES })
  @IsOptional()
  @IsIn(AUDIENCES)
  audience?: Audience;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(AREA_CODE, { message: 'areaCode must be an area code such as children_youth' })
  areaCode?: string;
}

export class ThemeResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: AUDIENCES }) audience: Audience;
  @ApiProperty({ nullable: true, type: String }) areaCode: string | null;
  @ApiProperty() position: number;
}

export const toThemeResponse = (theme: Theme): ThemeResponse => ({
  id: theme.id,
  name: theme.name,
  description: theme.description,
  audience: theme.audience,
  areaCode: theme.areaCode,
  position: theme.position,
});
