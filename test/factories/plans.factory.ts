import { DateTime } from 'luxon';
import { Enrolment } from '../../src/enrolment/enrolments/enrolment.entity';
import { Session } from '../../src/catalogue/sessions/session.entity';
import { Mentorship } from '../../src/mentorship/mentorships/mentorship.entity';
import { Plan } from '../../src/plans/plans/plan.entity';
import { PlanItem } from '../../src/plans/plan-items/plan-item.entity';
import type { Person } from '../../src/people/people/person.entity';
import type { TestApp } from '../app';

const today = () => DateTime.now().toISODate()!;

export function makePlan(t: TestApp, hire: Person, fields: Partial<Plan> = {}): Promise<Plan> {
  const startDate = fields.startDate ?? today();
  return t.db.write((em) =>
    em.save(
      em.create(Plan, {
        newHireId: hire.id,
        status: 'active',
        startDate,
        endDate: DateTime.fromISO(startDate).plus({ months: 24 }).toISODate()!,
        ...fields,
      }),
    ),
  );
}

export function makePlanItem(t: TestApp, plan: Plan, fields: Partial<PlanItem> = {}): Promise<PlanItem> {
  return t.db.write((em) =>
    em.save(em.create(PlanItem, { planId: plan.id, kind: fields.lectureId ? 'lecture' : 'activity', status: 'planned', title: null, dueDate: null, ...fields })),
  );
}

/** An enrolment written straight to the database, keeping the session's booked count in step. */
export function makeEnrolment(t: TestApp, session: Session, person: Person, fields: Partial<Enrolment> = {}): Promise<Enrolment> {
  return t.db.write(async (em) => {
    const status = fields.status ?? 'booked';
    if (status === 'booked') await em.increment(Session, { id: session.id }, 'bookedCount', 1);
    return em.save(
      em.create(Enrolment, {
        sessionId: session.id,
        personId: person.id,
        planItemId: null,
        status,
        bookedAt: status === 'booked' ? new Date() : null,
        ...fields,
      }),
    );
  });
}

export function makeMentorship(t: TestApp, mentor: Person, mentee: Person, fields: Partial<Mentorship> = {}): Promise<Mentorship> {
  return t.db.write((em) => em.save(em.create(Mentorship, { mentorId: mentor.id, menteeId: mentee.id, startDate: today(), endDate: null, ...fields })));
}
