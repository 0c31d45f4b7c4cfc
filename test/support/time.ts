import { DateTime } from 'luxon';

/**
 * The day of next year's spring daylight-saving change in a European zone (the last Sunday of
 * March), when 02:00-03:00 does not exist: relative to today, so no test depends on the date.
 */
export function springForwardDay(zone: string): string {
  if (!zone.startsWith('Europe/')) throw new Error(`springForwardDay knows the European rule only, not ${zone}`);
  const march = DateTime.now().setZone(zone).plus({ years: 1 }).set({ month: 3, day: 31 });
  return march.minus({ days: march.weekday % 7 }).toISODate()!;
}
