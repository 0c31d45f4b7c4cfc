import { DateTime } from 'luxon';
import { startApp, TestApp } from './app';
import { City, makeCity, makePerson, TestPerson } from './factories/organisation.factory';
import { makeMentorship } from './factories/plans.factory';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { MentorMeeting } from '../src/mentorship/meetings/mentor-meeting.entity';

const yesterday = () => DateTime.now().minus({ days: 2 }).toISODate()!;

describe('mentorships', () => {
  let t: TestApp;
  let city: City;
  const as = (who: TestPerson) => ({
    get: (url: string) => t.http().get(url).auth(who.token, { type: 'bearer' }),
    post: (url: string, body: object = {}) => t.http().post(url).auth(who.token, { type: 'bearer' }).send(body),
    patch: (url: string, body: object) => t.http().patch(url).auth(who.token, { type: 'bearer' }).send(body),
    delete: (url: string) => t.http().delete(url).auth(who.token, { type: 'bearer' }),
  });
  const hire = () => makePerson(t, city.units.northUnit, ['newhire']);
  const mentor = () => makePerson(t, city.units.northUnit, ['mentor']);

  beforeAll(async () => {
    t = await startApp({ MENTOR_MAX_MENTEES: '2' });
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  describe('assigning', () => {
    it('lets an introducer assign a mentor to a hire in own units', async () => {
      const res = await as(city.people.introducer).post('/api/mentorships', { mentorId: city.people.mentor.id, menteeId: city.people.newhire.id, startDate: '2027-02-01' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mentorId: city.people.mentor.id, menteeId: city.people.newhire.id, startDate: '2027-02-01', endDate: null, active: true });
      const audit = await t.db.manager.findBy(AuditEntry, { entityType: 'mentorship', entityId: res.body.id });
      expect(audit).toMatchObject([{ action: 'create', actorId: city.people.introducer.id, subjectPersonId: city.people.newhire.id }]);
    });

    it('refuses hires outside own units, self-mentoring, people without the mentor role, and non-hires (400)', async () => {
      const intro = as(city.people.introducer);
      const m = await mentor();
      const cases = [
        { mentorId: m.id, menteeId: city.people.otherHire.id, field: 'menteeId' },
        { mentorId: m.id, menteeId: m.id, field: 'mentorId' },
        { mentorId: city.people.lecturer.id, menteeId: (await hire()).id, field: 'mentorId' },
        { mentorId: m.id, menteeId: city.people.manager.id, field: 'menteeId' },
        { mentorId: m.id, menteeId: (await hire()).id, startDate: '2027-05-01', endDate: '2027-04-01', field: 'endDate' },
      ];
      for (const { field, ...body } of cases) {
        const res = await intro.post('/api/mentorships', body);
        expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, field]);
      }
      expect((await as(city.people.southIntroducer).post('/api/mentorships', { mentorId: m.id, menteeId: city.people.otherHire.id })).status).toBe(201);
    });

    it('allows one active mentorship per mentee (409); an ended one does not count', async () => {
      const h = await hire();
      const [m1, m2] = [await mentor(), await mentor()];
      await makeMentorship(t, m1, h, { startDate: '2026-01-01', endDate: yesterday() });
      const coordinator = as(city.people.coordinator);
      expect((await coordinator.post('/api/mentorships', { mentorId: m1.id, menteeId: h.id })).status).toBe(201);
      expect((await coordinator.post('/api/mentorships', { mentorId: m2.id, menteeId: h.id })).status).toBe(409);
    });

    it('caps a mentor at MENTOR_MAX_MENTEES active mentees (409), also when ending and reopening', async () => {
      const m = await mentor();
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) ids.push((await as(city.people.manager).post('/api/mentorships', { mentorId: m.id, menteeId: (await hire()).id, startDate: '2026-01-01' })).body.id);
      const third = await hire();
      expect((await as(city.people.manager).post('/api/mentorships', { mentorId: m.id, menteeId: third.id })).status).toBe(409);
      expect((await as(city.people.manager).patch(`/api/mentorships/${ids[0]}`, { endDate: yesterday() })).body.active).toBe(false);
      expect((await as(city.people.manager).post('/api/mentorships', { mentorId: m.id, menteeId: third.id })).status).toBe(201);
      expect((await as(city.people.manager).patch(`/api/mentorships/${ids[0]}`, { endDate: null })).status).toBe(409);
    });

    it('holds the cap under concurrent assignments', async () => {
      const m = await mentor();
      const hires = await Promise.all(Array.from({ length: 6 }, () => hire()));
      const results = await Promise.all(hires.map((h) => as(city.people.coordinator).post('/api/mentorships', { mentorId: m.id, menteeId: h.id })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
      const active = await as(city.people.coordinator).get(`/api/mentorships?mentorId=${m.id}&active=true`);
      expect(active.body.total).toBe(2);
    });

    it('refuses the role-less (403) and hides other units\' mentorships (404)', async () => {
      const h = await hire();
      const ms = await makeMentorship(t, await mentor(), h);
      expect((await as(city.people.mentor).post('/api/mentorships', { mentorId: city.people.mentor.id, menteeId: h.id })).status).toBe(403);
      expect((await as(city.people.newhire).delete(`/api/mentorships/${ms.id}`)).status).toBe(403);
      expect((await as(city.people.southIntroducer).get(`/api/mentorships/${ms.id}`)).status).toBe(404);
      expect((await as(city.people.southIntroducer).patch(`/api/mentorships/${ms.id}`, { endDate: '2030-01-01' })).status).toBe(404);
      expect((await as(city.people.lecturer).get(`/api/mentorships/${ms.id}`)).status).toBe(404);
    });
  });

  describe('reading and meetings', () => {
    let m: TestPerson;
    let h: TestPerson;
    let mentorshipId: string;
    let meetingId: string;

    beforeAll(async () => {
      m = await mentor();
      h = await hire();
      mentorshipId = (await makeMentorship(t, m, h, { startDate: '2026-01-01' })).id;
    });

    it('shows mentorships to mentor, mentee, own-unit introducer and coordinator only', async () => {
      for (const who of [m, h, city.people.introducer, city.people.coordinator, city.people.admin]) {
        expect((await as(who).get(`/api/mentorships/${mentorshipId}`)).status).toBe(200);
      }
      for (const who of [city.people.mentor, city.people.newhire, city.people.southIntroducer]) {
        expect((await as(who).get(`/api/mentorships/${mentorshipId}`)).status).toBe(404);
      }
      const mine = await as(m).get('/api/mentorships');
      expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([mentorshipId]);
    });

    it('lets the mentor log meetings; others may not (403 in sight, 404 out of sight)', async () => {
      const body = { startsAt: '2027-03-01T14:00:00+01:00', endsAt: '2027-03-01T15:00:00+01:00', location: 'Fikarummet', notes: 'Pratade om första hembesöket' };
      const res = await as(m).post(`/api/mentorships/${mentorshipId}/meetings`, body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject(body);
      meetingId = res.body.id;
      expect((await as(h).post(`/api/mentorships/${mentorshipId}/meetings`, body)).status).toBe(403);
      expect((await as(city.people.introducer).post(`/api/mentorships/${mentorshipId}/meetings`, body)).status).toBe(403);
      expect((await as(city.people.lecturer).post(`/api/mentorships/${mentorshipId}/meetings`, body)).status).toBe(404);
      expect((await as(m).post(`/api/mentorships/${mentorshipId}/meetings`, { ...body, endsAt: body.startsAt })).status).toBe(400);
    });

    it('shows notes to mentor and mentee only; the introducer, coordinator and admin see the meeting without them', async () => {
      for (const who of [m, h]) {
        const res = await as(who).get(`/api/mentorships/${mentorshipId}/meetings`);
        expect(res.body.items[0].notes).toBe('Pratade om första hembesöket');
      }
      for (const who of [city.people.introducer, city.people.coordinator, city.people.admin]) {
        const res = await as(who).get(`/api/mentorships/${mentorshipId}/meetings`);
        expect(res.status).toBe(200);
        expect(res.body.items[0]).toMatchObject({ id: meetingId, location: 'Fikarummet' });
        expect(res.body.items[0]).not.toHaveProperty('notes');
      }
      expect((await as(city.people.southIntroducer).get(`/api/mentorships/${mentorshipId}/meetings`)).status).toBe(404);
    });

    it('raises the meeting\'s sequence on changes of time or place, not of notes; audits without the notes', async () => {
      const url = `/api/mentorships/${mentorshipId}/meetings/${meetingId}`;
      const sequence = async () => (await t.db.manager.findOneByOrFail(MentorMeeting, { id: meetingId })).sequence;
      expect((await as(m).patch(url, { notes: 'Nya anteckningar' })).status).toBe(200);
      expect(await sequence()).toBe(0);
      expect((await as(m).patch(url, { startsAt: '2027-03-02T14:00:00+01:00', endsAt: '2027-03-02T15:00:00+01:00' })).status).toBe(200);
      expect(await sequence()).toBe(1);
      expect((await as(m).patch(url, { location: 'Rum 4' })).status).toBe(200);
      expect(await sequence()).toBe(2);
      const audit = JSON.stringify(await t.db.manager.findBy(AuditEntry, { entityType: 'mentor-meeting', entityId: meetingId }));
      expect(audit).toContain('Rum 4');
      expect(audit).not.toMatch(/Pratade|Nya anteckningar/);
    });

    it('lets a mentor read their active mentee\'s person record, not after the mentorship ends', async () => {
      expect((await as(m).get(`/api/people/${h.id}`)).status).toBe(200);
      expect((await as(m).get(`/api/people/${city.people.newhire.id}`)).status).toBe(404);
      const people = await as(m).get('/api/people');
      expect(people.body.items.map((p: { id: string }) => p.id).sort()).toEqual([h.id, m.id].sort());
      expect((await as(city.people.coordinator).patch(`/api/mentorships/${mentorshipId}`, { endDate: yesterday() })).status).toBe(200);
      expect((await as(m).get(`/api/people/${h.id}`)).status).toBe(404);
      expect((await as(city.people.coordinator).patch(`/api/mentorships/${mentorshipId}`, { endDate: null })).status).toBe(200);
    });

    it('deletes meetings and mentorships, clearing notes', async () => {
      const url = `/api/mentorships/${mentorshipId}/meetings/${meetingId}`;
      expect((await as(m).delete(url)).status).toBe(204);
      expect((await as(m).get(`/api/mentorships/${mentorshipId}/meetings`)).body.total).toBe(0);
      expect((await as(m).patch(url, { location: 'x' })).status).toBe(404);
      const tombstone = await t.db.manager.findOne(MentorMeeting, { where: { id: meetingId }, withDeleted: true });
      expect(tombstone).toMatchObject({ notes: null });
      expect((await as(city.people.introducer).delete(`/api/mentorships/${mentorshipId}`)).status).toBe(204);
      expect((await as(m).get(`/api/mentorships/${mentorshipId}`)).status).toBe(404);
      expect((await as(m).get(`/api/people/${h.id}`)).status).toBe(404);
      expect((await as(city.people.coordinator).post('/api/mentorships', { mentorId: m.id, menteeId: h.id })).status).toBe(201);
    });
  });
});
