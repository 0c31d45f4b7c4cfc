import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/password';
import type { Role } from '../../src/auth/roles';
import { Area } from '../../src/people/areas/area.entity';
import { OrgUnit, OrgUnitKind } from '../../src/people/org-units/org-unit.entity';
import { Person } from '../../src/people/people/person.entity';
import type { TestApp } from '../app';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeArea(t: TestApp, code = `area_${next()}`, name = `Area ${code}`): Promise<Area> {
  return t.db.write((em) => em.save(em.create(Area, { code, name })));
}

export async function makeUnit(
  t: TestApp,
  parent: OrgUnit | null,
  fields: { name?: string; kind?: OrgUnitKind; areaCode?: string | null } = {},
): Promise<OrgUnit> {
  const id = randomUUID();
  const kind = fields.kind ?? (parent === null ? 'administration' : parent.kind === 'administration' ? 'department' : 'unit');
  return t.db.write((em) =>
    em.save(
      em.create(OrgUnit, {
        id,
        name: fields.name ?? `Unit ${next()}`,
        kind,
        parentId: parent?.id ?? null,
        areaCode: fields.areaCode ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
      }),
    ),
  );
}

export interface TestPerson extends Person {
  token: string;
}

export async function makePerson(
  t: TestApp,
  unit: OrgUnit,
  roles: Role[],
  fields: Partial<Pick<Person, 'name' | 'email' | 'active' | 'employmentStart' | 'title'>> = {},
): Promise<TestPerson> {
  const hash = await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const tag = next();
  const person = await t.db.write((em) =>
    em.save(
      em.create(Person, {
        name: fields.name ?? `${roles[0]} ${tag}`,
        email: fields.email ?? `${roles[0]}.${tag}@test.example`,
        orgUnitId: unit.id,
        roles,
        title: fields.title ?? null,
        employmentStart: fields.employmentStart ?? null,
        active: fields.active ?? true,
        passwordHash: hash,
      }),
    ),
  );
  return Object.assign(person, { token: t.tokenFor(person.id) });
}

/**
 * A small city: an administration with two departments (North, South), a unit in each,
 * and one person of every role, plus a second new hire in the other department.
 */
export async function makeCity(t: TestApp) {
  const area = await makeArea(t);
  const admin = await makeUnit(t, null, { name: 'Social services' });
  const north = await makeUnit(t, admin, { name: 'North' });
  const south = await makeUnit(t, admin, { name: 'South' });
  const northUnit = await makeUnit(t, north, { name: 'North children', areaCode: area.code });
  const southUnit = await makeUnit(t, south, { name: 'South adults', areaCode: area.code });
  const people = {
    admin: await makePerson(t, admin, ['admin']),
    coordinator: await makePerson(t, admin, ['coordinator']),
    introducer: await makePerson(t, north, ['introducer']),
    manager: await makePerson(t, northUnit, ['manager']),
    mentor: await makePerson(t, northUnit, ['mentor']),
    lecturer: await makePerson(t, admin, ['lecturer']),
    newhire: await makePerson(t, northUnit, ['newhire']),
    otherHire: await makePerson(t, southUnit, ['newhire']),
    southIntroducer: await makePerson(t, southUnit, ['introducer']),
  };
  return { area, units: { admin, north, south, northUnit, southUnit }, people };
}

export type City = Awaited<ReturnType<typeof makeCity>>;
