import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { page } from '../../common/pagination';
import { hasRole, ownUnitsCondition, Principal } from '../../auth/principal';
import { hashPassword } from '../../auth/password';
import { todayIn } from '../../common/time';
import { AuditService } from '../../audit/audit.service';
import { OrgUnit } from '../org-units/org-unit.entity';
import { Person } from './person.entity';
import { CreatePersonDto, PersonQuery, toPersonResponse, UpdatePersonDto } from './dto/person.dto';

/**
 * Who may see whom: admins and coordinators everyone, introducers and managers their own units,
 * mentors their active mentees, everyone themselves.
 */
export function readablePeople(qb: SelectQueryBuilder<Person>, alias: string, principal: Principal) {
  if (hasRole(principal, 'coordinator')) return qb;
  const params: Record<string, unknown> = { scopeSelf: principal.id };
  const conditions = [`${alias}.id = :scopeSelf`];
  if (principal.roles.includes('mentor')) {
    conditions.push(
      `${alias}.id IN (SELECT scope_ms.mentee_id FROM mentorship scope_ms WHERE scope_ms.mentor_id = :scopeSelf` +
        ' AND scope_ms.deleted_at IS NULL AND (scope_ms.end_date IS NULL OR scope_ms.end_date >= :scopeToday))',
    );
    // The same variable AppConfig.timeZone is read from; the config has checked it at start.
    params.scopeToday = todayIn(process.env.TIME_ZONE || 'Europe/Stockholm');
  }
  if (hasRole(principal, 'introducer', 'manager')) {
    const own = ownUnitsCondition(`${alias}.org_unit_id`, principal);
    conditions.push(own.sql);
    Object.assign(params, own.params);
  }
  return qb.andWhere(`(${conditions.join(' OR ')})`, params);
}

const isOnlyNewHire = (roles: readonly string[]) => roles.length === 1 && roles[0] === 'newhire';

@Injectable()
export class PeopleService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, query: PersonQuery) {
    const qb = readablePeople(this.db.manager.createQueryBuilder(Person, 'p'), 'p', principal)
      .orderBy('p.name')
      .addOrderBy('p.id')
      .take(query.limit)
      .skip(query.offset);
    if (query.orgUnitId) {
      qb.andWhere('p.org_unit_id IN (SELECT f.id FROM org_unit f WHERE f.path LIKE (SELECT r.path FROM org_unit r WHERE r.id = :unitId) || \'%\')', {
        unitId: query.orgUnitId,
      });
    }
    if (query.role) qb.andWhere("(',' || p.roles || ',') LIKE :role", { role: `%,${query.role},%` });
    if (query.q) qb.andWhere('(LOWER(p.name) LIKE :q OR p.email LIKE :q)', { q: `%${query.q.toLowerCase()}%` });
    if (query.active) qb.andWhere('p.active = :active', { active: query.active === 'true' });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows, total, query, toPersonResponse);
  }

  async get(principal: Principal, id: string) {
    return toPersonResponse(await this.findReadable(this.db.manager, principal, id));
  }

  async create(actor: Principal, dto: CreatePersonDto) {
    this.assertMayGrant(actor, dto.roles);
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    return this.db.write(async (em) => {
      await this.assertUnitInScope(em, actor, dto.orgUnitId);
      await this.assertEmailFree(em, dto.email);
      const { password, ...fields } = dto;
      const person = em.create(Person, { ...fields, title: dto.title ?? null, employmentStart: dto.employmentStart ?? null, passwordHash });
      await em.insert(Person, person);
      await this.audit.created(em, actor, 'person', person.id, { ...fields, password: password ? 'set' : undefined }, {
        subjectPersonId: person.id,
      });
      return toPersonResponse(person);
    });
  }

  async update(actor: Principal, id: string, dto: UpdatePersonDto) {
    if (dto.password !== undefined && !hasRole(actor, 'admin')) throw Problem.forbidden('people.adminSetsPasswords');
    if (dto.roles) this.assertMayGrant(actor, dto.roles);
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    return this.db.write(async (em) => {
      const person = await this.findEditable(em, actor, id);
      if (dto.orgUnitId) await this.assertUnitInScope(em, actor, dto.orgUnitId);
      if (dto.email && dto.email !== person.email) await this.assertEmailFree(em, dto.email);
      if (person.id === actor.id && (dto.active === false || (dto.roles && !dto.roles.includes('admin')))) {
        throw Problem.conflict('people.keepOwnAdmin');
      }
      const { password, ...fields } = dto;
      await this.audit.updated(em, actor, 'person', id, person, { ...fields, passwordHash }, { subjectPersonId: id });
      Object.assign(person, fields, passwordHash ? { passwordHash } : {});
      await em.save(person);
      return toPersonResponse(person);
    });
  }

  deactivate(actor: Principal, id: string) {
    return this.db.write(async (em) => {
      const person = await this.findEditable(em, actor, id);
      if (person.id === actor.id) throw Problem.conflict('people.deactivateSelf');
      if (!person.active) return;
      await this.audit.updated(em, actor, 'person', id, person, { active: false }, { subjectPersonId: id });
      await em.update(Person, { id }, { active: false });
    });
  }

  async findReadable(em: EntityManager, principal: Principal, id: string): Promise<Person> {
    const person = await readablePeople(em.createQueryBuilder(Person, 'p'), 'p', principal)
      .andWhere('p.id = :id', { id })
      .getOne();
    if (!person) throw Problem.notFound('person');
    return person;
  }

  /** Admins edit anyone; introducers and managers only new hires in their own units. */
  private async findEditable(em: EntityManager, actor: Principal, id: string): Promise<Person> {
    const person = await this.findReadable(em, actor, id);
    if (hasRole(actor, 'admin')) return person;
    if (!hasRole(actor, 'introducer', 'manager')) throw Problem.forbidden();
    if (!isOnlyNewHire(person.roles) || person.id === actor.id) throw Problem.forbidden('people.newHiresOnly');
    return person;
  }

  private assertMayGrant(actor: Principal, roles: readonly string[]): void {
    if (hasRole(actor, 'admin')) return;
    if (!hasRole(actor, 'introducer', 'manager')) throw Problem.forbidden();
    if (!isOnlyNewHire(roles)) throw Problem.forbidden('people.newHireRoleOnly');
  }

  private async assertUnitInScope(em: EntityManager, actor: Principal, orgUnitId: string): Promise<void> {
    const qb = em.createQueryBuilder(OrgUnit, 'u').where('u.id = :orgUnitId', { orgUnitId });
    if (!hasRole(actor, 'admin')) qb.andWhere('u.path LIKE :own', { own: `${actor.unitPath}%` });
    if (!(await qb.getExists())) throw Problem.invalidField('orgUnitId', 'people.noSuchOwnUnit');
  }

  private async assertEmailFree(em: EntityManager, email: string): Promise<void> {
    if (await em.existsBy(Person, { email })) {
      throw Problem.conflict('people.emailTaken', {}, [Problem.fieldError('email', 'people.emailTaken')]);
    }
  }
}
