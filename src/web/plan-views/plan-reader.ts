import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { Principal } from '../../auth/principal';
import { todayIn } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { Session } from '../../catalogue/sessions/session.entity';
import { Theme } from '../../catalogue/themes/theme.entity';
import { Enrolment } from '../../enrolment/enrolments/enrolment.entity';
import { waitlistPosition } from '../../enrolment/enrolments/seats';
import { EvaluationReceipt } from '../../follow-up/evaluations/evaluation-receipt.entity';
import { Person } from '../../people/people/person.entity';
import { PlanItem } from '../../plans/plan-items/plan-item.entity';
import { PlanAccess } from '../../plans/plans/plan-access.service';
import { isOverdue } from '../../plans/plans/plan-rules';
import { Plan } from '../../plans/plans/plan.entity';
import { editablePlans } from '../../plans/plan-scope';
import { ItemSums, PlanFigures, toFigures } from '../../plans/progress/progress.dto';
import { itemAggregates } from '../../plans/progress/progress.service';

export interface ItemEnrolment {
  id: string;
  status: Enrolment['status'];
  attendance: Enrolment['attendance'];
  startsAt: Date;
  endsAt: Date;
  started: boolean;
  evaluated: boolean;
  /** 1 = next in line; null unless waitlisted (as the API's waitlistPosition). */
  waitlistPosition: number | null;
}

export interface ItemView {
  id: string;
  kind: PlanItem['kind'];
  lectureId: string | null;
  title: string;
  themeName: string | null;
  days: number | null;
  dueDate: string | null;
  status: PlanItem['status'];
  overdue: boolean;
  waivedReason: string | null;
  changedAfterAgreement: boolean;
  enrolment: ItemEnrolment | null;
}

export interface PlanView {
  plan: Plan;
  hire: { id: string; name: string; email: string; employmentStart: string | null };
  /** Names of the hire's introducer, manager and mentor. */
  names: Map<string, string>;
  items: ItemView[];
  figures: PlanFigures;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * What the plan pages show about one plan. The plan itself is found with PlanAccess, the same
 * scope (and read record) as GET /api/plans/:id: out of scope is 404. Everything else is read
 * only for that plan.
 */
@Injectable()
export class PlanReader {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly access: PlanAccess,
  ) {}

  zone(): string {
    return this.config.timeZone;
  }

  today(): string {
    return todayIn(this.config.timeZone);
  }

  async read(principal: Principal, planId: string): Promise<PlanView> {
    const plan = await this.access.readAndRecord(principal, planId);
    const em = this.db.manager;
    const peopleIds = [plan.newHireId, plan.introducerId, plan.managerId, plan.mentorId].filter((id): id is string => !!id);
    const [people, rows, figures] = await Promise.all([
      em.find(Person, { where: { id: In(peopleIds) }, select: { id: true, name: true, email: true, employmentStart: true } }),
      em.find(PlanItem, { where: { planId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } }),
      this.figures([planId]),
    ]);
    const hire = people.find((p) => p.id === plan.newHireId)!;
    const names = new Map(people.map((p) => [p.id, p.name]));
    return { plan, hire, names, items: await this.itemViews(rows), figures: figures.get(planId) ?? toFigures(undefined, this.config.dayMinutes) };
  }

  /** The day an item happens: its session's (in the programme zone) when it has a place, else its due date. */
  dateOf(item: ItemView): string | null {
    return item.enrolment ? todayIn(this.config.timeZone, item.enrolment.startsAt) : item.dueDate;
  }

  /** Whether the caller may change the plan: the same condition as the API's writes (PlanAccess.findEditable). */
  async mayEdit(principal: Principal, planId: string): Promise<boolean> {
    const qb = this.db.manager.createQueryBuilder(Plan, 'p').where('p.id = :planId', { planId });
    const scope = editablePlans('p', principal);
    if (scope) qb.andWhere(scope.sql, scope.params);
    return qb.getExists();
  }

