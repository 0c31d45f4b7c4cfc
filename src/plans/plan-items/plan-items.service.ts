import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../auth/principal';
import { Page, PageQuery } from '../../common/pagination';
import { Problem } from '../../common/problem';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { PlanAccess } from '../plans/plan-access.service';
import { lectureDueDate } from '../plans/plan-rules';
import { Plan } from '../plans/plan.entity';
import { PlanItem } from './plan-item.entity';
import { changesAgreement, itemPatch } from './plan-item-rules';
import { CreatePlanItemDto, PlanItemResponse, toPlanItemResponse, UpdatePlanItemDto } from './dto/plan-item.dto';

@Injectable()
export class PlanItemsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly access: PlanAccess,
  ) {}

  async list(principal: Principal, planId: string, query: PageQuery): Promise<Page<PlanItemResponse>> {
    await this.access.readAndRecord(principal, planId);
    const [items, total] = await this.db.manager.findAndCount(PlanItem, {
      where: { planId },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: await this.toResponses(this.db.manager, items), total, limit: query.limit, offset: query.offset };
  }

  create(actor: Principal, planId: string, dto: CreatePlanItemDto) {
    return this.db.write(async (em) => {
      const plan = await this.access.findOpenEditable(em, actor, planId);
      const kind = dto.kind ?? (dto.lectureId ? 'lecture' : 'activity');
      let dueDate = dto.dueDate ?? null;
      if (kind === 'lecture') {
        const lecture = await this.findLecture(em, plan, dto.lectureId);
        dueDate ??= lectureDueDate(plan.startDate, lecture.recommendedMonth);
      } else if (!dto.title) throw Problem.invalidField('title', 'planItems.titleRequired');
      const position = dto.position ?? (await this.nextPosition(em, planId));
      const item = em.create(PlanItem, {
        planId,
        kind,
        lectureId: kind === 'lecture' ? dto.lectureId : null,
        title: kind === 'activity' ? dto.title : null,
        dueDate,
        position,
        status: 'planned',
        changedAfterAgreement: plan.agreedAt !== null,
      });
      await em.save(item);
      await this.audit.created(em, actor, 'plan-item', item.id, { ...dto, planId, kind, dueDate, position }, { subjectPersonId: plan.newHireId });
      return (await this.toResponses(em, [item]))[0];
    });
  }

  update(actor: Principal, planId: string, itemId: string, dto: UpdatePlanItemDto) {
    return this.db.write(async (em) => {
      const plan = await this.access.findOpenEditable(em, actor, planId);
      const item = await this.findItem(em, planId, itemId);
      const patch = itemPatch(item, dto);
      if (plan.agreedAt && changesAgreement(item, patch)) patch.changedAfterAgreement = true;
      await this.audit.updated(em, actor, 'plan-item', itemId, item, patch, { subjectPersonId: plan.newHireId });
      Object.assign(item, patch);
      await em.save(item);
      return (await this.toResponses(em, [item]))[0];
    });
  }

  remove(actor: Principal, planId: string, itemId: string) {
    return this.db.write(async (em) => {
      const plan = await this.access.findOpenEditable(em, actor, planId);
      const item = await this.findItem(em, planId, itemId);
      if (item.status === 'booked') throw Problem.conflict('planItems.bookedCannotDelete');
      await em.delete(PlanItem, { id: itemId });
      await this.audit.deleted(em, actor, 'plan-item', itemId, { subjectPersonId: plan.newHireId });
    });
  }

  private async findItem(em: EntityManager, planId: string, id: string): Promise<PlanItem> {
    const item = await em.findOneBy(PlanItem, { id, planId });
    if (!item) throw Problem.notFound('planItem');
    return item;
  }

  private async findLecture(em: EntityManager, plan: Plan, lectureId: string | undefined): Promise<Lecture> {
    if (!lectureId) throw Problem.invalidField('lectureId', 'planItems.lectureRequired');
    const lecture = await em.findOneBy(Lecture, { id: lectureId });
    if (!lecture) throw Problem.invalidField('lectureId', 'references.noSuchLecture');
    if (await em.existsBy(PlanItem, { planId: plan.id, lectureId })) throw Problem.conflict('planItems.lectureAlreadyInPlan');
    return lecture;
  }

  private async nextPosition(em: EntityManager, planId: string): Promise<number> {
    const row = await em.createQueryBuilder(PlanItem, 'pi').select('MAX(pi.position)', 'max').where('pi.plan_id = :planId', { planId }).getRawOne<{ max: unknown }>();
    return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
  }

  private async toResponses(em: EntityManager, items: PlanItem[]): Promise<PlanItemResponse[]> {
    const ids = [...new Set(items.map((i) => i.lectureId).filter((id): id is string => !!id))];
    const lectures = new Map((ids.length ? await em.find(Lecture, { where: { id: In(ids) }, select: { id: true, title: true } }) : []).map((l) => [l.id, l.title]));
    const today = this.access.today();
    return items.map((i) => toPlanItemResponse(i, i.lectureId ? (lectures.get(i.lectureId) ?? null) : null, this.config.timeZone, today));
  }
}
