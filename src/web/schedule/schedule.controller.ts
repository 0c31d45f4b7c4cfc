import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { hasRole, Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { AppConfig } from '../../config/app-config';
import { LecturesService } from '../../catalogue/lectures/lectures.service';
import { LectureQuery } from '../../catalogue/lectures/dto/lecture.dto';
import { SessionReader } from '../../catalogue/sessions/session-reader';
import { SessionsService } from '../../catalogue/sessions/sessions.service';
import { CreateSessionDto, SessionQuery, SessionResponse, toSessionResponse, UpdateSessionDto } from '../../catalogue/sessions/dto/session.dto';
import { ThemesService } from '../../catalogue/themes/themes.service';
import { VenuesService } from '../../catalogue/venues/venues.service';
import { serviceErrors, validateDto } from '../catalogue/dto-form';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';
import { monthGrid, monthStart } from './month-grid';
import { ScheduleAccess } from './schedule-access';
import { ScheduleQuery } from './schedule-query';
import { scheduleInput, sessionDetails, sessionValues, SLOT_ROWS } from './session-form';

const ALL = { limit: 500, offset: 0 };

/** Sessions as a month calendar and a list; coordinators schedule, reschedule and cancel (the API's services and rules). */
@WebController('schedule')
export class ScheduleController {
  constructor(
    private readonly reader: SessionReader,
    private readonly sessions: SessionsService,
    private readonly lectures: LecturesService,
    private readonly themes: ThemesService,
    private readonly venues: VenuesService,
    private readonly access: ScheduleAccess,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles('coordinator', 'lecturer')
  async month(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query() query: ScheduleQuery) {
    const zone = this.config.timeZone;
    const first = monthStart(query.month, zone);
    const sessions = await this.monthSessions(req.web.principal!, query, first.toISODate()!, first.endOf('month').toISODate()!);
    const [themes, lectures, venueNames] = await Promise.all([this.themes.list(ALL), this.lectures.search(ALL as LectureQuery, false), this.venueNames()]);
    const link = (month: string) => `/schedule?${new URLSearchParams({ ...(query.themeId ? { themeId: query.themeId } : {}), ...(query.lectureId ? { lectureId: query.lectureId } : {}), month })}`;
    return render(req, reply, 'schedule/month', {
      query,
      month: first.toFormat('yyyy-MM'),
      monthName: first.setLocale(req.web.lang === 'sv' ? 'sv-SE' : 'en-GB').toFormat('LLLL yyyy'),
      previous: link(first.minus({ months: 1 }).toFormat('yyyy-MM')),
      next: link(first.plus({ months: 1 }).toFormat('yyyy-MM')),
      weeks: monthGrid(first, sessions, zone),
      sessions: sessions.map((s) => ({ ...s, venueName: s.venueId ? venueNames.get(s.venueId) : null })),
      themes: themes.items,
      lectures: lectures.rows.map((r) => r.lecture),
      mayEdit: hasRole(req.web.principal!, 'coordinator'),
    });
  }

  @Get('new')
  @Roles('coordinator')
  newSession(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query('lectureId') lectureId?: string) {
    return this.form(req, reply, null, sessionValues(null, this.config.timeZone, lectureId), []);
  }

  @Post('new')
  @Roles('coordinator')
  async create(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const schedule = scheduleInput(body, this.config.timeZone);
    const input = { lectureId: field(body, 'lectureId'), ...schedule.times, ...sessionDetails(body) };
    const { dto, errors } = await validateDto(CreateSessionDto, input, 'schedule', req.web.t, schedule.fieldOf);
    errors.unshift(...schedule.errors);
    if (!errors.length) {
      try {
        const session = await this.sessions.create(req.web.principal!, dto);
        return seeOther(reply, `/schedule/${session.id}?saved=created`);
      } catch (error) {
        errors.push(...serviceErrors(error, 'lectureId', schedule.fieldOf));
      }
    }
    return this.form(req, reply, null, body as Record<string, string>, errors, 400);
  }

  @Get(':id/edit')
  @Roles('coordinator')
  async edit(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string) {
    const session = await this.reader.get(id);
    return this.form(req, reply, session, sessionValues(session, this.config.timeZone), []);
  }

  @Post(':id/edit')
  @Roles('coordinator')
  async update(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    const session = await this.reader.get(id);
    const schedule = scheduleInput(body, this.config.timeZone);
    const { dto, errors } = await validateDto(UpdateSessionDto, { ...schedule.times, ...sessionDetails(body) }, 'schedule', req.web.t, schedule.fieldOf);
    errors.unshift(...schedule.errors);
    if (!errors.length) {
      try {
        await this.sessions.update(req.web.principal!, id, dto);
        return seeOther(reply, `/schedule/${id}?saved=updated`);
      } catch (error) {
        errors.push(...serviceErrors(error, 'date-0', schedule.fieldOf));
      }
    }
    return this.form(req, reply, session, body as Record<string, string>, errors, 400);
  }

  /** Lecturers see the sessions they teach; coordinators every session (filters as in GET /api/sessions). */
  private async monthSessions(principal: Principal, query: ScheduleQuery, from: string, to: string): Promise<SessionResponse[]> {
    const base = { ...ALL, from, to, themeId: query.themeId, lectureId: query.lectureId } as SessionQuery;
    const lecturerIds = hasRole(principal, 'coordinator') ? [undefined] : await this.access.lecturerIdsOf(principal.id);
    const found = await Promise.all(lecturerIds.map((lecturerId) => this.reader.search({ ...base, lecturerId } as SessionQuery, false)));
    const views = [...new Map(found.flatMap((f) => f.views).map((v) => [v.session.id, v])).values()];
    return views.sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime()).map((v) => toSessionResponse(v, this.config.timeZone));
  }

  private async venueNames(): Promise<Map<string, string>> {
    return new Map((await this.venues.list(ALL)).items.map((v) => [v.id, v.name]));
  }

  private async form(req: WebRequest, reply: FastifyReply, session: SessionResponse | null, values: Record<string, string>, errors: FieldErrors, status = 200) {
    const [lectures, venues] = await Promise.all([this.lectures.search({ ...ALL, active: true } as LectureQuery, false), this.venues.list({ ...ALL, active: true })]);
    const filled = Array.from({ length: SLOT_ROWS }, (_, i) => i).filter((i) => values[`date-${i}`] || values[`start-${i}`] || values[`end-${i}`]);
    const rows = Array.from({ length: Math.min(SLOT_ROWS, Math.max(2, (filled.at(-1) ?? -1) + 2)) }, (_, i) => i);
    return render(req, reply, 'schedule/session-form', { session, values, rows, lectures: lectures.rows.map((r) => r.lecture), venues: venues.items, errors: formErrors(errors, req.web) }, status);
  }
}
