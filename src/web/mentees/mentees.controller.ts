import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { PageQuery } from '../../common/pagination';
import { Problem } from '../../common/problem';
import { formatInstant, fromLocalTime, isCalendarDate } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { MeetingsService } from '../../mentorship/meetings/meetings.service';
import { MentorshipsService } from '../../mentorship/mentorships/mentorships.service';
import { MentorshipQuery } from '../../mentorship/mentorships/dto/mentorship.dto';
import { PeopleService } from '../../people/people/people.service';
import { PlansService } from '../../plans/plans/plans.service';
import { PlanQuery } from '../../plans/plans/dto/plan.dto';
import { OPEN_PLAN_STATUSES } from '../../plans/plans/plan.entity';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';
import { refusal } from '../refusals';
import { PlanReader } from '../plan-views/plan-reader';

const ALL_MEETINGS = Object.assign(new PageQuery(), { limit: 500 });
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A mentor's mentees (MentorshipsService, PlansService, MeetingsService: the API's scope) and logging a meeting. */
@WebController('mentees')
@Roles('mentor')
export class MenteesController {
  constructor(
    private readonly mentorships: MentorshipsService,
    private readonly meetings: MeetingsService,
    private readonly people: PeopleService,
    private readonly plans: PlansService,
    private readonly reader: PlanReader,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const principal = req.web.principal!;
    const { items } = await this.mentorships.list(principal, Object.assign(new MentorshipQuery(), { mentorId: principal.id, active: 'true', limit: 100 }));
    const now = Date.now();
    const rows = await Promise.all(
      items.map(async (m) => {
        const [mentee, meetings, plan] = await Promise.all([this.people.get(principal, m.menteeId), this.meetings.list(principal, m.id, ALL_MEETINGS), this.openPlan(req, m.menteeId)]);
        const upcoming = meetings.items.filter((x) => Date.parse(x.endsAt) > now);
        return { mentorship: m, mentee, plan, upcoming: upcoming.slice(0, 3), meetingCount: meetings.total };
      }),
    );
    const figures = await this.reader.figures(rows.flatMap((r) => (r.plan ? [r.plan.id] : [])));
    return render(req, reply, 'mentees/mentees', { rows: rows.map((r) => ({ ...r, figures: r.plan ? figures.get(r.plan.id) : null })) });
  }

  @Get(':id')
  show(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string) {
    return this.page(req, reply, id, {});
  }

  @Post(':id/meetings')
  async log(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    const values = Object.fromEntries(['date', 'startTime', 'endTime', 'location', 'notes'].map((name) => [name, field(body, name).trim()]));
    const errors: FieldErrors = [];
    const dated = isCalendarDate(values.date);
    if (!dated) errors.push({ field: 'date', key: 'mentees.errors.date' });
    // Read in the programme zone as the schedule form and the CSV import do: a time the spring change skips is refused.
    const [startsAt, endsAt] = (['startTime', 'endTime'] as const).map((name) => {
      const at = !TIME.test(values[name]) ? 'invalid' : dated ? fromLocalTime(`${values.date}T${values[name]}`, this.config.timeZone) : null;
      if (at === 'invalid' || at === 'skipped') errors.push({ field: name, key: at === 'invalid' ? 'mentees.errors.time' : 'forms.skippedTime' });
      return at instanceof Date ? at : null;
    });
    if (startsAt && endsAt && endsAt <= startsAt) errors.push({ field: 'endTime', key: 'mentees.errors.order' });
    if (values.location.length > 300) errors.push({ field: 'location', key: 'mentees.errors.location' });
    if (values.notes.length > 10000) errors.push({ field: 'notes', key: 'mentees.errors.notes' });
    if (startsAt && endsAt && !errors.length) {
      try {
        const zone = this.config.timeZone;
        await this.meetings.create(req.web.principal!, id, { startsAt: formatInstant(startsAt, zone), endsAt: formatInstant(endsAt, zone), location: values.location || null, notes: values.notes || null });
        return seeOther(reply, `/mentees/${id}?logged=1`);
      } catch (error) {
        errors.push(...refusal(error, 'date', 'mentees.errors.refused'));
      }
    }
    return this.page(req, reply, id, values, errors, 400);
  }

  private async page(req: WebRequest, reply: FastifyReply, id: string, values: Record<string, string>, errors: FieldErrors = [], status = 200) {
    const principal = req.web.principal!;
    const mentorship = await this.mentorships.get(principal, id);
    if (mentorship.mentorId !== principal.id) throw Problem.notFound('mentorship');
    const [mentee, meetings] = await Promise.all([this.people.get(principal, mentorship.menteeId), this.meetings.list(principal, id, ALL_MEETINGS)]);
    const now = Date.now();
    const logged = (req.query as Record<string, unknown>).logged !== undefined;
    return render(
      req,
      reply,
      'mentees/mentorship',
      {
        mentorship,
        mentee,
        upcoming: meetings.items.filter((m) => Date.parse(m.endsAt) > now),
        past: meetings.items.filter((m) => Date.parse(m.endsAt) <= now).reverse(),
        values,
        logged,
        errors: formErrors(errors, req.web),
      },
      status,
    );
  }

  private async openPlan(req: WebRequest, menteeId: string) {
    const { items } = await this.plans.list(req.web.principal!, Object.assign(new PlanQuery(), { newHireId: menteeId, limit: 20 }));
    return items.find((p) => OPEN_PLAN_STATUSES.includes(p.status)) ?? items[0] ?? null;
  }
}
