import { Lecture, Level } from '../../src/catalogue/lectures/lecture.entity';
import { Lecturer } from '../../src/catalogue/lecturers/lecturer.entity';
import { Session } from '../../src/catalogue/sessions/session.entity';
import { SessionSlot } from '../../src/catalogue/sessions/session-slot.entity';
import { Theme } from '../../src/catalogue/themes/theme.entity';
import { Venue } from '../../src/catalogue/venues/venue.entity';
import type { TestApp } from '../app';

let counter = 0;
const next = () => (counter++).toString(36);

export function makeTheme(t: TestApp, fields: Partial<Theme> = {}): Promise<Theme> {
  return t.db.write((em) =>
    em.save(em.create(Theme, { name: `Theme ${next()}`, description: null, audience: 'all', areaCode: null, position: counter, ...fields })),
  );
}

export function makeLecture(t: TestApp, theme: Theme, fields: Partial<Lecture> = {}): Promise<Lecture> {
  return t.db.write((em) =>
    em.save(
      em.create(Lecture, {
        themeId: theme.id,
        title: `Lecture ${next()}`,
        description: null,
        durationMinutes: 240,
        level: 'basic' as Level,
        format: 'in_person',
        recommendedMonth: 3,
        active: true,
        areaCodes: [],
        lecturers: [],
        ...fields,
      }),
    ),
  );
}

export function makeLecturer(t: TestApp, fields: Partial<Lecturer> = {}): Promise<Lecturer> {
  return t.db.write((em) =>
    em.save(em.create(Lecturer, { name: `Lecturer ${next()}`, email: null, organisation: null, internal: true, personId: null, topics: [], active: true, ...fields })),
  );
}

export function makeVenue(t: TestApp, fields: Partial<Venue> = {}): Promise<Venue> {
  return t.db.write((em) => em.save(em.create(Venue, { name: `Room ${next()}`, address: null, capacity: 30, active: true, ...fields })));
}

/** A scheduled session; `slots` defaults to one slot from `startsAt` (default: 30 days ahead) lasting 3 hours. */
export function makeSession(
  t: TestApp,
  lecture: Lecture,
  fields: Partial<Omit<Session, 'slots'>> & { slots?: { startsAt: Date; endsAt: Date }[] } = {},
): Promise<Session> {
  const start = fields.startsAt ?? new Date(Date.now() + 30 * 86400_000);
  const slots = fields.slots ?? [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * 3600_000) }];
  return t.db.write((em) =>
    em.save(
      em.create(Session, {
        lectureId: lecture.id,
        venueId: null,
        onlineUrl: null,
        capacity: 10,
        status: 'scheduled',
        enrolmentDeadline: null,
        bookedCount: 0,
        sequence: 0,
        lecturers: [],
        ...fields,
        startsAt: slots[0].startsAt,
        endsAt: slots[slots.length - 1].endsAt,
        slots: slots.map((slot) => em.create(SessionSlot, slot)),
      }),
    ),
  );
}
