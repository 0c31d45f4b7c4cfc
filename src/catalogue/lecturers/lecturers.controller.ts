import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { LecturersService } from './lecturers.service';
import { CreateLecturerDto, LecturerQuery, UpdateLecturerDto } from './dto/lecturer.dto';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('lecturers')
export class LecturersController {
  constructor(private readonly lecturers: LecturersService) {}

  @Get()
  list(@Query() query: LecturerQuery) {
    return this.lecturers.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.lecturers.get(id);
  }

  @Post()
  @Roles('coordinator')
  create(@CurrentUser() user: Principal, @Body() dto: CreateLecturerDto) {
    return this.lecturers.create(user, dto);
  }

  @Patch(':id')
  @Roles('coordinator')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdateLecturerDto) {
    return this.lecturers.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('coordinator')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam() id: string) {
    await this.lecturers.remove(user, id);
  }
}
