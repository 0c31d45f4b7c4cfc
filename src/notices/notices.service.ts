import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Session } from '../catalogue/sessions/session.entity';
import { Enrolment } from '../enrolment/enrolments/enrolment.entity';
import { Person } from '../people/people/person.entity';
import { Clock } from './sender/clock';
import { Notice, NoticeKind } from './outbox/notice.entity';
import { insertNotice, NoticeInput, pendingNotices, REMINDER_KINDS, withdrawPending } from './outbox/outbox-writes';
import type { NoticePayload, SessionFacts } from './notice-payload';
import {
  firstStart,
  introducersOf,
  peopleById,
  placesOf,
  PlaceChange,
  placeFacts,
  placesOfCancelled,
  sessionFacts,
  waitlistPosition,
} from './notice-facts';

const DAY_MS = 86400_000;
const REMINDER_DAYS: Record<string, number> = { reminder_7d: 7, reminder_1d: 1 };

/**
 * The notices a change causes. Every function takes the EntityManager of the caller's
 * `Db.write` transaction, so a change never commits without its notices. All are idempotent:
 * each notice has a dedupe key, and a second call queues nothing new.
 */
@Injectable()
export class NoticesService {
  constructor(private readonly clock: Clock) {}

  /** Queues one notice; a notice with the same dedupe key already queued makes this a no-op. */
  enqueue(em: EntityManager, input: Omit<NoticeInput, 'sendAfter'> & { sendAfter?: Date }): Promise<void> {
    return insertNotice(em, { ...input, sendAfter: input.sendAfter ?? this.clock.now() });
  }

  /** After a booking: confirmation with the invitation, and reminders 7 days and 1 day before. */
  async bookingConfirmed(em: EntityManager, change: PlaceChange): Promise<void> {
    await this.placeNotice(em, change, 'booking_confirmed');
  }

  /** After a waitlisting: the notice with the person's place in the queue. */
  async waitlisted(em: EntityManager, change: PlaceChange): Promise<void> {
    const { enrolment, person, session } = await placeFacts(em, change);
    await this.toPerson(em, 'waitlisted', enrolment, person, session, { waitlistPosition: await waitlistPosition(em, enrolment) });
  }

  /** After a waitlisted person got a seat: the promotion with the invitation, and reminders. */
  async promoted(em: EntityManager, change: PlaceChange): Promise<void> {
    await this.placeNotice(em, change, 'promoted');
  }

  /** After an enrolment was cancelled: notice to the person, copy to the hire's introducers. */
  async enrolmentCancelled(em: EntityManager, change: PlaceChange, byPersonId: string | null): Promise<void> {
    const { enrolment, person, session } = await placeFacts(em, change);
    const enrolmentId = enrolment.id;
    await withdrawPending(em, { kinds: [...REMINDER_KINDS, 'evaluation_request'], enrolmentId }, 'enrolment cancelled');
    const by = byPersonId && byPersonId !== person.id ? await em.findOneBy(Person, { id: byPersonId }) : null;
    const personal = by ? { cancelledByName: by.name } : undefined;
    await this.toPerson(em, 'enrolment_cancelled', enrolment, person, session, { ics: this.cancelIcs(enrolment), personal });
    await this.copyToIntroducers(em, 'cancellation_copy', enrolment, person, session, byPersonId);
  }

  /** After a session's time or place changed (its sequence rose): update to everyone with a place; reminders move. */
  async sessionRescheduled(em: EntityManager, sessionId: string): Promise<void> {
    const session = await sessionFacts(em, sessionId);
    await this.moveReminders(em, session);
    const places = await placesOf(em, sessionId);
    const people = await peopleById(em, places.map((e) => e.personId));
    for (const enrolment of places) {
      const person = people.get(enrolment.personId)!;
      const ics = enrolment.status === 'booked' ? 'REQUEST' : undefined;
      await this.toPerson(em, 'session_rescheduled', enrolment, person, session, { ics }, `:${session.sequence}`);
      if (enrolment.status === 'booked') await this.scheduleReminders(em, enrolment, person, session);
    }
  }

  /**
   * After a session was cancelled (status and cancelledAt set): cancellation with METHOD:CANCEL to
   * everyone who held a place, also those whose enrolments were cancelled with it; reminders withdrawn.
   */
  async sessionCancelled(em: EntityManager, sessionId: string): Promise<void> {
    const row = await em.findOneByOrFail(Session, { id: sessionId });
    const session = await sessionFacts(em, sessionId);
    await withdrawPending(em, { kinds: REMINDER_KINDS, sessionId }, 'session cancelled');
    const places = await placesOfCancelled(em, row);
    const people = await peopleById(em, places.map((e) => e.personId));
    for (const enrolment of places) {
      const person = people.get(enrolment.personId)!;
      await this.toPerson(em, 'session_cancelled', enrolment, person, session, { ics: this.cancelIcs(enrolment) });
      await this.copyToIntroducers(em, 'cancellation_copy', enrolment, person, session, null);
    }
  }

