import { Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../auth/principal';
import { page } from '../../common/pagination';
import { Problem } from '../../common/problem';
import { Db } from '../../database/db.service';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { Area } from '../../people/areas/area.entity';
import { PlanTemplate } from './plan-template.entity';
import { PlanTemplateItem } from './plan-template-item.entity';
import { CreatePlanTemplateDto, PlanTemplateQuery, TemplateItemDto, toPlanTemplateResponse, UpdatePlanTemplateDto } from './dto/plan-template.dto';

@Injectable()
export class PlanTemplatesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(query: PlanTemplateQuery) {
    const [rows, total] = await this.db.manager.findAndCount(PlanTemplate, {
      where: query.areaCode ? { areaCode: query.areaCode } : {},
      relations: { items: true },
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return page(rows, total, query, toPlanTemplateResponse);
  }

  async get(id: string) {
    return toPlanTemplateResponse(await this.find(this.db.manager, id));
  }

  create(actor: Principal, dto: CreatePlanTemplateDto) {
    return this.db.write(async (em) => {
      await this.assertValid(em, dto);
      const template = em.create(PlanTemplate, { name: dto.name, areaCode: dto.areaCode ?? null, items: this.toItems(em, dto.items) });
      await em.save(template);
      await this.audit.created(em, actor, 'plan-template', template.id, dto);
      return toPlanTemplateResponse(template);
    });
  }

  update(actor: Principal, id: string, dto: UpdatePlanTemplateDto) {
    return this.db.write(async (em) => {
      const template = await this.find(em, id);
      await this.assertValid(em, dto, id);
      await this.audit.updated(em, actor, 'plan-template', id, { ...template, items: toPlanTemplateResponse(template).items }, dto);
      if (dto.name !== undefined) template.name = dto.name;
      if (dto.areaCode !== undefined) template.areaCode = dto.areaCode;
      await em.update(PlanTemplate, { id }, { name: template.name, areaCode: template.areaCode });
      if (dto.items) {
        await em.delete(PlanTemplateItem, { templateId: id });
        template.items = await em.save(this.toItems(em, dto.items).map((item) => Object.assign(item, { templateId: id })));
      }
      return toPlanTemplateResponse(template);
    });
  }

  remove(actor: Principal, id: string) {
    return this.db.write(async (em) => {
      await this.find(em, id);
      await em.delete(PlanTemplate, { id });
      await this.audit.deleted(em, actor, 'plan-template', id);
    });
  }

  async find(em: EntityManager, id: string): Promise<PlanTemplate> {
    const template = await em.findOne(PlanTemplate, { where: { id }, relations: { items: true } });
    if (!template) throw Problem.notFound('planTemplate');
    return template;
  }

  private toItems(em: EntityManager, items: TemplateItemDto[]): PlanTemplateItem[] {
    return items.map((item, position) => {
      const kind = item.kind ?? (item.lectureId ? 'lecture' : 'activity');
      return em.create(PlanTemplateItem, {
        position,
        kind,
        lectureId: kind === 'lecture' ? item.lectureId : null,
        title: kind === 'activity' ? item.title : null,
        monthOffset: kind === 'activity' ? (item.monthOffset ?? null) : null,
      });
    });
  }

  private async assertValid(em: EntityManager, dto: Partial<CreatePlanTemplateDto>, id?: string): Promise<void> {
    if (dto.name !== undefined && (await em.existsBy(PlanTemplate, { name: dto.name, ...(id ? { id: Not(id) } : {}) }))) {
      throw Problem.conflict('planTemplates.nameTaken', {}, [Problem.fieldError('name', 'planTemplates.nameTaken')]);
    }
    if (dto.areaCode && !(await em.existsBy(Area, { code: dto.areaCode }))) throw Problem.invalidField('areaCode', 'references.noSuchArea');
    const items = dto.items ?? [];
    items.forEach((item, i) => {
      const kind = item.kind ?? (item.lectureId ? 'lecture' : 'activity');
      if (kind === 'lecture' && !item.lectureId) throw Problem.invalidField(`items.${i}.lectureId`, 'planItems.lectureRequired');
      if (kind === 'activity' && !item.title) throw Problem.invalidField(`items.${i}.title`, 'planItems.titleRequired');
    });
    const lectureIds = [...new Set(items.map((i) => i.lectureId).filter((l): l is string => !!l))];
    if (lectureIds.length && (await em.countBy(Lecture, { id: In(lectureIds) })) !== lectureIds.length) {
      throw Problem.invalidField('items', 'planTemplates.unknownLecture');
    }
  }
}
