import { DateTime } from 'luxon';
import { PlanStatus } from './plan.entity';

/** The plan's default length: the programme runs two years. */
export const PLAN_MONTHS = 24;

const TRANSITIONS: Record<PlanStatus, PlanStatus[]> = {
  draft: ['active', 'closed'],
  active: ['paused', 'completed', 'closed'],
  paused: ['active', 'closed'],
  completed: [],
  closed: [],
};

export function mayTransition(from: PlanStatus, to: PlanStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date).plus({ months }).toISODate()!;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate()!;
}

export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days));
}

/** A lecture is due by the end of its recommended programme month (month 1 ends one month after the start). */
export function lectureDueDate(startDate: string, recommendedMonth: number | null): string | null {
  return recommendedMonth ? addMonths(startDate, recommendedMonth) : null;
}

/** An activity is due `monthOffset` months after the start. */
export function activityDueDate(startDate: string, monthOffset: number | null): string | null {
  return monthOffset === null || monthOffset === undefined ? null : addMonths(startDate, monthOffset);
}

/** Planned or booked and past its due date. */
export function isOverdue(item: { status: string; dueDate: string | null }, today: string): boolean {
  return (item.status === 'planned' || item.status === 'booked') && item.dueDate !== null && item.dueDate < today;
}
