import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { Area } from '../src/people/areas/area.entity';
import { OrgUnit, OrgUnitKind } from '../src/people/org-units/org-unit.entity';
import { Person } from '../src/people/people/person.entity';
import type { Role } from '../src/auth/roles';
import { demoDate } from './demo-calendar';
import type { SeedStep } from './seed-context';
import organisation from './organisation.json';

interface UnitSeed {
  name: string;
  kind: OrgUnitKind;
  areaCode?: string;
  children?: UnitSeed[];
}

interface PersonSeed {
  name: string;
  email: string;
  unit: string;
  roles: Role[];
  title?: string;
  /** Long-serving staff: a fixed date. */
  employmentStart?: string;
  /** New hires: the Monday this many weeks from the demo's anchor week (negative: before it). */
  employmentStartWeek?: number;
}

async function upsertUnit(em: EntityManager, seed: UnitSeed, parent: OrgUnit | null, byName: Map<string, OrgUnit>) {
  let unit = await em.findOneBy(OrgUnit, { name: seed.name, parentId: parent ? parent.id : IsNull() });
  if (!unit) {
    const id = randomUUID();
    unit = em.create(OrgUnit, { id, name: seed.name, kind: seed.kind, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` });
  }
  unit.areaCode = seed.areaCode ?? null;
  await em.save(unit);
  byName.set(seed.name, unit);
  for (const child of seed.children ?? []) await upsertUnit(em, child, unit, byName);
}

export const organisationSeed: SeedStep = {
  name: 'organisation',
  async run({ em, demoPasswordHash, anchor, log }) {
    for (const area of organisation.areas) await em.save(em.create(Area, area));
    const units = new Map<string, OrgUnit>();
    for (const root of organisation.units as UnitSeed[]) await upsertUnit(em, root, null, units);
    for (const seed of organisation.people as PersonSeed[]) {
      const unit = units.get(seed.unit);
      if (!unit) throw new Error(`Seed person ${seed.email} names an unknown unit ${seed.unit}`);
      const existing = await em.findOneBy(Person, { email: seed.email });
      await em.save(
        em.create(Person, {
          id: existing?.id,
          name: seed.name,
          email: seed.email,
          orgUnitId: unit.id,
          roles: seed.roles,
          title: seed.title ?? null,
          employmentStart: seed.employmentStartWeek === undefined ? (seed.employmentStart ?? null) : demoDate(anchor, seed.employmentStartWeek),
          active: true,
          passwordHash: demoPasswordHash,
        }),
      );
    }
    log(`organisation: ${organisation.areas.length} areas, ${units.size} org units, ${organisation.people.length} people`);
  },
};
