import { DateTime } from 'luxon';
import { startApp, TestApp } from '../app';
import { makeLecture, makeSession, makeTheme } from '../factories/catalogue.factory';
import { City, makeCity, makePerson } from '../factories/organisation.factory';
import { makeEnrolment, makePlan, makePlanItem } from '../factories/plans.factory';
import { Enrolment } from '../../src/enrolment/enrolments/enrolment.entity';
import { Lecture } from '../../src/catalogue/lectures/lecture.entity';
import { Plan } from '../../src/plans/plans/plan.entity';
import { Agent, postForm, signedIn } from './web-session';

describe('booking pages tell the truth: waiting list places, warnings before odd dates, closed enrolment', () => {
  let t: TestApp;
  let city: City;
  let introducer: Agent;
  let lecture: Lecture;
  const DAY = 86_400_000;
  const today = () => DateTime.now().setZone('Europe/Stockholm');

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    introducer = await signedIn(t, city.people.introducer.email);
    lecture = await makeLecture(t, await makeTheme(t), { title: 'Barnsamtal' });
  });
  afterAll(() => t.close());

  /** A hire in the introducer's unit with an active plan holding one lecture item. */
  const hireWithItem = async (name: string, fields: { employmentStart?: string; dueDate?: string } = {}) => {
    const hire = await makePerson(t, city.units.northUnit, ['newhire'], { name, employmentStart: fields.employmentStart ?? today().minus({ months: 2 }).toISODate()! });
    const plan = await makePlan(t, hire, { introducerId: city.people.introducer.id });
    const item = await makePlanItem(t, plan, { lectureId: lecture.id, dueDate: fields.dueDate ?? today().plus({ months: 6 }).toISODate()! });
    return { hire, plan, item };
  };

  it('says the hire is on the waiting list, with their number, when the introducer books a full session', async () => {
    const full = await makeSession(t, lecture, { capacity: 1, startsAt: new Date(Date.now() + 20 * DAY) });
    await makeEnrolment(t, full, city.people.otherHire);
    const first = await hireWithItem('Ebba Ek');
    const second = await hireWithItem('Frans Fors');
    const url = (x: typeof first) => `/plan-builder/${x.plan.id}/items/${x.item.id}/book`;
    const choose = await introducer.get(url(first)).expect(200);
    expect(choose.text).toContain('Bokning för Ebba Ek');
    expect(choose.text).toContain('Fullt – Ebba Ek hamnar på väntelistan');
    expect(choose.text).not.toContain('du hamnar');

    const ebba = await postForm(introducer, url(first), { sessionId: full.id }, 303);
    expect(ebba.headers.location).toBe(`/plan-builder/${first.plan.id}?waitlisted=1#item-${first.item.id}`);
    const frans = await postForm(introducer, url(second), { sessionId: full.id }, 303);
    expect(frans.headers.location).toContain('?waitlisted=2');
    const page = await introducer.get(frans.headers.location.split('#')[0]).expect(200);
    expect(page.text).toContain('Tillfället är fullt. Frans Fors står som nummer 2 på väntelistan.');
    expect(page.text).not.toContain('är bokad på tillfället');
  });

  it('tells a new hire booking for themselves "you" and their place on the list', async () => {
    const full = await makeSession(t, lecture, { capacity: 1, startsAt: new Date(Date.now() + 25 * DAY) });
    await makeEnrolment(t, full, city.people.otherHire);
    const plan = await makePlan(t, city.people.newhire, { introducerId: city.people.introducer.id });
    const item = await makePlanItem(t, plan, { lectureId: lecture.id, dueDate: today().plus({ months: 6 }).toISODate()! });
    const hire = await signedIn(t, city.people.newhire.email);
    const booked = await postForm(hire, `/my-plan/items/${item.id}/book`, { sessionId: full.id }, 303);
    expect(booked.headers.location).toBe(`/my-plan?waitlisted=1#item-${item.id}`);
    const page = await hire.get('/my-plan?waitlisted=1').expect(200);
    expect(page.text).toContain('Du står som nummer 1 på väntelistan');
  });

  it('warns before booking a session after the item is due or before the first day, and books only when asked again', async () => {
    const late = await makeSession(t, lecture, { startsAt: new Date(Date.now() + 60 * DAY) });
    const { plan, item } = await hireWithItem('Greta Gran', { dueDate: today().plus({ days: 30 }).toISODate()!, employmentStart: today().plus({ days: 90 }).toISODate()! });
    const url = `/plan-builder/${plan.id}/items/${item.id}/book`;
    const choose = await introducer.get(url).expect(200);
    expect(choose.text).toContain('efter att punkten ska vara klar');
    const warned = await postForm(introducer, url, { sessionId: late.id }, 200);
    expect(warned.text).toContain('Tillfället är före Greta Grans första anställningsdag');
    expect(warned.text).toContain('Tillfället är efter att punkten ska vara klar');
    expect(warned.text).toContain('name="confirm" value="yes"');
    expect(warned.text).toMatch(new RegExp(`value="${late.id}" checked`));
    expect(await t.db.manager.countBy(Enrolment, { planItemId: item.id })).toBe(0);
    await postForm(introducer, url, { sessionId: late.id, confirm: 'yes' }, 303);
    expect(await t.db.manager.countBy(Enrolment, { planItemId: item.id, status: 'booked' })).toBe(1);
  });

  it('shows sessions past their enrolment deadline with the deadline, instead of "no sessions"', async () => {
    const other = await makeLecture(t, await makeTheme(t), { title: 'LVU' });
    const start = DateTime.now().plus({ days: 5 });
    await makeSession(t, other, { startsAt: start.toJSDate(), enrolmentDeadline: start.minus({ days: 7 }).toJSDate() });
    const hire = await makePerson(t, city.units.northUnit, ['newhire'], { name: 'Hanna Hav' });
    const plan = await makePlan(t, hire, { introducerId: city.people.introducer.id });
    const item = await makePlanItem(t, plan, { lectureId: other.id });
    const page = await introducer.get(`/plan-builder/${plan.id}/items/${item.id}/book`).expect(200);
    expect(page.text).toContain('Anmälan har stängt till alla kommande tillfällen');
    expect(page.text).toContain('sista anmälningsdag var');
    expect(page.text).not.toContain('Det finns inga tillfällen att boka just nu');
  });

  it('asks before cancelling a place, removing an item from a signed plan and replacing the calendar address', async () => {
    const session = await makeSession(t, lecture, { startsAt: new Date(Date.now() + 40 * DAY) });
    const { hire, plan, item } = await hireWithItem('Ivar Is');
    const place = await makeEnrolment(t, session, hire, { planItemId: item.id });
    const builder = await introducer.get(`/plan-builder/${plan.id}`).expect(200);
    expect(builder.text).toContain(`href="/plan-builder/${plan.id}/places/${place.id}/cancel"`);
    const confirm = await introducer.get(`/plan-builder/${plan.id}/places/${place.id}/cancel`).expect(200);
    expect(confirm.text).toContain('Avboka Barnsamtal?');
    expect(confirm.text).toContain('Ivar Is förlorar platsen');
    expect(confirm.text).toContain('Det går inte att ångra.');
    expect(confirm.text).toContain(`action="/plan-builder/${plan.id}/places/${place.id}/cancel"`);
    expect((await t.db.manager.findOneByOrFail(Enrolment, { id: place.id })).status).toBe('booked');
    await postForm(introducer, `/plan-builder/${plan.id}/places/${place.id}/cancel`, {}, 303);
    expect((await t.db.manager.findOneByOrFail(Enrolment, { id: place.id })).status).toBe('cancelled');
    // A place on another plan is not found through this one.
    const other = await hireWithItem('Jon Jul');
    const foreign = await makeEnrolment(t, session, other.hire, { planItemId: other.item.id });
    await introducer.get(`/plan-builder/${plan.id}/places/${foreign.id}/cancel`).expect(404);

    // Removing an item asks first only once the plan is signed.
    const activity = await makePlanItem(t, plan, { title: 'Studiebesök' });
    expect((await introducer.get(`/plan-builder/${plan.id}`)).text).toContain(`action="/plan-builder/${plan.id}/items/${activity.id}/remove"`);
    await t.db.write((em) => em.update(Plan, { id: plan.id }, { introducerSignedAt: new Date(), introducerSignedBy: city.people.introducer.id }));
    expect((await introducer.get(`/plan-builder/${plan.id}`)).text).toContain(`href="/plan-builder/${plan.id}/items/${activity.id}/remove"`);
    const remove = await introducer.get(`/plan-builder/${plan.id}/items/${activity.id}/remove`).expect(200);
    expect(remove.text).toContain('Ta bort Studiebesök ur planen?');

    const newhire = await signedIn(t, city.people.newhire.email);
    const rotate = await newhire.get('/my-plan/calendar/rotate').expect(200);
    expect(rotate.text).toContain('Den nuvarande adressen slutar fungera direkt.');
    expect(rotate.text).toContain('action="/my-plan/calendar/rotate"');
    expect((await newhire.get('/my-plan').expect(200)).text).toContain('href="/my-plan/calendar/rotate"');
  });
});
