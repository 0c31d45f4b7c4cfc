import { DateTime } from 'luxon';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** ISO 8601 instant with an explicit offset or Z, e.g. 2027-02-03T09:00:00+01:00. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && DateTime.fromISO(value, { setZone: true }).isValid;
}

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && DateTime.fromISO(value).isValid;
}

const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at an instant. Offsets change only on quarter-hour
 * boundaries, so Luxon's (Intl-based, comparatively slow) answer is kept per quarter hour:
 * a list of a few hundred sessions formats its instants in microseconds, not milliseconds.
 */
function offsetAt(ms: number, zone: string): number {
  const key = `${zone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offset = DateTime.fromMillis(ms, { zone }).offset;
    offsets.set(key, offset);
  }
  return offset;
}

const pad = (n: number) => String(n).padStart(2, '0');
const universal = new Map<string, boolean>();
/** Luxon writes `Z` for the UTC zone itself, `+00:00` for a zone that is at offset 0 (London in winter). */
const isUniversal = (zone: string) => universal.get(zone) ?? universal.set(zone, DateTime.now().setZone(zone).zone.isUniversal).get(zone)!;

/** An instant in the programme's time zone with its offset: `2027-02-03T09:00:00+01:00`. */
export function formatInstant(date: Date, zone: string): string;
export function formatInstant(date: Date | null, zone: string): string | null;
export function formatInstant(date: Date | null, zone: string): string | null {
  if (!date) return null;
  const ms = date.getTime();
  const offset = offsetAt(ms, zone);
  const local = new Date(ms + offset * 60_000).toISOString();
  const wall = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  if (offset === 0 && isUniversal(zone)) return `${wall}Z`;
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

export function parseInstant(value: string): Date {
  return DateTime.fromISO(value, { setZone: true }).toJSDate();
}

/** Why a wall-clock time could not be read: not a date and time at all, or skipped by the spring daylight-saving change. */
export type LocalTimeError = 'invalid' | 'skipped';

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

/**
 * A local date and time (`2027-03-28T09:00`, seconds optional) read in the zone. A time that does not
 * exist there (the hour the clocks skip in spring, e.g. 02:30 on 2027-03-28 in Europe/Stockholm) is
 * `skipped`, never moved to another time; an impossible one (25:00, 09:75, 2027-02-30) is `invalid`.
 */
export function fromLocalTime(local: string, zone: string): Date | LocalTimeError {
  const parts = LOCAL_DATE_TIME.exec(local);
  if (!parts) return 'invalid';
  const time = DateTime.fromISO(local, { zone });
  if (!time.isValid) return 'invalid';
  return time.toFormat("yyyy-MM-dd'T'HH:mm") === `${parts[1]}T${parts[2]}` ? time.toJSDate() : 'skipped';
}

/** Today's calendar date in the programme's time zone. */
export function todayIn(zone: string, now = new Date()): string {
  const ms = now.getTime();
  return new Date(ms + offsetAt(ms, zone) * 60_000).toISOString().slice(0, 10);
}

export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 8601 instant with an offset, e.g. 2027-02-03T09:00:00+01:00`, ...options },
      validator: { validate: isInstant },
    });
}

export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date (YYYY-MM-DD)`, ...options },
      validator: { validate: isCalendarDate },
    });
}
