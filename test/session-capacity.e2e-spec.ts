import { startApp, TestApp } from './app';
import { City, makeCity, makePerson } from './factories/organisation.factory';
import { makeLecture, makeSession, makeTheme } from './factories/catalogue.factory';

describe('raising a session capacity', () => {
  let t: TestApp;
  let city: City;
  beforeAll(async () => {
    t = await startApp({ NOTICE_SEND_INTERVAL_MS: '0' });
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  it('moves the first on the waitlist into the new seats, in order', async () => {
    const coordinator = { authorization: `Bearer ${city.people.coordinator.token}` };
    const session = await makeSession(t, await makeLecture(t, await makeTheme(t)), { capacity: 1 });
    const people = [city.people.newhire, await makePerson(t, city.units.northUnit, ['newhire']), await makePerson(t, city.units.northUnit, ['newhire'])];
    const places = [];
    for (const person of people) {
      places.push((await t.http().post(`/api/sessions/${session.id}/enrolments`).set(coordinator).send({ personId: person.id }).expect(201)).body);
    }
    expect(places.map((p) => p.status)).toEqual(['booked', 'waitlisted', 'waitlisted']);

    const patched = await t.http().patch(`/api/sessions/${session.id}`).set(coordinator).send({ capacity: 2 }).expect(200);
    expect(patched.body).toMatchObject({ capacity: 2, bookedCount: 2, waitlistCount: 1 });
    const roster = await t.http().get(`/api/sessions/${session.id}/enrolments`).set(coordinator).expect(200);
    const byPerson = new Map(roster.body.items.map((e: { personId: string; status: string; waitlistPosition: number | null }) => [e.personId, e]));
    expect(byPerson.get(people[1].id)).toMatchObject({ status: 'booked' });
    expect(byPerson.get(people[2].id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });
});
