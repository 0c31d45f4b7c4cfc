import { DateTime } from 'luxon';
import { startApp, TestApp } from '../app';
import { Person } from '../../src/people/people/person.entity';
import { makeLecture, makeSession, makeTheme } from '../factories/catalogue.factory';
import { City, makeCity, makePerson } from '../factories/organisation.factory';
import { makeEnrolment, makeMentorship, makePlan, makePlanItem } from '../factories/plans.factory';
import { springForwardDay } from '../support/time';
import { Agent, postForm, signedIn } from './web-session';

describe('plan pages over HTTP: my new hires, plans, timeline, mentees', () => {
  let t: TestApp;
  let city: City;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  const zone = () => t.config.timeZone;

  describe('my new hires', () => {
    it('offers "create plan" only to hires without any plan; a closed plan gets "create a new plan", a completed one nothing', async () => {
      const unit = city.units.northUnit;
      const none = await makePerson(t, unit, ['newhire'], { name: 'Utan Plansson' });
      const done = await makePerson(t, unit, ['newhire'], { name: 'Klar Klarsson' });
      const closed = await makePerson(t, unit, ['newhire'], { name: 'Stängd Stängdsson' });
      const again = await makePerson(t, unit, ['newhire'], { name: 'Igen Igensson' });
      await makePlan(t, done, { status: 'completed' });
      const closedPlan = await makePlan(t, closed, { status: 'closed', closedReason: 'moved_internally' });
      await makePlan(t, again, { status: 'closed', closedReason: 'other' });
      await makePlan(t, again, { status: 'draft' });
      const page = (await (await signedIn(t, city.people.introducer.email)).get('/my-hires').expect(200)).text;
      const section = (heading: string) => {
        const start = page.indexOf(`<h2 class="govuk-heading-m">${heading}</h2>`);
        expect(start).toBeGreaterThan(-1);
        const end = page.indexOf('<h2', start + 1);
        return page.slice(start, end === -1 ? undefined : end);
      };
      const withoutPlan = section('Nyanställda utan plan');
      expect(withoutPlan).toContain(`href="/plan-builder/new?hireId=${none.id}"`);
      for (const hire of [done, closed, again]) expect(withoutPlan).not.toContain(hire.name);
      const finished = section('Avslutade planer');
      expect(finished).toContain(`${done.name}</a> – Slutförd`);
      expect(finished).not.toContain(`hireId=${done.id}`);
      expect(finished).toContain(`href="/plan-builder/${closedPlan.id}">${closed.name}</a> – Avslutad, 0 % – <a class="govuk-link" href="/plan-builder/new?hireId=${closed.id}">Skapa en ny plan`);
      expect(finished).not.toContain(again.name);
      expect(page.match(new RegExp(`hireId=${again.id}`, 'g'))).toBeNull();
    });
  });

  describe('plan page', () => {
    it('leads everyone who may read a plan back to a page they may open', async () => {
      const hire = await makePerson(t, city.units.northUnit, ['newhire'], { name: 'Tillbaka Tillbakasson' });
      const plan = await makePlan(t, hire);
      await makeMentorship(t, city.people.mentor, hire);
      const expected: [string, string, string][] = [
        [city.people.introducer.email, '/my-hires', 'Tillbaka till mina nyanställda'],
        [city.people.coordinator.email, '/dashboard', 'Tillbaka till uppföljningen'],
        [city.people.mentor.email, '/mentees', 'Tillbaka till mina adepter'],
        [hire.email, '/my-plan', 'Tillbaka till min plan'],
      ];
      for (const [email, href, text] of expected) {
        const agent = await signedIn(t, email);
        const page = (await agent.get(`/plan-builder/${plan.id}`).expect(200)).text;
        expect({ email, back: /<a href="([^"]+)" class="govuk-back-link">([^<]+)<\/a>/.exec(page)?.slice(1) }).toEqual({ email, back: [href, text] });
        await agent.get(href).expect(200);
      }
    });
  });

  describe('my plan', () => {
    it('places a booked session on the timeline in the term of its own date, not of the item\'s due date', async () => {
      const hire = await makePerson(t, city.units.northUnit, ['newhire'], { name: 'Tidslinje Tidsson' });
      const today = DateTime.now().setZone(zone());
      const plan = await makePlan(t, hire, { startDate: today.toISODate()! });
      const lecture = await makeLecture(t, await makeTheme(t), { title: 'Samtal med barn' });
      const session = await makeSession(t, lecture, { startsAt: today.plus({ months: 6 }).set({ hour: 9, minute: 0 }).toJSDate() });
      const item = await makePlanItem(t, plan, { lectureId: lecture.id, status: 'booked', dueDate: today.plus({ months: 1 }).toISODate()! });
      await makeEnrolment(t, session, hire, { planItemId: item.id });
      await makePlanItem(t, plan, { title: 'Studiebesök', dueDate: today.plus({ weeks: 2 }).toISODate()! });
      const page = (await (await signedIn(t, hire.email)).get('/my-plan').expect(200)).text;
      const terms = page.split('<li class="lots-term').slice(1);
      const termOf = (title: string) => terms.findIndex((term) => term.includes(title)) + 1;
      expect(termOf('Studiebesök')).toBe(1);
      expect(termOf('Samtal med barn')).toBe(2);
    });
  });

  describe('refusals', () => {
    it('says in Swedish why a plan cannot be created for a hire who has an open plan', async () => {
      const hire = await makePerson(t, city.units.northUnit, ['newhire'], { name: 'Öppen Plansson' });
      await makePlan(t, hire, { status: 'draft' });
      const introducer = await signedIn(t, city.people.introducer.email);
      const page = await postForm(introducer, '/plan-builder', { hireId: hire.id, startDate: DateTime.now().toISODate()!, templateId: '' }, 400);
      expect(page.text).toContain('Planen kunde inte skapas: Den nyanställda har redan en öppen plan (utkast, pågående eller pausad)');
      expect(page.text).toContain('<span class="govuk-visually-hidden">Fel:</span>');
      expect(page.text).not.toContain('This new hire');
    });
  });

  describe('numbers', () => {
    it('writes decimals with a comma in Swedish and a point in English (progress, training days, dashboard)', async () => {
      const hire = await makePerson(t, city.units.northUnit, ['newhire'], { name: 'Decimal Dahl' });
      const lecture = await makeLecture(t, await makeTheme(t), { title: 'Halvdag om dokumentation', durationMinutes: t.config.dayMinutes / 2 });
      const plan = await makePlan(t, hire);
      await makePlanItem(t, plan, { lectureId: lecture.id });
      for (let i = 0; i < 10; i++) await makePlanItem(t, plan, { title: `Aktivitet ${i}`, status: i < 6 ? 'done' : 'planned' });
      const introducer = await signedIn(t, city.people.introducer.email);

      const hires = (await introducer.get('/my-hires').expect(200)).text;
      const card = hires.slice(hires.indexOf('Decimal Dahl'));
      expect(card).toContain('54,5 % (6 av 11)');
      expect(card).toContain('0 genomförda av 0,5 planerade');
      expect((await introducer.get(`/plan-builder/${plan.id}`).expect(200)).text).toContain('0,5 dagar');
      const catalogue = (await (await signedIn(t, city.people.coordinator.email)).get('/catalogue').expect(200)).text;
      expect(catalogue.slice(catalogue.indexOf('Halvdag om dokumentation'))).toContain('0,5 utbildningsdagar');
      const dashboard = (await introducer.get('/dashboard').expect(200)).text;
      expect(dashboard).toMatch(/\d+,\d %/);
      expect(dashboard).not.toMatch(/\d\.\d %/);

      await t.db.write((em) => em.update(Person, city.people.introducer.id, { language: 'en' }));
      const english = await signedIn(t, city.people.introducer.email);
      const enHires = (await english.get('/my-hires').expect(200)).text;
      expect(enHires.slice(enHires.indexOf('Decimal Dahl'))).toContain('54.5% (6 of 11)');
      expect((await english.get(`/plan-builder/${plan.id}`).expect(200)).text).toContain('0.5 days');
      await t.db.write((em) => em.update(Person, city.people.introducer.id, { language: 'sv' }));
    });
  });

  describe('mentees', () => {
    it('refuses a meeting at a time the spring change skips, beside the field, keeping what was typed', async () => {
      const mentorship = await makeMentorship(t, city.people.mentor, city.people.newhire);
      const mentor = await signedIn(t, city.people.mentor.email);
      const gapDay = springForwardDay(zone());
      const page = await postForm(mentor, `/mentees/${mentorship.id}/meetings`, { date: gapDay, startTime: '02:30', endTime: '03:30', location: 'Rum 4' }, 400);
      expect(page.text).toContain('href="#startTime"');
      expect(page.text).toMatch(/id="startTime-error"[^>]*>\s*<span class="govuk-visually-hidden">[^<]*<\/span> Den tiden finns inte den dagen/);
      expect(page.text).not.toContain('id="endTime-error"');
      expect(page.text).toContain('value="02:30"');
      expect(page.text).toContain('value="Rum 4"');
      await postForm(mentor, `/mentees/${mentorship.id}/meetings`, { date: gapDay, startTime: '03:00', endTime: '03:30' }, 303);
    });
  });
});
