import { Role } from './roles';

/** The signed-in caller, as every service sees it. */
export interface Principal {
  id: string;
  roles: Role[];
  orgUnitId: string;
  /** The caller's unit path: "own units" are the units whose path starts with it. */
  unitPath: string;
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.includes('admin') || roles.some((role) => principal.roles.includes(role));
}

/** SQL for "this org-unit column is one of the caller's own units" (the unit and all below it). */
export function ownUnitsCondition(unitColumn: string, principal: Principal, param = 'scopePath') {
  return {
    sql: `${unitColumn} IN (SELECT scope_unit.id FROM org_unit scope_unit WHERE scope_unit.path LIKE :${param})`,
    params: { [param]: `${principal.unitPath}%` },
  };
}
