import { Brackets, EntityManager, In } from 'typeorm';
import { Lecture } from '../catalogue/lectures/lecture.entity';
import { Session } from '../catalogue/sessions/session.entity';
import { SessionSlot } from '../catalogue/sessions/session-slot.entity';
import { Venue } from '../catalogue/venues/venue.entity';
import { Enrolment } from '../enrolment/enrolments/enrolment.entity';
import { Person } from '../people/people/person.entity';
import { OPEN_PLAN_STATUSES, Plan } from '../plans/plans/plan.entity';
import { Problem } from '../common/problem';
import type { SessionFacts } from './notice-payload';

/** Reads what notices say from the domain entities, inside the caller's transaction (the session row too, unless given). */
export async function sessionFacts(em: EntityManager, sessionOrId: string | Session): Promise<SessionFacts> {
  const session = typeof sessionOrId === 'string' ? await em.findOneBy(Session, { id: sessionOrId }) : sessionOrId;
  if (!session) throw Problem.notFound('session');
  const sessionId = session.id;
  const [lecture, venue, slots] = await Promise.all([
    em.findOneBy(Lecture, { id: session.lectureId }),
    session.venueId ? em.findOneBy(Venue, { id: session.venueId }) : null,
    em.find(SessionSlot, { where: { sessionId }, order: { startsAt: 'ASC' } }),
  ]);
  return {
    id: session.id,
    sequence: session.sequence,
    status: session.status,
    title: lecture?.title ?? '',
    slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    venue: venue?.name ?? null,
    address: venue?.address ?? null,
    onlineUrl: session.onlineUrl,
    cancelledReason: session.cancelledReason,
    changedAt: session.updatedAt.toISOString(),
  };
}

export const firstStart = (facts: SessionFacts): Date => new Date(facts.slots[0]?.startsAt ?? 0);

/** A place as its change left it, with what the caller already read in the same transaction. */
export interface PlaceChange {
  enrolment: Enrolment;
  person?: Person;
  session?: Session;
}

/** The place's person and session facts, reading only what the caller did not hand over. */
export async function placeFacts(em: EntityManager, change: PlaceChange): Promise<{ enrolment: Enrolment; person: Person; session: SessionFacts }> {
  const { enrolment } = change;
  const person = change.person ?? (await em.findOneByOrFail(Person, { id: enrolment.personId }));
  return { enrolment, person, session: await sessionFacts(em, change.session ?? enrolment.sessionId) };
}

/** Rank on the waitlist (1 = next to be booked). */
export async function waitlistPosition(em: EntityManager, enrolment: Enrolment): Promise<number | undefined> {
  if (enrolment.status !== 'waitlisted' || enrolment.queueNumber === null) return undefined;
  const ahead = await em
    .createQueryBuilder(Enrolment, 'e')
    .where("e.session_id = :sessionId AND e.status = 'waitlisted' AND e.queue_number < :queue", {
      sessionId: enrolment.sessionId,
      queue: enrolment.queueNumber,
    })
    .getCount();
  return ahead + 1;
}

/** The hire's introducers: of the plan the enrolment belongs to, and of the hire's open plan. */
export async function introducersOf(em: EntityManager, enrolment: Enrolment): Promise<Person[]> {
  const qb = em.createQueryBuilder(Plan, 'p').where(
    new Brackets((w) => {
      w.where('p.new_hire_id = :hire AND p.status IN (:...open)', { hire: enrolment.personId, open: OPEN_PLAN_STATUSES });
      if (enrolment.planItemId) {
        w.orWhere('p.id IN (SELECT i.plan_id FROM plan_item i WHERE i.id = :item)', { item: enrolment.planItemId });
      }
    }),
  );
  const ids = [...new Set((await qb.getMany()).map((p) => p.introducerId))].filter(
    (id): id is string => id !== null && id !== enrolment.personId,
  );
  return ids.length ? em.findBy(Person, { id: In(ids), active: true }) : [];
}

/** Enrolments of a session that hold a place: booked or waitlisted. */
export function placesOf(em: EntityManager, sessionId: string): Promise<Enrolment[]> {
  return em.find(Enrolment, { where: { sessionId, status: In(['booked', 'waitlisted']) }, order: { createdAt: 'ASC' } });
}

/**
 * Places of a cancelled session, including enrolments cancelled together with it (cancelled at or
 * after the session's cancelledAt, with a minute's leeway for the order of the writes).
 */
export function placesOfCancelled(em: EntityManager, session: Pick<Session, 'id' | 'cancelledAt'>): Promise<Enrolment[]> {
  const qb = em.createQueryBuilder(Enrolment, 'e').where('e.session_id = :id', { id: session.id });
  if (session.cancelledAt) {
    qb.andWhere("(e.status <> 'cancelled' OR e.cancelled_at >= :at)", { at: new Date(session.cancelledAt.getTime() - 60_000) });
  } else {
    qb.andWhere("e.status <> 'cancelled'");
  }
  return qb.orderBy('e.created_at', 'ASC').getMany();
}

export function peopleById(em: EntityManager, ids: string[]): Promise<Map<string, Person>> {
  return em.findBy(Person, { id: In([...new Set(ids)]) }).then((rows) => new Map(rows.map((p) => [p.id, p])));
}
