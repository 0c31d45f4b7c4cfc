import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { isCalendarDate } from '../../common/time';
import { PlanItemsService } from '../../plans/plan-items/plan-items.service';
import { FieldErrors } from '../forms';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';
import { refusal } from '../refusals';
import { BookingPage } from '../plan-views/booking-page';
import { PlanReader } from '../plan-views/plan-reader';
import { confirmCancelPlace, confirmPage } from '../confirm';
import { Problem } from '../../common/problem';
import { catalogueFilter, PlanBuilderPage, UUID } from './plan-builder.page';

/** Adding, waiving and removing plan items (PlanItemsService, as the API) and booking a session for one (BookingService). */
@WebController('plan-builder/:id')
@Roles('introducer', 'manager')
export class PlanItemsController {
  constructor(
    private readonly page: PlanBuilderPage,
    private readonly items: PlanItemsService,
    private readonly booking: BookingPage,
    private readonly reader: PlanReader,
  ) {}

  @Post('items')
  async add(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    const [lectureId, title, dueDate] = ['lectureId', 'title', 'dueDate'].map((name) => field(body, name).trim());
    const errors: FieldErrors = [];
    if (!lectureId) {
      if (!title) errors.push({ field: 'title', key: 'planBuilder.errors.title' });
      else if (title.length > 300) errors.push({ field: 'title', key: 'planBuilder.errors.titleLength' });
      if (dueDate && !isCalendarDate(dueDate)) errors.push({ field: 'dueDate', key: 'planBuilder.errors.dueDate' });
    } else if (!UUID.test(lectureId)) errors.push({ field: 'title', key: 'planBuilder.errors.lecture' });
    const dto = lectureId ? { lectureId } : { kind: 'activity' as const, title, ...(dueDate ? { dueDate } : {}) };
    return this.change(req, reply, id, body, errors, 'items', () => this.items.create(req.web.principal!, id, dto));
  }

  @Post('items/:itemId/waive')
  waive(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('itemId') itemId: string, @Body() body: unknown) {
    const reason = field(body, 'waivedReason').trim();
    const errors: FieldErrors = reason && reason.length <= 500 ? [] : [{ field: `waivedReason-${itemId}`, key: 'planBuilder.errors.waivedReason' }];
    return this.change(req, reply, id, body, errors, `item-${itemId}`, () => this.items.update(req.web.principal!, id, itemId, { status: 'waived', waivedReason: reason }));
  }

  @Post('items/:itemId/restore')
  restore(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('itemId') itemId: string, @Body() body: unknown) {
    return this.change(req, reply, id, body, [], `item-${itemId}`, () => this.items.update(req.web.principal!, id, itemId, { status: 'planned' }));
  }

  @Get('items/:itemId/remove')
  async confirmRemove(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('itemId') itemId: string) {
    const view = await this.reader.read(req.web.principal!, id);
    const item = view.items.find((i) => i.id === itemId);
    if (!item) throw Problem.notFound('planItem');
    return confirmPage(req, reply, 'removeItem', `/plan-builder/${id}/items/${itemId}/remove`, `/plan-builder/${id}#item-${itemId}`, { title: item.title, name: view.hire.name });
  }

  @Post('items/:itemId/remove')
  remove(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('itemId') itemId: string, @Body() body: unknown) {
    return this.change(req, reply, id, body, [], 'items', () => this.items.remove(req.web.principal!, id, itemId));
  }

  @Get('items/:itemId/book')
  choose(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('itemId') itemId: string) {
    return this.booking.show(req, reply, { planId: id, itemId, action: `/plan-builder/${id}/items/${itemId}/book`, back: `/plan-builder/${id}` });
  }

  @Post('items/:itemId/book')
  book(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('itemId') itemId: string, @Body() body: unknown) {
    return this.booking.book(req, reply, body, { planId: id, itemId, action: `/plan-builder/${id}/items/${itemId}/book`, back: `/plan-builder/${id}` });
  }

  @Get('places/:enrolmentId/cancel')
  confirmCancel(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('enrolmentId') enrolmentId: string) {
    return confirmCancelPlace(this.reader, req, reply, id, enrolmentId, `/plan-builder/${id}/places/${enrolmentId}/cancel`, `/plan-builder/${id}`);
  }

  @Post('places/:enrolmentId/cancel')
  async cancel(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @IdParam('enrolmentId') enrolmentId: string, @Body() body: unknown) {
    return this.change(req, reply, id, body, [], 'items', () => this.booking.cancel(req, enrolmentId));
  }

  /** Runs a change; on success back to the plan (see-other), else the plan again with the refusal in the error summary. */
  private async change(req: WebRequest, reply: FastifyReply, id: string, body: unknown, errors: FieldErrors, anchor: string, run: () => Promise<unknown>) {
    const filter = catalogueFilter(body);
    if (!errors.length) {
      try {
        await run();
        return this.page.done(req, reply, id, filter, `#${anchor}`);
      } catch (error) {
        errors = refusal(error, anchor === 'items' ? 'title' : anchor, 'planBuilder.errors.refused');
      }
    }
    return this.page.render(req, reply, id, filter, errors, 400);
  }
}
