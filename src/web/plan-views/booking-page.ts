import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { Problem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
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

type Choice = Awaited<ReturnType<BookingChoices['open']>>[number];

/** "Choose a session" for one lecture item: the plan through PlanReader (scoped), the booking through BookingService. */
@Injectable()
export class BookingPage {
  constructor(
    private readonly reader: PlanReader,
    private readonly choices: BookingChoices,
    private readonly config: AppConfig,
  ) {}

  async show(req: WebRequest, reply: FastifyReply, ctx: BookingContext, errors: FieldErrors = [], status = 200, confirm?: { sessionId: string; warnings: string[] }) {
    const { item, hire } = await this.item(req, ctx);
    const all = item.lectureId ? await this.choices.open(item.lectureId) : [];
    const sessions = all.map((s) => ({ ...s, warnings: this.warnings(s, hire.employmentStart, item.dueDate) }));
    const own = hire.id === req.web.principal!.id;
    return render(
      req,
      reply,
      'plan-views/book',
      {
        item,
        hire,
        own,
        sessions: sessions.filter((s) => !s.closed),
        closed: sessions.filter((s) => s.closed),
        bookable: this.choices.bookable(item),
        confirm,
        ...ctx,
        errors: formErrors(errors, req.web),
      },
      status,
    );
  }

  /**
   * Books the chosen session. A session before the hire's first day or after the item's due date
   * is booked only after the page has said so and the person has chosen "book anyway".
   */
  async book(req: WebRequest, reply: FastifyReply, body: unknown, ctx: BookingContext) {
    const { item, hire } = await this.item(req, ctx);
    const sessionId = field(body, 'sessionId');
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return this.show(req, reply, ctx, [{ field: 'sessionId', key: 'booking.errors.choose' }], 400);
    const chosen = item.lectureId ? (await this.choices.open(item.lectureId)).find((s) => s.id === sessionId) : undefined;
    const warnings = chosen ? this.warnings(chosen, hire.employmentStart, item.dueDate) : [];
    if (warnings.length && field(body, 'confirm') !== 'yes') return this.show(req, reply, ctx, [], 200, { sessionId, warnings });
    let place: { status: string; waitlistPosition: number | null };
    try {
      place = await this.choices.book(req.web.principal!, sessionId, hire.id, item.id);
    } catch (error) {
      return this.show(req, reply, ctx, refusal(error, 'sessionId', 'booking.errors.refused'), 409);
    }
    const outcome = place.status === 'waitlisted' ? `waitlisted=${place.waitlistPosition ?? ''}` : 'booked=1';
    return seeOther(reply, `${ctx.back}?${outcome}#item-${item.id}`);
  }

  cancel(req: WebRequest, enrolmentId: string) {
    return this.choices.cancel(req.web.principal!, enrolmentId);
  }

  /** What to say before booking: the session is before the hire's first day, or after the item is due. */
  private warnings(session: Choice, employmentStart: string | null, dueDate: string | null): string[] {
    const day = DateTime.fromJSDate(session.startsAt, { zone: this.config.timeZone }).toISODate()!;
    return [...(employmentStart && day < employmentStart ? ['beforeStart'] : []), ...(dueDate && day > dueDate ? ['afterDue'] : [])];
  }

  private async item(req: WebRequest, ctx: BookingContext) {
    const view = await this.reader.read(req.web.principal!, ctx.planId);
    const item = view.items.find((i) => i.id === ctx.itemId);
    if (!item) throw Problem.notFound('planItem');
    return { item, hire: view.hire };
  }
}
