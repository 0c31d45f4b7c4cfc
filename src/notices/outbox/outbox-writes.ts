import { EntityManager } from 'typeorm';
import { Notice, NoticeKind } from './notice.entity';
import type { NoticePayload } from '../notice-payload';

export interface NoticeInput {
  kind: NoticeKind;
  recipientId: string;
  /** Unique per notice, e.g. `booking_confirmed:<enrolmentId>`: a second enqueue with it is a no-op. */
  dedupeKey: string;
  language: 'sv' | 'en';
  payload: NoticePayload;
  sendAfter: Date;
  sessionId?: string | null;
  enrolmentId?: string | null;
}

export const REMINDER_KINDS: NoticeKind[] = ['reminder_7d', 'reminder_1d'];

/** Inserts unless a notice with the same dedupe key exists (INSERT OR IGNORE / ON CONFLICT DO NOTHING). */
export async function insertNotice(em: EntityManager, input: NoticeInput): Promise<void> {
  await em
    .createQueryBuilder()
    .insert()
    .into(Notice)
    .values({ ...input, sessionId: input.sessionId ?? null, enrolmentId: input.enrolmentId ?? null, status: 'pending', attempts: 0 })
    .orIgnore()
    // Nothing reads the row back here: no SELECT of its defaults after the insert.
    .updateEntity(false)
    .execute();
}

export interface PendingFilter {
  kinds: NoticeKind[];
  sessionId?: string;
  enrolmentId?: string;
}

/** Withdraws notices not yet sent (pending ones; a notice being sent right now is let go). */
export async function withdrawPending(em: EntityManager, filter: PendingFilter, reason: string): Promise<void> {
  const qb = em
    .createQueryBuilder()
    .update(Notice)
    .set({ status: 'withdrawn', lastError: reason })
    .where("status = 'pending' AND kind IN (:...kinds)", { kinds: filter.kinds });
  if (filter.sessionId) qb.andWhere('session_id = :sessionId', { sessionId: filter.sessionId });
  if (filter.enrolmentId) qb.andWhere('enrolment_id = :enrolmentId', { enrolmentId: filter.enrolmentId });
  await qb.execute();
}

export function pendingNotices(em: EntityManager, filter: PendingFilter): Promise<Notice[]> {
  const qb = em.createQueryBuilder(Notice, 'n').where("n.status = 'pending' AND n.kind IN (:...kinds)", { kinds: filter.kinds });
  if (filter.sessionId) qb.andWhere('n.session_id = :sessionId', { sessionId: filter.sessionId });
  if (filter.enrolmentId) qb.andWhere('n.enrolment_id = :enrolmentId', { enrolmentId: filter.enrolmentId });
  return qb.getMany();
}
