import { Body, Controller, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { AttendanceService } from './attendance.service';
import { BookingService } from './booking.service';
import { AttendanceDto, EnrolmentResponse } from './dto/enrolment.dto';

@ApiTags('enrolment')
@ApiBearerAuth()
@Controller('enrolments/:id')
export class EnrolmentsController {
  constructor(
    private readonly booking: BookingService,
    private readonly attendance: AttendanceService,
  ) {}

  /** Frees the seat; the first on the waitlist is booked. */
  @Post('cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: EnrolmentResponse })
  cancel(@CurrentUser() user: Principal, @IdParam() id: string) {
    return this.booking.cancel(user, id);
  }

  @Put('attendance')
  @Roles('coordinator', 'lecturer')
  @ApiOkResponse({ type: EnrolmentResponse })
  record(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: AttendanceDto) {
    return this.attendance.record(user, id, dto);
  }
}
