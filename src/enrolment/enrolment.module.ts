import { Module } from '@nestjs/common';
import { AttendanceService } from './enrolments/attendance.service';
import { BookingService } from './enrolments/booking.service';
import { EnrolmentsController } from './enrolments/enrolments.controller';
import { PlanItemSync } from './enrolments/plan-item-sync';
import { RosterService } from './enrolments/roster.service';
import { SessionCancelService } from './sessions/session-cancel.service';
import { SessionEnrolmentsController } from './sessions/session-enrolments.controller';

@Module({
  controllers: [SessionEnrolmentsController, EnrolmentsController],
  providers: [BookingService, AttendanceService, RosterService, SessionCancelService, PlanItemSync],
  exports: [AttendanceService, RosterService, SessionCancelService],
})
export class EnrolmentModule {}
