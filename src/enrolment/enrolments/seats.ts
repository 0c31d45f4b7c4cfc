import { EntityManager } from 'typeorm';
import { Problem } from '../../common/problem';
import { Db } from '../../database/db.service';
import { Session } from '../../catalogue/sessions/session.entity';
import { Enrolment } from './enrolment.entity';

/** The session row, locked until the transaction ends on PostgreSQL (SQLite runs writes one at a time). */
export async function lockSession(em: EntityManager, db: Db, id: string): Promise<Session> {
  const qb = em.createQueryBuilder(Session, 's').where('s.id = :id', { id });
  if (db.isPostgres) qb.setLock('pessimistic_write');
  const session = await qb.getOne();
  if (!session) throw Problem.notFound('session');
  return session;
}

/** Takes a seat only while one is free: the conditional update cannot pass capacity (and a CHECK backs it). */
export async function takeSeat(em: EntityManager, sessionId: string): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(Session)
    .set({ bookedCount: () => 'booked_count + 1' })
    .where('id = :sessionId AND booked_count < capacity', { sessionId })
    .execute();
  return result.affected === 1;
}

export async function freeSeat(em: EntityManager, sessionId: string): Promise<void> {
  await em
    .createQueryBuilder()
    .update(Session)
    .set({ bookedCount: () => 'booked_count - 1' })
    .where('id = :sessionId AND booked_count > 0', { sessionId })
    .execute();
}

export async function nextQueueNumber(em: EntityManager, sessionId: string): Promise<number> {
  const row = await em
    .createQueryBuilder(Enrolment, 'e')
    .select('MAX(e.queue_number)', 'max')
    .where('e.session_id = :sessionId', { sessionId })
    .getRawOne<{ max: unknown }>();
  return Number(row?.max ?? 0) + 1;
}

/** The rank among those still waiting: queue numbers only grow, so gaps from cancellations do not matter. */
export async function waitlistPosition(em: EntityManager, enrolment: Enrolment): Promise<number | null> {
  if (enrolment.status !== 'waitlisted') return null;
  return em
    .createQueryBuilder(Enrolment, 'e')
    .where("e.session_id = :sessionId AND e.status = 'waitlisted' AND e.queue_number <= :queueNumber", {
      sessionId: enrolment.sessionId,
      queueNumber: enrolment.queueNumber,
    })
    .getCount();
}
