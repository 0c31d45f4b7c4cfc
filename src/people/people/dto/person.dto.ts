import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { IsCalendarDate } from '../../../common/time';
import { ROLES, Role } from '../../../auth/roles';
import { Person } from '../person.entity';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreatePersonDto {
  @ApiProperty({ example: 'Sara Lindqvist' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'sara.lindqvist@example.se' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsUUID()
  orgUnitId: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['newhire'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ nullable: true, example: 'Socialsekreterare' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-01-15' })
  @IsOptional()
  @IsCalendarDate()
  employmentStart?: string | null;

  @ApiPropertyOptional({ enum: ['sv', 'en'], default: 'sv' })
  @IsOptional()
  @IsIn(['sv', 'en'])
  language?: 'sv' | 'en';

  @ApiPropertyOptional({ minLength: 12, writeOnly: true })
  @IsOptional()
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters' })
  password?: string;
}

export class UpdatePersonDto extends PartialType(OmitType(CreatePersonDto, ['password'] as const)) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: 12, writeOnly: true, description: 'admins only' })
  @IsOptional()
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters' })
  password?: string;
}

export class PersonQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'this unit and every unit below it' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'part of name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class PersonResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() orgUnitId: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-01-15' }) employmentStart: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: ['sv', 'en'] }) language: 'sv' | 'en';
}

export const toPersonResponse = (p: Person): PersonResponse => ({
  id: p.id,
  name: p.name,
  email: p.email,
  orgUnitId: p.orgUnitId,
  roles: p.roles,
  title: p.title,
  employmentStart: p.employmentStart,
  active: p.active,
  language: p.language,
});
