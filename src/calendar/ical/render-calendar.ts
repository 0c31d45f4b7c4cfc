import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';

export type EventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

interface EventBase {
  /** Stable across requests and restarts; never derived from the clock or randomness. */
  uid: string;
  sequence: number;
  summary: string;
  description?: string | null;
  /** The record's last change (UTC); also used as DTSTAMP so unchanged data renders identical bytes. */
  lastModified: Date;
}

export interface TimedEvent extends EventBase {
  kind: 'timed';
  startsAt: Date;
  endsAt: Date;
  location?: string | null;
  url?: string | null;
  status: EventStatus;
}

/** An all-day event on one calendar date (YYYY-MM-DD); written with VALUE=DATE and an exclusive end. */
export interface AllDayEvent extends EventBase {
  kind: 'allDay';
  date: string;
}

export type FeedEvent = TimedEvent | AllDayEvent;

export interface FeedCalendar {
  name: string;
  description: string;
  /** IANA zone of the programme: every timed event is written with this TZID and one VTIMEZONE. */
  zone: string;
  refreshSeconds: number;
  events: FeedEvent[];
}

const STATUS: Record<EventStatus, ICalEventStatus> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** Calendar-level name and description are not escaped by ical-generator: keep them on one line. */
export const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

const startKey = (e: FeedEvent) => (e.kind === 'timed' ? e.startsAt.toISOString() : `${e.date}T00:00:00.000Z`);

/**
 * Renders an iCalendar feed (RFC 5545) from plain data. Pure: the same input gives the same bytes
 * whatever the process's own time zone, because every date is handed over as a Luxon DateTime
 * in the programme's zone (a native Date with an event timezone is formatted in the process's zone).
 */
export function renderCalendar(feed: FeedCalendar): string {
  const cal = ical({
    prodId: { company: 'Lots', product: 'Lots introduction programme', language: 'SV' },
    name: oneLine(feed.name),
    description: oneLine(feed.description),
    ttl: feed.refreshSeconds,
  });
  // A VTIMEZONE per zone used, without calendar-level TIMEZONE-ID or floating DTSTAMPs.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  const events = [...feed.events].sort((a, b) => startKey(a).localeCompare(startKey(b)) || a.uid.localeCompare(b.uid));
  for (const event of events) {
    const stamp = DateTime.fromJSDate(event.lastModified, { zone: 'utc' });
    const common = {
      id: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description || undefined,
      stamp,
      lastModified: stamp,
    };
    if (event.kind === 'allDay') {
      const start = DateTime.fromISO(event.date, { zone: feed.zone });
      cal.createEvent({ ...common, start, end: start.plus({ days: 1 }), allDay: true, transparency: ICalEventTransparency.TRANSPARENT });
    } else {
      cal.createEvent({
        ...common,
        start: DateTime.fromJSDate(event.startsAt, { zone: feed.zone }),
        end: DateTime.fromJSDate(event.endsAt, { zone: feed.zone }),
        timezone: feed.zone,
        location: event.location || undefined,
        url: event.url || undefined,
        status: STATUS[event.status],
      });
    }
  }
  // Every content line ends with CRLF, the last one included (RFC 5545 3.1).
  return `${cal.toString()}\r\n`;
}
