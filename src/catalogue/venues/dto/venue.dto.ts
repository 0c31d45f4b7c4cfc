import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { toBoolean } from '../../catalogue-refs';
import { Venue } from '../venue.entity';

export class CreateVenueDto {
  @ApiProperty({ example: 'Kompetenscenter – sal 1' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ nullable: true, example: 'Storgatan 12, Storvik' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiProperty({ example: 30, description: 'seats in the room; a session may not hold more' })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @ApiPropertyOptional({ default: true, description: 'inactive venues take no new sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateVenueDto extends PartialType(CreateVenueDto) {}

export class VenueQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true or false' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}

export class VenueResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty() capacity: number;
  @ApiProperty() active: boolean;
}

export const toVenueResponse = (venue: Venue): VenueResponse => ({
  id: venue.id,
  name: venue.name,
  address: venue.address,
  capacity: venue.capacity,
  active: venue.active,
});
