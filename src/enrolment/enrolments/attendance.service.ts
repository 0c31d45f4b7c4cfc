import { Injectable } from '@nestjs/common';
import { NoticesService } from '../../notices/notices.service';
import { AuditService } from '../../audit/audit.service';
import { hasRole, Principal } from '../../auth/principal';
import { Problem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Session } from '../../catalogue/sessions/session.entity';
import { Enrolment } from './enrolment.entity';
import { isLecturerOf } from './enrolment-access';
import { ITEM_STATUS_FOR_ATTENDANCE, PlanItemSync } from './plan-item-sync';
import { AttendanceDto, toEnrolmentResponse } from './dto/enrolment.dto';

@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly items: PlanItemSync,
    private readonly notices: NoticesService,
  ) {}

  /** Coordinators, or a lecturer of the session, once it has started; may be corrected later. */
  record(actor: Principal, id: string, dto: AttendanceDto) {
    return this.db.write(async (em) => {
      const enrolment = await em.findOneBy(Enrolment, { id });
      if (!enrolment) throw Problem.notFound('enrolment');
      if (!hasRole(actor, 'coordinator') && !(await isLecturerOf(em, actor.id, enrolment.sessionId))) throw Problem.notFound('enrolment');
      const session = (await em.findOneBy(Session, { id: enrolment.sessionId }))!;
      const now = new Date();
      if (session.startsAt > now) throw Problem.conflict('enrolments.attendanceBeforeStart');
      if (enrolment.status !== 'booked') throw Problem.conflict('enrolments.attendanceNotBooked', { status: enrolment.status });
      const patch = { attendance: dto.attendance, attendanceRecordedAt: now, attendanceRecordedBy: actor.id };
      await this.audit.updated(em, actor, 'enrolment', id, enrolment, { attendance: dto.attendance }, { subjectPersonId: enrolment.personId });
      Object.assign(enrolment, patch);
      await em.update(Enrolment, { id }, patch);
      const completedAt = dto.attendance === 'attended' ? new Date(Math.min(now.getTime(), session.endsAt.getTime())) : null;
      await this.items.follow(em, actor, enrolment, ITEM_STATUS_FOR_ATTENDANCE[dto.attendance], completedAt);
      await this.notices.attendanceRecorded(em, { enrolment, session });
      return toEnrolmentResponse(enrolment, null, this.config.timeZone);
    });
  }
}
