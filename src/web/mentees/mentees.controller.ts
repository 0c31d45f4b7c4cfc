import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { Problem } from '../../common/problem';
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
import type { WebRequest } from '../web-request';
import { refusal } from '../refusals';
import { PlanReader } from '../plan-views/plan-reader';
import { meetingDto, meetingErrors, MeetingValues, postedMeeting } from './meeting-form';
import { ALL_MEETINGS, OwnMentorship } from './own-mentorship';

/** What the mentorship page confirms after a change (?logged=1 and so on). */
const NOTICES = ['logged', 'changed', 'deleted'];

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
    private readonly own: OwnMentorship,
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
    const values = postedMeeting(body);
    const errors = meetingErrors(values, this.config.timeZone);
    if (!errors.length) {
      try {
        await this.meetings.create(req.web.principal!, id, meetingDto(values, this.config.timeZone));
        return seeOther(reply, `/mentees/${id}?logged=1`);
      } catch (error) {
        errors.push(...refusal(error, 'date', 'mentees.errors.refused'));
      }
    }
    return this.page(req, reply, id, values, errors, 400);
  }

  private async page(req: WebRequest, reply: FastifyReply, id: string, values: Partial<MeetingValues>, errors: FieldErrors = [], status = 200) {
    const { mentorship, mentee, meetings } = await this.own.read(req.web.principal!, id);
    const now = Date.now();
    const query = req.query as Record<string, unknown>;
    return render(
      req,
      reply,
      'mentees/mentorship',
      {
        mentorship,
        mentee,
        upcoming: meetings.filter((m) => Date.parse(m.endsAt) > now),
        past: meetings.filter((m) => Date.parse(m.endsAt) <= now).reverse(),
        values,
        notice: NOTICES.find((key) => query[key] !== undefined) ?? null,
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
