import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { page } from '../../common/pagination';
import { Principal } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { Person } from '../../people/people/person.entity';
import { Lecturer } from './lecturer.entity';
import { CreateLecturerDto, LecturerQuery, toLecturerResponse, UpdateLecturerDto } from './dto/lecturer.dto';

@Injectable()
export class LecturersService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(query: LecturerQuery) {
    const qb = this.db.manager.createQueryBuilder(Lecturer, 'lr').orderBy('lr.name').addOrderBy('lr.id').take(query.limit).skip(query.offset);
    if (query.internal !== undefined) qb.andWhere('lr.internal = :internal', { internal: query.internal });
    if (query.active !== undefined) qb.andWhere('lr.active = :active', { active: query.active });
    if (query.q) {
      qb.andWhere("LOWER(lr.name || ' ' || COALESCE(lr.email, '') || ' ' || COALESCE(lr.organisation, '') || ' ' || lr.topics) LIKE :q", {
        q: `%${query.q.toLowerCase()}%`,
      });
    }
    const [rows, total] = await qb.getManyAndCount();
    return page(rows, total, query, toLecturerResponse);
  }

  async get(id: string) {
    return toLecturerResponse(await this.find(this.db.manager, id));
  }

  create(actor: Principal, dto: CreateLecturerDto) {
    return this.db.write(async (em) => {
      await this.checkPerson(em, dto.personId);
      const lecturer = await em.save(
        em.create(Lecturer, { email: null, organisation: null, internal: true, personId: null, topics: [], active: true, ...dto }),
      );
      await this.audit.created(em, actor, 'lecturer', lecturer.id, dto);
      return toLecturerResponse(lecturer);
    });
  }

  update(actor: Principal, id: string, dto: UpdateLecturerDto) {
    return this.db.write(async (em) => {
      const lecturer = await this.find(em, id);
      await this.checkPerson(em, dto.personId);
      await this.audit.updated(em, actor, 'lecturer', id, lecturer, dto);
      return toLecturerResponse(await em.save(Object.assign(lecturer, dto)));
    });
  }

  remove(actor: Principal, id: string) {
    return this.db.write(async (em) => {
      await this.find(em, id);
      if ((await this.usedIn(em, 'lecture_lecturer', id)) || (await this.usedIn(em, 'session_lecturer', id))) {
        throw Problem.conflict('lecturers.inUse');
      }
      await em.delete(Lecturer, { id });
      await this.audit.deleted(em, actor, 'lecturer', id);
    });
  }

  private async find(em: EntityManager, id: string): Promise<Lecturer> {
    const lecturer = await em.findOneBy(Lecturer, { id });
    if (!lecturer) throw Problem.notFound('lecturer');
    return lecturer;
  }

  private async usedIn(em: EntityManager, table: string, id: string): Promise<boolean> {
    const row = await em.createQueryBuilder().select('1', 'one').from(table, 'x').where('x.lecturer_id = :id', { id }).limit(1).getRawOne();
    return row !== undefined;
  }

  private async checkPerson(em: EntityManager, personId: string | null | undefined): Promise<void> {
    if (personId && !(await em.existsBy(Person, { id: personId }))) throw Problem.invalidField('personId', 'references.noSuchPerson');
  }
}
