import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { SeedAnchor } from '../src/seed/seed-anchor.entity';

/**
 * Demo dates are written relative to the week the demo city was first seeded (the anchor):
 * `{ week: -12, day: 'tue', from: '09:00', to: '12:00' }` is the Tuesday twelve weeks before that
 * week, at local times in the programme's zone. The anchor is stored on the first run, so seeding
 * again (any day later) lays out the same dates and finds every row by its natural key.
 */
export const DEMO_ZONE = 'Europe/Stockholm';

const WEEKDAYS = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;
export type Weekday = keyof typeof WEEKDAYS;

export interface DemoSlot {
  week: number;
  day: Weekday;
  from: string;
  to: string;
}

/** Monday of the week holding `now`, in the demo's zone. */
export function mondayOf(now: DateTime): string {
  return now.setZone(DEMO_ZONE).startOf('week').toISODate()!;
}

/** The day `week` weeks from the anchor's week, on `day` (Monday by default). */
export function demoDate(anchor: string, week: number, day: Weekday = 'mon'): string {
  return DateTime.fromISO(anchor, { zone: DEMO_ZONE }).plus({ weeks: week, days: WEEKDAYS[day] - 1 }).toISODate()!;
}

/** A slot's start and end as instants. */
export function demoSlot(anchor: string, slot: DemoSlot): { startsAt: Date; endsAt: Date } {
  const date = demoDate(anchor, slot.week, slot.day);
  const at = (time: string) => DateTime.fromISO(`${date}T${time}`, { zone: DEMO_ZONE }).toJSDate();
  return { startsAt: at(slot.from), endsAt: at(slot.to) };
}

/** The stored anchor, or this week's Monday stored as the anchor on the first run. */
export async function demoAnchor(em: EntityManager, now = DateTime.now()): Promise<string> {
  const stored = await em.findOneBy(SeedAnchor, { name: 'demo' });
  if (stored) return stored.weekStart;
  const weekStart = mondayOf(now);
  await em.insert(SeedAnchor, { name: 'demo', weekStart });
  return weekStart;
}
