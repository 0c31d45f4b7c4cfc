import { EntityManager } from 'typeorm';
import { hasRole, ownUnitsCondition, Principal } from '../../auth/principal';
import { Problem } from '../../common/problem';
import { Person } from '../../people/people/person.entity';
import { OPEN_PLAN_STATUSES } from '../../plans/plans/plan.entity';
import { Session } from '../../catalogue/sessions/session.entity';

const OPEN = OPEN_PLAN_STATUSES.map((s) => `'${s}'`).join(', ');

/** Coordinators may manage anyone's places; introducers and managers those of people in their own units. */
async function managedPerson(em: EntityManager, actor: Principal, personId: string): Promise<Person | null> {
  if (!hasRole(actor, 'coordinator', 'introducer', 'manager')) return null;
  const qb = em.createQueryBuilder(Person, 'p').where('p.id = :personId', { personId });
  if (!hasRole(actor, 'coordinator')) {
    const own = ownUnitsCondition('p.org_unit_id', actor);
    qb.andWhere(own.sql, own.params);
  }
  return qb.getOne();
}

/**
 * Who may book whom: coordinators anyone, introducers and managers people in their own units,
 * a new hire only themselves and only sessions of lectures in their own open plan.
 */
export async function assertMayBook(em: EntityManager, actor: Principal, session: Session, personId: string): Promise<Person> {
  const managed = await managedPerson(em, actor, personId);
  if (managed) {
    if (!managed.active) throw Problem.conflict('enrolments.personInactive');
    return managed;
  }
  if (personId !== actor.id) {
    if (hasRole(actor, 'introducer', 'manager')) throw Problem.notFound('person');
    throw Problem.forbidden('enrolments.bookSelfOnly');
  }
  const inPlan = await em
    .createQueryBuilder()
    .from('plan_item', 'pi')
    .innerJoin('plan', 'p', 'p.id = pi.plan_id')
    .where(`p.new_hire_id = :personId AND p.status IN (${OPEN}) AND pi.lecture_id = :lectureId`, { personId, lectureId: session.lectureId })
    .getExists();
  if (!inPlan) throw Problem.forbidden('enrolments.ownPlanOnly');
  return (await em.findOneBy(Person, { id: personId }))!;
}

/** Cancelling: the people who may book for the person, and the person themselves. Others: 404. */
export async function assertMayCancel(em: EntityManager, actor: Principal, personId: string): Promise<void> {
  if (personId === actor.id) return;
  if (!(await managedPerson(em, actor, personId))) throw Problem.notFound('enrolment');
}

/** A lecturer of the session: session_lecturer links a lecturer whose account is the caller. */
export function isLecturerOf(em: EntityManager, personId: string, sessionId: string): Promise<boolean> {
  return em
    .createQueryBuilder()
    .from('session_lecturer', 'sl')
    .innerJoin('lecturer', 'l', 'l.id = sl.lecturer_id')
    .where('sl.session_id = :sessionId AND l.person_id = :personId', { sessionId, personId })
    .getExists();
}
