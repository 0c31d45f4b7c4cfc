import { DateTime } from 'luxon';
import type { SessionResponse } from '../../catalogue/sessions/dto/session.dto';

export interface CalendarEntry {
  id: string;
  title: string;
  startsAt: string;
  fill: string;
  cancelled: boolean;
}

export interface CalendarDay {
  date: string;
  day: number;
  inMonth: boolean;
  today: boolean;
  entries: CalendarEntry[];
}

/** `YYYY-MM` as the first day of that month in the zone; the current month when absent. */
export function monthStart(month: string | undefined, zone: string): DateTime {
  const now = DateTime.now().setZone(zone);
  return month ? DateTime.fromFormat(month, 'yyyy-MM', { zone }) : now.startOf('month');
}

/** Weeks (Monday first) covering the month; each slot of a session appears on its local day. */
export function monthGrid(first: DateTime, sessions: SessionResponse[], zone: string): CalendarDay[][] {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const s of sessions) {
    for (const slot of s.slots) {
      const day = DateTime.fromISO(slot.startsAt, { zone }).toISODate()!;
      byDay.set(day, [...(byDay.get(day) ?? []), { id: s.id, title: s.title, startsAt: slot.startsAt, fill: `${s.bookedCount} / ${s.capacity}`, cancelled: s.status === 'cancelled' }]);
    }
  }
  const today = DateTime.now().setZone(zone).toISODate();
  const weeks: CalendarDay[][] = [];
  for (let day = first.startOf('week'); day <= first.endOf('month'); ) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++, day = day.plus({ days: 1 })) {
      const date = day.toISODate()!;
      week.push({ date, day: day.day, inMonth: day.month === first.month, today: date === today, entries: byDay.get(date) ?? [] });
    }
    weeks.push(week);
  }
  return weeks;
}
