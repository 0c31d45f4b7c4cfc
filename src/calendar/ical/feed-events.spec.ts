import { isShown, LABELS, milestoneEvents, roleFromEnrolment, SessionData, sessionEvents, strongerRole } from './feed-events';


const at = (iso: string) => new Date(iso);
const session = (fields: Partial<SessionData> = {}): SessionData => ({
  id: 's1',
  status: 'scheduled',
  sequence: 2,
  cancelledAt: null,
  cancelledReason: null,
  onlineUrl: null,
  endsAt: at('2027-02-10T15:00:00Z'),
  updatedAt: at('2027-01-05T10:00:00Z'),
  // Given out of order: events follow the slots' time order.
  slots: [
    { startsAt: at('2027-02-10T08:00:00Z'), endsAt: at('2027-02-10T15:00:00Z') },
    { startsAt: at('2027-02-03T08:00:00Z'), endsAt: at('2027-02-03T15:00:00Z') },
  ],
  lecture: { title: 'Barnavårdsutredning', description: 'Om BBIC', updatedAt: at('2027-01-01T10:00:00Z') },
  venue: { name: 'Kompetenscenter', address: 'Storgatan 1', updatedAt: at('2027-01-07T10:00:00Z') },
  ...fields,
});
const options = { labels: LABELS.sv, uidPrefix: 'session', host: 'lots.example' };

describe('sessionEvents', () => {
  it('makes one event per slot with UIDs by slot order, and marks the part', () => {
    const events = sessionEvents(session(), { ...options, role: 'booked' });
    expect(events.map((e) => [e.uid, e.startsAt.toISOString(), e.summary])).toEqual([
      ['session-s1-1@lots.example', '2027-02-03T08:00:00.000Z', 'Barnavårdsutredning (del 1 av 2)'],
      ['session-s1-2@lots.example', '2027-02-10T08:00:00.000Z', 'Barnavårdsutredning (del 2 av 2)'],
    ]);
    expect(events[0]).toMatchObject({ status: 'CONFIRMED', location: 'Kompetenscenter, Storgatan 1', sequence: 3 });
    // LAST-MODIFIED: the newest of the records shown (here the venue).
    expect(events[0].lastModified.toISOString()).toBe('2027-01-07T10:00:00.000Z');
  });

  it('marks waitlisted places TENTATIVE with a prefix, in the person\'s language', () => {
    const [sv] = sessionEvents(session({ slots: [session().slots[0]] }), { ...options, role: 'waitlisted' });
    expect([sv.status, sv.summary]).toEqual(['TENTATIVE', 'Väntelista: Barnavårdsutredning']);
    const [en] = sessionEvents(session({ slots: [session().slots[0]] }), { ...options, labels: LABELS.en, role: 'waitlisted' });
    expect(en.summary).toBe('Waitlisted: Barnavårdsutredning');
  });

  it('raises SEQUENCE from waitlist to seat and again on cancellation', () => {
    const seq = (role: 'waitlisted' | 'booked' | 'cancelled', fields: Partial<SessionData> = {}) =>
      sessionEvents(session(fields), { ...options, role })[0].sequence;
    const cancelledSession = { status: 'cancelled' as const, sequence: 3, cancelledAt: at('2027-01-20T10:00:00Z'), cancelledReason: 'Sjuk föreläsare' };
    expect(seq('waitlisted')).toBeLessThan(seq('booked'));
    expect(seq('booked')).toBeLessThan(seq('cancelled', cancelledSession));
    const [cancelled] = sessionEvents(session(cancelledSession), { ...options, role: 'cancelled' });
    expect([cancelled.status, cancelled.summary, cancelled.description]).toEqual(['CANCELLED', 'Inställt: Barnavårdsutredning (del 1 av 2)', 'Om BBIC\n\nSjuk föreläsare']);
  });

  it('uses the online link as location when there is no venue', () => {
    const [event] = sessionEvents(session({ venue: null, onlineUrl: 'https://meet.example/x' }), { ...options, role: 'teaching' });
    expect([event.location, event.url, event.description]).toEqual(['https://meet.example/x', 'https://meet.example/x', 'Om BBIC\n\nDu föreläser.']);
  });
});

