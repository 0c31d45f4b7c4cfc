import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { hashPassword } from '../src/auth/password';
import { Role } from '../src/auth/roles';
import { Area } from '../src/people/areas/area.entity';
import { OrgUnit } from '../src/people/org-units/org-unit.entity';
import { Person } from '../src/people/people/person.entity';
import { Theme } from '../src/catalogue/themes/theme.entity';
import { Lecture } from '../src/catalogue/lectures/lecture.entity';
import { Lecturer } from '../src/catalogue/lecturers/lecturer.entity';
import { Venue } from '../src/catalogue/venues/venue.entity';
import { Session } from '../src/catalogue/sessions/session.entity';
import { SessionSlot } from '../src/catalogue/sessions/session-slot.entity';
import { Plan } from '../src/plans/plans/plan.entity';
import { PlanItem, PlanItemStatus } from '../src/plans/plan-items/plan-item.entity';
import { Enrolment } from '../src/enrolment/enrolments/enrolment.entity';
import { Mentorship } from '../src/mentorship/mentorships/mentorship.entity';
import { MentorMeeting } from '../src/mentorship/meetings/mentor-meeting.entity';

/** Sizes of the synthetic city (issue 6). */
export const CITY = {
  departments: 14,
  unitsPerDepartment: 6,
  staff: 2000,
  activePlans: 600,
  itemsPerPlan: 40,
  lectures: 150,
  sessions: 3000,
  enrolmentsTarget: 100_000,
  mentorships: 600,
  meetingsPerMentorship: 8,
};

export const BENCH_PASSWORD = 'bench-password-2027';

export interface GeneratedCity {
  coordinatorId: string;
  coordinatorEmail: string;
  departmentIds: string[];
  hireIds: string[];
  planIds: string[];
  themeIds: string[];
  futureSessionIds: string[];
  bookerIds: string[];
  counts: Record<string, number>;
}

const AREAS = ['children_youth', 'financial_aid', 'adults_substance_abuse', 'disability_support', 'social_psychiatry', 'elderly_care'];

