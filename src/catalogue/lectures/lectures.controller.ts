import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { sendCsv } from '../../common/csv';
import { Db } from '../../database/db.service';
import { CatalogueNames } from '../catalogue-names';
import { lectureCsvColumns } from './lecture-csv';
import { LecturesService } from './lectures.service';
import { CreateLectureDto, LectureQuery, UpdateLectureDto } from './dto/lecture.dto';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('lectures')
export class LecturesController {
  constructor(
    private readonly lectures: LecturesService,
    private readonly db: Db,
  ) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  async list(@Query() query: LectureQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    if (query.format !== 'csv') return this.lectures.list(query);
    const { rows } = await this.lectures.search(query, false);
    return sendCsv(reply, 'lectures.csv', rows, lectureCsvColumns(await CatalogueNames.load(this.db.manager)));
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.lectures.get(id);
  }

  @Post()
  @Roles('coordinator')
  create(@CurrentUser() user: Principal, @Body() dto: CreateLectureDto) {
    return this.lectures.create(user, dto);
  }

  @Patch(':id')
  @Roles('coordinator')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdateLectureDto) {
    return this.lectures.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('coordinator')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam() id: string) {
    await this.lectures.remove(user, id);
  }
}
