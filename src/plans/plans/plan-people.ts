import { EntityManager } from 'typeorm';
import { Problem } from '../../common/problem';
import { Person } from '../../people/people/person.entity';
import { Role } from '../../auth/roles';

/** The people a plan names (introducer, manager, mentor) must exist, be active and hold that role. */
export async function assertPlanPeople(em: EntityManager, people: Partial<Record<'introducerId' | 'managerId' | 'mentorId', string | null>>) {
  const roles: Record<string, Role> = { introducerId: 'introducer', managerId: 'manager', mentorId: 'mentor' };
  for (const [field, id] of Object.entries(people)) {
    // Callers may pass a whole patch: only the three people fields are people.
    if (!id || !(field in roles)) continue;
    const person = await em.findOneBy(Person, { id, active: true });
    if (!person || !person.roles.includes(roles[field])) throw Problem.invalidField(field, 'plans.personWithoutRole', { role: roles[field] });
  }
}

/** "This org unit or any unit below it", for filters (not scope). */
export function unitSubtreeCondition(unitColumn: string, param = 'filterUnitId') {
  return `${unitColumn} IN (SELECT f_unit.id FROM org_unit f_unit WHERE f_unit.path LIKE (SELECT r_unit.path FROM org_unit r_unit WHERE r_unit.id = :${param}) || '%')`;
}
