import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { sendCsv } from '../../common/csv';
import { COMPLETION_CSV, CompletionQuery, CompletionReport } from './completion.dto';
import { CompletionService } from './completion.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/completion')
export class CompletionController {
  constructor(private readonly completion: CompletionService) {}

  @Get()
  @Roles('coordinator', 'introducer', 'manager')
  @ApiOkResponse({ type: CompletionReport, description: '?format=csv gives the rows as CSV (columns in the README)' })
  async report(@CurrentUser() user: Principal, @Query() query: CompletionQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const report = await this.completion.report(user, query);
    return query.format === 'csv' ? sendCsv(reply, 'completion.csv', report.rows, COMPLETION_CSV) : report;
  }
}
