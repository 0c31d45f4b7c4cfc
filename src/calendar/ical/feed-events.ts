import { DateTime } from 'luxon';
import type { AllDayEvent, TimedEvent } from './render-calendar';

/** Cancelled sessions stay in feeds (STATUS:CANCELLED) until this many days after their end. */
export const CANCELLED_VISIBLE_DAYS = 7;

export type Language = 'sv' | 'en';

export const LABELS = {
  sv: {
    personCalendar: 'Introduktionsprogrammet',
    personDescription: 'Dina pass, mentorsträffar och milstolpar i introduktionen (Lots)',
    waitlisted: 'Väntelista: ',
    cancelled: 'Inställt: ',
    teaching: 'Du föreläser.',
    part: (n: number, of: number) => `del ${n} av ${of}`,
    meetingWith: (name: string) => `Mentorsträff med ${name}`,
    milestones: { start: 'Introduktionen börjar', month6: 'Sex månader av introduktionen', month12: 'Ett år av introduktionen', end: 'Introduktionen avslutas' },
  },
  en: {
    personCalendar: 'Introduction programme',
    personDescription: 'Your sessions, mentor meetings and milestones of the introduction (Lots)',
    waitlisted: 'Waitlisted: ',
    cancelled: 'Cancelled: ',
    teaching: 'You are teaching.',
    part: (n: number, of: number) => `part ${n} of ${of}`,
    meetingWith: (name: string) => `Mentor meeting with ${name}`,
    milestones: { start: 'Introduction starts', month6: 'Six months into the introduction', month12: 'One year into the introduction', end: 'Introduction ends' },
  },
};

export type Labels = (typeof LABELS)[Language];

export interface SessionData {
  id: string;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  cancelledAt: Date | null;
  cancelledReason: string | null;
  onlineUrl: string | null;
  endsAt: Date;
  updatedAt: Date;
  slots: { startsAt: Date; endsAt: Date }[];
  lecture: { title: string; description: string | null; updatedAt: Date };
  venue: { name: string; address: string | null; updatedAt: Date } | null;
}

/** How the feed's owner relates to a session. */
export type SessionRole = 'booked' | 'waitlisted' | 'cancelled' | 'teaching' | 'catalogue';

export interface SessionEventOptions {
  role: SessionRole;
  labels: Labels;
  /** UID namespace: personal feeds and public catalogue feeds use different UIDs for the same slot. */
  uidPrefix: string;
  host: string;
  /** Extra record whose change also changes the event (the enrolment). */
  alsoModified?: Date;
}

const latest = (...dates: (Date | null | undefined)[]) => new Date(Math.max(...dates.filter((d): d is Date => !!d).map((d) => d.getTime())));

/** Shown until CANCELLED_VISIBLE_DAYS after its end if cancelled; always while scheduled. */
export function isShown(session: { status: string; endsAt: Date }, now: Date): boolean {
  return session.status !== 'cancelled' || session.endsAt.getTime() >= dropCutoff(now).getTime();
}

export function dropCutoff(now: Date): Date {
  return new Date(now.getTime() - CANCELLED_VISIBLE_DAYS * 86_400_000);
}

/**
 * SEQUENCE of a session event: the session's own sequence (time, place, status, title), plus one
 * for a booked seat, so moving from the waitlist to a seat (TENTATIVE -> CONFIRMED) rises too.
 * A cancellation raises the session's sequence, and a cancelled event always counts the plus one.
 * E-mailed invitations use the same number, so a calendar updates the event it already holds.
 */
export function sessionEventSequence(sessionSequence: number, role: SessionRole): number {
  return sessionSequence + (role === 'booked' || role === 'cancelled' ? 1 : 0);
}

/** A slot's UID in personal feeds and e-mailed invitations: the session and the slot's ordinal (from 1, by start). */
export function sessionSlotUid(sessionId: string, ordinal: number, host: string, prefix = 'session'): string {
  return `${prefix}-${sessionId}-${ordinal}@${host}`;
}

