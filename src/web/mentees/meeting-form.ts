import { DateTime } from 'luxon';
import { fromLocalTime, isCalendarDate } from '../../common/time';
import type { CreateMeetingDto, MeetingResponse } from '../../mentorship/meetings/dto/meeting.dto';
import type { FieldErrors } from '../forms';
import { field } from '../web-request';

const FIELDS = ['date', 'startTime', 'endTime', 'location', 'notes'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A meeting as the form shows it: a date and two times in TIME_ZONE, place and notes. */
export type MeetingValues = Record<(typeof FIELDS)[number], string>;

export function postedMeeting(body: unknown): MeetingValues {
  return Object.fromEntries(FIELDS.map((name) => [name, field(body, name).trim()])) as MeetingValues;
}

/** A saved meeting's values for the change form (its instants carry the zone's offset already). */
export function meetingValues(meeting: MeetingResponse, zone: string): MeetingValues {
  const starts = DateTime.fromISO(meeting.startsAt, { zone });
  const ends = DateTime.fromISO(meeting.endsAt, { zone });
  return { date: starts.toISODate()!, startTime: starts.toFormat('HH:mm'), endTime: ends.toFormat('HH:mm'), location: meeting.location ?? '', notes: meeting.notes ?? '' };
}

/** The form's own checks, each beside its field; the service still has the last word (refusals). */
export function meetingErrors(values: MeetingValues, zone: string): FieldErrors {
  const errors: FieldErrors = [];
  const dated = isCalendarDate(values.date);
  if (!dated) errors.push({ field: 'date', key: 'mentees.errors.date' });
  // Read in the programme zone as the schedule form and the CSV import do: a time the spring change skips is refused.
  for (const name of ['startTime', 'endTime'] as const) {
    const at = !TIME.test(values[name]) ? 'invalid' : dated ? fromLocalTime(`${values.date}T${values[name]}`, zone) : null;
    if (at === 'invalid' || at === 'skipped') errors.push({ field: name, key: at === 'invalid' ? 'mentees.errors.time' : 'forms.skippedTime' });
  }
  if (TIME.test(values.startTime) && TIME.test(values.endTime) && values.endTime <= values.startTime) errors.push({ field: 'endTime', key: 'mentees.errors.order' });
  if (values.location.length > 300) errors.push({ field: 'location', key: 'mentees.errors.location' });
  if (values.notes.length > 10000) errors.push({ field: 'notes', key: 'mentees.errors.notes' });
  return errors;
}

/** The body of POST /api/mentorships/:id/meetings (and of a PATCH, which then clears an emptied place or notes). */
export function meetingDto(values: MeetingValues, zone: string): Required<CreateMeetingDto> {
  const at = (time: string) => DateTime.fromISO(`${values.date}T${time}`, { zone }).toISO({ suppressMilliseconds: true })!;
  return { startsAt: at(values.startTime), endsAt: at(values.endTime), location: values.location || null, notes: values.notes || null };
}
