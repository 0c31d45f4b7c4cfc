import { Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { sendCsv } from '../../common/csv';
import { RetentionReportService } from '../../follow-up/retention/retention-report.service';
import { ProgrammeReportQuery } from '../../follow-up/programme/dto/create-programme-evaluation.dto';
import { COMPLETION_CSV } from '../../reporting/completion/completion.dto';
import { CompletionService } from '../../reporting/completion/completion.service';
import { reportsWholeCity } from '../../follow-up/report-scope';
import { render } from '../render';
import { WebController } from '../web-page.decorator';
import type { WebRequest } from '../web-request';
import { byStatus, byUnit } from './dashboard-figures';
import { UnitChoices } from './unit-choices';

/**
 * Completion and retention for the city, or a department or unit chosen: the completion and
 * retention reports' services with the same scope as the API (coordinators all, others their own units).
 */
@WebController('dashboard')
@Roles('coordinator', 'introducer', 'manager')
export class DashboardController {
  constructor(
    private readonly completion: CompletionService,
    private readonly retention: RetentionReportService,
    private readonly units: UnitChoices,
  ) {}

  @Get()
  async show(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query() query: ProgrammeReportQuery) {
    const principal = req.web.principal!;
    const [report, retention, units] = await Promise.all([
      this.completion.report(principal, { orgUnitId: query.orgUnitId }),
      this.retention.report(principal, { orgUnitId: query.orgUnitId }),
      this.units.for(principal),
    ]);
    return render(req, reply, 'dashboard/dashboard', {
      query,
      units,
      unitName: units.find((u) => u.id === query.orgUnitId)?.name ?? null,
      wholeCity: reportsWholeCity(principal),
      totals: report.totals,
      statuses: byStatus(report),
      byUnit: byUnit(report),
      retention,
      csvHref: `/dashboard/completion.csv${query.orgUnitId ? `?orgUnitId=${query.orgUnitId}` : ''}`,
    });
  }

  @Get('completion.csv')
  async csv(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query() query: ProgrammeReportQuery) {
    const report = await this.completion.report(req.web.principal!, { orgUnitId: query.orgUnitId });
    return reply.send(sendCsv(reply, 'completion.csv', report.rows, COMPLETION_CSV));
  }
}
