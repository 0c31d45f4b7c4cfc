import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { PlanTemplatesService } from './plan-templates.service';
import { CreatePlanTemplateDto, PlanTemplateQuery, UpdatePlanTemplateDto } from './dto/plan-template.dto';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plan-templates')
export class PlanTemplatesController {
  constructor(private readonly templates: PlanTemplatesService) {}

  @Get()
  @Roles('coordinator', 'introducer', 'manager')
  list(@Query() query: PlanTemplateQuery) {
    return this.templates.list(query);
  }

  @Get(':id')
  @Roles('coordinator', 'introducer', 'manager')
  get(@IdParam() id: string) {
    return this.templates.get(id);
  }

  @Post()
  @Roles('coordinator')
  create(@CurrentUser() user: Principal, @Body() dto: CreatePlanTemplateDto) {
    return this.templates.create(user, dto);
  }

  @Patch(':id')
  @Roles('coordinator')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdatePlanTemplateDto) {
    return this.templates.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('coordinator')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam() id: string) {
    await this.templates.remove(user, id);
  }
}
