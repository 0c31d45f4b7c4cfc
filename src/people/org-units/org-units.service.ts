import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { page } from '../../common/pagination';
import { Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { Area } from '../areas/area.entity';
import { Person } from '../people/person.entity';
import { ORG_UNIT_KINDS, OrgUnit, OrgUnitKind } from './org-unit.entity';
import { CreateOrgUnitDto, OrgUnitQuery, toOrgUnitResponse, UpdateOrgUnitDto } from './dto/org-unit.dto';

const rank = (kind: OrgUnitKind) => ORG_UNIT_KINDS.indexOf(kind);

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(query: OrgUnitQuery) {
    const qb = this.db.manager.createQueryBuilder(OrgUnit, 'u').orderBy('u.path').take(query.limit).skip(query.offset);
    if (query.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: query.parentId });
    if (query.kind) qb.andWhere('u.kind = :kind', { kind: query.kind });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows, total, query, toOrgUnitResponse);
  }

  async get(id: string) {
    return toOrgUnitResponse(await this.find(this.db.manager, id));
  }

  /** Names of the given units (any unit's name is readable by everyone signed in). */
  async names(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const units = await this.db.manager.createQueryBuilder(OrgUnit, 'u').select(['u.id', 'u.name']).where('u.id IN (:...ids)', { ids: [...new Set(ids)] }).getMany();
    return new Map(units.map((u) => [u.id, u.name]));
  }

  create(actor: Principal, dto: CreateOrgUnitDto) {
    return this.db.write(async (em) => {
      const parent = await this.checkPlacement(em, dto.kind, dto.parentId ?? null);
      await this.checkArea(em, dto.areaCode);
      const id = randomUUID();
      const unit = em.create(OrgUnit, {
        id,
        name: dto.name,
        kind: dto.kind,
        parentId: parent?.id ?? null,
        areaCode: dto.areaCode ?? null,
        externalCode: dto.externalCode ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
      });
      await em.insert(OrgUnit, unit);
      await this.audit.created(em, actor, 'org-unit', id, dto);
      return toOrgUnitResponse(unit);
    });
  }

  update(actor: Principal, id: string, dto: UpdateOrgUnitDto) {
    return this.db.write(async (em) => {
      const unit = await this.find(em, id);
      await this.checkArea(em, dto.areaCode);
      await this.audit.updated(em, actor, 'org-unit', id, unit, dto);
      if (dto.parentId !== undefined && dto.parentId !== unit.parentId) await this.move(em, unit, dto.parentId);
      if (dto.name !== undefined) unit.name = dto.name;
      if (dto.areaCode !== undefined) unit.areaCode = dto.areaCode;
      if (dto.externalCode !== undefined) unit.externalCode = dto.externalCode;
      return toOrgUnitResponse(await em.save(unit));
    });
  }

  remove(actor: Principal, id: string) {
    return this.db.write(async (em) => {
      await this.find(em, id);
      if (await em.existsBy(OrgUnit, { parentId: id })) throw Problem.conflict('orgUnits.hasChildren');
      if (await em.existsBy(Person, { orgUnitId: id })) throw Problem.conflict('orgUnits.hasPeople');
      await em.delete(OrgUnit, { id });
      await this.audit.deleted(em, actor, 'org-unit', id);
    });
  }

  private async find(em: EntityManager, id: string): Promise<OrgUnit> {
    const unit = await em.findOneBy(OrgUnit, { id });
    if (!unit) throw Problem.notFound('orgUnit');
    return unit;
  }

  /** Administrations are roots; a department sits under an administration, a unit under either. */
  private async checkPlacement(em: EntityManager, kind: OrgUnitKind, parentId: string | null): Promise<OrgUnit | null> {
    if (parentId === null) {
      if (kind !== 'administration') throw Problem.invalidField('parentId', 'orgUnits.parentRequired', { kind });
      return null;
    }
    const parent = await em.findOneBy(OrgUnit, { id: parentId });
    if (!parent) throw Problem.invalidField('parentId', 'references.noSuchOrgUnit');
    if (rank(parent.kind) >= rank(kind)) throw Problem.invalidField('parentId', 'orgUnits.wrongParent', { kind, parentKind: parent.kind });
    return parent;
  }

  private async checkArea(em: EntityManager, code: string | null | undefined): Promise<void> {
    if (code && !(await em.existsBy(Area, { code }))) throw Problem.invalidField('areaCode', 'references.unknownAreas', { codes: code });
  }

  /** Re-parents a unit and rewrites the paths of everything below it in the same transaction. */
  private async move(em: EntityManager, unit: OrgUnit, parentId: string | null): Promise<void> {
    const parent = await this.checkPlacement(em, unit.kind, parentId);
    if (parent && parent.path.startsWith(unit.path)) throw Problem.conflict('orgUnits.belowItself');
    const oldPath = unit.path;
    const newPath = `${parent?.path ?? '/'}${unit.id}/`;
    const subtree = await em
      .createQueryBuilder(OrgUnit, 'u')
      .where('u.path LIKE :prefix', { prefix: `${oldPath}%` })
      .getMany();
    for (const member of subtree) {
      await em.update(OrgUnit, { id: member.id }, { path: newPath + member.path.slice(oldPath.length) });
    }
    unit.parentId = parent?.id ?? null;
    unit.path = newPath;
  }
}
