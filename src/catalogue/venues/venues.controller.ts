import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { VenuesService } from './venues.service';
import { CreateVenueDto, UpdateVenueDto, VenueQuery } from './dto/venue.dto';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Get()
  list(@Query() query: VenueQuery) {
    return this.venues.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.venues.get(id);
  }

  @Post()
  @Roles('coordinator')
  create(@CurrentUser() user: Principal, @Body() dto: CreateVenueDto) {
    return this.venues.create(user, dto);
  }

  @Patch(':id')
  @Roles('coordinator')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdateVenueDto) {
    return this.venues.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('coordinator')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam() id: string) {
    await this.venues.remove(user, id);
  }
}
