import { randomUUID } from 'node:crypto';
import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { Problem } from '../common/problem';
import type { ProblemCode } from '../common/problem-codes';

/**
 * Stores a new anonymous answer by rewriting its group (the session's or the unit's answers) in
 * random order (ids are random UUIDs) in the transaction that writes the receipt. Then neither
 * storage order (SQLite rowid, PostgreSQL ctid) nor PostgreSQL's transaction id (xmin) picks the
 * new answer out of its group: the newest receipt points at the whole group, never at one answer.
 */
export async function storeInGroup<T extends { id: string }>(
  em: EntityManager,
  target: EntityTarget<T>,
  group: FindOptionsWhere<T>,
  answer: T,
): Promise<void> {
  const earlier = await em.find(target, { where: group });
  if (earlier.length) await em.delete(target, group);
  const all = [...earlier, answer].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let i = 0; i < all.length; i += 100) await em.insert(target, all.slice(i, i + 100) as never);
}

export interface AnswerOnce<T> {
  /** The receipt row (its key is the enrolment or plan) and the 409 text when it already exists. */
  receipt: { target: EntityTarget<ObjectLiteral>; key: ObjectLiteral; answered: ProblemCode };
  target: EntityTarget<T>;
  group: FindOptionsWhere<T>;
  /** The row the group hangs on (session, org unit): locked on PostgreSQL so writers of a group take turns. */
  lock: { target: EntityTarget<ObjectLiteral>; id: string };
  fields: Omit<T, 'id' | 'comment'> & { comment?: string };
}

/** Writes the receipt (once: 409 after that) and the anonymous answer, unlinked, in one transaction. */
export async function answerOnce<T extends { id: string; comment: string | null }>(em: EntityManager, a: AnswerOnce<T>) {
  if (em.connection.options.type === 'postgres') {
    await em.createQueryBuilder(a.lock.target, 'g').setLock('pessimistic_write').where('g.id = :id', { id: a.lock.id }).getOne();
  }
  if (await em.existsBy(a.receipt.target, a.receipt.key)) throw Problem.conflict(a.receipt.answered);
  await em.insert(a.receipt.target, a.receipt.key);
  const answer = { ...a.fields, id: randomUUID(), comment: a.fields.comment?.trim() || null } as unknown as T;
  await storeInGroup(em, a.target, a.group, answer);
  return { received: true as const };
}
