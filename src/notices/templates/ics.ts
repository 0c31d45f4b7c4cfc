import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import type { SessionFacts } from '../notice-payload';
import { sessionEventSequence, sessionSlotUid } from '../../calendar/ical/feed-events';

export interface IcsOptions {
  method: 'REQUEST' | 'CANCEL';
  /** Host of PUBLIC_BASE_URL, for the feed's UIDs. */
  host: string;
  zone: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/**
 * An iTIP invitation (REQUEST) or cancellation (CANCEL) for a session: one event per slot, with the
 * personal feed's UIDs and SEQUENCE, so calendars update the events they already hold.
 */
export function sessionIcs(session: SessionFacts, o: IcsOptions): string {
  const cal = ical({
    prodId: { company: 'Lots', product: 'Lots', language: 'SV' },
    method: o.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  const cancelled = o.method === 'CANCEL' || session.status === 'cancelled';
  const slots = [...session.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  // Attendees of invitations hold a seat: the feed shows them as booked (or cancelled), same SEQUENCE.
  const sequence = sessionEventSequence(session.sequence, cancelled ? 'cancelled' : 'booked');
  slots.forEach((slot, index) => {
    cal.createEvent({
      id: sessionSlotUid(session.id, index + 1, o.host),
      sequence,
      stamp: DateTime.fromISO(session.changedAt, { zone: 'utc' }),
      start: DateTime.fromISO(slot.startsAt, { zone: o.zone }),
      end: DateTime.fromISO(slot.endsAt, { zone: o.zone }),
      timezone: o.zone,
      summary: session.title,
      location: [session.venue, session.address].filter(Boolean).join(', ') || session.onlineUrl || null,
      url: session.onlineUrl,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: o.organizer,
      attendees: [{ name: o.attendee.name, email: o.attendee.email }],
    });
  });
  return cal.toString();
}
