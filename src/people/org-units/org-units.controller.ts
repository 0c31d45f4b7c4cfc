import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { Principal } from '../../auth/principal';
import { OrgUnitsService } from './org-units.service';
import { CreateOrgUnitDto, OrgUnitQuery, UpdateOrgUnitDto } from './dto/org-unit.dto';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Get()
  list(@Query() query: OrgUnitQuery) {
    return this.units.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.units.get(id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentUser() user: Principal, @Body() dto: CreateOrgUnitDto) {
    return this.units.create(user, dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdateOrgUnitDto) {
    return this.units.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam() id: string) {
    await this.units.remove(user, id);
  }
}
