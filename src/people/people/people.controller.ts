import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { PeopleService } from './people.service';
import { CreatePersonDto, PersonQuery, UpdatePersonDto } from './dto/person.dto';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  list(@CurrentUser() user: Principal, @Query() query: PersonQuery) {
    return this.people.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @IdParam() id: string) {
    return this.people.get(user, id);
  }

  @Post()
  @Roles('introducer', 'manager')
  create(@CurrentUser() user: Principal, @Body() dto: CreatePersonDto) {
    return this.people.create(user, dto);
  }

  @Patch(':id')
  @Roles('introducer', 'manager')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdatePersonDto) {
    return this.people.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('introducer', 'manager')
  @HttpCode(204)
  async deactivate(@CurrentUser() user: Principal, @IdParam() id: string) {
    await this.people.deactivate(user, id);
  }
}
