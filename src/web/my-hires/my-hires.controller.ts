import { Get, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { AppConfig } from '../../config/app-config';
import { PeopleService } from '../../people/people/people.service';
import { PersonQuery } from '../../people/people/dto/person.dto';
import { OPEN_PLAN_STATUSES } from '../../plans/plans/plan.entity';
import { CompletionService } from '../../reporting/completion/completion.service';
import { render } from '../render';
import { WebController } from '../web-page.decorator';
import type { WebRequest } from '../web-request';
import { PlanReader } from '../plan-views/plan-reader';
import { pace } from '../plan-views/plan-time';

/**
 * "My new hires": the plans of GET /api/reports/completion (own units) with progress, training days,
 * the next session and warnings; the new hires of GET /api/people who have no plan at all ("create
 * plan"); and finished plans. PlansService.create allows a new plan whenever the hire has none open:
 * a hire whose plan was closed (still an active new hire here) is offered a new one, a hire who
 * completed the programme is not.
 */
@WebController('my-hires')
@Roles('introducer', 'manager')
export class MyHiresController {
  constructor(
    private readonly completion: CompletionService,
    private readonly people: PeopleService,
    private readonly reader: PlanReader,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const principal = req.web.principal!;
    const report = await this.completion.report(principal, {});
    const open = report.rows.filter((r) => OPEN_PLAN_STATUSES.includes(r.status));
    const hires = await this.people.list(principal, Object.assign(new PersonQuery(), { role: 'newhire', active: 'true', orgUnitId: principal.orgUnitId, limit: 500 }));
    const withOpenPlan = new Set(open.map((r) => r.newHireId));
    const withAnyPlan = new Set(report.rows.map((r) => r.newHireId));
    const next = await this.reader.nextSessions(open.map((r) => r.newHireId));
    const today = this.reader.today();
    const rows = open.map((row) => ({ ...row, next: next.get(row.newHireId) ?? null, pace: pace(row, row, today) }));
    const finished = report.rows.filter((r) => !withOpenPlan.has(r.newHireId));
    const completed = new Set(finished.filter((r) => r.status === 'completed').map((r) => r.newHireId));
    const activeHires = new Set(hires.items.map((h) => h.id));
    // One offer per hire, beside their latest closed plan.
    const offers = new Map(
      finished
        .filter((r) => r.status === 'closed' && activeHires.has(r.newHireId) && !completed.has(r.newHireId))
        .sort((a, b) => a.startDate.localeCompare(b.startDate))
        .map((r) => [r.newHireId, r.planId]),
    );
    return render(req, reply, 'my-hires/my-hires', {
      rows,
      withoutPlan: hires.items.filter((h) => !withAnyPlan.has(h.id)),
      finished: finished.map((r) => ({ ...r, newPlan: offers.get(r.newHireId) === r.planId })),
      budgetDays: this.config.trainingDayBudget,
    });
  }
}
