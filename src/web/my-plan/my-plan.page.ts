import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Principal } from '../../auth/principal';
import { Db } from '../../database/db.service';
import { ProgrammeEvaluationReceipt } from '../../follow-up/programme/programme-evaluation-receipt.entity';
import { PROGRAMME_EVALUATION_MONTHS } from '../../follow-up/programme/programme-evaluations.service';
import { PlanQuery } from '../../plans/plans/dto/plan.dto';
import { OPEN_PLAN_STATUSES } from '../../plans/plans/plan.entity';
import { PlansService } from '../../plans/plans/plans.service';
import { ItemView, PlanReader, PlanView } from '../plan-views/plan-reader';
import { byTerm } from '../plan-views/plan-time';

/** The new hire's own plan: the open one, else the latest (GET /api/plans?newHireId=me, the same scope). */
@Injectable()
export class MyPlan {
  constructor(
    private readonly plans: PlansService,
    private readonly reader: PlanReader,
    private readonly db: Db,
  ) {}

  today(): string {
    return this.reader.today();
  }

  async currentId(principal: Principal): Promise<string | null> {
    const { items } = await this.plans.list(principal, Object.assign(new PlanQuery(), { newHireId: principal.id, limit: 20 }));
    return (items.find((p) => OPEN_PLAN_STATUSES.includes(p.status)) ?? items[0])?.id ?? null;
  }

  async view(principal: Principal): Promise<PlanView | null> {
    const id = await this.currentId(principal);
    return id ? this.reader.read(principal, id) : null;
  }

  /** The plan's items by term: a booked (or attended) session by its own day, anything else by its due date. */
  terms<T extends ItemView>(view: PlanView, items: T[]) {
    return byTerm(view.plan.startDate, view.plan.endDate, items, this.today(), (item) => this.reader.dateOf(item));
  }

  /** The programme evaluation opens 12 months into an active (not draft) plan and is answered once. */
  async programmeEvaluation(view: PlanView) {
    const opens = DateTime.fromISO(view.plan.startDate).plus({ months: PROGRAMME_EVALUATION_MONTHS }).toISODate()!;
    const open = view.plan.status !== 'draft' && this.reader.today() >= opens;
    const answered = await this.db.manager.existsBy(ProgrammeEvaluationReceipt, { planId: view.plan.id });
    return { opens, open, answered };
  }

  /** The next session with a place (booked or waitlisted), else the next item still to plan. */
  nextUp(view: PlanView) {
    const places = view.items.filter((i) => i.enrolment && !i.enrolment.started && !i.enrolment.attendance).sort((a, b) => a.enrolment!.startsAt.getTime() - b.enrolment!.startsAt.getTime());
    if (places.length) return { item: places[0], kind: 'session' };
    const todo = view.items.filter((i) => i.status === 'planned' || i.status === 'missed').sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    return todo.length ? { item: todo[0], kind: 'todo' } : null;
  }
}
