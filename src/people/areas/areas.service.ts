import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { PageQuery, page } from '../../common/pagination';
import { Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { Area } from './area.entity';
import { CreateAreaDto, toAreaResponse, UpdateAreaDto } from './dto/area.dto';

@Injectable()
export class AreasService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQuery) {
    const [rows, total] = await this.db.manager.findAndCount(Area, {
      order: { code: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return page(rows, total, query, toAreaResponse);
  }

  async exists(code: string): Promise<boolean> {
    return this.db.manager.existsBy(Area, { code });
  }

  create(actor: Principal, dto: CreateAreaDto) {
    return this.db.write(async (em) => {
      if (await em.existsBy(Area, { code: dto.code })) throw Problem.conflict('areas.codeTaken', { code: dto.code });
      const area = await em.save(em.create(Area, dto));
      await this.audit.created(em, actor, 'area', area.code, dto);
      return toAreaResponse(area);
    });
  }

  update(actor: Principal, code: string, dto: UpdateAreaDto) {
    return this.db.write(async (em) => {
      const area = await em.findOneBy(Area, { code });
      if (!area) throw Problem.notFound('area');
      await this.audit.updated(em, actor, 'area', code, area, dto);
      return toAreaResponse(await em.save(Object.assign(area, dto)));
    });
  }
}
