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

/** An instant in the programme's time zone with its offset: `2027-02-03T09:00:00+01:00`. */
export function formatInstant(date: Date, zone: string): string;
export function formatInstant(date: Date | null, zone: string): string | null;
export function formatInstant(date: Date | null, zone: string): string | null {
  return date ? DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true }) : null;
}

export function parseInstant(value: string): Date {
  return DateTime.fromISO(value, { setZone: true }).toJSDate();
}

/** Today's calendar date in the programme's time zone. */
export function todayIn(zone: string, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
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
