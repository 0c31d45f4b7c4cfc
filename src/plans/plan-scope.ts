import { hasRole, Principal } from '../auth/principal';

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** "The plan's hire works in one of the caller's own units" (the unit and all below it). */
export function hireInOwnUnits(planAlias: string, principal: Principal): SqlCondition {
  return {
    sql:
      `EXISTS (SELECT 1 FROM person scope_hire JOIN org_unit scope_unit ON scope_unit.id = scope_hire.org_unit_id ` +
      `WHERE scope_hire.id = ${planAlias}.new_hire_id AND scope_unit.path LIKE :scopePath)`,
    params: { scopePath: `${principal.unitPath}%` },
  };
}

/**
 * Which plans the caller may read: coordinators (and admins) all; introducers and managers plans
 * of hires in their own units; mentors their mentees' plans; everyone their own plan.
 * Null means no restriction.
 */
export function readablePlans(planAlias: string, principal: Principal, today: string): SqlCondition | null {
  if (hasRole(principal, 'coordinator')) return null;
  const params: Record<string, unknown> = { scopeSelf: principal.id, scopeToday: today };
  const parts = [
    `${planAlias}.new_hire_id = :scopeSelf`,
    `${planAlias}.mentor_id = :scopeSelf`,
    `EXISTS (SELECT 1 FROM mentorship scope_m WHERE scope_m.mentee_id = ${planAlias}.new_hire_id AND scope_m.mentor_id = :scopeSelf ` +
      `AND scope_m.start_date <= :scopeToday AND (scope_m.end_date IS NULL OR scope_m.end_date >= :scopeToday))`,
  ];
  if (hasRole(principal, 'introducer', 'manager')) {
    const own = hireInOwnUnits(planAlias, principal);
    parts.push(own.sql);
    Object.assign(params, own.params);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** Which plans the caller may change: admins all; introducers and managers those of hires in their own units. */
export function editablePlans(planAlias: string, principal: Principal): SqlCondition | null {
  if (hasRole(principal, 'admin')) return null;
  if (!hasRole(principal, 'introducer', 'manager')) return { sql: '1 = 0', params: {} };
  return hireInOwnUnits(planAlias, principal);
}
