import { startApp, TestApp } from './app';
import { City, makeCity } from './factories/organisation.factory';
import { makeLecture, makeLecturer, makeSession, makeTheme, makeVenue } from './factories/catalogue.factory';
import { makeEnrolment } from './factories/plans.factory';
import { Lecture } from '../src/catalogue/lectures/lecture.entity';
import { Theme } from '../src/catalogue/themes/theme.entity';
import { Venue } from '../src/catalogue/venues/venue.entity';

const bearer = (p: { token: string }) => ({ authorization: `Bearer ${p.token}` });

describe('sessions: scheduling', () => {
  let t: TestApp;
  let city: City;
  let coordinator: { authorization: string };
  let theme: Theme;
  let lecture: Lecture;
  let venue: Venue;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    coordinator = bearer(city.people.coordinator);
    theme = await makeTheme(t);
    const lecturer = await makeLecturer(t);
    lecture = await makeLecture(t, theme, { title: 'Delegationsordningen', lecturers: [lecturer] });
    venue = await makeVenue(t, { capacity: 24 });
  });
  afterAll(() => t.close());

  const post = (body: object) => t.http().post('/api/sessions').set(coordinator).send({ lectureId: lecture.id, ...body });

  it('creates a one-slot session with the contract fields, times in the programme zone', async () => {
    const res = await post({ startsAt: '2027-02-03T08:00:00Z', endsAt: '2027-02-03T11:00:00Z', venueId: venue.id }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      lectureId: lecture.id,
      title: 'Delegationsordningen',
      startsAt: '2027-02-03T09:00:00+01:00',
      endsAt: '2027-02-03T12:00:00+01:00',
      slots: [{ id: expect.any(String), startsAt: '2027-02-03T09:00:00+01:00', endsAt: '2027-02-03T12:00:00+01:00' }],
      venueId: venue.id,
      onlineUrl: null,
      capacity: 24,
      lecturerIds: lecture.lecturers.map((l) => l.id),
      status: 'scheduled',
      cancelledReason: null,
      bookedCount: 0,
      waitlistCount: 0,
      enrolmentDeadline: null,
      sequence: 0,
    });
    await t.http().get(`/api/sessions/${res.body.id}`).set(bearer(city.people.newhire)).expect(200);
  });

  it('a multi-day course is one session with sorted slots; startsAt/endsAt span them', async () => {
    const res = await post({
      capacity: 20,
      slots: [
        { startsAt: '2027-03-10T09:00:00+01:00', endsAt: '2027-03-10T16:00:00+01:00' },
        { startsAt: '2027-03-03T09:00:00+01:00', endsAt: '2027-03-03T16:00:00+01:00' },
      ],
    }).expect(201);
    expect(res.body.startsAt).toBe('2027-03-03T09:00:00+01:00');
    expect(res.body.endsAt).toBe('2027-03-10T16:00:00+01:00');
    expect(res.body.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2027-03-03T09:00:00+01:00', '2027-03-10T09:00:00+01:00']);
    // the week between the two days is not part of the course: a filter on it finds nothing
    const between = await t.http().get(`/api/sessions?from=2027-03-05&to=2027-03-08&lectureId=${lecture.id}`).set(coordinator).expect(200);
    expect(between.body.total).toBe(0);
    const second = await t.http().get(`/api/sessions?from=2027-03-10&to=2027-03-10&lectureId=${lecture.id}`).set(coordinator).expect(200);
    expect(second.body.items.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
  });

  it('rejects bad schedules with 400 naming the field', async () => {
    const cases: [object, string][] = [
      [{ startsAt: '2027-04-01T12:00:00+02:00', endsAt: '2027-04-01T09:00:00+02:00', capacity: 5 }, 'endsAt'],
      [{ startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T09:00:00+02:00', capacity: 5 }, 'endsAt'],
      [{ startsAt: '2027-04-01T09:00:00', endsAt: '2027-04-01T12:00:00+02:00', capacity: 5 }, 'startsAt'],
      [{ capacity: 5 }, 'startsAt'],
      [
        {
          capacity: 5,
          slots: [
            { startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T12:00:00+02:00' },
            { startsAt: '2027-04-01T11:00:00+02:00', endsAt: '2027-04-01T15:00:00+02:00' },
          ],
        },
        'slots',
      ],
      [{ capacity: 5, slots: [{ startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T08:00:00+02:00' }] }, 'slots[0].endsAt'],
      [{ startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T12:00:00+02:00' }, 'capacity'],
      [{ startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T12:00:00+02:00', venueId: venue.id, capacity: 25 }, 'capacity'],
      [{ startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T12:00:00+02:00', capacity: 5, venueId: '00000000-0000-4000-8000-000000000000' }, 'venueId'],
      [{ startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T12:00:00+02:00', capacity: 5, lecturerIds: ['00000000-0000-4000-8000-000000000000'] }, 'lecturerIds'],
      [{ startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T12:00:00+02:00', capacity: 5, enrolmentDeadline: '2027-04-01T10:00:00+02:00' }, 'enrolmentDeadline'],
      [{ startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T12:00:00+02:00', capacity: 5, lectureId: '00000000-0000-4000-8000-000000000000' }, 'lectureId'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect({ field, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ field, status: 400, fields: [field] });
    }
    const withDeadline = await post({ startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T12:00:00+02:00', capacity: 5, enrolmentDeadline: '2027-03-25T12:00:00+01:00' }).expect(201);
    expect(withDeadline.body.enrolmentDeadline).toBe('2027-03-25T12:00:00+01:00');
  });

  it('never double-books a venue: overlapping slots of scheduled sessions are 409, touching ones are fine', async () => {
    const room = await makeVenue(t);
    await post({ venueId: room.id, startsAt: '2027-05-04T09:00:00+02:00', endsAt: '2027-05-04T12:00:00+02:00' }).expect(201);
    const clash = await post({
      venueId: room.id,
      slots: [
        { startsAt: '2027-05-03T09:00:00+02:00', endsAt: '2027-05-03T12:00:00+02:00' },
        { startsAt: '2027-05-04T11:00:00+02:00', endsAt: '2027-05-04T15:00:00+02:00' },
      ],
    }).expect(409);
    expect(clash.body.errors[0].field).toBe('venueId');
    await post({ venueId: room.id, startsAt: '2027-05-04T12:00:00+02:00', endsAt: '2027-05-04T16:00:00+02:00' }).expect(201);
    const cancelled = await makeSession(t, lecture, {
      venueId: room.id,
      status: 'cancelled',
      slots: [{ startsAt: new Date('2027-05-05T07:00:00Z'), endsAt: new Date('2027-05-05T10:00:00Z') }],
    });
    expect(cancelled.status).toBe('cancelled');
    await post({ venueId: room.id, startsAt: '2027-05-05T09:00:00+02:00', endsAt: '2027-05-05T12:00:00+02:00' }).expect(201);
  });

  it('under concurrent requests for the same venue and time exactly one wins', async () => {
    const rooms = await Promise.all(Array.from({ length: 4 }, () => makeVenue(t)));
    const attempts = rooms.flatMap((room) =>
      Array.from({ length: 6 }, (_, i) => ({ venueId: room.id, startsAt: `2027-06-01T0${i}:00:00+02:00`, endsAt: '2027-06-01T12:00:00+02:00' })),
    );
    const results = await Promise.all(attempts.map((body) => post(body)));
    for (const room of rooms) {
      const statuses = results.filter((_, i) => attempts[i].venueId === room.id).map((r) => r.status);
      expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const held = await t.http().get(`/api/sessions?venueId=${room.id}`).set(coordinator).expect(200);
      expect(held.body.total).toBe(1);
    }
  });

  it('reschedules keeping the id; sequence rises on time or place, not on capacity; a one-slot session takes startsAt+endsAt', async () => {
    const created = await post({ venueId: venue.id, startsAt: '2027-09-01T09:00:00+02:00', endsAt: '2027-09-01T12:00:00+02:00' }).expect(201);
    const id = created.body.id;
    const moved = await t.http().patch(`/api/sessions/${id}`).set(coordinator).send({ startsAt: '2027-09-02T13:00:00+02:00', endsAt: '2027-09-02T16:00:00+02:00' }).expect(200);
    expect(moved.body).toMatchObject({ id, startsAt: '2027-09-02T13:00:00+02:00', sequence: 1 });
    expect(moved.body.slots[0].id).toBe(created.body.slots[0].id);
    const resized = await t.http().patch(`/api/sessions/${id}`).set(coordinator).send({ capacity: 12 }).expect(200);
    expect(resized.body).toMatchObject({ capacity: 12, sequence: 1 });
    const online = await t.http().patch(`/api/sessions/${id}`).set(coordinator).send({ venueId: null, onlineUrl: 'https://meet.storvik.example/x' }).expect(200);
    expect(online.body).toMatchObject({ venueId: null, sequence: 2 });
    const twoDays = await t
      .http()
      .patch(`/api/sessions/${id}`)
      .set(coordinator)
      .send({
        slots: [
          { startsAt: '2027-09-02T13:00:00+02:00', endsAt: '2027-09-02T16:00:00+02:00' },
          { startsAt: '2027-09-09T13:00:00+02:00', endsAt: '2027-09-09T16:00:00+02:00' },
        ],
      })
      .expect(200);
    expect(twoDays.body).toMatchObject({ id, endsAt: '2027-09-09T16:00:00+02:00', sequence: 3 });
    const single = await t.http().patch(`/api/sessions/${id}`).set(coordinator).send({ startsAt: '2027-09-02T09:00:00+02:00' }).expect(400);
    expect(single.body.errors[0].field).toBe('slots');
    await t.http().patch(`/api/sessions/${id}`).set(coordinator).send({ lectureId: lecture.id }).expect(400);
    await t.http().patch(`/api/sessions/${id}`).set(bearer(city.people.introducer)).send({ capacity: 3 }).expect(403);
  });

  it('rescheduling into a booked venue slot is 409 and changes nothing', async () => {
    const room = await makeVenue(t);
    await post({ venueId: room.id, startsAt: '2027-10-01T09:00:00+02:00', endsAt: '2027-10-01T12:00:00+02:00' }).expect(201);
    const other = await post({ venueId: room.id, startsAt: '2027-10-01T13:00:00+02:00', endsAt: '2027-10-01T16:00:00+02:00' }).expect(201);
    await t.http().patch(`/api/sessions/${other.body.id}`).set(coordinator).send({ startsAt: '2027-10-01T11:00:00+02:00' }).expect(409);
    const after = await t.http().get(`/api/sessions/${other.body.id}`).set(coordinator).expect(200);
    expect(after.body).toMatchObject({ startsAt: '2027-10-01T13:00:00+02:00', sequence: 0 });
  });

  it('capacity below bookedCount is 409; bookedCount and waitlistCount come from the enrolments', async () => {
    const session = await makeSession(t, lecture, { capacity: 2 });
    await makeEnrolment(t, session, city.people.newhire);
    await makeEnrolment(t, session, city.people.otherHire);
    await makeEnrolment(t, session, city.people.mentor, { status: 'waitlisted', queueNumber: 1 });
    await makeEnrolment(t, session, city.people.manager, { status: 'cancelled' });
    const before = await t.http().get(`/api/sessions/${session.id}`).set(coordinator).expect(200);
    expect(before.body).toMatchObject({ bookedCount: 2, waitlistCount: 1 });
    const res = await t.http().patch(`/api/sessions/${session.id}`).set(coordinator).send({ capacity: 1 }).expect(409);
    expect(res.body.errors[0].field).toBe('capacity');
    await t.http().patch(`/api/sessions/${session.id}`).set(coordinator).send({ capacity: 2 }).expect(200);
    const listed = await t.http().get(`/api/sessions?lectureId=${lecture.id}&limit=500`).set(coordinator).expect(200);
    expect(listed.body.items.find((s: { id: string }) => s.id === session.id)).toMatchObject({ bookedCount: 2, waitlistCount: 1 });
  });

  it('a cancelled session cannot be rescheduled (409)', async () => {
    const session = await makeSession(t, lecture, { status: 'cancelled', cancelledReason: 'Sjuk föreläsare' });
    const got = await t.http().get(`/api/sessions/${session.id}`).set(coordinator).expect(200);
    expect(got.body).toMatchObject({ status: 'cancelled', cancelledReason: 'Sjuk föreläsare' });
    await t.http().patch(`/api/sessions/${session.id}`).set(coordinator).send({ capacity: 3 }).expect(409);
    await t.http().patch('/api/sessions/00000000-0000-4000-8000-000000000000').set(coordinator).send({ capacity: 3 }).expect(404);
  });

  it('a lecture title change raises the sequence of its sessions', async () => {
    const own = await makeLecture(t, theme, { title: 'Sekretess' });
    const session = await makeSession(t, own);
    await t.http().patch(`/api/lectures/${own.id}`).set(coordinator).send({ title: 'Sekretess och tystnadsplikt' }).expect(200);
    const got = await t.http().get(`/api/sessions/${session.id}`).set(coordinator).expect(200);
    expect(got.body).toMatchObject({ title: 'Sekretess och tystnadsplikt', sequence: 1 });
    await t.http().patch(`/api/lectures/${own.id}`).set(coordinator).send({ durationMinutes: 90 }).expect(200);
    expect((await t.http().get(`/api/sessions/${session.id}`).set(coordinator)).body.sequence).toBe(1);
  });

  it('daylight saving: 09:00 local in March (CET) and November (CET after CEST) and in between stays 09:00 local', async () => {
    const room = await makeVenue(t);
    const march = await post({ venueId: room.id, startsAt: '2027-03-15T09:00:00+01:00', endsAt: '2027-03-15T12:00:00+01:00' }).expect(201);
    const may = await post({ venueId: room.id, startsAt: '2027-05-17T09:00:00+02:00', endsAt: '2027-05-17T12:00:00+02:00' }).expect(201);
    const november = await post({ venueId: room.id, startsAt: '2027-11-15T08:00:00Z', endsAt: '2027-11-15T11:00:00Z' }).expect(201);
    expect(march.body.startsAt).toBe('2027-03-15T09:00:00+01:00');
    expect(may.body.startsAt).toBe('2027-05-17T09:00:00+02:00');
    expect(november.body.startsAt).toBe('2027-11-15T09:00:00+01:00');
    // the stored instants differ by the offset: 08:00Z in winter, 07:00Z in summer
    expect(new Date(march.body.startsAt).toISOString()).toBe('2027-03-15T08:00:00.000Z');
    expect(new Date(may.body.startsAt).toISOString()).toBe('2027-05-17T07:00:00.000Z');
    // a session across the change stays 09:00 local on both days
    const across = await post({
      venueId: room.id,
      slots: [
        { startsAt: '2027-03-26T09:00:00+01:00', endsAt: '2027-03-26T12:00:00+01:00' },
        { startsAt: '2027-03-29T09:00:00+02:00', endsAt: '2027-03-29T12:00:00+02:00' },
      ],
    }).expect(201);
    expect(across.body.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2027-03-26T09:00:00+01:00', '2027-03-29T09:00:00+02:00']);
  });

  it('lists by slot overlap, lecture and theme, ordered by start, paginated', async () => {
    const ownTheme = await makeTheme(t);
    const own = await makeLecture(t, ownTheme);
    const late = await post({ lectureId: own.id, capacity: 5, startsAt: '2028-01-20T13:00:00+01:00', endsAt: '2028-01-20T16:00:00+01:00' }).expect(201);
    const early = await post({ lectureId: own.id, capacity: 5, startsAt: '2028-01-10T09:00:00+01:00', endsAt: '2028-01-10T12:00:00+01:00' }).expect(201);
    const byTheme = await t.http().get(`/api/sessions?themeId=${ownTheme.id}`).set(bearer(city.people.lecturer)).expect(200);
    expect(byTheme.body.items.map((s: { id: string }) => s.id)).toEqual([early.body.id, late.body.id]);
    const window = await t.http().get(`/api/sessions?themeId=${ownTheme.id}&from=2028-01-10T11:00:00%2B01:00&to=2028-01-15`).set(coordinator).expect(200);
    expect(window.body.items.map((s: { id: string }) => s.id)).toEqual([early.body.id]);
    const page2 = await t.http().get(`/api/sessions?lectureId=${own.id}&limit=1&offset=1`).set(coordinator).expect(200);
    expect(page2.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ id: late.body.id }] });
    await t.http().get('/api/sessions?from=yesterday').set(coordinator).expect(400);
  });
});
