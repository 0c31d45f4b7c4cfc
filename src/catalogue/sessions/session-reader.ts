import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { page } from '../../common/pagination';
import { isCalendarDate, parseInstant } from '../../common/time';
import { linkedIds } from '../catalogue-refs';
import { Lecture } from '../lectures/lecture.entity';
import { Session } from './session.entity';
import { SessionSlot } from './session-slot.entity';
import { SessionQuery, SessionView, toSessionResponse } from './dto/session.dto';

/** Reads sessions with their slots, lecturers, lecture title and waitlist count: a fixed number of queries per page. */
@Injectable()
export class SessionReader {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  async list(query: SessionQuery) {
    const { views, total } = await this.search(query, true);
    return page(views, total, query, (view) => toSessionResponse(view, this.config.timeZone));
  }

  async get(id: string, em: EntityManager = this.db.manager) {
    const [view] = await this.views(this.base(em).where('s.id = :id', { id }), em);
    if (!view) throw Problem.notFound('session');
    return toSessionResponse(view, this.config.timeZone);
  }

  /** Sessions with a slot in [from, to), by lecture, theme, venue, lecturer or status; ordered by start. */
  async search(query: SessionQuery, paged: boolean): Promise<{ views: SessionView[]; total: number }> {
    const qb = this.base(this.db.manager);
    if (query.from || query.to) {
      const from = query.from ? this.bound(query.from, false) : new Date(0);
      const to = query.to ? this.bound(query.to, true) : new Date('9999-12-31T00:00:00Z');
      // The session's own span (first start, last end) narrows the index scan; the slots decide.
      qb.andWhere('s.ends_at > :from AND s.starts_at < :to', { from, to });
      qb.andWhere('EXISTS (SELECT 1 FROM session_slot fs WHERE fs.session_id = s.id AND fs.ends_at > :from AND fs.starts_at < :to)', { from, to });
    }
    if (query.lectureId) qb.andWhere('s.lecture_id = :lectureId', { lectureId: query.lectureId });
    if (query.themeId) qb.andWhere('l.theme_id = :themeId', { themeId: query.themeId });
    if (query.venueId) qb.andWhere('s.venue_id = :venueId', { venueId: query.venueId });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.lecturerId) {
      qb.andWhere('EXISTS (SELECT 1 FROM session_lecturer sl WHERE sl.session_id = s.id AND sl.lecturer_id = :lecturerId)', { lecturerId: query.lecturerId });
    }
    const total = await qb.getCount();
    if (paged) qb.offset(query.offset).limit(query.limit);
    return { views: await this.views(qb, this.db.manager), total };
  }

  private base(em: EntityManager): SelectQueryBuilder<Session> {
    return em
      .createQueryBuilder(Session, 's')
      .innerJoin(Lecture, 'l', 'l.id = s.lecture_id')
      .addSelect('l.title', 'lecture_title')
      .addSelect("(SELECT COUNT(*) FROM enrolment w WHERE w.session_id = s.id AND w.status = 'waitlisted')", 'waitlist_count')
      .orderBy('s.starts_at')
      .addOrderBy('s.id');
  }

  private async views(qb: SelectQueryBuilder<Session>, em: EntityManager): Promise<SessionView[]> {
    const { entities, raw } = await qb.getRawAndEntities<{ s_id: string; lecture_title: string; waitlist_count: string | number }>();
    const ids = entities.map((s) => s.id);
    const slots = ids.length ? await em.find(SessionSlot, { where: { sessionId: In(ids) }, order: { startsAt: 'ASC' } }) : [];
    const lecturers = await linkedIds(em, 'session_lecturer', 'session_id', 'lecturer_id', ids);
    const rows = new Map(raw.map((r) => [r.s_id, r]));
    return entities.map((session) => {
      const row = rows.get(session.id)!;
      return {
        session,
        slots: slots.filter((slot) => slot.sessionId === session.id),
        lecturerIds: lecturers.get(session.id)!,
        title: row.lecture_title,
        waitlistCount: Number(row.waitlist_count),
      };
    });
  }

  /** A date means local midnight in the programme's zone; `to` as a date includes that whole day. */
  private bound(value: string, end: boolean): Date {
    if (!isCalendarDate(value)) return parseInstant(value);
    const day = DateTime.fromISO(value, { zone: this.config.timeZone });
    return (end ? day.plus({ days: 1 }) : day).toJSDate();
  }
}
