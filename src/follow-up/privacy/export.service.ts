import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db.service';
import { Problem } from '../../common/problem';
import { formatInstant } from '../../common/time';
import { AuditEntry } from '../../audit/audit-entry.entity';
import { toAuditResponse } from '../../audit/audit.service';
import { CalendarToken } from '../../calendar/feeds/calendar-token.entity';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { Lecturer } from '../../catalogue/lecturers/lecturer.entity';
import { Session } from '../../catalogue/sessions/session.entity';
import { Enrolment } from '../../enrolment/enrolments/enrolment.entity';
import { MentorMeeting } from '../../mentorship/meetings/mentor-meeting.entity';
import { Mentorship } from '../../mentorship/mentorships/mentorship.entity';
import { Person } from '../../people/people/person.entity';
import { toPersonResponse } from '../../people/people/dto/person.dto';
import { Plan } from '../../plans/plans/plan.entity';
import { PlanItem } from '../../plans/plan-items/plan-item.entity';
import { EvaluationReceipt } from '../evaluations/evaluation-receipt.entity';
import { ProgrammeEvaluationReceipt } from '../programme/programme-evaluation-receipt.entity';
import { Erasure } from './erasure.entity';

type Row = Record<string, unknown>;

/**
 * GDPR access: everything stored about one person. Evaluations appear only as "answered" flags:
 * the answers are anonymous and cannot be found from the person. Feed tokens appear without hash.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
  ) {}

  async export(personId: string) {
    const em = this.db.manager;
    const person = await em.createQueryBuilder(Person, 'p').addSelect('p.passwordHash').where('p.id = :personId', { personId }).getOne();
    if (!person) throw Problem.notFound('person');
    const erasure = await em.findOneBy(Erasure, { personId });
    return {
      exportedAt: this.instant(new Date()),
      person: {
        ...toPersonResponse(person),
        hasPassword: Boolean(person.passwordHash),
        createdAt: this.instant(person.createdAt),
        updatedAt: this.instant(person.updatedAt),
        erasedAt: this.instant(erasure?.erasedAt ?? null),
      },
      plans: await this.plans(em, personId),
      plansInvolvedIn: await this.plansInvolvedIn(em, personId),
      enrolments: await this.enrolments(em, personId),
      mentorships: await this.mentorships(em, personId),
      calendarTokens: (await em.find(CalendarToken, { where: { personId }, order: { createdAt: 'ASC' } })).map((t) => ({
        id: t.id,
        createdAt: this.instant(t.createdAt),
        revokedAt: this.instant(t.revokedAt),
      })),
      lecturerProfiles: (await em.findBy(Lecturer, { personId })).map(({ id, name, email, organisation, internal, topics, active }) => ({
        id, name, email, organisation, internal, topics, active,
      })),
      auditEntries: (
        await em.find(AuditEntry, { where: [{ subjectPersonId: personId }, { actorId: personId }], order: { at: 'ASC', id: 'ASC' } })
      ).map(toAuditResponse),
    };
  }

  private instant(date: Date | null): string | null {
    return formatInstant(date, this.config.timeZone);
  }

  private dated<T extends object>(row: T): Row {
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? this.instant(v) : v]));
  }

  private async plans(em: EntityManager, personId: string) {
    const plans = await em.find(Plan, { where: { newHireId: personId }, order: { startDate: 'ASC' } });
    const ids = plans.map((p) => p.id);
    const items = ids.length ? await em.find(PlanItem, { where: { planId: In(ids) }, order: { position: 'ASC' } }) : [];
    const evaluated = new Set(ids.length ? (await em.findBy(ProgrammeEvaluationReceipt, { planId: In(ids) })).map((r) => r.planId) : []);
    return plans.map((plan) => ({
      ...this.dated(plan),
      programmeEvaluationGiven: evaluated.has(plan.id),
      items: items.filter((i) => i.planId === plan.id).map((i) => this.dated(i)),
    }));
  }

  /** Plans of other hires where this person is introducer, manager, mentor or signer: ids and roles only. */
  private async plansInvolvedIn(em: EntityManager, personId: string) {
    const roles = ['introducerId', 'managerId', 'mentorId', 'introducerSignedBy', 'managerSignedBy'] as const;
    const plans = await em.find(Plan, { where: roles.map((role) => ({ [role]: personId })) });
    return plans.map((p) => ({ planId: p.id, roles: roles.filter((role) => p[role] === personId) }));
  }

  private async enrolments(em: EntityManager, personId: string) {
    const enrolments = await em.find(Enrolment, { where: { personId }, order: { createdAt: 'ASC' } });
    const sessions = new Map(
      (enrolments.length ? await em.findBy(Session, { id: In(enrolments.map((e) => e.sessionId)) }) : []).map((s) => [s.id, s]),
    );
    const lectures = new Map(
      (sessions.size ? await em.findBy(Lecture, { id: In([...sessions.values()].map((s) => s.lectureId)) }) : []).map((l) => [l.id, l]),
    );
    const evaluated = new Set(
      enrolments.length ? (await em.findBy(EvaluationReceipt, { enrolmentId: In(enrolments.map((e) => e.id)) })).map((r) => r.enrolmentId) : [],
    );
    return enrolments.map((e) => {
      const session = sessions.get(e.sessionId);
      return {
        ...this.dated(e),
        lectureTitle: session ? lectures.get(session.lectureId)?.title ?? null : null,
        sessionStartsAt: this.instant(session?.startsAt ?? null),
        evaluationGiven: evaluated.has(e.id),
      };
    });
  }

  private async mentorships(em: EntityManager, personId: string) {
    const mentorships = await em.find(Mentorship, { where: [{ mentorId: personId }, { menteeId: personId }], order: { startDate: 'ASC' } });
    const meetings = mentorships.length
      ? await em.find(MentorMeeting, { where: { mentorshipId: In(mentorships.map((m) => m.id)) }, order: { startsAt: 'ASC' } })
      : [];
    return mentorships.map((m) => ({
      ...this.dated(m),
      role: m.mentorId === personId ? 'mentor' : 'mentee',
      meetings: meetings.filter((meeting) => meeting.mentorshipId === m.id).map((meeting) => this.dated(meeting)),
    }));
  }
}
