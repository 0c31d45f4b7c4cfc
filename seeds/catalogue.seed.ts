import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { Lecture, Format, Level } from '../src/catalogue/lectures/lecture.entity';
import { Lecturer } from '../src/catalogue/lecturers/lecturer.entity';
import { Session } from '../src/catalogue/sessions/session.entity';
import { SessionSlot } from '../src/catalogue/sessions/session-slot.entity';
import { Audience, Theme } from '../src/catalogue/themes/theme.entity';
import { Venue } from '../src/catalogue/venues/venue.entity';
import { Person } from '../src/people/people/person.entity';
import { DemoSlot, demoSlot } from './demo-calendar';
import type { SeedStep } from './seed-context';
import catalogue from './catalogue.json';

interface LecturerSeed {
  name: string;
  email?: string;
  organisation: string;
  internal: boolean;
  topics: string[];
}

interface LectureSeed {
  theme: string;
  title: string;
  description?: string;
  durationMinutes: number;
  level: string;
  format: string;
  recommendedMonth: number;
  lecturers: string[];
  areaCodes?: string[];
}

interface SessionSeed {
  lecture: string;
  venue?: string;
  onlineUrl?: string;
  capacity: number;
  /** Weeks from the demo's anchor week, with local times (see demo-calendar.ts). */
  slots: DemoSlot[];
}

async function upsertLecturer(em: EntityManager, seed: LecturerSeed): Promise<Lecturer> {
  const existing = seed.email ? await em.findOneBy(Lecturer, { email: seed.email }) : await em.findOneBy(Lecturer, { name: seed.name });
  const person = seed.email ? await em.findOneBy(Person, { email: seed.email }) : null;
  return em.save(em.create(Lecturer, { ...existing, ...seed, email: seed.email ?? null, personId: person?.id ?? null, active: true }));
}

async function upsertSession(em: EntityManager, anchor: string, seed: SessionSeed, lecture: Lecture, venues: Map<string, Venue>): Promise<void> {
  const slots = seed.slots.map((slot) => demoSlot(anchor, slot));
  const existing = await em.findOneBy(Session, { lectureId: lecture.id, startsAt: slots[0].startsAt });
  const fields = { venueId: seed.venue ? venues.get(seed.venue)!.id : null, onlineUrl: seed.onlineUrl ?? null, capacity: seed.capacity };
  if (existing) {
    await em.update(Session, { id: existing.id }, fields);
    return;
  }
  await em.save(
    em.create(Session, {
      ...fields,
      lectureId: lecture.id,
      status: 'scheduled',
      enrolmentDeadline: DateTime.fromJSDate(slots[0].startsAt).minus({ days: 7 }).toJSDate(),
      lecturers: lecture.lecturers,
      startsAt: slots[0].startsAt,
      endsAt: slots[slots.length - 1].endsAt,
      slots: slots.map((slot) => em.create(SessionSlot, slot)),
    }),
  );
}

/** The demo catalogue: four blocks, the lecturer bank, rooms at the competence centre and sessions from about three months before the anchor week to nine months after it. */
export const catalogueSeed: SeedStep = {
  name: 'catalogue',
  async run({ em, anchor, log }) {
    const themes = new Map<string, Theme>();
    for (const seed of catalogue.themes) {
      const existing = await em.findOneBy(Theme, { name: seed.name });
      const theme = { ...existing, ...seed, audience: seed.audience as Audience, areaCode: seed.areaCode ?? null };
      themes.set(seed.name, await em.save(em.create(Theme, theme)));
    }
    const lecturers = new Map<string, Lecturer>();
    for (const seed of catalogue.lecturers as LecturerSeed[]) lecturers.set(seed.email ?? seed.name, await upsertLecturer(em, seed));
    const lectures = new Map<string, Lecture>();
    for (const seed of catalogue.lectures as LectureSeed[]) {
      const existing = await em.findOneBy(Lecture, { title: seed.title });
      const { theme, lecturers: names, ...fields } = seed;
      const lecture = em.create(Lecture, {
        ...existing,
        ...fields,
        level: seed.level as Level,
        format: seed.format as Format,
        description: seed.description ?? null,
        areaCodes: seed.areaCodes ?? [],
        themeId: themes.get(theme)!.id,
        lecturers: names.map((key) => lecturers.get(key)!),
        active: true,
      });
      lectures.set(seed.title, await em.save(lecture));
    }
    const venues = new Map<string, Venue>();
    for (const seed of catalogue.venues) {
      const existing = await em.findOneBy(Venue, { name: seed.name });
      venues.set(seed.name, await em.save(em.create(Venue, { ...existing, ...seed, active: true })));
    }
    for (const seed of catalogue.sessions as SessionSeed[]) await upsertSession(em, anchor, seed, lectures.get(seed.lecture)!, venues);
    log(`catalogue: ${themes.size} themes, ${lectures.size} lectures, ${lecturers.size} lecturers, ${venues.size} venues, ${catalogue.sessions.length} sessions`);
  },
};