describe('isShown', () => {
  const now = at('2027-03-01T12:00:00Z');
  it('keeps scheduled sessions, and cancelled ones until 7 days after their end', () => {
    expect(isShown({ status: 'scheduled', endsAt: at('2020-01-01T00:00:00Z') }, now)).toBe(true);
    expect(isShown({ status: 'cancelled', endsAt: at('2027-02-22T12:00:00Z') }, now)).toBe(true);
    expect(isShown({ status: 'cancelled', endsAt: at('2027-02-22T11:59:59Z') }, now)).toBe(false);
  });
});

describe('roleFromEnrolment', () => {
  const cancelledSession = { status: 'cancelled', cancelledAt: at('2027-01-20T10:00:00.500Z') };
  it('shows seats and waitlist places, and enrolments cancelled with their session', () => {
    expect(roleFromEnrolment({ status: 'booked', cancelledAt: null }, { status: 'scheduled', cancelledAt: null })).toBe('booked');
    expect(roleFromEnrolment({ status: 'waitlisted', cancelledAt: null }, { status: 'scheduled', cancelledAt: null })).toBe('waitlisted');
    // Written a moment apart by the same cancellation (second precision on SQLite).
    expect(roleFromEnrolment({ status: 'cancelled', cancelledAt: at('2027-01-20T10:00:00Z') }, cancelledSession)).toBe('cancelled');
  });

  it('drops the person\'s own cancellations', () => {
    expect(roleFromEnrolment({ status: 'cancelled', cancelledAt: at('2027-01-10T10:00:00Z') }, { status: 'scheduled', cancelledAt: null })).toBeNull();
    expect(roleFromEnrolment({ status: 'cancelled', cancelledAt: at('2027-01-10T10:00:00Z') }, cancelledSession)).toBeNull();
  });

  it('ranks teaching over a seat over a waitlist place over a cancelled one', () => {
    expect(strongerRole('waitlisted', 'booked')).toBe('booked');
    expect(strongerRole('teaching', 'booked')).toBe('teaching');
    expect(strongerRole(undefined, 'cancelled')).toBe('cancelled');
  });
});

describe('milestoneEvents', () => {
  const plan = { id: 'p1', startDate: '2027-01-15', endDate: '2029-01-15', pausedDays: 0, updatedAt: at('2027-01-02T09:00:00Z') };
  it('gives start, 6 and 12 months and end as all-day events with the date in the UID', () => {
    expect(milestoneEvents(plan, LABELS.en, 'lots.example').map((e) => [e.uid, e.date, e.summary])).toEqual([
      ['plan-p1-start-20270115@lots.example', '2027-01-15', 'Introduction starts'],
      ['plan-p1-month6-20270715@lots.example', '2027-07-15', 'Six months into the introduction'],
      ['plan-p1-month12-20280115@lots.example', '2028-01-15', 'One year into the introduction'],
      ['plan-p1-end-20290115@lots.example', '2029-01-15', 'Introduction ends'],
    ]);
  });

  it('moves 6 and 12 months by the days the plan was paused', () => {
    const dates = milestoneEvents({ ...plan, pausedDays: 30, endDate: '2029-02-14' }, LABELS.sv, 'h').map((e) => e.date);
    expect(dates).toEqual(['2027-01-15', '2027-08-14', '2028-02-14', '2029-02-14']);
  });

  it('leaves out milestones after a short plan\'s end', () => {
    expect(milestoneEvents({ ...plan, endDate: '2027-09-01' }, LABELS.sv, 'h').map((e) => e.uid)).toEqual([
      'plan-p1-start-20270115@h',
      'plan-p1-month6-20270715@h',
      'plan-p1-end-20270901@h',
    ]);
  });
});
