import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from './principal';
import { Role } from './roles';

@Injectable()
export class PrincipalLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(personId: string): Promise<Principal | null> {
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
