import { EntityManager, In, Not } from 'typeorm';
import { Session } from '../../catalogue/sessions/session.entity';
import { Lecture } from '../../catalogue/lectures/lecture.entity';
import { Venue } from '../../catalogue/venues/venue.entity';
import { Theme } from '../../catalogue/themes/theme.entity';
import { Enrolment } from '../../enrolment/enrolments/enrolment.entity';
import { Mentorship } from '../../mentorship/mentorships/mentorship.entity';
import { MentorMeeting } from '../../mentorship/meetings/mentor-meeting.entity';
import { Person } from '../../people/people/person.entity';
import { Plan } from '../../plans/plans/plan.entity';
import { FeedEvent } from '../ical/render-calendar';
import {
  isShown,
  LABELS,
  Labels,
  Language,
  meetingEvent,
  milestoneEvents,
  roleFromEnrolment,
  SessionData,
  SessionRole,
  sessionEvents,
  strongerRole,
} from '../ical/feed-events';

export interface FeedText {
  name: string;
  description: string;
  events: FeedEvent[];
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));

/** Sessions with slots, lecture and venue, minus cancelled ones past their time in the feed. */
async function loadSessions(em: EntityManager, where: { ids?: string[]; themeId?: string }, now: Date): Promise<SessionData[]> {
  const qb = em.createQueryBuilder(Session, 's').leftJoinAndSelect('s.slots', 'slot');
  if (where.ids) {
    if (!where.ids.length) return [];
    qb.where('s.id IN (:...ids)', { ids: where.ids });
  } else {
    qb.innerJoin(Lecture, 'tl', 'tl.id = s.lecture_id').where('tl.theme_id = :themeId', { themeId: where.themeId });
  }
  const sessions = (await qb.getMany()).filter((s) => isShown(s, now));
  const lectureIds = [...new Set(sessions.map((s) => s.lectureId))];
  const venueIds = [...new Set(sessions.map((s) => s.venueId).filter((id): id is string => !!id))];
  const lectures = byId(lectureIds.length ? await em.findBy(Lecture, { id: In(lectureIds) }) : []);
  const venues = byId(venueIds.length ? await em.findBy(Venue, { id: In(venueIds) }) : []);
  return sessions
    .filter((s) => lectures.has(s.lectureId))
    .map((s) => ({ ...s, lecture: lectures.get(s.lectureId)!, venue: s.venueId ? (venues.get(s.venueId) ?? null) : null }));
}

async function taughtSessionIds(em: EntityManager, personId: string): Promise<Set<string>> {
  const rows: { session_id: string }[] = await em
    .createQueryBuilder()
    .select('sl.session_id', 'session_id')
    .from('session_lecturer', 'sl')
    .innerJoin('lecturer', 'lr', 'lr.id = sl.lecturer_id')
    .where('lr.person_id = :personId', { personId })
    .getRawMany();
  return new Set(rows.map((row) => row.session_id));
}

async function personSessionEvents(em: EntityManager, personId: string, labels: Labels, host: string, now: Date): Promise<FeedEvent[]> {
  const taught = await taughtSessionIds(em, personId);
  const enrolments = await em.findBy(Enrolment, { personId });
  const sessions = await loadSessions(em, { ids: [...new Set([...taught, ...enrolments.map((e) => e.sessionId)])] }, now);
  return sessions.flatMap((session) => {
    const own = enrolments.filter((e) => e.sessionId === session.id);
    let role: SessionRole | undefined = taught.has(session.id) ? 'teaching' : undefined;
    for (const e of own) {
      const fromEnrolment = roleFromEnrolment(e, session);
      if (fromEnrolment) role = strongerRole(role, fromEnrolment);
    }
    if (!role) return [];
    const modified = own.reduce<Date | undefined>((max, e) => (!max || e.updatedAt > max ? e.updatedAt : max), undefined);
    return sessionEvents(session, { role, labels, uidPrefix: 'session', host, alsoModified: modified });
  });
}

async function meetingEvents(em: EntityManager, personId: string, labels: Labels, host: string): Promise<FeedEvent[]> {
  const mentorships = await em.find(Mentorship, { where: [{ mentorId: personId }, { menteeId: personId }] });
  if (!mentorships.length) return [];
  const otherId = (m: Mentorship) => (m.mentorId === personId ? m.menteeId : m.mentorId);
  const others = byId(await em.findBy(Person, { id: In(mentorships.map(otherId)) }));
  const meetings = await em.find(MentorMeeting, {
    where: { mentorshipId: In(mentorships.map((m) => m.id)) },
    select: { id: true, mentorshipId: true, startsAt: true, endsAt: true, location: true, sequence: true, updatedAt: true },
  });
  const mentorshipOf = byId(mentorships);
  return meetings.map((meeting) => {
    const other = others.get(otherId(mentorshipOf.get(meeting.mentorshipId)!))!;
    return meetingEvent(meeting, other.name, other.updatedAt, labels, host);
  });
}

export async function personFeedContent(em: EntityManager, personId: string, host: string, now: Date): Promise<FeedText | null> {
  const person = await em.findOneBy(Person, { id: personId, active: true });
  if (!person) return null;
  const labels = LABELS[(person.language as Language) in LABELS ? (person.language as Language) : 'sv'];
  const plans = await em.findBy(Plan, { newHireId: personId, status: Not('closed') });
  const events = [
    ...(await personSessionEvents(em, personId, labels, host, now)),
    ...(await meetingEvents(em, personId, labels, host)),
    ...plans.flatMap((plan) => milestoneEvents(plan, labels, host)),
  ];
  return { name: labels.personCalendar, description: labels.personDescription, events };
}

/** Public: sessions of a theme with times and places only, never who attends or teaches. */
export async function themeFeedContent(em: EntityManager, themeId: string, host: string, now: Date): Promise<FeedText | null> {
  const theme = await em.findOneBy(Theme, { id: themeId });
  if (!theme) return null;
  const sessions = await loadSessions(em, { themeId }, now);
  const events = sessions.flatMap((session) => sessionEvents(session, { role: 'catalogue', labels: LABELS.sv, uidPrefix: 'catalogue-session', host }));
  return { name: theme.name, description: theme.description ?? '', events };
}
