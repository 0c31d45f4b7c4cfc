import { startApp, TestApp } from './app';
import { City, makeCity } from './factories/organisation.factory';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { OrgUnit } from '../src/people/org-units/org-unit.entity';

const bearer = (person: { token: string }) => ({ authorization: `Bearer ${person.token}` });

describe('audit trail', () => {
  let t: TestApp;
  let city: City;
  const admin = () => bearer(city.people.admin);

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  it('writes the entry in the transaction of its change: a change that fails after its entry leaves neither', async () => {
    const north = city.units.north;
    // the service records the rename and the move, then refuses the move below its own unit
    await t.http().patch(`/api/org-units/${north.id}`).set(admin()).send({ name: 'Nord (ny)', parentId: city.units.northUnit.id }).expect(400);
    expect(await t.db.manager.countBy(AuditEntry, { entityId: north.id })).toBe(0);
    expect((await t.db.manager.findOneByOrFail(OrgUnit, { id: north.id })).name).toBe('North');

    await t.http().patch(`/api/org-units/${north.id}`).set(admin()).send({ name: 'Nord' }).expect(200);
    const entries = await t.http().get(`/api/audit?entityType=org-unit&entityId=${north.id}`).set(admin()).expect(200);
    expect(entries.body).toMatchObject({ total: 1, items: [{ action: 'update', actorId: city.people.admin.id, changes: { name: { from: 'North', to: 'Nord' } } }] });
  });

  it('filters by actor and by the person a record is about, for admins only', async () => {
    const hire = city.people.newhire;
    await t.http().patch(`/api/people/${hire.id}`).set(bearer(city.people.manager)).send({ title: 'Socialsekreterare' }).expect(200);
    const byActor = await t.http().get(`/api/audit?actorId=${city.people.manager.id}`).set(admin()).expect(200);
    expect(byActor.body.items).toEqual([expect.objectContaining({ entityType: 'person', entityId: hire.id, subjectPersonId: hire.id })]);
    const bySubject = await t.http().get(`/api/audit?subjectPersonId=${hire.id}`).set(admin()).expect(200);
    expect(bySubject.body.total).toBe(1);
    await t.http().get('/api/audit').set(bearer(city.people.coordinator)).expect(403);
  });
});
