import { DateTime } from 'luxon';
import { startApp, TestApp } from '../app';
import { City, makeCity, makePerson } from '../factories/organisation.factory';
import { Person } from '../../src/people/people/person.entity';
import { Agent, sessionCsrf, signedIn } from './web-session';

describe('registering a new hire on the pages (introducers and managers, own units)', () => {
  let t: TestApp;
  let city: City;
  let introducer: Agent;
  const nextMonth = () => DateTime.now().setZone('Europe/Stockholm').plus({ months: 1 }).startOf('month').toISODate()!;
  const api = (path: string, token = city.people.admin.token) => t.http().get(`/api${path}`).set('authorization', `Bearer ${token}`);
  const post = async (agent: Agent, body: Record<string, string | string[]>, status: number) =>
    agent.post('/my-hires/new').type('form').send({ _csrf: await sessionCsrf(agent), ...body }).expect(status);
  const byEmail = (email: string) => t.db.manager.findOneBy(Person, { email });

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    introducer = await signedIn(t, city.people.introducer.email);
  });
  afterAll(() => t.close());

  it('is reached from "Mina nyanställda" and offers only the units of the signed-in person', async () => {
    expect((await introducer.get('/my-hires').expect(200)).text).toContain('href="/my-hires/new"');
    const form = await introducer.get('/my-hires/new').expect(200);
    expect(form.text).toContain('Registrera en nyanställd');
    expect(form.text).toContain(`value="${city.units.north.id}" selected`);
    expect(form.text).toContain(`value="${city.units.northUnit.id}"`);
    expect(form.text).not.toContain(city.units.southUnit.id);
    expect(form.text).not.toContain(city.units.admin.id);
    expect(form.text).not.toMatch(/name="(roles|password|language|active)"/);
  });

  it('registers a new hire starting next month (role newhire, whatever is posted) and goes on to the plan with the hire preselected', async () => {
    const start = nextMonth();
    const res = await post(
      introducer,
      { name: ' Sara Lindqvist ', email: ' Sara.Lindqvist@Test.Example ', orgUnitId: city.units.northUnit.id, title: 'Socialsekreterare', employmentStart: start, roles: ['admin', 'coordinator'], password: 'a long enough password', language: 'en', active: 'false' },
      303,
    );
    const hire = (await byEmail('sara.lindqvist@test.example'))!;
    expect(hire).toEqual(expect.objectContaining({ name: 'Sara Lindqvist', roles: ['newhire'], orgUnitId: city.units.northUnit.id, title: 'Socialsekreterare', employmentStart: start, active: true, language: 'sv' }));
    await t.http().post('/api/auth/login').send({ email: hire.email, password: 'a long enough password' }).expect(401);
    expect(res.headers.location).toBe(`/plan-builder/new?hireId=${hire.id}&registered=1`);
    const plan = await introducer.get(res.headers.location).expect(200);
    expect(plan.text).toContain('Sara Lindqvist är registrerad');
    expect(plan.text).toContain(`name="hireId" value="${hire.id}"`);
    expect(plan.text).toContain(`value="${start}"`);
    expect((await introducer.get('/my-hires').expect(200)).text).toContain('Sara Lindqvist');
    const audit = await api(`/audit?entityType=person&entityId=${hire.id}`).expect(200);
    expect(audit.body.items[0]).toEqual(expect.objectContaining({ action: 'create', actorId: city.people.introducer.id }));
  });

  it('shows every bad field beside the field and in the error summary, keeping what was typed', async () => {
    const empty = await post(introducer, { name: '', email: 'not an address', orgUnitId: '', title: 'x'.repeat(201), employmentStart: '2027-02-30' }, 400);
    for (const field of ['name', 'email', 'orgUnitId', 'title', 'employmentStart']) {
      expect(empty.text).toContain(`href="#${field}"`);
      expect(empty.text).toContain(`id="${field}-error"`);
    }
    expect(empty.text).toContain('govuk-error-summary');
    expect(empty.text).toContain('<title>Det finns ett problem: Registrera en nyanställd – Lots</title>');
    expect(empty.text).toContain('Skriv en e-postadress');
    expect(empty.text).toContain('value="not an address"');
    expect(empty.text).toContain('value="2027-02-30"');

    const taken = await post(introducer, { name: 'Ny Person', email: city.people.newhire.email.toUpperCase(), orgUnitId: city.units.northUnit.id, title: '', employmentStart: '' }, 400);
    expect(taken.text).toMatch(/id="email-error"[^]*Det finns redan en person med den e-postadressen/);
    expect(taken.text).toContain('href="#email"');
    expect(taken.text).toContain('value="Ny Person"');
    expect(taken.text).toContain(`value="${city.people.newhire.email.toUpperCase()}"`);
  });

  it('refuses a unit outside the person\'s own units beside the unit field, and creates nobody', async () => {
    const other = await post(introducer, { name: 'Fel Enhet', email: 'fel.enhet@test.example', orgUnitId: city.units.southUnit.id, title: '', employmentStart: '' }, 400);
    expect(other.text).toMatch(/id="orgUnitId-error"[^]*Enheten finns inte bland dina enheter/);
    expect(await byEmail('fel.enhet@test.example')).toBeNull();

    // A manager of the unit below may not place a hire in the department above it either.
    const manager = await signedIn(t, city.people.manager.email);
    const form = await manager.get('/my-hires/new').expect(200);
    expect(form.text).not.toContain(`value="${city.units.north.id}"`);
    await post(manager, { name: 'Upp Ett', email: 'upp.ett@test.example', orgUnitId: city.units.north.id, title: '', employmentStart: '' }, 400);
    expect(await byEmail('upp.ett@test.example')).toBeNull();
    await post(manager, { name: 'Egen Enhet', email: 'egen.enhet@test.example', orgUnitId: city.units.northUnit.id, title: '', employmentStart: '' }, 303);
  });

  it('speaks the person\'s language', async () => {
    const english = await makePerson(t, city.units.south, ['introducer'], { name: 'Ingrid English' });
    await t.db.write((em) => em.update(Person, { id: english.id }, { language: 'en' }));
    const agent = await signedIn(t, english.email);
    expect((await agent.get('/my-hires/new').expect(200)).text).toContain('Register a new hire');
    const taken = await post(agent, { name: 'Someone', email: city.people.otherHire.email, orgUnitId: city.units.southUnit.id, title: '', employmentStart: '' }, 400);
    expect(taken.text).toContain('A person with this e-mail address already exists');
    expect(taken.text).toContain('There is a problem');
  });

  it('is refused to other roles and to forms without the session\'s token', async () => {
    for (const who of [city.people.mentor, city.people.newhire, city.people.coordinator, city.people.lecturer]) {
      const agent = await signedIn(t, who.email);
      await agent.get('/my-hires/new').expect(403);
      await post(agent, { name: 'X', email: `x.${who.id}@test.example`, orgUnitId: who.orgUnitId, title: '', employmentStart: '' }, 403);
    }
    await introducer.post('/my-hires/new').type('form').send({ name: 'Utan Token', email: 'utan.token@test.example', orgUnitId: city.units.northUnit.id }).expect(403);
    expect(await byEmail('utan.token@test.example')).toBeNull();
  });
});
