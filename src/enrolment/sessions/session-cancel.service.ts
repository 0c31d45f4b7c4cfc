import { Injectable } from '@nestjs/common';
import { NoticesService } from '../../notices/notices.service';
import { In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../auth/principal';
import { Problem } from '../../common/problem';
import { formatInstant } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Session } from '../../catalogue/sessions/session.entity';
import { BookingService } from '../enrolments/booking.service';
import { Enrolment } from '../enrolments/enrolment.entity';
import { PlanItemSync } from '../enrolments/plan-item-sync';
import { lockSession } from '../enrolments/seats';
import { CancelSessionDto } from '../enrolments/dto/enrolment.dto';

@Injectable()
export class SessionCancelService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly booking: BookingService,
    private readonly items: PlanItemSync,
    private readonly notices: NoticesService,
  ) {}

  /** Cancels the session and every place in it; the plan items those places held go back to planned. */
  cancel(actor: Principal, id: string, dto: CancelSessionDto) {
    return this.db.write(async (em) => {
      const session = await lockSession(em, this.db, id);
      if (session.status === 'cancelled') throw Problem.conflict('sessions.alreadyCancelled');
      if (session.endsAt.getTime() <= Date.now()) throw Problem.conflict('sessions.alreadyTookPlace');
      const places = await em.find(Enrolment, { where: { sessionId: id, status: In(['booked', 'waitlisted']) } });
      for (const place of places) {
        const wasBooked = place.status === 'booked';
        await this.booking.markCancelled(em, actor, place);
        if (wasBooked) await this.items.follow(em, actor, place, 'planned');
      }
      const patch = { status: 'cancelled' as const, cancelledReason: dto.reason, cancelledAt: new Date(), sequence: session.sequence + 1, bookedCount: 0 };
      await this.audit.updated(em, actor, 'session', id, session, patch);
      await em.update(Session, { id }, patch);
      await this.notices.sessionCancelled(em, id);
      return {
        id,
        status: patch.status,
        cancelledReason: patch.cancelledReason,
        cancelledAt: formatInstant(patch.cancelledAt, this.config.timeZone),
        sequence: patch.sequence,
        bookedCount: 0,
        cancelledEnrolments: places.length,
      };
    });
  }
}
