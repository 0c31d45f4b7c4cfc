import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { PageQuery } from '../../common/pagination';
import { AreasService } from './areas.service';
import { CreateAreaDto, UpdateAreaDto } from './dto/area.dto';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('areas')
export class AreasController {
  constructor(private readonly areas: AreasService) {}

  @Get()
  list(@Query() query: PageQuery) {
    return this.areas.list(query);
  }

  @Post()
  @Roles('coordinator')
  create(@CurrentUser() user: Principal, @Body() dto: CreateAreaDto) {
    return this.areas.create(user, dto);
  }

  @Patch(':code')
  @Roles('coordinator')
  update(@CurrentUser() user: Principal, @Param('code') code: string, @Body() dto: UpdateAreaDto) {
    return this.areas.update(user, code, dto);
  }
}
