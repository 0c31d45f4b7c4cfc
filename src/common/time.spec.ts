import { formatInstant, isCalendarDate, isInstant, parseInstant, todayIn } from './time';

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

  it('validates calendar dates and tells today in a zone', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(todayIn('Europe/Stockholm', new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
