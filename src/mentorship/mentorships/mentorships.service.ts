import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { page } from '../../common/pagination';
import { todayIn } from '../../common/time';
import { hasRole, ownUnitsCondition, Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { Person } from '../../people/people/person.entity';
import { readablePeople } from '../../people/people/people.service';
import { MentorMeeting } from '../meetings/mentor-meeting.entity';
import { Mentorship } from './mentorship.entity';
import { CreateMentorshipDto, MentorshipQuery, toMentorshipResponse, UpdateMentorshipDto } from './dto/mentorship.dto';

const ACTIVE = '(m.end_date IS NULL OR m.end_date >= :today)';

/** Mentorships the caller may see: all (coordinator, admin), own ones, and for introducers/managers those of hires in own units. */
export function readableMentorships(qb: SelectQueryBuilder<Mentorship>, principal: Principal) {
  if (hasRole(principal, 'coordinator')) return qb;
  const own = '(m.mentor_id = :scopeSelf OR m.mentee_id = :scopeSelf)';
  if (!hasRole(principal, 'introducer', 'manager')) return qb.andWhere(own, { scopeSelf: principal.id });
  const units = ownUnitsCondition('mentee.org_unit_id', principal);
  return qb.andWhere(`(${own} OR m.mentee_id IN (SELECT mentee.id FROM person mentee WHERE ${units.sql}))`, {
    scopeSelf: principal.id,
    ...units.params,
  });
}

@Injectable()
export class MentorshipsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayIn(this.config.timeZone);
  }

  async list(principal: Principal, query: MentorshipQuery) {
    const qb = readableMentorships(this.db.manager.createQueryBuilder(Mentorship, 'm'), principal)
      .orderBy('m.start_date', 'DESC')
      .addOrderBy('m.id')
      .take(query.limit)
      .skip(query.offset);
    if (query.mentorId) qb.andWhere('m.mentor_id = :mentorId', { mentorId: query.mentorId });
    if (query.menteeId) qb.andWhere('m.mentee_id = :menteeId', { menteeId: query.menteeId });
    if (query.active) qb.andWhere(query.active === 'true' ? ACTIVE : `NOT ${ACTIVE}`, { today: this.today() });
    const [rows, total] = await qb.getManyAndCount();
    const today = this.today();
    return page(rows, total, query, (m) => toMentorshipResponse(m, today));
  }

  async get(principal: Principal, id: string) {
    return toMentorshipResponse(await this.findReadable(this.db.manager, principal, id), this.today());
  }

  create(actor: Principal, dto: CreateMentorshipDto) {
    const startDate = dto.startDate ?? this.today();
    const endDate = dto.endDate ?? null;
    assertDates(startDate, endDate);
    if (dto.mentorId === dto.menteeId) throw Problem.invalidField('mentorId', 'mentorships.selfMentor');
    return this.db.write(async (em) => {
      await this.lockPeople(em, [dto.mentorId, dto.menteeId]);
      await this.assertMentee(em, actor, dto.menteeId);
      await this.assertMentor(em, dto.mentorId);
      if (isActive(endDate, this.today())) await this.assertRoom(em, dto.mentorId, dto.menteeId, null);
      const now = new Date();
      const mentorship = em.create(Mentorship, { mentorId: dto.mentorId, menteeId: dto.menteeId, startDate, endDate, createdAt: now, updatedAt: now });
      await em.insert(Mentorship, mentorship);
      const { id, createdAt, updatedAt, deletedAt, ...fields } = mentorship;
      await this.audit.created(em, actor, 'mentorship', id, fields, { subjectPersonId: mentorship.menteeId });
      return toMentorshipResponse(mentorship, this.today());
    });
  }

  update(actor: Principal, id: string, dto: UpdateMentorshipDto) {
    return this.db.write(async (em) => {
      const mentorship = await this.findEditable(em, actor, id);
      const next = { startDate: dto.startDate ?? mentorship.startDate, endDate: dto.endDate === undefined ? mentorship.endDate : dto.endDate };
      assertDates(next.startDate, next.endDate);
      if (isActive(next.endDate, this.today())) {
        await this.lockPeople(em, [mentorship.mentorId, mentorship.menteeId]);
        await this.assertRoom(em, mentorship.mentorId, mentorship.menteeId, mentorship.id);
      }
      await this.audit.updated(em, actor, 'mentorship', id, mentorship, next, { subjectPersonId: mentorship.menteeId });
      Object.assign(mentorship, next, { updatedAt: new Date() });
      await em.save(mentorship);
      return toMentorshipResponse(mentorship, this.today());
    });
  }

  /** Keeps a tombstone (feeds must notice the deletion) and clears the meetings' notes. */
  remove(actor: Principal, id: string) {
    return this.db.write(async (em) => {
      const mentorship = await this.findEditable(em, actor, id);
      const now = new Date();
      await em.update(MentorMeeting, { mentorshipId: id }, { deletedAt: now, updatedAt: now, notes: null });
      await em.update(Mentorship, { id }, { deletedAt: now, updatedAt: now });
      await this.audit.deleted(em, actor, 'mentorship', id, { subjectPersonId: mentorship.menteeId });
    });
  }

  async findReadable(em: EntityManager, principal: Principal, id: string): Promise<Mentorship> {
    const mentorship = await readableMentorships(em.createQueryBuilder(Mentorship, 'm'), principal).andWhere('m.id = :id', { id }).getOne();
    if (!mentorship) throw Problem.notFound('mentorship');
    return mentorship;
  }

  /** Coordinators (and admins) edit any; introducers and managers those of hires in their own units. */
  private async findEditable(em: EntityManager, actor: Principal, id: string): Promise<Mentorship> {
    const mentorship = await this.findReadable(em, actor, id);
    if (hasRole(actor, 'coordinator')) return mentorship;
    const units = ownUnitsCondition('p.org_unit_id', actor);
    const inScope = await em.createQueryBuilder(Person, 'p').where('p.id = :id', { id: mentorship.menteeId }).andWhere(units.sql, units.params).getExists();
    if (!inScope) throw Problem.forbidden('mentorships.outOfScope');
    return mentorship;
  }

  /** Serialises concurrent assignments touching the same mentor or mentee (PostgreSQL; SQLite writes one at a time). */
  private async lockPeople(em: EntityManager, ids: string[]): Promise<void> {
    if (!this.db.isPostgres) return;
    await em.createQueryBuilder(Person, 'p').setLock('pessimistic_write').where('p.id IN (:...ids)', { ids }).orderBy('p.id').getMany();
  }

  private async assertMentee(em: EntityManager, actor: Principal, menteeId: string): Promise<void> {
    const mentee = await readablePeople(em.createQueryBuilder(Person, 'p'), 'p', actor).andWhere('p.id = :menteeId', { menteeId }).getOne();
    if (!mentee || !mentee.active) throw Problem.invalidField('menteeId', 'mentorships.noSuchMentee');
    if (!mentee.roles.includes('newhire')) throw Problem.invalidField('menteeId', 'mentorships.menteeNotNewHire');
  }

  private async assertMentor(em: EntityManager, mentorId: string): Promise<void> {
    const mentor = await em.findOneBy(Person, { id: mentorId, active: true });
    if (!mentor) throw Problem.invalidField('mentorId', 'mentorships.noSuchMentor');
    if (!mentor.roles.includes('mentor')) throw Problem.invalidField('mentorId', 'mentorships.mentorRoleMissing');
  }

  private async assertRoom(em: EntityManager, mentorId: string, menteeId: string, exceptId: string | null): Promise<void> {
    const active = (column: string, personId: string) => {
      const qb = em.createQueryBuilder(Mentorship, 'm').where(`m.${column} = :personId`, { personId }).andWhere(ACTIVE, { today: this.today() });
      if (exceptId) qb.andWhere('m.id <> :exceptId', { exceptId });
      return qb.getCount();
    };
    if ((await active('mentee_id', menteeId)) > 0) throw Problem.conflict('mentorships.menteeTaken');
    const max = this.config.mentorMaxMentees;
    if ((await active('mentor_id', mentorId)) >= max) throw Problem.conflict('mentorships.mentorFull', { max });
  }
}

function isActive(endDate: string | null, today: string): boolean {
  return endDate === null || endDate >= today;
}

function assertDates(startDate: string, endDate: string | null): void {
  if (endDate !== null && endDate < startDate) throw Problem.invalidField('endDate', 'mentorships.endBeforeStart');
}
