import { DateTime } from 'luxon';
import { EntityManager, In } from 'typeorm';
import { Lecture } from '../src/catalogue/lectures/lecture.entity';
import { Session } from '../src/catalogue/sessions/session.entity';
import { SessionSlot } from '../src/catalogue/sessions/session-slot.entity';
import { Theme } from '../src/catalogue/themes/theme.entity';
import { Attendance, Enrolment } from '../src/enrolment/enrolments/enrolment.entity';
import { nextQueueNumber, takeSeat } from '../src/enrolment/enrolments/seats';
import { Area } from '../src/people/areas/area.entity';
import { OrgUnit } from '../src/people/org-units/org-unit.entity';
import { Person } from '../src/people/people/person.entity';
import { PlanItem } from '../src/plans/plan-items/plan-item.entity';
import { PlanTemplate } from '../src/plans/plan-templates/plan-template.entity';
import { PlanTemplateItem } from '../src/plans/plan-templates/plan-template-item.entity';
import { activityDueDate, addMonths, lectureDueDate, PLAN_MONTHS } from '../src/plans/plans/plan-rules';
import { Plan } from '../src/plans/plans/plan.entity';
import { DEMO_ZONE, demoSlot } from './demo-calendar';
import type { SeedStep } from './seed-context';
import data from './plans.json';

type State = 'draft' | 'just_started' | 'halfway' | 'paused' | 'completed';
const WAITLIST_URL = 'https://meet.storvik.example/introduktion-extra';
const activities = data.activities as Record<string, { title: string; monthOffset: number }[]>;

/** Lectures for everyone, plus those whose theme or areaCodes target the area, in programme order. */
function lecturesFor(area: string, lectures: Lecture[], themes: Map<string, Theme>): Lecture[] {
  return lectures.filter((l) => {
    const theme = themes.get(l.themeId);
    return l.areaCodes.includes(area) || theme?.areaCode === area || (theme?.audience === 'all' && l.areaCodes.length === 0);
  });
}

async function upsertTemplates(em: EntityManager): Promise<Map<string, PlanTemplate>> {
  const lectures = await em.find(Lecture, { where: { active: true }, order: { recommendedMonth: 'ASC', title: 'ASC' } });
  const themes = new Map((await em.find(Theme)).map((t) => [t.id, t]));
  const templates = new Map<string, PlanTemplate>();
  for (const area of await em.find(Area)) {
    const name = `Grundplan – ${area.name}`;
    let template = await em.findOne(PlanTemplate, { where: { name }, relations: { items: true } });
    if (!template) {
      const picked = lecturesFor(area.code, lectures, themes).map((l) => ({ kind: 'lecture' as const, lectureId: l.id, title: null, monthOffset: null }));
      const local = [...activities.all, ...(activities[area.code] ?? [])].map((a) => ({ kind: 'activity' as const, lectureId: null, ...a }));
      const items = [...picked, ...local].map((item, position) => em.create(PlanTemplateItem, { ...item, position }));
      template = await em.save(em.create(PlanTemplate, { name, areaCode: area.code, items }));
    }
    templates.set(area.code, template);
  }
  return templates;
}

/** Scheduled sessions per lecture, in time order. */
async function sessionsByLecture(em: EntityManager): Promise<Map<string, Session[]>> {
  const byLecture = new Map<string, Session[]>();
  for (const s of await em.find(Session, { where: { status: 'scheduled' }, order: { startsAt: 'ASC' } })) {
    byLecture.set(s.lectureId, [...(byLecture.get(s.lectureId) ?? []), s]);
  }
  return byLecture;
}

async function enrol(em: EntityManager, session: Session, person: Person, item: PlanItem, attendance: Attendance | null): Promise<Enrolment | null> {
  if (await em.existsBy(Enrolment, { sessionId: session.id, personId: person.id })) return null;
  const booked = await takeSeat(em, session.id);
  if (!booked && attendance) return null;
  return em.save(
    em.create(Enrolment, {
      sessionId: session.id,
      personId: person.id,
      planItemId: item.id,
      status: booked ? 'booked' : 'waitlisted',
      queueNumber: booked ? null : await nextQueueNumber(em, session.id),
      bookedAt: booked ? new Date() : null,
      attendance,
      attendanceRecordedAt: attendance ? session.endsAt : null,
    }),
  );
}

class PlanMaker {
  private readonly now = new Date();
  private readonly today = DateTime.now().setZone(DEMO_ZONE).toISODate()!;

  constructor(
    private readonly em: EntityManager,
    private readonly templates: Map<string, PlanTemplate>,
    private readonly sessions: Map<string, Session[]>,
  ) {}

  async make(hire: Person, state: State): Promise<void> {
    const em = this.em;
    const colleagues = await em.findBy(Person, { orgUnitId: hire.orgUnitId, active: true });
    const withRole = (role: string, not?: string) => colleagues.find((p) => p.roles.includes(role as never) && p.id !== not) ?? null;
    const introducer = withRole('introducer');
    const manager = withRole('manager');
    const unit = await em.findOneByOrFail(OrgUnit, { id: hire.orgUnitId });
    const template = unit.areaCode ? this.templates.get(unit.areaCode) : undefined;
    const start = hire.employmentStart!;
    const signedAt = DateTime.fromISO(start, { zone: DEMO_ZONE }).set({ hour: 10 }).toJSDate();
    const signed = state !== 'draft' && introducer && manager;
    const plan = await em.save(
      em.create(Plan, {
        newHireId: hire.id,
        introducerId: introducer?.id ?? null,
        managerId: manager?.id ?? null,
        mentorId: withRole('mentor', introducer?.id)?.id ?? null,
        templateId: template?.id ?? null,
        startDate: start,
        endDate: addMonths(start, PLAN_MONTHS),
        status: state === 'draft' ? 'draft' : state === 'completed' ? 'completed' : state === 'paused' ? 'paused' : 'active',
        pausedOn: state === 'paused' ? DateTime.fromISO(this.today).minus({ days: 30 }).toISODate() : null,
        introducerSignedBy: signed ? introducer.id : null,
        introducerSignedAt: signed ? signedAt : null,
        managerSignedBy: signed ? manager.id : null,
        managerSignedAt: signed ? signedAt : null,
        agreedAt: signed ? signedAt : null,
        completedAt: state === 'completed' ? this.now : null,
      }),
    );
    const items = await this.copyItems(plan, template);
    if (state !== 'draft') await this.progress(hire, plan, items, state);
  }

