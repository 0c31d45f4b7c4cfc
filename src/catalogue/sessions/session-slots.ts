import { Problem } from '../../common/problem';
import { parseInstant } from '../../common/time';

export interface SlotTimes {
  startsAt: Date;
  endsAt: Date;
}

export interface ScheduleInput {
  startsAt?: string;
  endsAt?: string;
  slots?: { startsAt: string; endsAt: string }[];
}

/**
 * The slots a create or patch asks for, sorted by start: either `slots`, or `startsAt`+`endsAt`
 * for a one-slot session. `current` (patch) fills a missing half of a one-slot session's times.
 * Returns null when a patch does not touch the times. Every problem is a 400 naming its field.
 */
export function requestedSlots(input: ScheduleInput, current: SlotTimes[] | null): SlotTimes[] | null {
  const single = input.startsAt !== undefined || input.endsAt !== undefined;
  if (input.slots && single) throw Problem.invalidField('slots', 'sessions.slotsOrTimes');
  if (input.slots) return checkSlots(input.slots.map((s) => ({ startsAt: parseInstant(s.startsAt), endsAt: parseInstant(s.endsAt) })), 'slots');
  if (!single) {
    if (current) return null;
    throw Problem.badRequest('common.invalidInput', { fields: 'startsAt, endsAt' }, [Problem.fieldError('startsAt', 'sessions.timesRequired')]);
  }
  if (current && current.length > 1) {
    throw Problem.invalidField('slots', 'sessions.rescheduleWithSlots', { count: current.length });
  }
  const startsAt = input.startsAt !== undefined ? parseInstant(input.startsAt) : current?.[0].startsAt;
  const endsAt = input.endsAt !== undefined ? parseInstant(input.endsAt) : current?.[0].endsAt;
  if (!startsAt) throw Problem.invalidField('startsAt', 'sessions.startsAtRequired');
  if (!endsAt) throw Problem.invalidField('endsAt', 'sessions.endsAtRequired');
  return checkSlots([{ startsAt, endsAt }], null);
}

function checkSlots(slots: SlotTimes[], prefix: string | null): SlotTimes[] {
  slots.forEach((slot, i) => {
    if (slot.endsAt <= slot.startsAt) {
      throw Problem.invalidField(prefix ? `${prefix}[${i}].endsAt` : 'endsAt', 'times.endNotAfterStart');
    }
  });
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].startsAt < sorted[i - 1].endsAt) throw Problem.invalidField('slots', 'sessions.slotsOverlap');
  }
  return sorted;
}

export function sameTimes(a: SlotTimes[], b: SlotTimes[]): boolean {
  return a.length === b.length && a.every((s, i) => s.startsAt.getTime() === b[i].startsAt.getTime() && s.endsAt.getTime() === b[i].endsAt.getTime());
}
