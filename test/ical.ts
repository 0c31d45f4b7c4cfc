/* Test helpers shared by the unit specs and the e2e specs: parse a feed the way Thunderbird does (ical.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

export interface ParsedEvent {
  uid: string;
  summary: string;
  sequence: number;
  status: string | null;
  start: Date;
  end: Date;
  allDay: boolean;
  startText: string;
  endText: string;
  properties: string[];
}

/** Parses with Mozilla's ical.js, registering the feed's own VTIMEZONEs so TZID times resolve to real instants. */
export function parseFeed(text: string): { calendar: any; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component: any) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      status: component.getFirstPropertyValue('status'),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      allDay: event.startDate.isDate,
      startText: event.startDate.toString(),
      endText: event.endDate.toString(),
      properties: component.getAllProperties().map((p: any) => p.name),
    };
  });
  return { calendar, events };
}

export const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
