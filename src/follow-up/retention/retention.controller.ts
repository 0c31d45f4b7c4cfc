import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { CsvColumn, sendCsv } from '../../common/csv';
import { RetentionReportService } from './retention-report.service';
import { RetentionQuery, RetentionReport, RetentionRow } from './dto/retention.dto';

const FIELDS: (keyof RetentionRow)[] = [
  'cohort',
  'started',
  'active',
  'completed',
  'leftBeforeCompletion',
  'movedInternally',
  'closedOther',
  'stillEmployedAt12Months',
  'stillEmployedAt24Months',
];
const COLUMNS: CsvColumn<RetentionRow>[] = FIELDS.map((field) => ({ header: field, value: (row) => row[field] }));

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller('reports/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionReportService) {}

  @Get()
  @Roles('coordinator', 'introducer', 'manager')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RetentionReport })
  async report(@CurrentUser() user: Principal, @Query() query: RetentionQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const rows = await this.retention.report(user, query);
    return query.format === 'csv' ? sendCsv(reply, 'retention.csv', rows, COLUMNS) : { items: rows };
  }
}
