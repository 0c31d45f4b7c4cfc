import { EntityManager } from 'typeorm';
import { hasRole, ownUnitsCondition, Principal } from '../auth/principal';
import { Problem } from '../common/problem';
import { OrgUnit } from '../people/org-units/org-unit.entity';

/** Whether reports cover the whole city for this person (coordinators, admins) or only their own units (introducers, managers). */
export function reportsWholeCity(principal: Principal): boolean {
  return hasRole(principal, 'coordinator');
}

/**
 * The unit path a report is limited to: coordinators (and admins) see all (null), introducers and
 * managers their own units; `?orgUnitId=` narrows to that unit and below (404 outside the scope).
 */
export async function reportPath(em: EntityManager, principal: Principal, orgUnitId?: string): Promise<string | null> {
  const own = reportsWholeCity(principal) ? null : principal.unitPath;
  if (!orgUnitId) return own;
  const unit = await em.findOneBy(OrgUnit, { id: orgUnitId });
  if (!unit || (own !== null && !unit.path.startsWith(own))) throw Problem.notFound('orgUnit');
  return unit.path;
}

/** SQL restricting an org-unit column to the units below `path` (null: no restriction). */
export function underPath(column: string, path: string | null) {
  return path === null ? { sql: '1 = 1', params: {} } : ownUnitsCondition(column, { unitPath: path } as Principal);
}
