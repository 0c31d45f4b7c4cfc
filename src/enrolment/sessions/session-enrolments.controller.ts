import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { sendCsv } from '../../common/csv';
import { IdParam } from '../../common/id-param';
import { BookingService } from '../enrolments/booking.service';
import { ROSTER_CSV, RosterService } from '../enrolments/roster.service';
import { CancelSessionDto, CreateEnrolmentDto, EnrolmentResponse, RosterQuery } from '../enrolments/dto/enrolment.dto';
import { SessionCancelService } from './session-cancel.service';

@ApiTags('enrolment')
@ApiBearerAuth()
@Controller('sessions/:id')
export class SessionEnrolmentsController {
  constructor(
    private readonly booking: BookingService,
    private readonly rosters: RosterService,
    private readonly sessions: SessionCancelService,
  ) {}

  @Post('enrolments')
  @Roles('coordinator', 'introducer', 'manager', 'newhire')
  @ApiCreatedResponse({ type: EnrolmentResponse, description: 'booked, or waitlisted with waitlistPosition when full' })
  book(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateEnrolmentDto) {
    return this.booking.book(user, id, dto);
  }

  @Get('enrolments')
  @Roles('coordinator', 'lecturer', 'introducer', 'manager')
  @ApiOkResponse({ description: 'the roster; ?format=csv gives name,email,unit,status,waitlistPosition,attendance,bookedAt' })
  async roster(@CurrentUser() user: Principal, @IdParam() id: string, @Query() query: RosterQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const rows = await this.rosters.roster(user, id, query.includeCancelled === 'true');
    if (query.format === 'csv') return sendCsv(reply, `roster-${id}.csv`, rows, ROSTER_CSV);
    return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length, limit: query.limit, offset: query.offset };
  }

  @Post('cancel')
  @Roles('coordinator')
  @HttpCode(200)
  cancel(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CancelSessionDto) {
    return this.sessions.cancel(user, id, dto);
  }
}
