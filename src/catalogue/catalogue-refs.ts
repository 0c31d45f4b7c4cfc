import { EntityManager, In } from 'typeorm';
import { Problem } from '../common/problem';
import type { ProblemCode } from '../common/problem-codes';
import { Area } from '../people/areas/area.entity';
import { Lecturer } from './lecturers/lecturer.entity';

/** Every code must name an area of work; 400 naming the field and the unknown codes otherwise. */
export async function checkAreaCodes(em: EntityManager, codes: string[], field = 'areaCodes'): Promise<void> {
  if (!codes.length) return;
  const found = await em.findBy(Area, { code: In(codes) });
  const missing = codes.filter((code) => !found.some((area) => area.code === code));
  if (missing.length) throw Problem.invalidField(field, 'references.unknownAreas', { codes: missing.join(', ') });
}

/** The lecturers with these ids (as relation stubs); 400 naming the field when one does not exist. */
export async function findLecturers(em: EntityManager, ids: string[], field = 'lecturerIds'): Promise<Lecturer[]> {
  if (!ids.length) return [];
  const found = await em.findBy(Lecturer, { id: In(ids) });
  const missing = ids.filter((id) => !found.some((lecturer) => lecturer.id === id));
  if (missing.length) throw Problem.invalidField(field, 'references.unknownLecturers', { names: missing.join(', ') });
  return ids.map((id) => found.find((lecturer) => lecturer.id === id)!);
}

/** Ids on the right side of a link table, grouped by the left id: one query for a whole page. */
export async function linkedIds(em: EntityManager, table: string, left: string, right: string, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (!ids.length) return map;
  const rows: { l: string; r: string }[] = await em
    .createQueryBuilder()
    .select(`x.${left}`, 'l')
    .addSelect(`x.${right}`, 'r')
    .from(table, 'x')
    .where(`x.${left} IN (:...ids)`, { ids })
    .getRawMany();
  for (const row of rows) map.get(row.l)?.push(row.r);
  return map;
}

/** A foreign key still points at the row (a plan, a template): the delete must be refused, not crash. */
export function isForeignKeyViolation(error: unknown): boolean {
  const err = error as { code?: string; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Deletes, answering 409 with the refusal `code` when other records still reference the row. */
export async function deleteOrConflict(em: EntityManager, work: () => Promise<unknown>, code: ProblemCode): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw Problem.conflict(code);
    throw error;
  }
}

/** `?active=true|false` and `?x=` booleans arrive as text. */
export const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
