import { Problem } from '../../common/problem';
import { requestedSlots } from './session-slots';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Problem).errors?.[0].field;
  }
  return 'no error';
};

describe('requestedSlots', () => {
  const a = { startsAt: '2026-09-08T09:00:00+02:00', endsAt: '2026-09-08T16:00:00+02:00' };
  const b = { startsAt: '2026-09-01T09:00:00+02:00', endsAt: '2026-09-01T16:00:00+02:00' };

  it('sorts slots by start and turns startsAt+endsAt into one slot', () => {
    expect(requestedSlots({ slots: [a, b] }, null)!.map((s) => s.startsAt.toISOString())).toEqual(['2026-09-01T07:00:00.000Z', '2026-09-08T07:00:00.000Z']);
    expect(requestedSlots(b, null)).toHaveLength(1);
  });

  it('names the field of every bad schedule', () => {
    expect(fieldOf(() => requestedSlots({ slots: [a], startsAt: a.startsAt }, null))).toBe('slots');
    expect(fieldOf(() => requestedSlots({}, null))).toBe('startsAt');
    expect(fieldOf(() => requestedSlots({ startsAt: a.startsAt }, null))).toBe('endsAt');
    expect(fieldOf(() => requestedSlots({ startsAt: a.endsAt, endsAt: a.startsAt }, null))).toBe('endsAt');
    expect(fieldOf(() => requestedSlots({ slots: [b, { startsAt: b.endsAt, endsAt: b.endsAt }] }, null))).toBe('slots[1].endsAt');
    expect(fieldOf(() => requestedSlots({ slots: [b, { startsAt: '2026-09-01T15:00:00+02:00', endsAt: '2026-09-01T17:00:00+02:00' }] }, null))).toBe('slots');
  });

  it('patches: nothing asked keeps the times; half of a one-slot session is filled in; a multi-slot session needs slots', () => {
    const one = [{ startsAt: new Date('2026-09-01T07:00:00Z'), endsAt: new Date('2026-09-01T14:00:00Z') }];
    expect(requestedSlots({}, one)).toBeNull();
    expect(requestedSlots({ endsAt: '2026-09-01T12:00:00+02:00' }, one)![0]).toEqual({ startsAt: one[0].startsAt, endsAt: new Date('2026-09-01T10:00:00Z') });
    expect(fieldOf(() => requestedSlots({ startsAt: a.startsAt }, [...one, ...one]))).toBe('slots');
  });
});
