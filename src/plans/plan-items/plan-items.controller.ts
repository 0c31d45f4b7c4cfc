import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { PageQuery } from '../../common/pagination';
import { PlanItemsService } from './plan-items.service';
import { CreatePlanItemDto, UpdatePlanItemDto } from './dto/plan-item.dto';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans/:id/items')
export class PlanItemsController {
  constructor(private readonly items: PlanItemsService) {}

  @Get()
  list(@CurrentUser() user: Principal, @IdParam() planId: string, @Query() query: PageQuery) {
    return this.items.list(user, planId, query);
  }

  @Post()
  @Roles('introducer', 'manager')
  create(@CurrentUser() user: Principal, @IdParam() planId: string, @Body() dto: CreatePlanItemDto) {
    return this.items.create(user, planId, dto);
  }

  @Patch(':itemId')
  @Roles('introducer', 'manager')
  update(@CurrentUser() user: Principal, @IdParam() planId: string, @IdParam('itemId') itemId: string, @Body() dto: UpdatePlanItemDto) {
    return this.items.update(user, planId, itemId, dto);
  }

  @Delete(':itemId')
  @Roles('introducer', 'manager')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam() planId: string, @IdParam('itemId') itemId: string) {
    await this.items.remove(user, planId, itemId);
  }
}
