import { startApp, TestApp } from './app';
import { City, makeCity, makePerson } from './factories/organisation.factory';

describe('areas and org units', () => {
  let t: TestApp;
  let city: City;
  let admin: { authorization: string };

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    admin = { authorization: `Bearer ${city.people.admin.token}` };
  });
  afterAll(() => t.close());

  it('creates, lists and renames areas; a duplicate code is 409', async () => {
    const coordinator = { authorization: `Bearer ${city.people.coordinator.token}` };
    await t.http().post('/api/areas').set(coordinator).send({ code: 'social_psychiatry', name: 'Socialpsykiatri' }).expect(201);
    const dup = await t.http().post('/api/areas').set(coordinator).send({ code: 'social_psychiatry', name: 'Again' }).expect(409);
    expect(dup.headers['content-type']).toMatch(/problem\+json/);
    await t.http().patch('/api/areas/social_psychiatry').set(coordinator).send({ name: 'Socialpsykiatri och boende' }).expect(200);
    await t.http().patch('/api/areas/nope').set(coordinator).send({ name: 'x' }).expect(404);
    const list = await t.http().get('/api/areas').set(admin).expect(200);
    expect(list.body.items).toContainEqual({ code: 'social_psychiatry', name: 'Socialpsykiatri och boende' });
    await t.http().post('/api/areas').set(coordinator).send({ code: 'Bad Code', name: 'x' }).expect(400);
  });

  it('builds a tree with the contract fields and keeps kinds in order', async () => {
    const dept = await t
      .http()
      .post('/api/org-units')
      .set(admin)
      .send({ name: 'Avdelning Öst', kind: 'department', parentId: city.units.admin.id })
      .expect(201);
    expect(dept.body).toEqual({ id: expect.any(String), name: 'Avdelning Öst', kind: 'department', parentId: city.units.admin.id, areaCode: null, externalCode: null });
    const unit = await t
      .http()
      .post('/api/org-units')
      .set(admin)
      .send({ name: 'Mottagningen', kind: 'unit', parentId: dept.body.id, areaCode: city.area.code })
      .expect(201);
    expect(unit.body.areaCode).toBe(city.area.code);
    const bad = await t.http().post('/api/org-units').set(admin).send({ name: 'x', kind: 'department', parentId: unit.body.id }).expect(400);
    expect(bad.body.errors[0].field).toBe('parentId');
    await t.http().post('/api/org-units').set(admin).send({ name: 'x', kind: 'unit' }).expect(400);
    const unknownArea = await t.http().post('/api/org-units').set(admin).send({ name: 'x', kind: 'unit', parentId: dept.body.id, areaCode: 'no_such' }).expect(400);
    expect(unknownArea.body.errors[0].field).toBe('areaCode');
    const children = await t.http().get(`/api/org-units?parentId=${dept.body.id}`).set(admin).expect(200);
    expect(children.body).toMatchObject({ total: 1, limit: 50, offset: 0, items: [{ id: unit.body.id }] });
    await t.http().get(`/api/org-units/${unit.body.id}`).set(admin).expect(200);
  });

  it('refuses to delete a unit with children or people (409) and deletes an empty one', async () => {
    await t.http().delete(`/api/org-units/${city.units.north.id}`).set(admin).expect(409);
    await t.http().delete(`/api/org-units/${city.units.northUnit.id}`).set(admin).expect(409);
    const empty = await t.http().post('/api/org-units').set(admin).send({ name: 'Tillfällig', kind: 'unit', parentId: city.units.south.id }).expect(201);
    await t.http().delete(`/api/org-units/${empty.body.id}`).set(admin).expect(204);
    await t.http().get(`/api/org-units/${empty.body.id}`).set(admin).expect(404);
  });

  it('moves a unit and its people move into the new department scope', async () => {
    const moving = await t.http().post('/api/org-units').set(admin).send({ name: 'Flyttas', kind: 'unit', parentId: city.units.south.id }).expect(201);
    const hire = await makePerson(t, { ...city.units.southUnit, id: moving.body.id }, ['newhire']);
    const northIntroducer = { authorization: `Bearer ${city.people.introducer.token}` };
    await t.http().get(`/api/people/${hire.id}`).set(northIntroducer).expect(404);
    await t.http().patch(`/api/org-units/${moving.body.id}`).set(admin).send({ parentId: city.units.north.id }).expect(200);
    await t.http().get(`/api/people/${hire.id}`).set(northIntroducer).expect(200);
    await t.http().patch(`/api/org-units/${city.units.north.id}`).set(admin).send({ parentId: moving.body.id }).expect(400);
  });

  it('paginates with limit and offset and caps limit at 500', async () => {
    const first = await t.http().get('/api/org-units?limit=2&offset=0').set(admin).expect(200);
    const second = await t.http().get('/api/org-units?limit=2&offset=2').set(admin).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBe(second.body.total);
    expect(first.body.items[0].id).not.toBe(second.body.items[0].id);
    await t.http().get('/api/org-units?limit=501').set(admin).expect(400);
    await t.http().get('/api/org-units?offset=-1').set(admin).expect(400);
  });
});

