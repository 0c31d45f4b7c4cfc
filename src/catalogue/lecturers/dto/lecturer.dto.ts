import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { toBoolean } from '../../catalogue-refs';
import { Lecturer } from '../lecturer.entity';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateLecturerDto {
  @ApiProperty({ example: 'Birgitta Olsson' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ nullable: true, example: 'birgitta.olsson@storvik.example' })
  @IsOptional()
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Polisen' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string | null;

  @ApiPropertyOptional({ default: true, description: "the city's own staff (true) or an external lecturer (false)" })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;

  @ApiPropertyOptional({ nullable: true, description: "the lecturer's own account (internal staff)" })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['Barnavårdsutredning', 'BBIC'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  topics?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateLecturerDto extends PartialType(CreateLecturerDto) {}

export class LecturerQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true or false' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  internal?: boolean;

  @ApiPropertyOptional({ description: 'true or false' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'part of the name, e-mail, organisation or a topic' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class LecturerResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) organisation: string | null;
  @ApiProperty() internal: boolean;
  @ApiProperty({ nullable: true, type: String }) personId: string | null;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty() active: boolean;
}

export const toLecturerResponse = (lecturer: Lecturer): LecturerResponse => ({
  id: lecturer.id,
  name: lecturer.name,
  email: lecturer.email,
  organisation: lecturer.organisation,
  internal: lecturer.internal,
  personId: lecturer.personId,
  topics: lecturer.topics,
  active: lecturer.active,
});
