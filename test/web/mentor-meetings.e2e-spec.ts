import { DateTime } from 'luxon';
import { startApp, TestApp } from '../app';
import { City, makeCity, makePerson } from '../factories/organisation.factory';
import { makeMentorship } from '../factories/plans.factory';
import { Mentorship } from '../../src/mentorship/mentorships/mentorship.entity';
import { Agent, postForm, signedIn } from './web-session';

const ZONE = 'Europe/Stockholm';

describe('mentors change and delete meetings on the mentee page (MeetingsService, the API\'s rules)', () => {
  let t: TestApp;
  let city: City;
  let mentor: Agent;
  let mentorship: Mentorship;
  let otherMentorship: Mentorship;
  /** A day a week or two ahead, whatever today is. */
  const ahead = (days: number) => DateTime.now().setZone(ZONE).plus({ days }).toISODate()!;
  const apiMeetings = async (m: Mentorship) =>
    (await t.http().get(`/api/mentorships/${m.id}/meetings`).set('authorization', `Bearer ${city.people.mentor.token}`).expect(200)).body.items as Array<Record<string, string | null>>;
  const logMeeting = async (m: Mentorship, day: string, location: string | null, notes: string | null) =>
    (
      await t
        .http()
        .post(`/api/mentorships/${m.id}/meetings`)
        .set('authorization', `Bearer ${city.people.mentor.token}`)
        .send({ startsAt: DateTime.fromISO(`${day}T14:00`, { zone: ZONE }).toISO(), endsAt: DateTime.fromISO(`${day}T15:00`, { zone: ZONE }).toISO(), location, notes })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    mentorship = await makeMentorship(t, city.people.mentor, city.people.newhire);
    const second = await makePerson(t, city.units.northUnit, ['newhire']);
    otherMentorship = await makeMentorship(t, city.people.mentor, second);
    mentor = await signedIn(t, city.people.mentor.email);
  });
  afterAll(() => t.close());

  it('changes a meeting: the form holds its date and times in TIME_ZONE, bad input is shown beside the field, and the change is saved', async () => {
    const day = ahead(7);
    const id = await logMeeting(mentorship, day, 'Fikarummet', 'Första träffen.');
    const page = await mentor.get(`/mentees/${mentorship.id}`).expect(200);
    expect(page.text).toContain(`href="/mentees/${mentorship.id}/meetings/${id}/edit"`);
    expect(page.text).toContain(`href="/mentees/${mentorship.id}/meetings/${id}/delete"`);

    const path = `/mentees/${mentorship.id}/meetings/${id}/edit`;
    const form = await mentor.get(path).expect(200);
    for (const value of [`value="${day}"`, 'value="14:00"', 'value="15:00"', 'value="Fikarummet"', 'Första träffen.']) expect(form.text).toContain(value);

    const bad = await postForm(mentor, path, { date: '2027-13-01', startTime: '16:00', endTime: '15:30', location: 'Grupprum', notes: 'Ny anteckning' }, 400);
    expect(bad.text).toMatch(/id="date-error"[^]*Skriv ett datum/);
    expect(bad.text).toMatch(/id="endTime-error"[^]*Sluttiden måste vara efter starttiden/);
    expect(bad.text).toContain('href="#date"');
    expect(bad.text).toContain('value="Grupprum"');
    expect(bad.text).toContain('Ny anteckning');
    expect((await apiMeetings(mentorship)).find((m) => m.id === id)).toEqual(expect.objectContaining({ location: 'Fikarummet' }));

    const later = ahead(9);
    const saved = await postForm(mentor, path, { date: later, startTime: '09:30', endTime: '10:15', location: '', notes: 'Flyttad till morgonen.' }, 303);
    expect(saved.headers.location).toBe(`/mentees/${mentorship.id}?changed=1`);
    expect((await apiMeetings(mentorship)).find((m) => m.id === id)).toEqual(
      expect.objectContaining({
        startsAt: DateTime.fromISO(`${later}T09:30`, { zone: ZONE }).toISO({ suppressMilliseconds: true }),
        endsAt: DateTime.fromISO(`${later}T10:15`, { zone: ZONE }).toISO({ suppressMilliseconds: true }),
        location: null,
        notes: 'Flyttad till morgonen.',
      }),
    );
    expect((await mentor.get(saved.headers.location).expect(200)).text).toContain('Träffen är ändrad.');
  });

  it('deletes a meeting only after a confirmation page, then it is gone', async () => {
    const id = await logMeeting(mentorship, ahead(14), 'Grupprum Ekorren', 'Att ta bort.');
    const confirm = await mentor.get(`/mentees/${mentorship.id}/meetings/${id}/delete`).expect(200);
    expect(confirm.text).toContain('Vill du ta bort träffen?');
    expect(confirm.text).toContain('Grupprum Ekorren');
    expect(confirm.text).toContain('Det går inte att ångra.');
    expect(confirm.text).toContain(`href="/mentees/${mentorship.id}"`);
    expect((await apiMeetings(mentorship)).some((m) => m.id === id)).toBe(true);

    await mentor.post(`/mentees/${mentorship.id}/meetings/${id}/delete`).type('form').send({}).expect(403);
    expect((await apiMeetings(mentorship)).some((m) => m.id === id)).toBe(true);

    const done = await postForm(mentor, `/mentees/${mentorship.id}/meetings/${id}/delete`, {}, 303);
    expect(done.headers.location).toBe(`/mentees/${mentorship.id}?deleted=1`);
    expect((await apiMeetings(mentorship)).some((m) => m.id === id)).toBe(false);
    const after = await mentor.get(done.headers.location).expect(200);
    expect(after.text).toContain('Träffen är borttagen.');
    expect(after.text).not.toContain('Att ta bort.');
    await postForm(mentor, `/mentees/${mentorship.id}/meetings/${id}/delete`, {}, 404);
    await mentor.get(`/mentees/${mentorship.id}/meetings/${id}/edit`).expect(404);
  });

  it('keeps others out: another mentor and a meeting of another mentorship are 404, other roles 403', async () => {
    const id = await logMeeting(mentorship, ahead(21), 'Hos mentorn', 'Privat.');
    const otherId = await logMeeting(otherMentorship, ahead(22), null, null);
    const body = { date: ahead(23), startTime: '10:00', endTime: '11:00', location: 'Ändrad', notes: '' };

    // A meeting addressed through the wrong mentorship, even one of the same mentor.
    await mentor.get(`/mentees/${mentorship.id}/meetings/${otherId}/edit`).expect(404);
    await postForm(mentor, `/mentees/${mentorship.id}/meetings/${otherId}/edit`, body, 404);
    await postForm(mentor, `/mentees/${mentorship.id}/meetings/${otherId}/delete`, {}, 404);
    await mentor.get(`/mentees/${mentorship.id}/meetings/not-a-uuid/edit`).expect(400);

    const stranger = await signedIn(t, (await makePerson(t, city.units.southUnit, ['mentor'])).email);
    await stranger.get(`/mentees/${mentorship.id}/meetings/${id}/edit`).expect(404);
    await stranger.get(`/mentees/${mentorship.id}/meetings/${id}/delete`).expect(404);
    await postForm(stranger, `/mentees/${mentorship.id}/meetings/${id}/edit`, body, 404);
    await postForm(stranger, `/mentees/${mentorship.id}/meetings/${id}/delete`, {}, 404);

    for (const who of [city.people.newhire, city.people.introducer]) {
      const agent = await signedIn(t, who.email);
      await agent.get(`/mentees/${mentorship.id}/meetings/${id}/edit`).expect(403);
      await postForm(agent, `/mentees/${mentorship.id}/meetings/${id}/delete`, {}, 403);
    }
    expect((await apiMeetings(mentorship)).find((m) => m.id === id)).toEqual(expect.objectContaining({ location: 'Hos mentorn', notes: 'Privat.' }));
    expect((await apiMeetings(otherMentorship)).some((m) => m.id === otherId)).toBe(true);
  });
});
