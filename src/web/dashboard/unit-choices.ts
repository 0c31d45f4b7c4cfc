import { Injectable } from '@nestjs/common';
import { Principal } from '../../auth/principal';
import { reportsWholeCity } from '../../follow-up/report-scope';
import { Db } from '../../database/db.service';
import { OrgUnit } from '../../people/org-units/org-unit.entity';

export interface UnitChoice {
  id: string;
  name: string;
  /** The name indented by depth (no-break spaces), for a select. */
  label: string;
}

/** Org units to choose from: the caller's own units (the unit and all below it), or all of them. */
@Injectable()
export class UnitChoices {
  constructor(private readonly db: Db) {}

  /** The units a person may narrow a report to (as reportPath allows): all for coordinators, their own units otherwise. */
  for(principal: Principal): Promise<UnitChoice[]> {
    return this.under(reportsWholeCity(principal) ? '/' : principal.unitPath);
  }

  /** The units a person may place people in (as PeopleService allows): all for admins, their own units otherwise. */
  forPeople(principal: Principal): Promise<UnitChoice[]> {
    return this.under(principal.roles.includes('admin') ? '/' : principal.unitPath);
  }

  private async under(own: string): Promise<UnitChoice[]> {
    const units = await this.db.manager
      .createQueryBuilder(OrgUnit, 'u')
      .select(['u.id', 'u.name', 'u.path'])
      .where('u.path LIKE :own', { own: `${own}%` })
      .orderBy('u.path')
      .getMany();
    const top = own.split('/').filter(Boolean).length;
    return units.map((u) => {
      const depth = u.path.split('/').filter(Boolean).length - Math.max(1, top);
      return { id: u.id, name: u.name, label: '\u00a0\u00a0\u00a0'.repeat(depth) + u.name };
    });
  }
}
