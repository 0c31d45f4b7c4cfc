import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { hasRole, ownUnitsCondition, Principal } from '../../auth/principal';
import { page } from '../../common/pagination';
import { Problem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { Person } from '../../people/people/person.entity';
import { PlanItem } from '../plan-items/plan-item.entity';
import { readablePlans } from '../plan-scope';
import { PlanTemplate } from '../plan-templates/plan-template.entity';
import { PlanAccess } from './plan-access.service';
import { PlanLifecycle } from './plan-lifecycle.service';
import { assertPlanPeople, unitSubtreeCondition } from './plan-people';
import { activityDueDate, addMonths, lectureDueDate, PLAN_MONTHS } from './plan-rules';
import { OPEN_PLAN_STATUSES, Plan } from './plan.entity';
import { CreatePlanDto, PlanQuery, toPlanResponse, UpdatePlanDto } from './dto/plan.dto';

@Injectable()
export class PlansService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly access: PlanAccess,
    private readonly lifecycle: PlanLifecycle,
  ) {}

  async list(principal: Principal, query: PlanQuery) {
    const qb = this.db.manager.createQueryBuilder(Plan, 'p').orderBy('p.start_date', 'DESC').addOrderBy('p.id').take(query.limit).skip(query.offset);
    const scope = readablePlans('p', principal, this.access.today());
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (query.orgUnitId) {
      qb.andWhere(`p.new_hire_id IN (SELECT fh.id FROM person fh WHERE ${unitSubtreeCondition('fh.org_unit_id')})`, { filterUnitId: query.orgUnitId });
    }
    for (const key of ['status', 'introducerId', 'newHireId'] as const) {
      if (query[key]) qb.andWhere(`p.${key} = :${key}`, { [key]: query[key] });
    }
    const [rows, total] = await qb.getManyAndCount();
    return page(rows, total, query, (p) => toPlanResponse(p, this.config.timeZone));
  }

  async get(principal: Principal, id: string) {
    return toPlanResponse(await this.access.readAndRecord(principal, id), this.config.timeZone);
  }

  create(actor: Principal, dto: CreatePlanDto) {
    return this.db.write(async (em) => {
      await this.findHire(em, actor, dto.newHireId);
      if (await em.existsBy(Plan, { newHireId: dto.newHireId, status: In(OPEN_PLAN_STATUSES) })) {
        throw Problem.conflict('plans.openPlanExists');
      }
      const introducerId = dto.introducerId !== undefined ? dto.introducerId : actor.roles.includes('introducer') ? actor.id : null;
      const managerId = dto.managerId !== undefined ? dto.managerId : actor.roles.includes('manager') ? actor.id : null;
      const mentorId = dto.mentorId ?? null;
      await assertPlanPeople(em, { introducerId, managerId, mentorId });
      const endDate = dto.endDate ?? addMonths(dto.startDate, PLAN_MONTHS);
      if (endDate <= dto.startDate) throw Problem.invalidField('endDate', 'plans.endBeforeStart');
      const template = dto.templateId ? await this.findTemplate(em, dto.templateId) : null;
      const plan = em.create(Plan, {
        newHireId: dto.newHireId,
        introducerId,
        managerId,
        mentorId,
        templateId: template?.id ?? null,
        startDate: dto.startDate,
        endDate,
        status: dto.status ?? 'draft',
      });
      await em.save(plan);
      const items = template ? await this.copyItems(em, plan, template) : [];
      await this.audit.created(em, actor, 'plan', plan.id, { ...dto, introducerId, managerId, endDate, items: items.length }, { subjectPersonId: plan.newHireId });
      return toPlanResponse(plan, this.config.timeZone);
    });
  }

  update(actor: Principal, id: string, dto: UpdatePlanDto) {
    return this.db.write(async (em) => {
      const plan = await this.access.findEditable(em, actor, id);
      const { status, closedReason, pausedReason, ...fields } = dto;
      await assertPlanPeople(em, fields);
      const patch: Partial<Plan> = { ...fields, ...(await this.lifecycle.statusChange(em, plan, status, { closedReason, pausedReason })) };
      const startDate = patch.startDate ?? plan.startDate;
      if ((patch.endDate ?? plan.endDate) <= startDate) throw Problem.invalidField('endDate', 'plans.endBeforeStart');
      await this.audit.updated(em, actor, 'plan', id, plan, patch, { subjectPersonId: plan.newHireId });
      Object.assign(plan, patch);
      await em.save(plan);
      return toPlanResponse(plan, this.config.timeZone);
    });
  }

  /** The hire must be an active new hire the caller may plan for (own units; admins anyone). */
  private async findHire(em: EntityManager, actor: Principal, id: string): Promise<Person> {
    const qb = em.createQueryBuilder(Person, 'h').where('h.id = :id AND h.active = :active', { id, active: true });
    if (!hasRole(actor, 'admin')) {
      const own = ownUnitsCondition('h.org_unit_id', actor);
      qb.andWhere(own.sql, own.params);
    }
    const hire = await qb.getOne();
    if (!hire) throw Problem.notFound('newHire');
    if (!hire.roles.includes('newhire')) throw Problem.invalidField('newHireId', 'plans.notNewHire');
    return hire;
  }

  private async findTemplate(em: EntityManager, id: string): Promise<PlanTemplate> {
    const template = await em.findOne(PlanTemplate, { where: { id }, relations: { items: true } });
    if (!template) throw Problem.invalidField('templateId', 'plans.noSuchTemplate');
    return template;
  }

  private async copyItems(em: EntityManager, plan: Plan, template: PlanTemplate): Promise<PlanItem[]> {
    const lectureIds = template.items.map((i) => i.lectureId).filter((id): id is string => !!id);
    const lectures = new Map((lectureIds.length ? await em.findBy(Lecture, { id: In(lectureIds) }) : []).map((l) => [l.id, l]));
    const items = [...template.items]
      .sort((a, b) => a.position - b.position)
      .map((item, position) =>
        em.create(PlanItem, {
          planId: plan.id,
          kind: item.kind,
          lectureId: item.lectureId,
          title: item.title,
          position,
          status: 'planned',
          dueDate:
            item.kind === 'lecture'
              ? lectureDueDate(plan.startDate, lectures.get(item.lectureId!)?.recommendedMonth ?? null)
              : activityDueDate(plan.startDate, item.monthOffset),
        }),
      );
    return items.length ? em.save(items, { chunk: 100 }) : [];
  }
}
