import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { ORG_UNIT_KINDS, OrgUnit, OrgUnitKind } from '../org-unit.entity';

const AREA_CODE = /^[a-z][a-z0-9_]{1,39}$/;

export class CreateOrgUnitDto {
  @ApiProperty({ example: 'Barn och unga Nord' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ORG_UNIT_KINDS })
  @IsIn(ORG_UNIT_KINDS)
  kind: OrgUnitKind;

  @ApiPropertyOptional({ nullable: true, description: 'required for departments and units' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'children_youth' })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'areaCode must be an area code such as children_youth' })
  areaCode?: string | null;
  @ApiPropertyOptional({ nullable: true, description: "the unit's code in the HR system", example: 'K4711' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  externalCode?: string | null;

}

export class UpdateOrgUnitDto extends PartialType(OmitType(CreateOrgUnitDto, ['kind'] as const)) {}

export class OrgUnitQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ enum: ORG_UNIT_KINDS })
  @IsOptional()
  @IsIn(ORG_UNIT_KINDS)
  kind?: OrgUnitKind;
}

export class OrgUnitResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORG_UNIT_KINDS }) kind: OrgUnitKind;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ nullable: true, type: String }) areaCode: string | null;
  @ApiProperty({ nullable: true, type: String }) externalCode: string | null;
}

export const toOrgUnitResponse = (unit: OrgUnit): OrgUnitResponse => ({
  id: unit.id,
  name: unit.name,
  kind: unit.kind,
  parentId: unit.parentId,
  areaCode: unit.areaCode,
  externalCode: unit.externalCode,
});
