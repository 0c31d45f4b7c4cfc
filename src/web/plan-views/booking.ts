import { Injectable } from '@nestjs/common';
import { Principal } from '../../auth/principal';
import { formatInstant } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { SessionReader } from '../../catalogue/sessions/session-reader';
import { SessionQuery } from '../../catalogue/sessions/dto/session.dto';
import { BookingService } from '../../enrolment/enrolments/booking.service';
import type { ItemView } from './plan-reader';

/** Where a booking left the person (from the page address after booking): booked, or number N on the waiting list. */
export function bookingOutcome(query: unknown): { outcome: 'booked' | 'waitlisted'; position: number } | null {
  const q = (query ?? {}) as Record<string, unknown>;
  if (q.waitlisted !== undefined) return { outcome: 'waitlisted', position: Math.max(0, Number.parseInt(String(q.waitlisted), 10) || 0) };
  return q.booked !== undefined ? { outcome: 'booked', position: 0 } : null;
}

/** Sessions of a lecture that can still be booked (same reader as GET /api/sessions), and booking one for a plan item. */
@Injectable()
export class BookingChoices {
  constructor(
    private readonly sessions: SessionReader,
    private readonly booking: BookingService,
    private readonly config: AppConfig,
  ) {}

  /** The lecture's future sessions; those past their enrolment deadline come with `closed` (shown with the deadline, not bookable). */
  async open(lectureId: string) {
    const query = Object.assign(new SessionQuery(), { lectureId, status: 'scheduled', from: formatInstant(new Date(), this.config.timeZone) });
    const { views } = await this.sessions.search(query, false);
    const now = Date.now();
    return views
      .filter((v) => v.session.startsAt.getTime() > now)
      .map((v) => ({
        deadline: v.session.enrolmentDeadline,
        closed: !!v.session.enrolmentDeadline && v.session.enrolmentDeadline.getTime() <= now,
        id: v.session.id,
        startsAt: v.session.startsAt,
        endsAt: v.session.endsAt,
        slots: v.slots.length,
        online: !!v.session.onlineUrl && !v.session.venueId,
        booked: v.session.bookedCount,
        capacity: v.session.capacity,
        full: v.session.bookedCount >= v.session.capacity,
        waitlist: v.waitlistCount,
      }));
  }

  /** Only lecture items that are not done, waived or already holding a place can be booked. */
  bookable(item: ItemView): boolean {
    return item.kind === 'lecture' && (item.status === 'planned' || item.status === 'missed') && (!item.enrolment || !!item.enrolment.attendance);
  }

  book(principal: Principal, sessionId: string, personId: string, planItemId: string) {
    return this.booking.book(principal, sessionId, { personId, planItemId });
  }

  cancel(principal: Principal, enrolmentId: string) {
    return this.booking.cancel(principal, enrolmentId);
  }
}
