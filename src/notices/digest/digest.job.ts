import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { Session } from '../../catalogue/sessions/session.entity';
import { Enrolment } from '../../enrolment/enrolments/enrolment.entity';
import { OPEN_PLAN_STATUSES, Plan } from '../../plans/plans/plan.entity';
import { PlanItem } from '../../plans/plan-items/plan-item.entity';
import { peopleById } from '../notice-facts';
import type { DigestHire } from '../notice-payload';
import { insertNotice } from '../outbox/outbox-writes';

const UPCOMING_DAYS = 14;
/** The digest is due from Monday 07:00 in the programme's zone; each introducer gets one per ISO week. */
const DIGEST_WEEKDAY = 1;
const DIGEST_HOUR = 7;

/**
 * Queues the weekly digest for every introducer with hires in an open plan: their hires' sessions
 * in the next two weeks and overdue plan items. Idempotent per week (dedupe key
 * `weekly_digest:<introducerId>:<ISO week>`), so every process may run it; each remembers the
 * last week it did to skip the queries afterwards.
 */
@Injectable()
export class DigestJob {
  private doneWeek: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  async run(now: Date): Promise<void> {
    const local = DateTime.fromJSDate(now, { zone: this.config.timeZone });
    const week = local.toFormat("kkkk-'W'WW");
    const due = local.startOf('week').set({ weekday: DIGEST_WEEKDAY, hour: DIGEST_HOUR });
    if (this.doneWeek === week || local < due) return;
    // Only notices: nothing a cached read shows.
    await this.db.write((em) => this.queueDigests(em, now, week), { changesReads: false });
    this.doneWeek = week;
  }

  private async queueDigests(em: EntityManager, now: Date, week: string): Promise<void> {
    const plans = await em.findBy(Plan, { status: In(OPEN_PLAN_STATUSES), introducerId: Not(IsNull()) });
    if (!plans.length) return;
    const people = await peopleById(em, plans.flatMap((p) => [p.newHireId, p.introducerId!]));
    const byIntroducer = new Map<string, DigestHire[]>();
    const upcoming = await this.upcoming(em, plans, now);
    const overdue = await this.overdue(em, plans, now);
    for (const plan of plans) {
      const hire = people.get(plan.newHireId);
      if (!hire?.active) continue;
      const entry = { name: hire.name, upcoming: upcoming.get(hire.id) ?? [], overdue: overdue.get(plan.id) ?? [] };
      if (!entry.upcoming.length && !entry.overdue.length) continue;
      byIntroducer.set(plan.introducerId!, [...(byIntroducer.get(plan.introducerId!) ?? []), entry]);
    }
    for (const [introducerId, hires] of byIntroducer) {
      const introducer = people.get(introducerId);
      if (!introducer?.active) continue;
      await insertNotice(em, {
        kind: 'weekly_digest',
        recipientId: introducerId,
        dedupeKey: `weekly_digest:${introducerId}:${week}`,
        language: introducer.language,
        payload: { personal: { hires } },
        sendAfter: now,
      });
    }
  }

  private async upcoming(em: EntityManager, plans: Plan[], now: Date): Promise<Map<string, DigestHire['upcoming']>> {
    const until = new Date(now.getTime() + UPCOMING_DAYS * 86400_000);
    const enrolments = await em
      .createQueryBuilder(Enrolment, 'e')
      .innerJoin(Session, 's', 's.id = e.session_id')
      .where("e.person_id IN (:...hires) AND e.status IN ('booked', 'waitlisted') AND s.status = 'scheduled'", {
        hires: plans.map((p) => p.newHireId),
      })
      .andWhere('s.starts_at >= :now AND s.starts_at < :until', { now, until })
      .getMany();
    const sessions = await this.byId(em, Session, enrolments.map((e) => e.sessionId));
    const titles = await this.lectureTitles(em, [...sessions.values()].map((s) => s.lectureId));
    const result = new Map<string, DigestHire['upcoming']>();
    for (const e of enrolments.sort((a, b) => +sessions.get(a.sessionId)!.startsAt - +sessions.get(b.sessionId)!.startsAt)) {
      const session = sessions.get(e.sessionId)!;
      const item = { title: titles.get(session.lectureId) ?? '', startsAt: session.startsAt.toISOString(), waitlisted: e.status === 'waitlisted' };
      result.set(e.personId, [...(result.get(e.personId) ?? []), item]);
    }
    return result;
  }

  private async overdue(em: EntityManager, plans: Plan[], now: Date): Promise<Map<string, DigestHire['overdue']>> {
    const today = DateTime.fromJSDate(now, { zone: this.config.timeZone }).toISODate()!;
    const items = await em
      .createQueryBuilder(PlanItem, 'i')
      .where("i.plan_id IN (:...plans) AND i.due_date < :today AND i.status IN ('planned', 'booked')", { plans: plans.map((p) => p.id), today })
      .orderBy('i.due_date', 'ASC')
      .getMany();
    const titles = await this.lectureTitles(em, items.map((i) => i.lectureId).filter((id): id is string => id !== null));
    const result = new Map<string, DigestHire['overdue']>();
    for (const i of items) {
      const item = { title: i.title ?? titles.get(i.lectureId ?? '') ?? '', dueDate: i.dueDate! };
      result.set(i.planId, [...(result.get(i.planId) ?? []), item]);
    }
    return result;
  }

  private async lectureTitles(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const lectures = await this.byId(em, Lecture, ids);
    return new Map([...lectures].map(([id, l]) => [id, l.title]));
  }

  private async byId<T extends { id: string }>(em: EntityManager, entity: new () => T, ids: string[]): Promise<Map<string, T>> {
    if (!ids.length) return new Map();
    const rows = await em.getRepository(entity).findBy({ id: In([...new Set(ids)]) } as never);
    return new Map(rows.map((r) => [r.id, r]));
  }
}
