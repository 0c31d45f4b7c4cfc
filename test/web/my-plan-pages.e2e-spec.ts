import { DateTime } from 'luxon';
import { startApp, TestApp } from '../app';
import { makeLecture, makeSession, makeTheme } from '../factories/catalogue.factory';
import { City, makeCity, makePerson } from '../factories/organisation.factory';
import { makeEnrolment, makeMentorship, makePlan, makePlanItem } from '../factories/plans.factory';
import { Person } from '../../src/people/people/person.entity';
import { MentorMeeting } from '../../src/mentorship/meetings/mentor-meeting.entity';
import { Mentorship } from '../../src/mentorship/mentorships/mentorship.entity';
import { signedIn } from './web-session';

const DAY = 86400_000;

describe('Min plan: places on waitlists and mentor meetings', () => {
  let t: TestApp;
  let city: City;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  const meeting = (m: Mentorship, startsAt: Date, location: string | null, notes: string | null) =>
    t.db.write((em) => em.save(em.create(MentorMeeting, { mentorshipId: m.id, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), location, notes, sequence: 0 })));

  it('tells the hire their place on each waitlist, and the place follows the queue', async () => {
    const hire = city.people.newhire;
    const lecture = await makeLecture(t, await makeTheme(t), { title: 'Barnsamtal' });
    const session = await makeSession(t, lecture, { capacity: 1, startsAt: new Date(Date.now() + 20 * DAY) });
    const plan = await makePlan(t, hire);
    const item = await makePlanItem(t, plan, { lectureId: lecture.id, dueDate: DateTime.now().plus({ months: 1 }).toISODate()! });
    await makeEnrolment(t, session, city.people.otherHire);
    const ahead = await makeEnrolment(t, session, await makePerson(t, city.units.southUnit, ['newhire']), { status: 'waitlisted', queueNumber: 1 });
    await makeEnrolment(t, session, hire, { status: 'waitlisted', queueNumber: 2, planItemId: item.id });

    const agent = await signedIn(t, hire.email);
    const page = await agent.get('/my-plan').expect(200);
    expect(page.text).toContain('Dina platser på väntelistor');
    expect(page.text.match(/Du är nummer 2 på väntelistan/g)?.length).toBe(3); // the list, next up and the timeline card

    await t.http().post(`/api/enrolments/${ahead.id}/cancel`).set('authorization', `Bearer ${city.people.admin.token}`).expect(200);
    const after = await agent.get('/my-plan').expect(200);
    expect(after.text).toContain('Du är nummer 1 på väntelistan');
    expect(after.text).not.toContain('nummer 2');

    await t.db.write((em) => em.update(Person, { id: hire.id }, { language: 'en' }));
    expect((await agent.get('/my-plan').expect(200)).text).toContain('You are number 1 on the waiting list');
    await t.db.write((em) => em.update(Person, { id: hire.id }, { language: 'sv' }));
  });

  it('shows the hire their mentor meetings, times, places and notes, and no one else\'s', async () => {
    const hire = city.people.newhire;
    const mentorship = await makeMentorship(t, city.people.mentor, hire, { startDate: DateTime.now().minus({ months: 2 }).toISODate()! });
    const soon = new Date(Date.now() + 3 * DAY);
    await meeting(mentorship, soon, 'Fikarummet, plan 3', 'Ta med frågorna om delegationsordningen.');
    await meeting(mentorship, new Date(Date.now() - 14 * DAY), null, 'Vi gick igenom första utredningen.');
    const others = await makeMentorship(t, city.people.mentor, city.people.otherHire);
    await meeting(others, new Date(Date.now() + 4 * DAY), 'Någon annans rum', 'Någon annans anteckning.');

    const page = (await (await signedIn(t, hire.email)).get('/my-plan').expect(200)).text;
    const section = page.slice(page.indexOf('id="meetings"'), page.indexOf('id="timeline"'));
    expect(section).toContain('Mentorsträffar');
    expect(section).toContain('Fikarummet, plan 3');
    expect(section).toContain('Ta med frågorna om delegationsordningen.');
    expect(section).toContain('Vi gick igenom första utredningen.');
    expect(section.indexOf('Kommande träffar')).toBeLessThan(section.indexOf('Fikarummet'));
    expect(section.indexOf('Tidigare träffar')).toBeLessThan(section.indexOf('Vi gick igenom'));
    expect(section).not.toContain('href="/mentees/');
    expect(page).not.toContain('Någon annans');
  });

  it('shows the meetings also to a hire who has no plan yet, and no meeting section to one without a mentor', async () => {
    const hire = await makePerson(t, city.units.northUnit, ['newhire']);
    const alone = await makePerson(t, city.units.northUnit, ['newhire']);
    const mentorship = await makeMentorship(t, city.people.mentor, hire);
    await meeting(mentorship, new Date(Date.now() + 2 * DAY), 'Biblioteket', 'Första träffen.');
    const page = (await (await signedIn(t, hire.email)).get('/my-plan').expect(200)).text;
    expect(page).toContain('Du har ingen introduktionsplan ännu');
    expect(page).toContain('Biblioteket');
    expect(page).toContain('Första träffen.');
    expect((await (await signedIn(t, alone.email)).get('/my-plan').expect(200)).text).not.toContain('Mentorsträffar');
  });
});