describe('people', () => {
  let t: TestApp;
  let city: City;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  const as = (who: keyof City['people']) => ({ authorization: `Bearer ${city.people[who].token}` });

  it('lets an introducer create a new hire in own units with the contract fields', async () => {
    const res = await t
      .http()
      .post('/api/people')
      .set(as('introducer'))
      .send({
        name: 'Åsa Öberg',
        email: 'Asa.Oberg@Test.Example',
        orgUnitId: city.units.northUnit.id,
        roles: ['newhire'],
        title: 'Socialsekreterare',
        employmentStart: '2027-01-11',
        password: 'twelve chars ok',
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Åsa Öberg',
      email: 'asa.oberg@test.example',
      orgUnitId: city.units.northUnit.id,
      roles: ['newhire'],
      title: 'Socialsekreterare',
      employmentStart: '2027-01-11',
      active: true,
      language: 'sv',
    });
    await t.http().post('/api/auth/login').send({ email: 'asa.oberg@test.example', password: 'twelve chars ok' }).expect(200);
    const dup = await t
      .http()
      .post('/api/people')
      .set(as('introducer'))
      .send({ name: 'Dup', email: 'asa.oberg@test.example', orgUnitId: city.units.northUnit.id, roles: ['newhire'] })
      .expect(409);
    expect(dup.body.errors[0].field).toBe('email');
  });

  it('never lets an introducer grant other roles or place people outside own units', async () => {
    const base = { name: 'X', orgUnitId: city.units.northUnit.id };
    await t.http().post('/api/people').set(as('introducer')).send({ ...base, email: 'a1@test.example', roles: ['admin'] }).expect(403);
    await t.http().post('/api/people').set(as('introducer')).send({ ...base, email: 'a2@test.example', roles: ['newhire', 'mentor'] }).expect(403);
    const outside = await t
      .http()
      .post('/api/people')
      .set(as('introducer'))
      .send({ ...base, email: 'a3@test.example', roles: ['newhire'], orgUnitId: city.units.southUnit.id })
      .expect(400);
    expect(outside.body.errors[0].field).toBe('orgUnitId');
    await t.http().patch(`/api/people/${city.people.newhire.id}`).set(as('introducer')).send({ roles: ['coordinator'] }).expect(403);
    await t.http().patch(`/api/people/${city.people.mentor.id}`).set(as('introducer')).send({ title: 'x' }).expect(403);
  });

  it('rejects a short password and an invalid date', async () => {
    const res = await t
      .http()
      .post('/api/people')
      .set(as('admin'))
      .send({ name: 'Y', email: 'y@test.example', orgUnitId: city.units.northUnit.id, roles: ['mentor'], password: 'short', employmentStart: '2027-13-45' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['employmentStart', 'password']);
  });

  it('edits and deactivates within scope; outside scope is 404', async () => {
    await t.http().patch(`/api/people/${city.people.newhire.id}`).set(as('introducer')).send({ title: 'Biståndshandläggare' }).expect(200);
    await t.http().patch(`/api/people/${city.people.otherHire.id}`).set(as('introducer')).send({ title: 'x' }).expect(404);
    await t.http().delete(`/api/people/${city.people.otherHire.id}`).set(as('introducer')).expect(404);
    await t.http().delete(`/api/people/${city.people.otherHire.id}`).set(as('southIntroducer')).expect(204);
    const after = await t.http().get(`/api/people/${city.people.otherHire.id}`).set(as('admin')).expect(200);
    expect(after.body.active).toBe(false);
  });

  it('scopes lists inside the query: admins and coordinators all, introducers own units, others themselves', async () => {
    const all = await t.http().get('/api/people?limit=500').set(as('coordinator')).expect(200);
    const mine = await t.http().get('/api/people?limit=500').set(as('introducer')).expect(200);
    const self = await t.http().get('/api/people').set(as('newhire')).expect(200);
    expect(all.body.total).toBeGreaterThan(mine.body.total);
    const unitIds = new Set(mine.body.items.map((p: { orgUnitId: string }) => p.orgUnitId));
    expect([...unitIds].sort()).toEqual([city.units.north.id, city.units.northUnit.id].sort());
    expect(mine.body.items.map((p: { id: string }) => p.id)).not.toContain(city.people.otherHire.id);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(city.people.newhire.id);
    expect(self.body).toMatchObject({ total: 1, items: [{ id: city.people.newhire.id }] });
  });

  it('filters by unit subtree, role and text', async () => {
    const north = await t.http().get(`/api/people?orgUnitId=${city.units.north.id}&role=newhire`).set(as('admin')).expect(200);
    const ids = north.body.items.map((p: { id: string; roles: string[] }) => p.id);
    expect(ids).toContain(city.people.newhire.id);
    expect(ids).not.toContain(city.people.otherHire.id);
    expect(north.body.items.every((p: { roles: string[] }) => p.roles.includes('newhire'))).toBe(true);
    const byName = await t.http().get(`/api/people?q=${encodeURIComponent(city.people.mentor.name.slice(0, 12).toUpperCase())}`).set(as('admin')).expect(200);
    expect(byName.body.items.map((p: { id: string }) => p.id)).toContain(city.people.mentor.id);
  });

  it('keeps an admin from locking themselves out', async () => {
    await t.http().delete(`/api/people/${city.people.admin.id}`).set(as('admin')).expect(409);
    await t.http().patch(`/api/people/${city.people.admin.id}`).set(as('admin')).send({ roles: ['coordinator'] }).expect(409);
  });

  it('records who changed what in the audit trail, without passwords', async () => {
    const created = await t
      .http()
      .post('/api/people')
      .set(as('admin'))
      .send({ name: 'Audit Me', email: 'audit.me@test.example', orgUnitId: city.units.northUnit.id, roles: ['mentor'], password: 'a secret password' })
      .expect(201);
    await t.http().patch(`/api/people/${created.body.id}`).set(as('admin')).send({ title: 'Mentor', password: 'another secret pw' }).expect(200);
    const audit = await t.http().get(`/api/audit?entityType=person&entityId=${created.body.id}`).set(as('admin')).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    const update = audit.body.items.find((e: { action: string }) => e.action === 'update');
    expect(update).toMatchObject({ actorId: city.people.admin.id, changes: { title: { from: null, to: 'Mentor' } } });
    expect(JSON.stringify(audit.body)).not.toMatch(/secret/);
    await t.http().get('/api/audit').set(as('coordinator')).expect(403);
  });
});