  /** After attendance was recorded: evaluation request when attended, a no-show copy to introducers when absent. */
  async attendanceRecorded(em: EntityManager, change: PlaceChange): Promise<void> {
    const { enrolment, person, session } = await placeFacts(em, change);
    const enrolmentId = enrolment.id;
    if (enrolment.attendance !== 'attended') {
      await withdrawPending(em, { kinds: ['evaluation_request'], enrolmentId }, 'attendance changed');
    }
    if (enrolment.attendance !== 'absent') await withdrawPending(em, { kinds: ['no_show_copy'], enrolmentId }, 'attendance changed');
    if (enrolment.attendance === 'attended') await this.toPerson(em, 'evaluation_request', enrolment, person, session, {});
    if (enrolment.attendance === 'absent') await this.copyToIntroducers(em, 'no_show_copy', enrolment, person, session, null);
  }

  private async placeNotice(em: EntityManager, change: PlaceChange, kind: 'booking_confirmed' | 'promoted'): Promise<void> {
    const { enrolment, person, session } = await placeFacts(em, change);
    await this.toPerson(em, kind, enrolment, person, session, { ics: 'REQUEST' });
    await this.scheduleReminders(em, enrolment, person, session);
  }

  private cancelIcs(enrolment: Enrolment): 'CANCEL' | undefined {
    return enrolment.bookedAt !== null ? 'CANCEL' : undefined;
  }

  private toPerson(
    em: EntityManager,
    kind: NoticeKind,
    enrolment: Enrolment,
    person: Person,
    session: SessionFacts,
    extra: Omit<NoticePayload, 'session'>,
    keySuffix = '',
    sendAfter?: Date,
  ): Promise<void> {
    return this.enqueue(em, {
      kind,
      recipientId: person.id,
      dedupeKey: `${kind}:${enrolment.id}${keySuffix}`,
      language: person.language,
      payload: { session, ...extra },
      sendAfter,
      sessionId: session.id,
      enrolmentId: enrolment.id,
    });
  }

  private async copyToIntroducers(
    em: EntityManager,
    kind: 'cancellation_copy' | 'no_show_copy',
    enrolment: Enrolment,
    hire: Person,
    session: SessionFacts,
    exceptPersonId: string | null,
  ): Promise<void> {
    for (const introducer of await introducersOf(em, enrolment)) {
      if (introducer.id === exceptPersonId) continue;
      await this.enqueue(em, {
        kind,
        recipientId: introducer.id,
        dedupeKey: `${kind}:${enrolment.id}:${introducer.id}`,
        language: introducer.language,
        payload: { session, personal: { hireName: hire.name } },
        sessionId: session.id,
        enrolmentId: enrolment.id,
      });
    }
  }

  /** Reminders whose time is still ahead; keyed by the session's sequence so a new time gets new ones. */
  private async scheduleReminders(em: EntityManager, enrolment: Enrolment, person: Person, session: SessionFacts): Promise<void> {
    for (const kind of REMINDER_KINDS) {
      const at = this.reminderTime(kind, session);
      if (at) await this.toPerson(em, kind, enrolment, person, session, {}, `:${session.sequence}`, at);
    }
  }

  private reminderTime(kind: NoticeKind, session: SessionFacts): Date | null {
    const at = new Date(firstStart(session).getTime() - REMINDER_DAYS[kind] * DAY_MS);
    return at > this.clock.now() ? at : null;
  }

  private async moveReminders(em: EntityManager, session: SessionFacts): Promise<void> {
    for (const notice of await pendingNotices(em, { kinds: REMINDER_KINDS, sessionId: session.id })) {
      const at = this.reminderTime(notice.kind, session);
      const patch = at
        ? { sendAfter: at, payload: { ...notice.payload, session }, dedupeKey: `${notice.kind}:${notice.enrolmentId}:${session.sequence}` }
        : { status: 'withdrawn' as const, lastError: 'session moved too close for this reminder' };
      await em.createQueryBuilder().update(Notice).set(patch).where("id = :id AND status = 'pending'", { id: notice.id }).execute();
    }
  }
}
