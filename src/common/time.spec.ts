import { DateTime } from 'luxon';
import { formatInstant, fromLocalTime, isCalendarDate, isInstant, parseInstant, todayIn } from './time';

describe('time helpers', () => {
  it('accepts instants only with an offset', () => {
    expect(isInstant('2027-02-03T09:00:00+01:00')).toBe(true);
    expect(isInstant('2027-02-03T08:00:00Z')).toBe(true);
    expect(isInstant('2027-02-03T09:00:00')).toBe(false);
    expect(isInstant('2027-02-30T09:00:00Z')).toBe(false);
  });

  it('formats in the programme zone across daylight-saving changes', () => {
    expect(formatInstant(parseInstant('2027-03-01T08:00:00Z'), 'Europe/Stockholm')).toBe('2027-03-01T09:00:00+01:00');
    expect(formatInstant(parseInstant('2027-04-01T07:00:00Z'), 'Europe/Stockholm')).toBe('2027-04-01T09:00:00+02:00');
  });

  it('formats instants and tells the date exactly as Luxon does, through the year and every ten minutes around offset changes', () => {
    const zones = ['Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/London', 'UTC'];
    const changes = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01'].map((d) => Date.parse(`${d}T00:00:00Z`));
    const instants: number[] = [];
    for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 97 * 60_000 + 250) instants.push(ms);
    for (const day of changes) for (let ms = day - 86_400_000; ms < day + 2 * 86_400_000; ms += 10 * 60_000) instants.push(ms);
    for (const zone of zones) {
      for (const ms of instants) {
        const date = new Date(ms);
        expect(formatInstant(date, zone)).toBe(DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true }));
        expect(todayIn(zone, date)).toBe(DateTime.fromJSDate(date, { zone }).toISODate());
      }
    }
  });

  it('reads local times in the zone, refusing impossible ones and those skipped by the spring change', () => {
    expect(fromLocalTime('2027-03-28T01:30', 'Europe/Stockholm')).toEqual(new Date('2027-03-28T00:30:00Z'));
    expect(fromLocalTime('2027-03-28T03:30', 'Europe/Stockholm')).toEqual(new Date('2027-03-28T01:30:00Z'));
    expect(fromLocalTime('2027-03-28T02:30', 'Europe/Stockholm')).toBe('skipped');
    expect(fromLocalTime('2027-03-28T02:30', 'UTC')).toEqual(new Date('2027-03-28T02:30:00Z'));
    // The hour repeated in autumn exists (twice): it is read, not refused.
    expect(fromLocalTime('2027-10-31T02:30:15', 'Europe/Stockholm')).toBeInstanceOf(Date);
    for (const bad of ['2027-03-28T25:00', '2027-03-28T09:75', '2027-02-30T09:00', '2027-03-28 09:00', '2027-03-28T9:00', '']) {
      expect(fromLocalTime(bad, 'Europe/Stockholm')).toBe('invalid');
    }
  });

  it('validates calendar dates and tells today in a zone', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(todayIn('Europe/Stockholm', new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
