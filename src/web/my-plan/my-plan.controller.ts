import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { Problem } from '../../common/problem';
import { CalendarTokensService } from '../../calendar/feeds/calendar-tokens.service';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import type { WebRequest } from '../web-request';
import { confirmCancelPlace, confirmPage } from '../confirm';
import { BookingChoices, bookingOutcome } from '../plan-views/booking';
import { PlanReader } from '../plan-views/plan-reader';
import { refusal } from '../refusals';
import { BookingPage } from '../plan-views/booking-page';
import { byTerm } from '../plan-views/plan-time';
import { MyMeetings } from './my-meetings';
import { MyPlan } from './my-plan.page';

/** The new hire's two years: timeline by term, next up, booking own items, the calendar subscription. */
@WebController('my-plan')
@Roles('newhire')
export class MyPlanController {
  constructor(
    private readonly myPlan: MyPlan,
    private readonly booking: BookingPage,
    private readonly choices: BookingChoices,
    private readonly calendar: CalendarTokensService,
    private readonly meetings: MyMeetings,
    private readonly reader: PlanReader,
  ) {}

  @Get()
  show(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query() query: Record<string, unknown>) {
    const booking = bookingOutcome(query);
    const notice = booking?.outcome ?? ['cancelled', 'rotated', 'evaluated', 'programme'].find((key) => query[key] !== undefined) ?? null;
    return this.page(req, reply, notice, [], 200, booking?.position);
  }

  @Get('items/:itemId/book')
  async choose(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam('itemId') itemId: string) {
    return this.booking.show(req, reply, await this.context(req, itemId));
  }

  @Post('items/:itemId/book')
  async book(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam('itemId') itemId: string, @Body() body: unknown) {
    return this.booking.book(req, reply, body, await this.context(req, itemId));
  }

  @Get('places/:enrolmentId/cancel')
  async confirmCancel(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam('enrolmentId') enrolmentId: string) {
    const planId = await this.myPlan.currentId(req.web.principal!);
    if (!planId) throw Problem.notFound('plan');
    return confirmCancelPlace(this.reader, req, reply, planId, enrolmentId, `/my-plan/places/${enrolmentId}/cancel`, '/my-plan');
  }

  @Post('places/:enrolmentId/cancel')
  async cancel(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam('enrolmentId') enrolmentId: string) {
    try {
      await this.choices.cancel(req.web.principal!, enrolmentId);
    } catch (error) {
      return this.page(req, reply, null, refusal(error, 'timeline', 'booking.errors.refused'), 409);
    }
    return seeOther(reply, '/my-plan?cancelled=1');
  }

  /** A new feed address (CalendarTokensService.rotate, as POST /api/me/calendar/rotate): the old one stops at once. */
  @Get('calendar/rotate')
  confirmRotate(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    return confirmPage(req, reply, 'rotateCalendar', '/my-plan/calendar/rotate', '/my-plan#calendar');
  }

  @Post('calendar/rotate')
  async rotate(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    await this.calendar.rotate(req.web.principal!);
    return seeOther(reply, '/my-plan?rotated=1#calendar');
  }

  private async context(req: WebRequest, itemId: string) {
    const planId = await this.myPlan.currentId(req.web.principal!);
    if (!planId) throw Problem.notFound('plan');
    return { planId, itemId, action: `/my-plan/items/${itemId}/book`, back: '/my-plan' };
  }

  private async page(req: WebRequest, reply: FastifyReply, notice: string | null, errors: FieldErrors = [], status = 200, position = 0) {
    const principal = req.web.principal!;
    const view = await this.myPlan.view(principal);
    const links = await this.calendar.links(principal);
    const calendar = {
      ...links,
      google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(links.webcalUrl)}`,
      outlook: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(links.url)}&name=Lots`,
    };
    const data = view
      ? {
          plan: view.plan,
          figures: view.figures,
          terms: this.myPlan.terms(view, view.items.map((i) => ({ ...i, bookable: this.choices.bookable(i) }))),
          nextUp: this.myPlan.nextUp(view),
          programme: await this.myPlan.programmeEvaluation(view),
          waitlist: view.items.filter((i) => i.enrolment?.status === 'waitlisted' && !i.enrolment.started),
        }
      : {};
    const meetings = await this.meetings.of(principal);
    return render(req, reply, 'my-plan/my-plan', { ...data, meetings, calendar, notice, position, errors: formErrors(errors, req.web) }, status);
  }
}
