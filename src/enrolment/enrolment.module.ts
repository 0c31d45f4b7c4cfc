import { Module } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { AttendanceService } from './enrolments/attendance.service';
import { BookingService } from './enrolments/booking.service';
import { EnrolmentsController } from './enrolments/enrolments.controller';
import { PlanItemSync } from './enrolments/plan-item-sync';
import { RosterService } from './enrolments/roster.service';
import { SessionCancelService } from './sessions/session-cancel.service';
import { SessionEnrolmentsController } from './sessions/session-enrolments.controller';

@Module({
  imports: [NoticesModule],
  controllers: [SessionEnrolmentsController, EnrolmentsController],
  providers: [BookingService, AttendanceService, RosterService, SessionCancelService, PlanItemSync],
  exports: [BookingService, AttendanceService, RosterService, SessionCancelService],
})
export class EnrolmentModule {}
