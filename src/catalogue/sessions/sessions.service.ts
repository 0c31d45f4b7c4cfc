import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { formatInstant, parseInstant } from '../../common/time';
import { Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { NoticesService } from '../../notices/notices.service';
import { BookingService } from '../../enrolment/enrolments/booking.service';
import { findLecturers, linkedIds } from '../catalogue-refs';
import { Lecture } from '../lectures/lecture.entity';
import { Venue } from '../venues/venue.entity';
import { Session } from './session.entity';
import { SessionSlot } from './session-slot.entity';
import { SessionReader } from './session-reader';
import { requestedSlots, sameTimes, SlotTimes } from './session-slots';
import { CreateSessionDto, UpdateSessionDto } from './dto/session.dto';

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly reader: SessionReader,
    private readonly config: AppConfig,
    private readonly notices: NoticesService,
    private readonly booking: BookingService,
  ) {}

  create(actor: Principal, dto: CreateSessionDto) {
    return this.db.write((em) => this.createIn(em, actor, dto));
  }

  update(actor: Principal, id: string, dto: UpdateSessionDto) {
    return this.db.write(async (em) => this.updateIn(em, actor, await this.lockSession(em, id), dto));
  }

  /** Schedules a session inside the caller's transaction (the API and the CSV import). */
  async createIn(em: EntityManager, actor: Principal, dto: CreateSessionDto) {
    const lecture = await em.findOne(Lecture, { where: { id: dto.lectureId }, relations: { lecturers: true } });
    if (!lecture) throw Problem.invalidField('lectureId', 'references.noSuchLecture');
    if (!lecture.active) throw Problem.invalidField('lectureId', 'sessions.lectureInactive');
    const slots = requestedSlots(dto, null)!;
    const venue = dto.venueId ? await this.usableVenue(em, dto.venueId) : null;
    const capacity = dto.capacity ?? venue?.capacity;
    if (capacity === undefined) throw Problem.invalidField('capacity', 'sessions.capacityRequired');
    const session = em.create(Session, {
      lectureId: lecture.id,
      venueId: venue?.id ?? null,
      onlineUrl: dto.onlineUrl ?? null,
      capacity,
      status: 'scheduled',
      enrolmentDeadline: dto.enrolmentDeadline ? parseInstant(dto.enrolmentDeadline) : null,
      bookedCount: 0,
      sequence: 0,
      lecturers: dto.lecturerIds ? await findLecturers(em, dto.lecturerIds) : lecture.lecturers,
      startsAt: slots[0].startsAt,
      endsAt: slots[slots.length - 1].endsAt,
    });
    this.checkCapacity(session, venue);
    this.checkDeadline(session);
    await this.checkVenueFree(em, session.venueId, slots, null);
    await em.save(session);
    await em.save(slots.map((slot) => em.create(SessionSlot, { ...slot, sessionId: session.id })));
    await this.audit.created(em, actor, 'session', session.id, dto);
    return this.reader.get(session.id, em);
  }

  /** Reschedules or changes a session; its id stays, and a change of time or place raises its sequence. */
  async updateIn(em: EntityManager, actor: Principal, session: Session, dto: UpdateSessionDto) {
    if (session.status === 'cancelled') throw Problem.conflictOn('status', 'sessions.cancelledUnchangeable');
    const current = await em.find(SessionSlot, { where: { sessionId: session.id }, order: { startsAt: 'ASC' } });
    const slots = requestedSlots(dto, current) ?? current;
    const venueChanged = dto.venueId !== undefined && dto.venueId !== session.venueId;
    const venueId = dto.venueId === undefined ? session.venueId : dto.venueId;
    const venue = venueId ? (venueChanged ? await this.usableVenue(em, venueId) : await em.findOneBy(Venue, { id: venueId })) : null;
    const moved = !sameTimes(slots, current) || venueChanged || (dto.onlineUrl !== undefined && dto.onlineUrl !== session.onlineUrl);
    await this.audit.updated(em, actor, 'session', session.id, { ...session, slots: current.map(plainSlot) }, { ...dto, slots: dto.slots && slots.map(plainSlot) });
    const changes = {
      venueId,
      onlineUrl: dto.onlineUrl === undefined ? session.onlineUrl : dto.onlineUrl,
      capacity: dto.capacity ?? session.capacity,
      enrolmentDeadline: dto.enrolmentDeadline === undefined ? session.enrolmentDeadline : dto.enrolmentDeadline && parseInstant(dto.enrolmentDeadline),
      startsAt: slots[0].startsAt,
      endsAt: slots[slots.length - 1].endsAt,
      sequence: session.sequence + (moved ? 1 : 0),
    };
    Object.assign(session, changes);
    if (session.capacity < session.bookedCount) throw Problem.conflictOn('capacity', 'sessions.capacityBelowBooked', { booked: session.bookedCount });
    this.checkCapacity(session, venue);
    this.checkDeadline(session);
    if (moved) await this.checkVenueFree(em, session.venueId, slots, session.id);
    await em.update(Session, { id: session.id }, changes);
    if (dto.lecturerIds) await this.replaceLecturers(em, session.id, dto.lecturerIds);
    await this.replaceSlots(em, session.id, current, slots);
    if (moved) await this.notices.sessionRescheduled(em, session.id);
    if (session.capacity > session.bookedCount) await this.booking.promoteWaitlist(em, actor, session);
    return this.reader.get(session.id, em);
  }

  /** The session row, locked on PostgreSQL so capacity and bookedCount are judged on current values. */
  async lockSession(em: EntityManager, id: string): Promise<Session> {
    const qb = em.createQueryBuilder(Session, 's').where('s.id = :id', { id });
    if (this.db.isPostgres) qb.setLock('pessimistic_write');
    const session = await qb.getOne();
    if (!session) throw Problem.notFound('session');
    return session;
  }

  private async usableVenue(em: EntityManager, id: string): Promise<Venue> {
    const venue = await em.findOneBy(Venue, { id });
    if (!venue) throw Problem.invalidField('venueId', 'references.noSuchVenue');
    if (!venue.active) throw Problem.invalidField('venueId', 'sessions.venueInactive');
    return venue;
  }

  private checkCapacity(session: Session, venue: Venue | null): void {
    if (venue && session.capacity > venue.capacity) throw Problem.invalidField('capacity', 'sessions.capacityAboveVenue', { venue: venue.name, seats: venue.capacity });
  }

  private checkDeadline(session: Session): void {
    if (session.enrolmentDeadline && session.enrolmentDeadline > session.startsAt) {
      throw Problem.invalidField('enrolmentDeadline', 'sessions.deadlineAfterStart');
    }
  }

  /**
   * No other scheduled session holds the venue in an overlapping slot. On PostgreSQL the venue row
   * is locked first, so two transactions booking the same venue take turns and the second sees the first.
   */
  private async checkVenueFree(em: EntityManager, venueId: string | null, slots: SlotTimes[], self: string | null): Promise<void> {
    if (!venueId) return;
    if (this.db.isPostgres) await em.createQueryBuilder(Venue, 'v').setLock('pessimistic_write').where('v.id = :venueId', { venueId }).getOne();
    const qb = em
      .createQueryBuilder(SessionSlot, 'x')
      .innerJoin(Session, 'o', 'o.id = x.session_id')
      .where('o.venue_id = :venueId', { venueId })
      .andWhere("o.status = 'scheduled'");
    if (self) qb.andWhere('o.id <> :self', { self });
    const overlaps = slots.map((_, i) => `(x.starts_at < :end${i} AND x.ends_at > :start${i})`).join(' OR ');
    const params = Object.fromEntries(slots.flatMap((slot, i) => [[`start${i}`, slot.startsAt], [`end${i}`, slot.endsAt]]));
    const clash = await qb.andWhere(`(${overlaps})`, params).getOne();
    if (clash) {
      const [from, to] = [clash.startsAt, clash.endsAt].map((at) => formatInstant(at, this.config.timeZone));
      throw Problem.conflictOn('venueId', 'sessions.venueBooked', { from, to, sessionId: clash.sessionId });
    }
  }

  private async replaceLecturers(em: EntityManager, sessionId: string, ids: string[]): Promise<void> {
    await findLecturers(em, ids);
    const current = (await linkedIds(em, 'session_lecturer', 'session_id', 'lecturer_id', [sessionId])).get(sessionId)!;
    await em.createQueryBuilder().relation(Session, 'lecturers').of(sessionId).addAndRemove(ids.filter((id) => !current.includes(id)), current.filter((id) => !ids.includes(id)));
  }

  /** Slots keep their ids by position (calendar UIDs stay stable); extra ones are added or removed. */
  private async replaceSlots(em: EntityManager, sessionId: string, current: SessionSlot[], slots: SlotTimes[]): Promise<void> {
    for (let i = 0; i < Math.max(current.length, slots.length); i++) {
      if (i >= slots.length) await em.delete(SessionSlot, { id: current[i].id });
      else if (i >= current.length) await em.insert(SessionSlot, { ...slots[i], sessionId });
      else await em.update(SessionSlot, { id: current[i].id }, { startsAt: slots[i].startsAt, endsAt: slots[i].endsAt });
    }
  }
}

const plainSlot = (slot: SlotTimes) => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() });
