import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../auth/principal';
import { Problem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Session } from '../../catalogue/sessions/session.entity';
import { PlanItem } from '../../plans/plan-items/plan-item.entity';
import { OPEN_PLAN_STATUSES } from '../../plans/plans/plan.entity';
import { NoticesService } from '../../notices/notices.service';
import { Enrolment } from './enrolment.entity';
import { assertMayBook, assertMayCancel } from './enrolment-access';
import { PlanItemSync } from './plan-item-sync';
import { freeSeat, lockSession, nextQueueNumber, takeSeat, waitlistPosition } from './seats';
import { CreateEnrolmentDto, toEnrolmentResponse } from './dto/enrolment.dto';

/** An item is held while a place linked to it is booked or waitlisted and not marked absent or excused. */
const NOT_HELD =
  "NOT EXISTS (SELECT 1 FROM enrolment held WHERE held.plan_item_id = pi.id AND held.status <> 'cancelled' " +
  "AND (held.attendance IS NULL OR held.attendance = 'attended'))";

/**
 * Booking and cancelling. Each runs in one transaction that first locks the session row, so
 * seats, waitlist order and plan items change together and never overbook.
 */
@Injectable()
export class BookingService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly items: PlanItemSync,
    private readonly notices: NoticesService,
  ) {}

  book(actor: Principal, sessionId: string, dto: CreateEnrolmentDto) {
    return this.db.write(async (em) => {
      const session = await lockSession(em, this.db, sessionId);
      const person = await assertMayBook(em, actor, session, dto.personId);
      this.assertOpenForBooking(session);
      if (await em.existsBy(Enrolment, { sessionId, personId: dto.personId, status: Not('cancelled') })) {
        throw Problem.conflict('enrolments.alreadyPlaced');
      }
      const item = await this.planItemFor(em, session, dto);
      const booked = await takeSeat(em, sessionId);
      const enrolment = em.create(Enrolment, {
        sessionId,
        personId: dto.personId,
        planItemId: item?.id ?? null,
        status: booked ? 'booked' : 'waitlisted',
        queueNumber: booked ? null : await nextQueueNumber(em, sessionId),
        bookedAt: booked ? new Date() : null,
      });
      await em.save(enrolment);
      const { id, ...values } = enrolment;
      await this.audit.created(em, actor, 'enrolment', id, values, { subjectPersonId: dto.personId });
      if (booked) await this.items.follow(em, actor, enrolment, 'booked');
      const change = { enrolment, person, session };
      await (booked ? this.notices.bookingConfirmed(em, change) : this.notices.waitlisted(em, change));
      return toEnrolmentResponse(enrolment, await waitlistPosition(em, enrolment), this.config.timeZone);
    });
  }

  cancel(actor: Principal, id: string) {
    return this.db.write(async (em) => {
      const found = await em.findOneBy(Enrolment, { id });
      if (!found) throw Problem.notFound('enrolment');
      await assertMayCancel(em, actor, found.personId);
      const session = await lockSession(em, this.db, found.sessionId);
      const enrolment = (await em.findOneBy(Enrolment, { id }))!;
      if (enrolment.status === 'cancelled') throw Problem.conflict('enrolments.alreadyCancelled');
      if (session.startsAt.getTime() <= Date.now()) throw Problem.conflict('enrolments.cancelAfterStart');
      const wasBooked = enrolment.status === 'booked';
      await this.markCancelled(em, actor, enrolment);
      await this.notices.enrolmentCancelled(em, { enrolment, session }, actor.id);
      let promoted: Enrolment | null = null;
      if (wasBooked) {
        await freeSeat(em, session.id);
        await this.items.follow(em, actor, enrolment, 'planned');
        promoted = await this.promoteNext(em, actor, session);
      }
      return { ...toEnrolmentResponse(enrolment, null, this.config.timeZone), promotedEnrolmentId: promoted?.id ?? null };
    });
  }

  async markCancelled(em: EntityManager, actor: Principal, enrolment: Enrolment): Promise<void> {
    const patch = { status: 'cancelled' as const, cancelledAt: new Date(), cancelledBy: actor.id };
    await this.audit.updated(em, actor, 'enrolment', enrolment.id, enrolment, patch, { subjectPersonId: enrolment.personId });
    Object.assign(enrolment, patch);
    await em.update(Enrolment, { id: enrolment.id }, patch);
  }

  /** Fills free seats from the waitlist, first come first served (after a capacity increase). */
  async promoteWaitlist(em: EntityManager, actor: Principal, session: Session): Promise<void> {
    while (await this.promoteNext(em, actor, session));
  }

  /** The first on the waitlist takes the freed seat; their plan item becomes booked. */
  private async promoteNext(em: EntityManager, actor: Principal, session: Session): Promise<Enrolment | null> {
    const next = await em.findOne(Enrolment, { where: { sessionId: session.id, status: 'waitlisted' }, order: { queueNumber: 'ASC' } });
    if (!next || !(await takeSeat(em, session.id))) return null;
    const patch = { status: 'booked' as const, bookedAt: new Date() };
    await this.audit.updated(em, actor, 'enrolment', next.id, next, patch, { subjectPersonId: next.personId });
    Object.assign(next, patch);
    await em.update(Enrolment, { id: next.id }, patch);
    await this.items.follow(em, actor, next, 'booked');
    await this.notices.promoted(em, { enrolment: next, session });
    return next;
  }

  private assertOpenForBooking(session: Session): void {
    const now = Date.now();
    if (session.status === 'cancelled') throw Problem.conflict('enrolments.sessionCancelled');
    if (session.startsAt.getTime() <= now) throw Problem.conflict('enrolments.sessionStarted');
    if (session.enrolmentDeadline && session.enrolmentDeadline.getTime() < now) throw Problem.conflict('enrolments.deadlinePassed');
  }

  /** The given item, or the person's first free lecture item for this lecture in their open plan. */
  private async planItemFor(em: EntityManager, session: Session, dto: CreateEnrolmentDto): Promise<PlanItem | null> {
    const qb = em
      .createQueryBuilder(PlanItem, 'pi')
      .innerJoin('plan', 'p', 'p.id = pi.plan_id')
      .where('p.new_hire_id = :personId AND p.status IN (:...open)', { personId: dto.personId, open: OPEN_PLAN_STATUSES });
    if (!dto.planItemId) {
      return qb
        .andWhere("pi.lecture_id = :lectureId AND pi.status IN ('planned', 'missed')", { lectureId: session.lectureId })
        .andWhere(NOT_HELD)
        .orderBy('pi.due_date')
        .addOrderBy('pi.position')
        .getOne();
    }
    const item = await qb.andWhere('pi.id = :itemId', { itemId: dto.planItemId }).getOne();
    if (!item) throw Problem.invalidField('planItemId', 'enrolments.notPlanItem');
    if (item.lectureId !== session.lectureId) throw Problem.invalidField('planItemId', 'enrolments.itemForOtherLecture');
    if (item.status === 'done' || item.status === 'waived') throw Problem.conflict('enrolments.itemFulfilled', { status: item.status });
    const free = await em.createQueryBuilder(PlanItem, 'pi').where('pi.id = :id', { id: item.id }).andWhere(NOT_HELD).getExists();
    if (!free) throw Problem.conflict('enrolments.itemHasPlace');
    return item;
  }
}