  private async copyItems(plan: Plan, template: PlanTemplate | undefined): Promise<PlanItem[]> {
    const source = [...(template?.items ?? [])].sort((a, b) => a.position - b.position);
    const items: PlanItem[] = [];
    for (const [position, t] of source.entries()) {
      const lecture = t.lectureId ? await this.em.findOneBy(Lecture, { id: t.lectureId }) : null;
      const dueDate = t.kind === 'lecture' ? lectureDueDate(plan.startDate, lecture?.recommendedMonth ?? null) : activityDueDate(plan.startDate, t.monthOffset);
      items.push(await this.em.save(this.em.create(PlanItem, { planId: plan.id, kind: t.kind, lectureId: t.lectureId, title: t.title, dueDate, position, status: 'planned' })));
    }
    return items;
  }

  /** Past items done (lectures through attended sessions where there are any), future lectures booked. */
  private async progress(hire: Person, plan: Plan, items: PlanItem[], state: State): Promise<void> {
    let waived = false;
    let missed = false;
    let bookings = 0;
    for (const item of items) {
      const past = state === 'completed' || (item.dueDate !== null && item.dueDate < this.today);
      const sessions = item.lectureId ? (this.sessions.get(item.lectureId) ?? []) : [];
      if (past && state === 'halfway' && !waived && item.kind === 'activity') {
        waived = true;
        await this.em.update(PlanItem, { id: item.id }, { status: 'waived', waivedReason: 'Motsvarande erfarenhet från tidigare anställning' });
      } else if (past) {
        const held = sessions.filter((s) => s.endsAt < this.now).pop();
        const absent: boolean = state === 'halfway' && !missed && !!held;
        const enrolment: Enrolment | null = held ? await enrol(this.em, held, hire, item, absent ? 'absent' : 'attended') : null;
        missed ||= absent && !!enrolment;
        const status = absent && enrolment ? 'missed' : 'done';
        await this.em.update(PlanItem, { id: item.id }, { status, completedAt: status === 'done' ? (held?.endsAt ?? this.now) : null });
      } else if (plan.status === 'active' && bookings < 2) {
        const next = sessions.find((s) => s.startsAt > this.now && (!s.enrolmentDeadline || s.enrolmentDeadline > this.now));
        const enrolment = next ? await enrol(this.em, next, hire, item, null) : null;
        if (enrolment) bookings++;
        if (enrolment?.status === 'booked') await this.em.update(PlanItem, { id: item.id }, { status: 'booked' });
      }
    }
  }
}

/** A small extra session of a lecture many plans hold, so the demo shows a waitlist. */
async function ensureWaitlist(em: EntityManager, anchor: string): Promise<boolean> {
  if (await em.existsBy(Enrolment, { status: 'waitlisted' })) return true;
  const open = await em.find(PlanItem, { where: { kind: 'lecture', status: 'planned' }, order: { dueDate: 'ASC' } });
  const counts = new Map<string, number>();
  for (const item of open) counts.set(item.lectureId!, (counts.get(item.lectureId!) ?? 0) + 1);
  const [lectureId, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!lectureId || count < 3) return false;
  const slot = demoSlot(anchor, { week: 3, day: 'wed', from: '09:00', to: '12:00' });
  const session = await em.save(
    em.create(Session, { lectureId, onlineUrl: WAITLIST_URL, capacity: 2, ...slot, slots: [em.create(SessionSlot, slot)], lecturers: [] }),
  );
  for (const item of open.filter((i) => i.lectureId === lectureId).slice(0, 4)) {
    const plan = await em.findOneByOrFail(Plan, { id: item.planId });
    const enrolment = await enrol(em, session, await em.findOneByOrFail(Person, { id: plan.newHireId }), item, null);
    if (enrolment?.status === 'booked') await em.update(PlanItem, { id: item.id }, { status: 'booked' });
  }
  return true;
}

export const plansSeed: SeedStep = {
  name: 'plans',
  async run({ em, anchor, log }) {
    const templates = await upsertTemplates(em);
    const maker = new PlanMaker(em, templates, await sessionsByLecture(em));
    const hires = await em.findBy(Person, { email: In(data.plans.map((p) => p.email)) });
    let made = 0;
    for (const seed of data.plans) {
      const hire = hires.find((h) => h.email === seed.email);
      if (!hire?.employmentStart || (await em.existsBy(Plan, { newHireId: hire.id }))) continue;
      await maker.make(hire, seed.state as State);
      made++;
    }
    const waitlist = await ensureWaitlist(em, anchor);
    log(`plans: ${templates.size} templates, ${made} new plans${waitlist ? '' : ' (no lectures or sessions for bookings yet)'}`);
  },
};
