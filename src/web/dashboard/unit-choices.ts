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

/** The org units a person may narrow a report to (as reportPath allows): all for coordinators, their own units otherwise. */
@Injectable()
export class UnitChoices {
  constructor(private readonly db: Db) {}

  async for(principal: Principal): Promise<UnitChoice[]> {
    const own = reportsWholeCity(principal) ? '/' : principal.unitPath;
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
