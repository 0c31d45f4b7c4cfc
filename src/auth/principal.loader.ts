import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataVersion } from '../database/data-version.service';
import { ReadCache } from '../database/read-cache';
import { Principal } from './principal';
import { Role } from './roles';

/** The signed-in account behind every request: kept until any data changes (a role, a move, a deactivation). */
@Injectable()
export class PrincipalLoader {
  private readonly cache: ReadCache<Principal | null>;

  constructor(
    private readonly dataSource: DataSource,
    version: DataVersion,
  ) {
    this.cache = version.cache({ ttlMs: 60_000 });
  }

  load(personId: string): Promise<Principal | null> {
    return this.cache.get(personId, () => this.query(personId));
  }

  private async query(personId: string): Promise<Principal | null> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select(['p.id AS id', 'p.roles AS roles', 'p.org_unit_id AS org_unit_id', 'u.path AS path'])
      .from('person', 'p')
      .innerJoin('org_unit', 'u', 'u.id = p.org_unit_id')
      .where('p.id = :id AND p.active = :active', { id: personId, active: true })
      .getRawOne<{ id: string; roles: string; org_unit_id: string; path: string }>();
    if (!row) return null;
    return { id: row.id, roles: row.roles.split(',') as Role[], orgUnitId: row.org_unit_id, unitPath: row.path };
  }
}
