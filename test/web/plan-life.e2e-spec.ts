import { DateTime } from 'luxon';
import { startApp, TestApp } from '../app';
import { City, makeCity, makePerson } from '../factories/organisation.factory';
import { makeLecture, makeTheme } from '../factories/catalogue.factory';
import { makeMentorship, makePlan, makePlanItem } from '../factories/plans.factory';
import { Mentorship } from '../../src/mentorship/mentorships/mentorship.entity';
import { Plan } from '../../src/plans/plans/plan.entity';
import { PlanItem } from '../../src/plans/plan-items/plan-item.entity';
import { Agent, postForm, sessionCsrf, signedIn } from './web-session';

describe('the life of a plan in the pages: pause, resume, complete, close, activities done or missed, due dates', () => {
  let t: TestApp;
  let city: City;
  let introducer: Agent;
  const today = () => DateTime.now().setZone('Europe/Stockholm').startOf('day');
  const planOf = (id: string) => t.db.manager.findOneByOrFail(Plan, { id });
  const itemOf = (id: string) => t.db.manager.findOneByOrFail(PlanItem, { id });

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    introducer = await signedIn(t, city.people.introducer.email);
  });
  afterAll(() => t.close());

  it('pauses with a reason, and resuming moves the end date and the open due dates by the days paused', async () => {
    const start = today().minus({ months: 3 });
    const plan = await makePlan(t, city.people.newhire, { startDate: start.toISODate()!, introducerId: city.people.introducer.id });
    const open = await makePlanItem(t, plan, { title: 'Studiebesök', dueDate: today().plus({ months: 1 }).toISODate()! });
    const done = await makePlanItem(t, plan, { title: 'Välkomstsamtal', dueDate: start.toISODate()!, status: 'done' });

    const form = await introducer.get(`/plan-builder/${plan.id}`).expect(200);
    expect(form.text).toContain(`/plan-builder/${plan.id}/status/pause`);
    expect(form.text).not.toContain(`/plan-builder/${plan.id}/status/resume`);
    const empty = await postForm(introducer, `/plan-builder/${plan.id}/status/pause`, { pausedReason: '  ' }, 400);
    expect(empty.text).toContain('Skriv varför planen pausas');
    expect(empty.text).toContain('href="#pausedReason"');
    expect((await planOf(plan.id)).status).toBe('active');

    const paused = await postForm(introducer, `/plan-builder/${plan.id}/status/pause`, { pausedReason: 'Föräldraledighet' }, 303);
    expect(paused.headers.location).toBe(`/plan-builder/${plan.id}?changed=pause#lifecycle`);
    const page = await introducer.get(paused.headers.location).expect(200);
    expect(page.text).toContain('Föräldraledighet');
    expect(page.text).toContain('Planen är pausad.');
    // Paused 40 days ago, as if the leave had begun then.
    const pausedOn = today().minus({ days: 40 }).toISODate()!;
    await t.db.write((em) => em.update(Plan, { id: plan.id }, { pausedOn }));
    const before = await planOf(plan.id);

    const resumed = await postForm(introducer, `/plan-builder/${plan.id}/status/resume`, {}, 303);
    expect(resumed.headers.location).toBe(`/plan-builder/${plan.id}?changed=resume&days=40#lifecycle`);
    const after = await planOf(plan.id);
    expect([after.status, after.pausedOn, after.pausedReason, after.pausedDays]).toEqual(['active', null, null, 40]);
    expect(after.endDate).toBe(DateTime.fromISO(before.endDate).plus({ days: 40 }).toISODate());
    expect((await itemOf(open.id)).dueDate).toBe(DateTime.fromISO(open.dueDate!).plus({ days: 40 }).toISODate());
    expect((await itemOf(done.id)).dueDate).toBe(done.dueDate);
    const shown = await introducer.get(resumed.headers.location).expect(200);
    expect(shown.text).toContain('flyttades fram 40 dagar');
  });

  it('closes only with one of the contract\'s reasons, after a page that says it cannot be undone', async () => {
    const hire = city.people.otherHire;
    const plan = await makePlan(t, hire, { introducerId: city.people.southIntroducer.id });
    const south = await signedIn(t, city.people.southIntroducer.email);
    const confirm = await south.get(`/plan-builder/${plan.id}/status/close`).expect(200);
    expect(confirm.text).toContain('Det går inte att ångra.');
    expect(confirm.text).toContain('Har slutat sin anställning');
    const bad = await postForm(south, `/plan-builder/${plan.id}/status/close`, { closedReason: 'fired' }, 400);
    expect(bad.text).toContain('Välj varför planen avslutas');
    await postForm(south, `/plan-builder/${plan.id}/status/close`, { closedReason: 'left_employment' }, 303);
    expect(await planOf(plan.id)).toMatchObject({ status: 'closed', closedReason: 'left_employment' });
    // Another unit's introducer cannot reach the page or the action.
    await introducer.get(`/plan-builder/${plan.id}/status/close`).expect(404);
    const again = await south.get(`/plan-builder/${plan.id}/status/pause`).expect(200);
    expect(again.text).toContain('Det går inte nu: planen är Avslutad.');
  });

  it('marks a local activity done or missed and undoes it; a lecture item cannot be marked by hand', async () => {
    const plan = await t.db.manager.findOneByOrFail(Plan, { newHireId: city.people.newhire.id });
    const activity = await makePlanItem(t, plan, { title: 'Medhandläggning', dueDate: today().plus({ weeks: 2 }).toISODate()! });
    await postForm(introducer, `/plan-builder/${plan.id}/items/${activity.id}/progress`, { status: 'done' }, 303);
    expect((await itemOf(activity.id)).status).toBe('done');
    expect((await itemOf(activity.id)).completedAt).not.toBeNull();
    const page = await introducer.get(`/plan-builder/${plan.id}`).expect(200);
    expect(page.text).toMatch(/Ångra<span class="govuk-visually-hidden">: Medhandläggning/);
    await postForm(introducer, `/plan-builder/${plan.id}/items/${activity.id}/progress`, { status: 'planned' }, 303);
    await postForm(introducer, `/plan-builder/${plan.id}/items/${activity.id}/progress`, { status: 'missed' }, 303);
    expect((await itemOf(activity.id)).status).toBe('missed');
    await postForm(introducer, `/plan-builder/${plan.id}/items/${activity.id}/progress`, { status: 'waived' }, 400);
    const lecture = await makeLecture(t, await makeTheme(t));
    const lectureItem = await makePlanItem(t, plan, { lectureId: lecture.id, dueDate: today().plus({ months: 1 }).toISODate()! });
    const refused = await postForm(introducer, `/plan-builder/${plan.id}/items/${lectureItem.id}/progress`, { status: 'done' }, 400);
    expect(refused.text).toContain(`href="#item-${lectureItem.id}"`);
    expect((await itemOf(lectureItem.id)).status).toBe('planned');

    const due = today().plus({ months: 2 }).toISODate()!;
    await postForm(introducer, `/plan-builder/${plan.id}/items/${activity.id}/due`, { dueDate: due }, 303);
    expect((await itemOf(activity.id)).dueDate).toBe(due);
    const wrong = await postForm(introducer, `/plan-builder/${plan.id}/items/${activity.id}/due`, { dueDate: '2027-02-30' }, 400);
    expect(wrong.text).toContain(`href="#dueDate-${activity.id}"`);
    expect((await itemOf(activity.id)).dueDate).toBe(due);
  });

  it('takes pausedReason through the API only when pausing, and shows it while paused', async () => {
    const plan = await makePlan(t, await makePerson(t, city.units.northUnit, ['newhire']), { introducerId: city.people.introducer.id });
    const patch = (body: object) => t.http().patch(`/api/plans/${plan.id}`).set('authorization', `Bearer ${city.people.introducer.token}`).send(body);
    const alone = await patch({ pausedReason: 'Sjukskrivning' }).expect(400);
    expect(JSON.stringify(alone.body)).toContain('pausedReason');
    await patch({ status: 'paused', pausedReason: 'x'.repeat(301) }).expect(400);
    const paused = await patch({ status: 'paused', pausedReason: 'Sjukskrivning' }).expect(200);
    expect(paused.body).toMatchObject({ status: 'paused', pausedReason: 'Sjukskrivning' });
    expect((await patch({ status: 'active' }).expect(200)).body.pausedReason).toBeNull();
  });

  it('keeps the status pages to the plan\'s introducers and managers', async () => {
    const plan = await t.db.manager.findOneByOrFail(Plan, { newHireId: city.people.newhire.id });
    const hire = await signedIn(t, city.people.newhire.email);
    await hire.get(`/plan-builder/${plan.id}/status/pause`).expect(403);
    await introducer.get(`/plan-builder/${plan.id}/status/explode`).expect(404);
  });

  it('changes dates and people; naming a mentor starts the mentorship, and a full mentor is refused beside the field', async () => {
    const hire = await makePerson(t, city.units.northUnit, ['newhire'], { name: 'Klara Kvist' });
    const plan = await makePlan(t, hire, { introducerId: city.people.introducer.id });
    const page = await introducer.get(`/plan-builder/${plan.id}`).expect(200);
    expect(page.text).toContain(`href="/plan-builder/${plan.id}/details"`);
    const form = await introducer.get(`/plan-builder/${plan.id}/details`).expect(200);
    expect(form.text).toContain(`value="${plan.startDate}"`);
    expect(form.text).toContain(city.people.mentor.name);

    const base = { startDate: plan.startDate, endDate: plan.endDate, introducerId: city.people.introducer.id, managerId: city.people.manager.id, mentorId: '' };
    const order = await postForm(introducer, `/plan-builder/${plan.id}/details`, { ...base, endDate: plan.startDate }, 400);
    expect(order.text).toContain('Slutdatum måste vara efter startdatum');
    const later = DateTime.fromISO(plan.endDate).plus({ months: 2 }).toISODate()!;
    const saved = await introducer.post(`/plan-builder/${plan.id}/details`).type('form').send({ _csrf: await sessionCsrf(introducer), ...base, endDate: later, mentorId: city.people.mentor.id });
    expect(saved.status).toBe(303);
    expect(await planOf(plan.id)).toMatchObject({ endDate: later, managerId: city.people.manager.id, mentorId: city.people.mentor.id });
    expect(await t.db.manager.countBy(Mentorship, { mentorId: city.people.mentor.id, menteeId: hire.id })).toBe(1);

    // A mentor who already has three mentees (MENTOR_MAX_MENTEES) is refused; the plan keeps its mentor.
    const busy = await makePerson(t, city.units.northUnit, ['mentor'], { name: 'Upptagen Mentor' });
    for (let i = 0; i < 3; i++) await makeMentorship(t, busy, await makePerson(t, city.units.northUnit, ['newhire']), { startDate: plan.startDate });
    const full = await postForm(introducer, `/plan-builder/${plan.id}/details`, { ...base, endDate: later, mentorId: busy.id }, 400);
    expect(full.text).toMatch(/id="mentorId-error"[^]*Fel:[^]*Mentorn har redan 3/);
    expect((await planOf(plan.id)).mentorId).toBe(city.people.mentor.id);
    expect(await t.db.manager.countBy(Mentorship, { mentorId: busy.id, menteeId: hire.id })).toBe(0);
  });
});
