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
  if (input.slots && single) throw Problem.invalidField('slots', 'give either slots or startsAt and endsAt, not both');
  if (input.slots) return checkSlots(input.slots.map((s) => ({ startsAt: parseInstant(s.startsAt), endsAt: parseInstant(s.endsAt) })), 'slots');
  if (!single) {
    if (current) return null;
    throw Problem.badRequest('Invalid input: startsAt, endsAt', [
      { field: 'startsAt', message: 'startsAt and endsAt (one slot) or slots are required' },
    ]);
  }
  if (current && current.length > 1) {
    throw Problem.invalidField('slots', `the session has ${current.length} slots: reschedule it with slots`);
  }
  const startsAt = input.startsAt !== undefined ? parseInstant(input.startsAt) : current?.[0].startsAt;
  const endsAt = input.endsAt !== undefined ? parseInstant(input.endsAt) : current?.[0].endsAt;
  if (!startsAt) throw Problem.invalidField('startsAt', 'startsAt is required with endsAt');
  if (!endsAt) throw Problem.invalidField('endsAt', 'endsAt is required with startsAt');
  return checkSlots([{ startsAt, endsAt }], null);
}

function checkSlots(slots: SlotTimes[], prefix: string | null): SlotTimes[] {
  slots.forEach((slot, i) => {
    if (slot.endsAt <= slot.startsAt) {
      throw Problem.invalidField(prefix ? `${prefix}[${i}].endsAt` : 'endsAt', 'endsAt must be after startsAt');
    }
  });
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].startsAt < sorted[i - 1].endsAt) throw Problem.invalidField('slots', 'slots must not overlap each other');
  }
  return sorted;
}

export function sameTimes(a: SlotTimes[], b: SlotTimes[]): boolean {
  return a.length === b.length && a.every((s, i) => s.startsAt.getTime() === b[i].startsAt.getTime() && s.endsAt.getTime() === b[i].endsAt.getTime());
}
