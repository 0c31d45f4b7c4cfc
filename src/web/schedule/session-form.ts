import { DateTime } from 'luxon';
import type { SessionResponse } from '../../catalogue/sessions/dto/session.dto';
import { formatInstant, fromLocalTime, isCalendarDate } from '../../common/time';
import type { FieldErrors } from '../forms';
import { field } from '../web-request';

/** Slot rows on the form: a one-day session fills one, a multi-day course one per day. */
export const SLOT_ROWS = 5;

const TIME = /^(\d{1,2})[:.](\d{2})$/;

/**
 * A row's date and time read in the programme zone (fromLocalTime, the CSV import's rule): the
 * instant, or the message key for a time that is not one (25:00) or that the spring change skips.
 */
function slotTime(date: string, time: string, zone: string): string | { key: string } {
  const match = TIME.exec(time);
  const at = match ? fromLocalTime(`${date}T${match[1].padStart(2, '0')}:${match[2]}`, zone) : 'invalid';
  if (at === 'invalid') return { key: 'schedule.errors.time' };
  if (at === 'skipped') return { key: 'forms.skippedTime' };
  return formatInstant(at, zone);
}

/**
 * The posted slot rows as the API's schedule fields (startsAt/endsAt for one row, slots for more),
 * local times read in the programme zone. Rows left empty are skipped; `rows` maps the i-th slot to its row.
 */
export function scheduleInput(body: unknown, zone: string) {
  const errors: FieldErrors = [];
  const rows: number[] = [];
  const slots: { startsAt: string; endsAt: string }[] = [];
  for (let i = 0; i < SLOT_ROWS; i++) {
    const [date, start, end] = ['date', 'start', 'end'].map((name) => field(body, `${name}-${i}`).trim());
    if (!date && !start && !end) continue;
    if (!isCalendarDate(date)) {
      errors.push({ field: `date-${i}`, key: 'schedule.errors.date' });
      continue;
    }
    const [startsAt, endsAt] = [start, end].map((time) => slotTime(date, time, zone));
    if (typeof startsAt === 'object') errors.push({ field: `start-${i}`, ...startsAt });
    if (typeof endsAt === 'object') errors.push({ field: `end-${i}`, ...endsAt });
    if (typeof startsAt === 'string' && typeof endsAt === 'string') {
      rows.push(i);
      slots.push({ startsAt, endsAt });
    }
  }
  if (!slots.length && !errors.length) errors.push({ field: 'date-0', key: 'schedule.errors.noSlot' });
  const times = slots.length === 1 ? slots[0] : { slots };
  const row = (i: number) => rows[i] ?? 0;
  /** Service and DTO fields named after the slot rows they concern. */
  const fieldOf = (name: string) => {
    const slot = /^slots\[(\d+)\]\.(startsAt|endsAt)$/.exec(name);
    if (slot) return `${slot[2] === 'startsAt' ? 'start' : 'end'}-${row(Number(slot[1]))}`;
    return { startsAt: `start-${row(0)}`, endsAt: `end-${row(0)}`, slots: `date-${row(0)}`, status: `date-${row(0)}` }[name] ?? name;
  };
  return { times: slots.length ? times : {}, errors, fieldOf };
}

/** The rest of the form as the API's fields: an empty venue means none, an empty capacity the venue's seats. */
export function sessionDetails(body: unknown) {
  const capacity = field(body, 'capacity').trim();
  return {
    venueId: field(body, 'venueId') || null,
    onlineUrl: field(body, 'onlineUrl').trim() || null,
    capacity: capacity === '' ? undefined : /^\d+$/.test(capacity) ? Number(capacity) : capacity,
  };
}

/** The form's values for a session (its slots as local dates and times) or for a new one. */
export function sessionValues(session: SessionResponse | null, zone: string, lectureId = ''): Record<string, string> {
  if (!session) return { lectureId };
  const values: Record<string, string> = { venueId: session.venueId ?? '', onlineUrl: session.onlineUrl ?? '', capacity: String(session.capacity) };
  session.slots.forEach((slot, i) => {
    const start = DateTime.fromISO(slot.startsAt, { zone });
    values[`date-${i}`] = start.toISODate()!;
    values[`start-${i}`] = start.toFormat('HH:mm');
    values[`end-${i}`] = DateTime.fromISO(slot.endsAt, { zone }).toFormat('HH:mm');
  });
  return values;
}
