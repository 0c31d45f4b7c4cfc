import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { page } from '../../common/pagination';
import { Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { checkAreaCodes, deleteOrConflict, findLecturers, linkedIds } from '../catalogue-refs';
import { Session } from '../sessions/session.entity';
import { Theme } from '../themes/theme.entity';
import { Lecture } from './lecture.entity';
import { CreateLectureDto, LectureQuery, toLectureResponse, UpdateLectureDto } from './dto/lecture.dto';

export interface LectureRow {
  lecture: Lecture;
  lecturerIds: string[];
}

@Injectable()
export class LecturesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(query: LectureQuery) {
    const { rows, total } = await this.search(query, true);
    return page(rows, total, query, (row) => toLectureResponse(row.lecture, row.lecturerIds));
  }

  /** Matching lectures with their lecturer ids; `paged` false gives every match (CSV export). */
  async search(query: LectureQuery, paged: boolean): Promise<{ rows: LectureRow[]; total: number }> {
    const qb = this.db.manager.createQueryBuilder(Lecture, 'l').orderBy('l.title').addOrderBy('l.id');
    if (paged) qb.take(query.limit).skip(query.offset);
    if (query.themeId) qb.andWhere('l.theme_id = :themeId', { themeId: query.themeId });
    if (query.areaCode) qb.andWhere("(',' || l.area_codes || ',') LIKE :area", { area: `%,${query.areaCode},%` });
    if (query.active !== undefined) qb.andWhere('l.active = :active', { active: query.active });
    if (query.level) qb.andWhere('l.level = :level', { level: query.level });
    if (query.q) qb.andWhere("LOWER(l.title || ' ' || COALESCE(l.description, '')) LIKE :q", { q: `%${query.q.toLowerCase()}%` });
    const [lectures, total] = await qb.getManyAndCount();
    const lecturers = await linkedIds(this.db.manager, 'lecture_lecturer', 'lecture_id', 'lecturer_id', lectures.map((l) => l.id));
    return { rows: lectures.map((lecture) => ({ lecture, lecturerIds: lecturers.get(lecture.id)! })), total };
  }

  async get(id: string) {
    return toLectureResponse(await this.find(this.db.manager, id));
  }

  create(actor: Principal, dto: CreateLectureDto) {
    return this.db.write((em) => this.createIn(em, actor, dto));
  }

  update(actor: Principal, id: string, dto: UpdateLectureDto) {
    return this.db.write(async (em) => this.updateIn(em, actor, await this.find(em, id), dto));
  }

  /** Creates a lecture inside the caller's transaction (the API and the CSV import). */
  async createIn(em: EntityManager, actor: Principal, dto: CreateLectureDto) {
    const lecture = em.create(Lecture, { description: null, level: 'basic', format: 'in_person', recommendedMonth: null, active: true, ...dto });
    const theme = await this.check(em, lecture, dto);
    lecture.areaCodes = dto.areaCodes ?? (theme.areaCode ? [theme.areaCode] : []);
    await checkAreaCodes(em, lecture.areaCodes);
    lecture.lecturers = await findLecturers(em, dto.lecturerIds ?? []);
    await em.save(lecture);
    await this.audit.created(em, actor, 'lecture', lecture.id, dto);
    return toLectureResponse(lecture);
  }

  /** Changes a lecture; a new title reaches its sessions' calendar entries, so their sequence rises. */
  async updateIn(em: EntityManager, actor: Principal, lecture: Lecture, dto: UpdateLectureDto) {
    const before = { ...lecture, lecturerIds: lecture.lecturers.map((l) => l.id) };
    const titleChanged = dto.title !== undefined && dto.title !== lecture.title;
    const { lecturerIds, ...fields } = dto;
    Object.assign(lecture, fields);
    await this.check(em, lecture, dto);
    if (dto.areaCodes) await checkAreaCodes(em, dto.areaCodes);
    if (lecturerIds) lecture.lecturers = await findLecturers(em, lecturerIds);
    await this.audit.updated(em, actor, 'lecture', lecture.id, before, dto);
    await em.save(lecture);
    if (titleChanged) await em.increment(Session, { lectureId: lecture.id }, 'sequence', 1);
    return toLectureResponse(lecture);
  }

  remove(actor: Principal, id: string) {
    return this.db.write(async (em) => {
      await this.find(em, id);
      if (await em.existsBy(Session, { lectureId: id })) throw Problem.conflict('lectures.usedBySessions');
      await deleteOrConflict(em, () => em.delete(Lecture, { id }), 'lectures.usedByPlans');
      await this.audit.deleted(em, actor, 'lecture', id);
    });
  }

  async find(em: EntityManager, id: string): Promise<Lecture> {
    const lecture = await em.findOne(Lecture, { where: { id }, relations: { lecturers: true } });
    if (!lecture) throw Problem.notFound('lecture');
    return lecture;
  }

  /** The theme must exist and titles are unique (the CSV import and seeds find lectures by title). */
  private async check(em: EntityManager, lecture: Lecture, dto: UpdateLectureDto): Promise<Theme> {
    const theme = await em.findOneBy(Theme, { id: lecture.themeId });
    if (!theme) throw Problem.invalidField('themeId', 'references.noSuchTheme');
    if (dto.title !== undefined && (await em.existsBy(Lecture, { title: lecture.title, ...(lecture.id ? { id: Not(lecture.id) } : {}) }))) {
      throw Problem.conflictOn('title', 'lectures.titleTaken', { title: lecture.title });
    }
    return theme;
  }
}
