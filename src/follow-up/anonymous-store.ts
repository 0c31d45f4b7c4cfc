import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';

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
