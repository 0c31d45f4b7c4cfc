import { startApp, TestApp } from './app';
import { City, makeCity } from './factories/organisation.factory';
import { makeLecture, makeSession, makeTheme } from './factories/catalogue.factory';
import { makePlan } from './factories/plans.factory';
import { Session } from '../src/catalogue/sessions/session.entity';

/** The booking, session and attendance routes queue their notices in the same transaction. */
describe('notices queued by the API', () => {
  let t: TestApp;
  let city: City;
  const DAY = 86_400_000;

  beforeAll(async () => {
    t = await startApp({ NOTICE_SEND_INTERVAL_MS: '0' });
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  const as = (who: keyof City['people']) => ({ authorization: `Bearer ${city.people[who].token}` });
  const kinds = async (recipientId: string) => {
    const res = await t.http().get(`/api/notices?recipientId=${recipientId}&limit=500`).set(as('admin')).expect(200);
    return (res.body.items as { kind: string; status: string }[]).map((n) => `${n.kind}:${n.status}`).sort();
  };

  it('confirms, waitlists, promotes, reschedules and cancels with notices to the right people', async () => {
    const lecture = await makeLecture(t, await makeTheme(t));
    const session = await makeSession(t, lecture, { capacity: 1, startsAt: new Date(Date.now() + 30 * DAY) });
    await makePlan(t, city.people.newhire, { introducerId: city.people.introducer.id });
    const first = await t.http().post(`/api/sessions/${session.id}/enrolments`).set(as('coordinator')).send({ personId: city.people.newhire.id }).expect(201);
    await t.http().post(`/api/sessions/${session.id}/enrolments`).set(as('coordinator')).send({ personId: city.people.otherHire.id }).expect(201);
    expect(await kinds(city.people.newhire.id)).toEqual(['booking_confirmed:pending', 'reminder_1d:pending', 'reminder_7d:pending']);
    expect(await kinds(city.people.otherHire.id)).toEqual(['waitlisted:pending']);

    await t.http().post(`/api/enrolments/${first.body.id}/cancel`).set(as('newhire')).send({}).expect(200);
    expect(await kinds(city.people.newhire.id)).toEqual(['booking_confirmed:pending', 'enrolment_cancelled:pending', 'reminder_1d:withdrawn', 'reminder_7d:withdrawn']);
    expect(await kinds(city.people.otherHire.id)).toEqual(['promoted:pending', 'reminder_1d:pending', 'reminder_7d:pending', 'waitlisted:pending']);
    expect(await kinds(city.people.introducer.id)).toContain('cancellation_copy:pending');

    const later = new Date(Date.now() + 40 * DAY);
    await t
      .http()
      .patch(`/api/sessions/${session.id}`)
      .set(as('coordinator'))
      .send({ startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 3_600_000).toISOString() })
      .expect(200);
    expect(await kinds(city.people.otherHire.id)).toContain('session_rescheduled:pending');

    await t.http().post(`/api/sessions/${session.id}/cancel`).set(as('coordinator')).send({ reason: 'Föreläsaren är sjuk' }).expect(200);
    const after = await kinds(city.people.otherHire.id);
    expect(after).toContain('session_cancelled:pending');
    expect(after.filter((k) => k.startsWith('reminder_') && k.endsWith(':pending'))).toEqual([]);
  });

  it('asks an attendee for an evaluation when attendance is recorded', async () => {
    const lecture = await makeLecture(t, await makeTheme(t));
    const session = await makeSession(t, lecture, { startsAt: new Date(Date.now() + 2 * DAY) });
    const hire = city.people.manager;
    const booked = await t.http().post(`/api/sessions/${session.id}/enrolments`).set(as('coordinator')).send({ personId: hire.id }).expect(201);
    // The session has started (attendance is recorded from then on).
    await t.db.write((em) => em.update(Session, { id: session.id }, { startsAt: new Date(Date.now() - 3_600_000) }));
    await t.http().put(`/api/enrolments/${booked.body.id}/attendance`).set(as('coordinator')).send({ attendance: 'attended' }).expect(200);
    expect(await kinds(hire.id)).toContain('evaluation_request:pending');
  });
});
