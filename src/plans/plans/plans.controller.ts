import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { PlanProgress } from '../progress/progress.dto';
import { ProgressService } from '../progress/progress.service';
import { PlanLifecycle } from './plan-lifecycle.service';
import { PlansService } from './plans.service';
import { CreatePlanDto, PlanQuery, PlanResponse, SignPlanDto, UpdatePlanDto } from './dto/plan.dto';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly lifecycle: PlanLifecycle,
    private readonly progress: ProgressService,
  ) {}

  @Get()
  list(@CurrentUser() user: Principal, @Query() query: PlanQuery) {
    return this.plans.list(user, query);
  }

  @Post()
  @Roles('introducer', 'manager')
  @ApiOkResponse({ type: PlanResponse })
  create(@CurrentUser() user: Principal, @Body() dto: CreatePlanDto) {
    return this.plans.create(user, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: PlanResponse })
  get(@CurrentUser() user: Principal, @IdParam() id: string) {
    return this.plans.get(user, id);
  }

  @Patch(':id')
  @Roles('introducer', 'manager')
  @ApiOkResponse({ type: PlanResponse })
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(user, id, dto);
  }

  /** The introducer and the hire's manager each sign; when both have, the plan is agreed. */
  @Post(':id/sign')
  @Roles('introducer', 'manager')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanResponse })
  sign(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: SignPlanDto) {
    return this.lifecycle.sign(user, id, dto);
  }

  @Get(':id/progress')
  @ApiOkResponse({ type: PlanProgress })
  getProgress(@CurrentUser() user: Principal, @IdParam() id: string) {
    return this.progress.forPlan(user, id);
  }
}
