import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Problem } from '../../common/problem';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { field, WebRequest } from '../web-request';
import { BookingChoices } from './booking';
import { refusal } from '../refusals';
import { PlanReader } from './plan-reader';

export interface BookingContext {
  planId: string;
  itemId: string;
  /** Where the form posts, and the page to go back to. */
  action: string;
  back: string;
}

/** "Choose a session" for one lecture item: the plan through PlanReader (scoped), the booking through BookingService. */
@Injectable()
export class BookingPage {
  constructor(
    private readonly reader: PlanReader,
    private readonly choices: BookingChoices,
  ) {}

  async show(req: WebRequest, reply: FastifyReply, ctx: BookingContext, errors: FieldErrors = [], status = 200) {
    const { item, hire } = await this.item(req, ctx);
    const sessions = item.lectureId ? await this.choices.open(item.lectureId) : [];
    const own = hire.id === req.web.principal!.id;
    return render(req, reply, 'plan-views/book', { item, hire, own, sessions, bookable: this.choices.bookable(item), ...ctx, errors: formErrors(errors, req.web) }, status);
  }

  async book(req: WebRequest, reply: FastifyReply, body: unknown, ctx: BookingContext) {
    const { item, hire } = await this.item(req, ctx);
    const sessionId = field(body, 'sessionId');
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return this.show(req, reply, ctx, [{ field: 'sessionId', key: 'booking.errors.choose' }], 400);
    try {
      await this.choices.book(req.web.principal!, sessionId, hire.id, item.id);
    } catch (error) {
      return this.show(req, reply, ctx, refusal(error, 'sessionId', 'booking.errors.refused'), 409);
    }
    return seeOther(reply, `${ctx.back}?booked=${item.id}#item-${item.id}`);
  }

  cancel(req: WebRequest, enrolmentId: string) {
    return this.choices.cancel(req.web.principal!, enrolmentId);
  }

  private async item(req: WebRequest, ctx: BookingContext) {
    const view = await this.reader.read(req.web.principal!, ctx.planId);
    const item = view.items.find((i) => i.id === ctx.itemId);
    if (!item) throw Problem.notFound('planItem');
    return { item, hire: view.hire };
  }
}
