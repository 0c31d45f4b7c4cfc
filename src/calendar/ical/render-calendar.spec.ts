import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { FeedCalendar, renderCalendar } from './render-calendar';
import { parseFeed, unfold } from '../../../test/ical';

const STAMP = new Date('2027-01-10T08:15:00Z');
const feed: FeedCalendar = {
  name: 'Intro\r\nduktion',
  description: 'Rad ett\nrad två',
  zone: 'Europe/Stockholm',
  refreshSeconds: 3600,
  events: [
    {
      kind: 'timed',
      uid: 'winter@lots.example',
      sequence: 3,
      summary: 'Barnrätt; grund, "del" 1\nny rad',
      description: 'Lång beskrivning med åäö '.repeat(12),
      location: 'Kompetenscenter, sal 2',
      status: 'CONFIRMED',
      startsAt: new Date('2027-02-03T08:00:00Z'),
      endsAt: new Date('2027-02-03T11:00:00Z'),
      lastModified: STAMP,
    },
    // The Sunday summer time starts (28 March 2027) and the Sunday it ends (31 October 2027).
    { kind: 'timed', uid: 'march@lots.example', sequence: 0, summary: 'Mars', status: 'TENTATIVE', startsAt: new Date('2027-03-28T07:00:00Z'), endsAt: new Date('2027-03-28T09:00:00Z'), lastModified: STAMP },
    { kind: 'timed', uid: 'october@lots.example', sequence: 0, summary: 'Oktober', status: 'CANCELLED', startsAt: new Date('2027-10-31T08:00:00Z'), endsAt: new Date('2027-10-31T10:00:00Z'), lastModified: STAMP },
    // Across both changes: overnight events whose start and end have different offsets.
    { kind: 'timed', uid: 'over-march@lots.example', sequence: 0, summary: 'Natt mars', status: 'CONFIRMED', startsAt: new Date('2027-03-27T22:00:00Z'), endsAt: new Date('2027-03-28T04:00:00Z'), lastModified: STAMP },
    { kind: 'timed', uid: 'over-october@lots.example', sequence: 0, summary: 'Natt oktober', status: 'CONFIRMED', startsAt: new Date('2027-10-30T20:00:00Z'), endsAt: new Date('2027-10-31T05:00:00Z'), lastModified: STAMP },
    { kind: 'allDay', uid: 'milestone@lots.example', sequence: 0, summary: 'Introduktionen börjar', date: '2027-01-15', lastModified: STAMP },
  ],
};

describe('renderCalendar', () => {
  const text = renderCalendar(feed);
  const lines = text.split('\r\n');

  it('ends every line with CRLF and folds lines at 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('writes one VTIMEZONE for the programme zone, TZID on timed events, UTC stamps, no METHOD or TIMEZONE-ID', () => {
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(text).toContain('TZID:Europe/Stockholm\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20270203T090000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Stockholm:20270203T120000\r\n');
    expect(text).not.toMatch(/^METHOD/m);
    expect(text).not.toMatch(/TIMEZONE-ID/);
    const stamps = lines.filter((line) => /^(DTSTAMP|LAST-MODIFIED)/.test(line));
    expect(stamps).toHaveLength(2 * feed.events.length);
    for (const line of stamps) expect(line).toMatch(/:20270110T081500Z$/);
    // No floating date-times: every DTSTART/DTEND has a TZID or is a DATE.
    const eventLines = text.slice(text.indexOf('END:VTIMEZONE')).split('\r\n');
    for (const line of eventLines.filter((l) => /^DT(START|END)/.test(l))) expect(line).toMatch(/;TZID=Europe\/Stockholm:|;VALUE=DATE:/);
  });

  it('names the calendar on one line, with refresh hints', () => {
    expect(text).toContain('X-WR-CALNAME:Intro duktion\r\n');
    expect(unfold(text)).toContain('X-WR-CALDESC:Rad ett rad två\r\n');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H\r\n');
  });

  it('escapes event text', () => {
    expect(unfold(text)).toContain('SUMMARY:Barnrätt\\; grund\\, "del" 1\\nny rad\r\n');
  });

  it('writes all-day events as VALUE=DATE with an exclusive end, transparent', () => {
    expect(text).toContain('DTSTART;VALUE=DATE:20270115\r\nDTEND;VALUE=DATE:20270116\r\n');
    const { events } = parseFeed(text);
    const milestone = events.find((e) => e.uid === 'milestone@lots.example')!;
    expect(milestone.allDay).toBe(true);
    expect([milestone.startText, milestone.endText]).toEqual(['2027-01-15', '2027-01-16']);
  });

  it('parses with ical.js to the same instants, across both DST changes', () => {
    const { events } = parseFeed(text);
    for (const source of feed.events) {
      if (source.kind !== 'timed') continue;
      const parsed = events.find((e) => e.uid === source.uid)!;
      expect([parsed.start.toISOString(), parsed.end.toISOString(), parsed.sequence]).toEqual([source.startsAt.toISOString(), source.endsAt.toISOString(), source.sequence]);
      expect(parsed.status).toBe(source.status);
    }
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20270328T090000\r\n'); // 07:00Z in summer time
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20271031T090000\r\n'); // 08:00Z in winter time
  });

  it('gives identical bytes whatever the process time zone (rendered in child processes)', () => {
    const render = (tz: string) =>
      execFileSync(process.execPath, [join(__dirname, '../../../test/render-in-child.js')], { env: { ...process.env, TZ: tz }, input: JSON.stringify(feed) });
    const utc = render('UTC');
    const newYork = render('America/New_York');
    const kolkata = render('Asia/Kolkata');
    expect(utc.toString('utf8')).toContain('BEGIN:VCALENDAR');
    expect(newYork.equals(utc)).toBe(true);
    expect(kolkata.equals(utc)).toBe(true);
    expect(Buffer.from(text, 'utf8').equals(utc)).toBe(true);
  });

  it('is stable: the same input renders the same bytes, whatever the order of events', () => {
    expect(renderCalendar({ ...feed, events: [...feed.events].reverse() })).toBe(text);
  });
});
