import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { page } from '../../common/pagination';
import { Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { Session } from '../sessions/session.entity';
import { Venue } from './venue.entity';
import { CreateVenueDto, toVenueResponse, UpdateVenueDto, VenueQuery } from './dto/venue.dto';

@Injectable()
export class VenuesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(query: VenueQuery) {
    const where = query.active === undefined ? {} : { active: query.active };
    const [rows, total] = await this.db.manager.findAndCount(Venue, { where, order: { name: 'ASC' }, take: query.limit, skip: query.offset });
    return page(rows, total, query, toVenueResponse);
  }

  async get(id: string) {
    return toVenueResponse(await this.find(this.db.manager, id));
  }

  create(actor: Principal, dto: CreateVenueDto) {
    return this.db.write(async (em) => {
      await this.checkName(em, dto.name);
      const venue = await em.save(em.create(Venue, { address: null, active: true, ...dto }));
      await this.audit.created(em, actor, 'venue', venue.id, dto);
      return toVenueResponse(venue);
    });
  }

  update(actor: Principal, id: string, dto: UpdateVenueDto) {
    return this.db.write(async (em) => {
      const venue = await this.find(em, id);
      if (dto.name !== undefined) await this.checkName(em, dto.name, id);
      await this.audit.updated(em, actor, 'venue', id, venue, dto);
      return toVenueResponse(await em.save(Object.assign(venue, dto)));
    });
  }

  remove(actor: Principal, id: string) {
    return this.db.write(async (em) => {
      await this.find(em, id);
      if (await em.existsBy(Session, { venueId: id })) throw Problem.conflict('venues.inUse');
      await em.delete(Venue, { id });
      await this.audit.deleted(em, actor, 'venue', id);
    });
  }

  private async find(em: EntityManager, id: string): Promise<Venue> {
    const venue = await em.findOneBy(Venue, { id });
    if (!venue) throw Problem.notFound('venue');
    return venue;
  }

  private async checkName(em: EntityManager, name: string, self?: string): Promise<void> {
    if (await em.existsBy(Venue, { name, ...(self ? { id: Not(self) } : {}) })) throw Problem.conflict('venues.nameTaken', { name });
  }
}
