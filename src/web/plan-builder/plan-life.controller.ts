import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { Problem } from '../../common/problem';
import { isCalendarDate } from '../../common/time';
import { PlanItemsService } from '../../plans/plan-items/plan-items.service';
import { PlansService } from '../../plans/plans/plans.service';
import { CLOSED_REASONS, ClosedReason, PlanStatus } from '../../plans/plans/plan.entity';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';
import { refusal } from '../refusals';
import { PlanReader } from '../plan-views/plan-reader';
import { catalogueFilter, PlanBuilderPage } from './plan-builder.page';

/** What each status page does: the status it sets and the fields it asks for. */
const ACTIONS: Record<string, { to: PlanStatus; from: PlanStatus[] }> = {
  pause: { to: 'paused', from: ['active'] },
  resume: { to: 'active', from: ['paused'] },
  complete: { to: 'completed', from: ['active'] },
  close: { to: 'closed', from: ['draft', 'active', 'paused'] },
};
const ITEM_PROGRESS = ['done', 'missed', 'planned'] as const;

/**
 * The life of a running plan in the pages, through the same services as PATCH /api/plans/:id and
 * PATCH /api/plans/:id/items/:itemId: pause (with a reason), resume, complete, close (with the
 * contract's reasons), an activity marked done or missed (and undone), a due date moved.
 */
@WebController('plan-builder/:id')
@Roles('introducer', 'manager')
export class PlanLifeController {
  constructor(
    private readonly plans: PlansService,
    private readonly items: PlanItemsService,
    private readonly reader: PlanReader,
    private readonly page: PlanBuilderPage,
  ) {}

  @Get('status/:action')
  status(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Param('action') action: string) {
    return this.statusPage(req, reply, id, action, {});
  }

  @Post('status/:action')
  async changeStatus(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Param('action') action: string, @Body() body: unknown) {
    const { to } = this.action(action);
    const pausedReason = field(body, 'pausedReason').trim();
    const closedReason = field(body, 'closedReason') as ClosedReason;
    const errors: FieldErrors = [];
    if (action === 'pause' && (!pausedReason || pausedReason.length > 300)) errors.push({ field: 'pausedReason', key: 'planLife.errors.pausedReason' });
    if (action === 'close' && !CLOSED_REASONS.includes(closedReason)) errors.push({ field: 'closedReason', key: 'planLife.errors.closedReason' });
    if (!errors.length) {
      try {
        const before = await this.plans.get(req.web.principal!, id);
        const after = await this.plans.update(req.web.principal!, id, { status: to, ...(action === 'pause' ? { pausedReason } : {}), ...(action === 'close' ? { closedReason } : {}) });
        const moved = action === 'resume' ? `&days=${after.pausedDays - before.pausedDays}` : '';
        return seeOther(reply, `/plan-builder/${id}?changed=${action}${moved}#lifecycle`);
      } catch (error) {
        errors.push(...refusal(error, action === 'close' ? 'closedReason' : 'confirm', 'planBuilder.errors.refused'));
      }
    }
    return this.statusPage(req, reply, id, action, { pausedReason, closedReason }, errors, 400);
  }

  @Post('items/:itemId/progress')
  progress(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('itemId') itemId: string, @Body() body: unknown) {
    const status = field(body, 'status') as (typeof ITEM_PROGRESS)[number];
    if (!ITEM_PROGRESS.includes(status)) throw Problem.invalidField('status', 'planItems.progressByHand');
    return this.itemChange(req, reply, id, itemId, body, [], () => this.items.update(req.web.principal!, id, itemId, { status }));
  }

  @Post('items/:itemId/due')
  due(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('itemId') itemId: string, @Body() body: unknown) {
    const dueDate = field(body, 'dueDate').trim();
    const errors: FieldErrors = isCalendarDate(dueDate) ? [] : [{ field: `dueDate-${itemId}`, key: 'planBuilder.errors.dueDate' }];
    return this.itemChange(req, reply, id, itemId, body, errors, () => this.items.update(req.web.principal!, id, itemId, { dueDate }));
  }

  private async itemChange(req: WebRequest, reply: FastifyReply, id: string, itemId: string, body: unknown, errors: FieldErrors, run: () => Promise<unknown>) {
    const filter = catalogueFilter(body);
    if (!errors.length) {
      try {
        await run();
        return this.page.done(req, reply, id, filter, `#item-${itemId}`);
      } catch (error) {
        errors = refusal(error, `item-${itemId}`, 'planBuilder.errors.refused');
      }
    }
    return this.page.render(req, reply, id, filter, errors, 400);
  }

  private action(action: string) {
    if (!Object.hasOwn(ACTIONS, action)) throw Problem.notFound('page');
    return ACTIONS[action];
  }

  private async statusPage(req: WebRequest, reply: FastifyReply, id: string, action: string, values: object, errors: FieldErrors = [], status = 200) {
    const known = this.action(action);
    const view = await this.reader.read(req.web.principal!, id);
    if (!(await this.reader.mayEdit(req.web.principal!, id))) throw Problem.forbidden();
    return render(req, reply, 'plan-builder/status', {
      action,
      allowed: known.from.includes(view.plan.status),
      plan: view.plan,
      hire: view.hire,
      reasons: CLOSED_REASONS,
      values,
      errors: formErrors(errors, req.web),
    }, status);
  }
}