  /** Progress figures of plans the caller has already been allowed to see (one aggregate query). */
  async figures(planIds: string[]): Promise<Map<string, PlanFigures>> {
    if (!planIds.length) return new Map();
    const rows = await itemAggregates(this.db.manager.createQueryBuilder())
      .where('pi.plan_id IN (:...planIds)', { planIds })
      .setParameter('progressToday', this.today())
      .getRawMany<ItemSums & { plan_id: string }>();
    return new Map(rows.map((r) => [r.plan_id, toFigures(r, this.config.dayMinutes)]));
  }

  /** Each person's next booked session that has not started yet (people the caller may already see). */
  async nextSessions(personIds: string[]): Promise<Map<string, { title: string; startsAt: Date }>> {
    if (!personIds.length) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder(Enrolment, 'e')
      .innerJoin(Session, 's', 's.id = e.session_id')
      .innerJoin(Lecture, 'l', 'l.id = s.lecture_id')
      .select('e.person_id', 'person_id')
      .addSelect('l.title', 'title')
      .addSelect('s.starts_at', 'starts_at')
      .where("e.person_id IN (:...personIds) AND e.status = 'booked' AND s.status = 'scheduled' AND s.starts_at > :now", { personIds, now: new Date() })
      .orderBy('s.starts_at')
      .getRawMany<{ person_id: string; title: string; starts_at: Date | string }>();
    const next = new Map<string, { title: string; startsAt: Date }>();
    for (const r of rows) if (!next.has(r.person_id)) next.set(r.person_id, { title: r.title, startsAt: new Date(r.starts_at) });
    return next;
  }

  private async itemViews(rows: PlanItem[]): Promise<ItemView[]> {
    const em = this.db.manager;
    const lectureIds = [...new Set(rows.map((i) => i.lectureId).filter((id): id is string => !!id))];
    const lectures = new Map((lectureIds.length ? await em.findBy(Lecture, { id: In(lectureIds) }) : []).map((l) => [l.id, l]));
    const themeIds = [...new Set([...lectures.values()].map((l) => l.themeId))];
    const themes = new Map((themeIds.length ? await em.findBy(Theme, { id: In(themeIds) }) : []).map((t) => [t.id, t.name]));
    const enrolments = await this.enrolmentsOf(rows.map((i) => i.id));
    const today = this.today();
    return rows.map((item) => {
      const lecture = item.lectureId ? lectures.get(item.lectureId) : undefined;
      return {
        id: item.id,
        kind: item.kind,
        lectureId: item.lectureId,
        title: (lecture ? lecture.title : item.title) ?? '',
        themeName: lecture ? (themes.get(lecture.themeId) ?? null) : null,
        days: lecture ? oneDecimal(lecture.durationMinutes / this.config.dayMinutes) : null,
        dueDate: item.dueDate,
        status: item.status,
        overdue: isOverdue(item, today),
        waivedReason: item.waivedReason,
        changedAfterAgreement: item.changedAfterAgreement,
        enrolment: enrolments.get(item.id) ?? null,
      };
    });
  }

  /** The latest place (not cancelled) linked to each item, with its session's times, waitlist position and whether it was evaluated. */
  private async enrolmentsOf(itemIds: string[]): Promise<Map<string, ItemEnrolment>> {
    if (!itemIds.length) return new Map();
    const em = this.db.manager;
    const places = await em.find(Enrolment, { where: { planItemId: In(itemIds), status: Not('cancelled') }, order: { createdAt: 'ASC' } });
    if (!places.length) return new Map();
    const sessions = new Map((await em.findBy(Session, { id: In([...new Set(places.map((p) => p.sessionId))]) })).map((s) => [s.id, s]));
    const receipts = new Set((await em.findBy(EvaluationReceipt, { enrolmentId: In(places.map((p) => p.id)) })).map((r) => r.enrolmentId));
    const positions = new Map(await Promise.all(places.filter((p) => p.status === 'waitlisted').map(async (p) => [p.id, await waitlistPosition(em, p)] as const)));
    const now = Date.now();
    const byItem = new Map<string, ItemEnrolment>();
    for (const place of places) {
      const session = sessions.get(place.sessionId)!;
      byItem.set(place.planItemId!, {
        id: place.id,
        status: place.status,
        attendance: place.attendance,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        started: session.startsAt.getTime() <= now,
        evaluated: receipts.has(place.id),
        waitlistPosition: positions.get(place.id) ?? null,
      });
    }
    return byItem;
  }
}