/** Deterministic pseudo-random numbers, so two runs build the same city. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function insertAll<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, rows: Partial<T>[], chunk = 400): Promise<void> {
  await ds.transaction(async (em) => {
    for (let i = 0; i < rows.length; i += chunk) {
      await em.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + chunk) as T[]).updateEntity(false).execute();
    }
  });
}

/** Builds the city with bulk inserts in transactions, straight through the real entities. */
export async function generateCity(ds: DataSource): Promise<GeneratedCity> {
  const random = rng(20270101);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const now = DateTime.now().setZone('Europe/Stockholm');
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  await insertAll(ds, Area, AREAS.map((code) => ({ code, name: code.replace(/_/g, ' ') })));
  const rootId = randomUUID();
  const units: Partial<OrgUnit>[] = [{ id: rootId, name: 'Socialförvaltningen', kind: 'administration', parentId: null, path: `/${rootId}/`, areaCode: null }];
  const departmentIds: string[] = [];
  const unitIds: string[] = [];
  for (let d = 0; d < CITY.departments; d++) {
    const id = randomUUID();
    departmentIds.push(id);
    units.push({ id, name: `Stadsdel ${d + 1}`, kind: 'department', parentId: rootId, path: `/${rootId}/${id}/`, areaCode: null });
    for (let u = 0; u < CITY.unitsPerDepartment; u++) {
      const unitId = randomUUID();
      unitIds.push(unitId);
      units.push({ id: unitId, name: `Enhet ${d + 1}.${u + 1}`, kind: 'unit', parentId: id, path: `/${rootId}/${id}/${unitId}/`, areaCode: AREAS[u % AREAS.length] });
    }
  }
  await insertAll(ds, OrgUnit, units);

  const people: Partial<Person>[] = [];
  const add = (roles: Role[], orgUnitId: string, index: number) => {
    const id = randomUUID();
    people.push({ id, name: `Person ${index}`, email: `person${index}@bench.example`, orgUnitId, roles, active: true, passwordHash, language: 'sv', employmentStart: '2020-01-01' });
    return id;
  };
  const coordinatorId = add(['coordinator'], rootId, 0);
  const hireIds: string[] = [];
  const mentorIds: string[] = [];
  const introducerByUnit = new Map<string, string>();
  const lecturerPeople: string[] = [];
  for (let i = 1; i < CITY.staff; i++) {
    const unit = unitIds[i % unitIds.length];
    if (i <= CITY.activePlans) hireIds.push(add(['newhire'], unit, i));
    else if (!introducerByUnit.has(unit)) introducerByUnit.set(unit, add(['introducer'], unit, i));
    else if (mentorIds.length < 300) mentorIds.push(add(['mentor'], unit, i));
    else if (lecturerPeople.length < 60) lecturerPeople.push(add(['lecturer', 'mentor'], unit, i));
    else add(['manager'], unit, i);
  }
  await insertAll(ds, Person, people, 200);

  const themeIds: string[] = [];
  const themes: Partial<Theme>[] = ['Välkommen', 'Tjänsteperson', 'Samverkan'].map((name, position) => {
    const id = randomUUID();
    themeIds.push(id);
    return { id, name, audience: 'all', areaCode: null, position };
  });
  for (const code of AREAS) {
    const id = randomUUID();
    themeIds.push(id);
    themes.push({ id, name: `Verksamhetsspecifikt: ${code}`, audience: 'area', areaCode: code, position: themes.length });
  }
  await insertAll(ds, Theme, themes);
  const lecturers: Partial<Lecturer>[] = lecturerPeople.map((personId, i) => ({ id: randomUUID(), name: `Föreläsare ${i}`, internal: true, personId, topics: [], active: true }));
  await insertAll(ds, Lecturer, lecturers);

  const lectures: Partial<Lecture>[] = [];
  for (let i = 0; i < CITY.lectures; i++) {
    const themeIndex = i % themeIds.length;
    lectures.push({
      id: randomUUID(),
      themeId: themeIds[themeIndex],
      title: `Föreläsning ${i + 1}`,
      durationMinutes: pick([120, 180, 240, 480]),
      level: i % 4 === 0 ? 'advanced' : 'basic',
      format: i % 5 === 0 ? 'online' : 'in_person',
      recommendedMonth: 1 + (i % 24),
      active: true,
      areaCodes: themeIndex >= 3 ? [AREAS[themeIndex - 3]] : [],
    });
  }
  await insertAll(ds, Lecture, lectures);
  const venues: Partial<Venue>[] = Array.from({ length: 12 }, (_, i) => ({ id: randomUUID(), name: `Sal ${i + 1}`, capacity: 40, active: true }));
  await insertAll(ds, Venue, venues);

  // 3,000 sessions over two years (a year back, a year ahead), 09:00 or 13:00 local; every tenth has two slots.
  const sessions: Partial<Session>[] = [];
  const slots: Partial<SessionSlot>[] = [];
  const links: { session_id: string; lecturer_id: string }[] = [];
  const sessionsByLecture = new Map<string, { id: string; start: DateTime; capacity: number }[]>();
  for (let i = 0; i < CITY.sessions; i++) {
    const lecture = lectures[i % lectures.length];
    const day = now.startOf('day').minus({ days: 365 }).plus({ days: Math.floor((i * 730) / CITY.sessions) });
    const start = day.set({ hour: i % 2 ? 13 : 9 });
    const id = randomUUID();
    const parts = i % 10 === 0 ? [start, start.plus({ days: 7 })] : [start];
    const hours = Math.min(4, (lecture.durationMinutes ?? 240) / 60);
    for (const part of parts) slots.push({ id: randomUUID(), sessionId: id, startsAt: part.toJSDate(), endsAt: part.plus({ hours }).toJSDate() });
    sessions.push({
      id,
      lectureId: lecture.id,
      venueId: venues[i % venues.length].id,
      capacity: 40,
      status: 'scheduled',
      startsAt: parts[0].toJSDate(),
      endsAt: parts[parts.length - 1].plus({ hours }).toJSDate(),
      bookedCount: 0,
      sequence: 0,
    });
    if (lecturers.length) links.push({ session_id: id, lecturer_id: lecturers[i % lecturers.length].id! });
    const list = sessionsByLecture.get(lecture.id!) ?? [];
    list.push({ id, start, capacity: 40 });
    sessionsByLecture.set(lecture.id!, list);
  }
  await insertAll(ds, Session, sessions, 200);
  await insertAll(ds, SessionSlot, slots);
  await ds.transaction(async (em) => {
    for (let i = 0; i < links.length; i += 400) await em.createQueryBuilder().insert().into('session_lecturer').values(links.slice(i, i + 400)).execute();
  });

  // 600 active plans of 40 lecture items; items of sessions already held are done (attended).
  const plans: Partial<Plan>[] = [];
  const items: Partial<PlanItem>[] = [];
  const enrolments: Partial<Enrolment>[] = [];
  const booked = new Map<string, number>();
  const taken = new Set<string>();
  const enrol = (sessionId: string, personId: string, planItemId: string | null, past: boolean) => {
    const key = `${sessionId}:${personId}`;
    if (taken.has(key)) return false;
    const count = booked.get(sessionId) ?? 0;
    const status = count < 40 ? 'booked' : 'waitlisted';
    taken.add(key);
    if (status === 'booked') booked.set(sessionId, count + 1);
    enrolments.push({
      id: randomUUID(),
      sessionId,
      personId,
      planItemId,
      status,
      queueNumber: status === 'waitlisted' ? enrolments.length : null,
      attendance: past && status === 'booked' ? (random() < 0.9 ? 'attended' : 'absent') : null,
      bookedAt: status === 'booked' ? new Date() : null,
    });
    return status === 'booked';
  };
  hireIds.forEach((hireId, h) => {
    const start = now.minus({ days: Math.floor((h * 700) / hireIds.length) }).startOf('day');
    const planId = randomUUID();
    plans.push({ id: planId, newHireId: hireId, status: 'active', startDate: start.toISODate()!, endDate: start.plus({ months: 24 }).toISODate()!, introducerId: null });
    for (let k = 0; k < CITY.itemsPerPlan; k++) {
      const lecture = lectures[(h + k * 3) % lectures.length];
      const options = sessionsByLecture.get(lecture.id!) ?? [];
      const session = options[(h + k) % options.length];
      const itemId = randomUUID();
      const past = session ? session.start < now : false;
      let status: PlanItemStatus = 'planned';
      if (session && k % 4 !== 3) status = enrol(session.id, hireId, itemId, past) ? (past ? 'done' : 'booked') : 'planned';
      items.push({
        id: itemId,
        planId,
        kind: 'lecture',
        lectureId: lecture.id,
        dueDate: start.plus({ months: lecture.recommendedMonth ?? 1 }).toISODate()!,
        status,
        position: k,
        completedAt: status === 'done' ? session!.start.toJSDate() : null,
      });
    }
  });
  // The rest of the ~100,000 enrolments: other staff taking sessions (refresher courses, lecturers' colleagues).
  const others = people.filter((p) => !p.roles!.includes('newhire')).map((p) => p.id!);
  const bookerIds = others.slice(-200);
  const regulars = others.slice(0, -200);
  let guard = 0;
  while (enrolments.length < CITY.enrolmentsTarget && guard++ < CITY.enrolmentsTarget * 3) {
    const session = sessions[Math.floor(random() * sessions.length)];
    enrol(session.id!, pick(regulars), null, (session.startsAt as Date) < now.toJSDate());
  }
  await insertAll(ds, Plan, plans, 200);
  await insertAll(ds, PlanItem, items, 300);
  await insertAll(ds, Enrolment, enrolments, 300);
  await ds.transaction(async (em) => {
    for (const [sessionId, count] of booked) await em.update(Session, { id: sessionId }, { bookedCount: count });
  });

  const mentorships: Partial<Mentorship>[] = [];
  const meetings: Partial<MentorMeeting>[] = [];
  for (let m = 0; m < CITY.mentorships; m++) {
    const id = randomUUID();
    const start = now.minus({ days: (m * 600) / CITY.mentorships }).startOf('day');
    mentorships.push({ id, mentorId: mentorIds[m % mentorIds.length], menteeId: hireIds[m % hireIds.length], startDate: start.toISODate()!, endDate: null });
    for (let k = 0; k < CITY.meetingsPerMentorship; k++) {
      const at = start.plus({ weeks: 4 * k }).set({ hour: 14 });
      meetings.push({ id: randomUUID(), mentorshipId: id, startsAt: at.toJSDate(), endsAt: at.plus({ hours: 1 }).toJSDate(), location: 'Mentorsrummet', notes: 'Samtal om ärendehandledning.', sequence: 0 });
    }
  }
  await insertAll(ds, Mentorship, mentorships);
  await insertAll(ds, MentorMeeting, meetings);

  const futureSessionIds = sessions.filter((s) => (s.startsAt as Date) > now.plus({ days: 7 }).toJSDate()).map((s) => s.id!);
  return {
    coordinatorId,
    coordinatorEmail: 'person0@bench.example',
    departmentIds,
    hireIds,
    planIds: plans.map((p) => p.id!),
    themeIds,
    futureSessionIds,
    bookerIds,
    counts: {
      orgUnits: units.length,
      people: people.length,
      lectures: lectures.length,
      sessions: sessions.length,
      slots: slots.length,
      plans: plans.length,
      planItems: items.length,
      enrolments: enrolments.length,
      mentorships: mentorships.length,
      meetings: meetings.length,
    },
  };
}
