import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { page } from '../../common/pagination';
import { Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { checkAreaCodes } from '../catalogue-refs';
import { Lecture } from '../lectures/lecture.entity';
import { Theme } from './theme.entity';
import { CreateThemeDto, ThemeQuery, toThemeResponse, UpdateThemeDto } from './dto/theme.dto';

@Injectable()
export class ThemesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(query: ThemeQuery) {
    const qb = this.db.manager.createQueryBuilder(Theme, 't').orderBy('t.position').addOrderBy('t.name').take(query.limit).skip(query.offset);
    if (query.audience) qb.andWhere('t.audience = :audience', { audience: query.audience });
    if (query.areaCode) qb.andWhere('t.area_code = :areaCode', { areaCode: query.areaCode });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows, total, query, toThemeResponse);
  }

  async get(id: string) {
    return toThemeResponse(await this.find(this.db.manager, id));
  }

  create(actor: Principal, dto: CreateThemeDto) {
    return this.db.write(async (em) => {
      const theme = em.create(Theme, { description: null, position: 0, ...dto, areaCode: dto.areaCode ?? null });
      await this.check(em, theme);
      await em.save(theme);
      await this.audit.created(em, actor, 'theme', theme.id, dto);
      return toThemeResponse(theme);
    });
  }

  update(actor: Principal, id: string, dto: UpdateThemeDto) {
    return this.db.write(async (em) => {
      const theme = await this.find(em, id);
      const patch = dto.audience === 'all' && dto.areaCode === undefined ? { ...dto, areaCode: null } : dto;
      await this.audit.updated(em, actor, 'theme', id, theme, patch);
      Object.assign(theme, patch);
      await this.check(em, theme);
      return toThemeResponse(await em.save(theme));
    });
  }

  remove(actor: Principal, id: string) {
    return this.db.write(async (em) => {
      await this.find(em, id);
      if (await em.existsBy(Lecture, { themeId: id })) throw Problem.conflict('themes.hasLectures');
      await em.delete(Theme, { id });
      await this.audit.deleted(em, actor, 'theme', id);
    });
  }

  private async find(em: EntityManager, id: string): Promise<Theme> {
    const theme = await em.findOneBy(Theme, { id });
    if (!theme) throw Problem.notFound('theme');
    return theme;
  }

  /** An area block names its area; a block for everyone names none. Names are unique. */
  private async check(em: EntityManager, theme: Theme): Promise<void> {
    if (theme.audience === 'area' && !theme.areaCode) throw Problem.invalidField('areaCode', 'themes.areaRequired');
    if (theme.audience === 'all' && theme.areaCode) throw Problem.invalidField('areaCode', 'themes.areaNotAllowed');
    if (theme.areaCode) await checkAreaCodes(em, [theme.areaCode], 'areaCode');
    if (await em.existsBy(Theme, { name: theme.name, ...(theme.id ? { id: Not(theme.id) } : {}) })) {
      throw Problem.conflict('themes.nameTaken', { name: theme.name });
    }
  }
}