/** One event per slot; the UID is the session and the slot's ordinal, so it survives slot rows being rewritten. */
export function sessionEvents(session: SessionData, options: SessionEventOptions): TimedEvent[] {
  const { labels, role } = options;
  const cancelled = session.status === 'cancelled' || role === 'cancelled';
  const slots = [...session.slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const prefix = cancelled ? labels.cancelled : role === 'waitlisted' ? labels.waitlisted : '';
  const location = session.venue ? [session.venue.name, session.venue.address].filter(Boolean).join(', ') : session.onlineUrl;
  const description = [
    session.lecture.description,
    role === 'teaching' ? labels.teaching : null,
    cancelled ? session.cancelledReason : null,
  ].filter(Boolean).join('\n\n');
  return slots.map((slot, index) => ({
    kind: 'timed',
    uid: sessionSlotUid(session.id, index + 1, options.host, options.uidPrefix),
    sequence: sessionEventSequence(session.sequence, role),
    summary: `${prefix}${session.lecture.title}${slots.length > 1 ? ` (${labels.part(index + 1, slots.length)})` : ''}`,
    description,
    location,
    url: session.onlineUrl,
    status: cancelled ? 'CANCELLED' : role === 'waitlisted' ? 'TENTATIVE' : 'CONFIRMED',
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    lastModified: latest(session.updatedAt, session.cancelledAt, session.lecture.updatedAt, session.venue?.updatedAt, options.alsoModified),
  }));
}

interface EnrolmentState {
  status: 'booked' | 'waitlisted' | 'cancelled';
  cancelledAt: Date | null;
}

/** Grace between a session's cancellation and its enrolments' (written by the same request, maybe to the second). */
const SAME_CANCELLATION_MS = 60_000;

/**
 * The person's role from their enrolment: a seat or a waitlist place; a cancelled enrolment only
 * when the session itself was cancelled (its cancellation cancelled the enrolment), so the event
 * stays as CANCELLED. Their own cancellations drop out of the feed.
 */
export function roleFromEnrolment(enrolment: EnrolmentState, session: { status: string; cancelledAt: Date | null }): SessionRole | null {
  if (enrolment.status !== 'cancelled') return enrolment.status;
  if (session.status !== 'cancelled') return null;
  if (enrolment.cancelledAt && session.cancelledAt && enrolment.cancelledAt.getTime() < session.cancelledAt.getTime() - SAME_CANCELLATION_MS) return null;
  return 'cancelled';
}

const ROLE_RANK: Record<SessionRole, number> = { teaching: 4, booked: 3, waitlisted: 2, cancelled: 1, catalogue: 0 };

export function strongerRole(a: SessionRole | undefined, b: SessionRole): SessionRole {
  return a && ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}

export interface MeetingData {
  id: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  sequence: number;
  updatedAt: Date;
}

/** A mentor meeting; its notes are never part of the data handed here. */
export function meetingEvent(meeting: MeetingData, otherName: string, otherUpdatedAt: Date, labels: Labels, host: string): TimedEvent {
  return {
    kind: 'timed',
    uid: `meeting-${meeting.id}@${host}`,
    sequence: meeting.sequence,
    summary: labels.meetingWith(otherName),
    location: meeting.location,
    status: 'CONFIRMED',
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    lastModified: latest(meeting.updatedAt, otherUpdatedAt),
  };
}

export interface PlanData {
  id: string;
  startDate: string;
  endDate: string;
  pausedDays: number;
  updatedAt: Date;
}

/**
 * Start, 6 and 12 months (moved by paused days) and end of a plan, as all-day events. The date is
 * part of the UID: a moved milestone is a new event and the old one disappears, so SEQUENCE stays 0.
 */
export function milestoneEvents(plan: PlanData, labels: Labels, host: string): AllDayEvent[] {
  const start = DateTime.fromISO(plan.startDate);
  const atMonths = (months: number) => start.plus({ months, days: plan.pausedDays }).toISODate()!;
  const milestones: [keyof Labels['milestones'], string][] = [
    ['start', plan.startDate],
    ['month6', atMonths(6)],
    ['month12', atMonths(12)],
    ['end', plan.endDate],
  ];
  return milestones
    .filter(([key, date]) => key === 'end' || date <= plan.endDate)
    .map(([key, date]) => ({
      kind: 'allDay',
      uid: `plan-${plan.id}-${key}-${date.replaceAll('-', '')}@${host}`,
      sequence: 0,
      summary: labels.milestones[key],
      date,
      lastModified: plan.updatedAt,
    }));
}
