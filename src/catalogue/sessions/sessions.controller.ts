import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { sendCsv } from '../../common/csv';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { CatalogueNames } from '../catalogue-names';
import { sessionCsvColumns } from './session-csv';
import { SessionReader } from './session-reader';
import { SessionsService } from './sessions.service';
import { CreateSessionDto, SessionQuery, toSessionResponse, UpdateSessionDto } from './dto/session.dto';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reader: SessionReader,
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  async list(@Query() query: SessionQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    if (query.format !== 'csv') return this.reader.list(query);
    const { views } = await this.reader.search(query, false);
    const rows = views.map((view) => toSessionResponse(view, this.config.timeZone));
    return sendCsv(reply, 'sessions.csv', rows, sessionCsvColumns(await CatalogueNames.load(this.db.manager)));
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.reader.get(id);
  }

  @Post()
  @Roles('coordinator')
  create(@CurrentUser() user: Principal, @Body() dto: CreateSessionDto) {
    return this.sessions.create(user, dto);
  }

  @Patch(':id')
  @Roles('coordinator')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdateSessionDto) {
    return this.sessions.update(user, id, dto);
  }
}
