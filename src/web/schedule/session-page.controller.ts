import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators';
import { hasRole } from '../../auth/principal';
import { sendCsv } from '../../common/csv';
import { IdParam } from '../../common/id-param';
import { LecturersService } from '../../catalogue/lecturers/lecturers.service';
import { SessionReader } from '../../catalogue/sessions/session-reader';
import { VenuesService } from '../../catalogue/venues/venues.service';
import { AttendanceService } from '../../enrolment/enrolments/attendance.service';
import { ROSTER_CSV, RosterService } from '../../enrolment/enrolments/roster.service';
import { SessionCancelService } from '../../enrolment/sessions/session-cancel.service';
import { AttendanceDto, CancelSessionDto } from '../../enrolment/enrolments/dto/enrolment.dto';
import { serviceErrors, validateDto } from '../catalogue/dto-form';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';
import { ScheduleAccess } from './schedule-access';
import { ScheduleQuery } from './schedule-query';

/** One session: roster, attendance, waitlist, CSV; cancelling. Coordinators, and lecturers for the sessions they teach (others 404). */
@WebController('schedule/:id')
@Roles('coordinator', 'lecturer')
export class SessionPageController {
  constructor(
    private readonly reader: SessionReader,
    private readonly rosters: RosterService,
    private readonly attendance: AttendanceService,
    private readonly cancelling: SessionCancelService,
    private readonly lecturers: LecturersService,
    private readonly venues: VenuesService,
    private readonly access: ScheduleAccess,
  ) {}

  @Get()
  show(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Query() query: ScheduleQuery) {
    return this.page(req, reply, id, [], {}, query.saved ?? null);
  }

  @Get('roster.csv')
  async csv(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string) {
    await this.access.assertMayOpen(req.web.principal!, id);
    const rows = await this.rosters.roster(req.web.principal!, id, false);
    return reply.send(sendCsv(reply, `roster-${id}.csv`, rows, ROSTER_CSV));
  }

  /** One field per booked place (`a_<enrolment id>`); only changed ones are recorded, each through the API's service. */
  @Post('attendance')
  async mark(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    const principal = req.web.principal!;
    await this.access.assertMayOpen(principal, id);
    const errors: FieldErrors = [];
    for (const row of await this.rosters.roster(principal, id, false)) {
      const posted = field(body, `a_${row.id}`);
      if (row.status !== 'booked' || !posted || posted === row.attendance) continue;
      const toField = () => `a_${row.id}`;
      const { dto, errors: invalid } = await validateDto(AttendanceDto, { attendance: posted }, 'schedule', req.web.t, toField);
      if (invalid.length) errors.push(...invalid);
      else await this.attendance.record(principal, row.id, dto).catch((error) => errors.push(...serviceErrors(error, 'attendance', toField)));
    }
    if (!errors.length) return seeOther(reply, `/schedule/${id}?saved=attendance`);
    return this.page(req, reply, id, errors, body, null, 409);
  }

  @Post('cancel')
  @Roles('coordinator')
  async cancel(@Req() req: WebRequest, @Res() reply: FastifyReply, @IdParam() id: string, @Body() body: unknown) {
    const { dto, errors } = await validateDto(CancelSessionDto, { reason: field(body, 'reason').trim() }, 'schedule', req.web.t);
    if (!errors.length) {
      try {
        await this.cancelling.cancel(req.web.principal!, id, dto);
        return seeOther(reply, `/schedule/${id}?saved=cancelled`);
      } catch (error) {
        errors.push(...serviceErrors(error, 'reason'));
      }
    }
    return this.page(req, reply, id, errors, body, null, 400);
  }

  private async page(req: WebRequest, reply: FastifyReply, id: string, errors: FieldErrors, posted: unknown, saved: string | null, status = 200) {
    const principal = req.web.principal!;
    await this.access.assertMayOpen(principal, id);
    const [session, roster] = await Promise.all([this.reader.get(id), this.rosters.roster(principal, id, false)]);
    const [venue, lecturers] = await Promise.all([
      session.venueId ? this.venues.get(session.venueId) : null,
      Promise.all(session.lecturerIds.map((lecturerId) => this.lecturers.get(lecturerId))),
    ]);
    const now = Date.now();
    return render(
      req,
      reply,
      'schedule/session',
      {
        session,
        venue,
        lecturers,
        booked: roster.filter((r) => r.status === 'booked').map((r) => ({ ...r, marked: field(posted, `a_${r.id}`) || r.attendance })),
        waitlist: roster.filter((r) => r.status === 'waitlisted'),
        started: new Date(session.startsAt).getTime() <= now,
        mayCancel: hasRole(principal, 'coordinator') && session.status === 'scheduled' && new Date(session.endsAt).getTime() > now,
        mayEdit: hasRole(principal, 'coordinator') && session.status === 'scheduled',
        reason: field(posted, 'reason'),
        saved,
        errors: formErrors(errors, req.web),
      },
      status,
    );
  }
}
