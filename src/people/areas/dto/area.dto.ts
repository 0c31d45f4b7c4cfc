import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Area } from '../area.entity';

export class CreateAreaDto {
  @ApiProperty({ example: 'children_youth', description: 'lower-case letters, digits and _' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'code must be 2-40 lower-case letters, digits or _, starting with a letter' })
  code: string;

  @ApiProperty({ example: 'Barn och unga' })
  @IsString()
  @Length(1, 120)
  name: string;
}

export class UpdateAreaDto extends PartialType(PickType(CreateAreaDto, ['name'] as const)) {}

export class AreaResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export const toAreaResponse = (area: Area): AreaResponse => ({ code: area.code, name: area.name });
