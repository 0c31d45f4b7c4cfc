import { DateTime } from 'luxon';
import type { PlanFigures } from '../../plans/progress/progress.dto';

/** A term is four months of the plan (six terms in two years), counted from the plan's start. */
export const TERM_MONTHS = 4;

/** Share of the plan's time passed (0-100), and whether less is done than that share. */
export function pace(plan: { startDate: string; endDate: string; status: string }, figures: PlanFigures, today: string) {
  const start = DateTime.fromISO(plan.startDate);
  const total = DateTime.fromISO(plan.endDate).diff(start, 'days').days;
  const passed = DateTime.fromISO(today).diff(start, 'days').days;
  const elapsedPercent = total > 0 ? Math.round(Math.min(100, Math.max(0, (passed / total) * 100))) : 0;
  return { elapsedPercent, behind: plan.status === 'active' && figures.totalItems > 0 && figures.percentComplete < elapsedPercent };
}

export interface Term<T> {
  number: number;
  from: string;
  to: string;
  items: T[];
  current: boolean;
}

/**
 * Items grouped by the term their date falls in (`dateOf`: the due date unless told otherwise), in
 * date order; items without a date come last (number 0).
 */
export function byTerm<T extends { dueDate: string | null }>(
  startDate: string,
  endDate: string,
  items: T[],
  today: string,
  dateOf: (item: T) => string | null = (item) => item.dueDate,
): Term<T>[] {
  const start = DateTime.fromISO(startDate);
  const months = Math.max(TERM_MONTHS, Math.ceil(DateTime.fromISO(endDate).diff(start, 'months').months));
  const terms: Term<T>[] = [];
  for (let n = 1; n <= Math.ceil(months / TERM_MONTHS); n++) {
    const from = start.plus({ months: (n - 1) * TERM_MONTHS }).toISODate()!;
    const to = start.plus({ months: n * TERM_MONTHS }).toISODate()!;
    terms.push({ number: n, from, to, items: [], current: from <= today && today < to });
  }
  const undated: Term<T> = { number: 0, from: '', to: '', items: [], current: false };
  for (const item of items) {
    const date = dateOf(item);
    const term = date ? (terms.find((t) => date < t.to) ?? terms[terms.length - 1]) : undated;
    term.items.push(item);
  }
  for (const term of terms) term.items.sort((a, b) => (dateOf(a) ?? '').localeCompare(dateOf(b) ?? ''));
  return undated.items.length ? [...terms, undated] : terms;
}
