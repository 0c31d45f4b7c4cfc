import { createHash, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { startApp, TestApp } from './app';
import { City, makeCity, makePerson, TEST_PASSWORD, TestPerson } from './factories/organisation.factory';
import { makeLecture, makeSession, makeTheme } from './factories/catalogue.factory';
import { makeEnrolment, makeMentorship, makePlan, makePlanItem } from './factories/plans.factory';
import { CalendarToken } from '../src/calendar/feeds/calendar-token.entity';
import { MentorMeeting } from '../src/mentorship/meetings/mentor-meeting.entity';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { RetentionErasureService } from '../src/follow-up/privacy/retention-erasure.service';
import type { Lecture } from '../src/catalogue/lectures/lecture.entity';

const MIN = 3;
const bearer = (person: { token: string }) => ({ authorization: `Bearer ${person.token}` });
const NOTES = 'Pratade om en svår hembesökssituation';

describe('personal data: export and erasure', () => {
  let t: TestApp;
  let city: City;
  let subject: TestPerson;
  let lecture: Lecture;
  let enrolmentId: string;
  let tokenHash: string;
  const admin = () => bearer(city.people.admin);

  beforeAll(async () => {
    t = await startApp({ EVALUATION_MIN_RESPONSES: String(MIN) });
    city = await makeCity(t);
    subject = await makePerson(t, city.units.northUnit, ['newhire', 'mentor']);
    await t.http().patch(`/api/people/${subject.id}`).set(admin()).send({ name: 'Sara Raderas', email: 'sara.raderas@test.example', title: 'Socialsekreterare' }).expect(200);
    await t.http().post('/api/me/password').set(bearer(subject)).send({ currentPassword: TEST_PASSWORD, newPassword: 'ett nytt långt lösenord' }).expect(204);

    const plan = await makePlan(t, subject, { startDate: '2024-01-15', introducerId: city.people.introducer.id });
    lecture = await makeLecture(t, await makeTheme(t));
    const item = await makePlanItem(t, plan, { lectureId: lecture.id, status: 'done' });
    const session = await makeSession(t, lecture, { startsAt: new Date(Date.now() - 86400_000) });
    const enrolment = await makeEnrolment(t, session, subject, { attendance: 'attended', planItemId: item.id });
    enrolmentId = enrolment.id;
    await t.http().post(`/api/enrolments/${enrolment.id}/evaluation`).set(bearer(subject)).send({ rating: 5, comment: 'Allt var bra' }).expect(201);
    for (let i = 0; i < MIN; i++) {
      const hire = await makePerson(t, city.units.northUnit, ['newhire']);
      const e = await makeEnrolment(t, session, hire, { attendance: 'attended' });
      await t.http().post(`/api/enrolments/${e.id}/evaluation`).set(bearer(hire)).send({ rating: 3 }).expect(201);
    }
    const asMentee = await makeMentorship(t, city.people.mentor, subject);
    await makeMentorship(t, subject, city.people.otherHire);
    tokenHash = createHash('sha256').update(randomBytes(16)).digest('hex');
    await t.db.write(async (em) => {
      await em.save(em.create(MentorMeeting, { mentorshipId: asMentee.id, startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), location: null, notes: NOTES }));
      await em.save(em.create(CalendarToken, { personId: subject.id, tokenHash }));
    });
  });
  afterAll(() => t.close());

  it('exports everything stored about the person to an admin only', async () => {
    await t.http().get(`/api/people/${subject.id}/export`).set(bearer(city.people.coordinator)).expect(403);
    await t.http().get(`/api/people/${subject.id}/export`).set(bearer(subject)).expect(403);
    await t.http().get('/api/people/00000000-0000-4000-8000-000000000000/export').set(admin()).expect(404);
    const { body } = await t.http().get(`/api/people/${subject.id}/export`).set(admin()).expect(200);
    expect(body.person).toMatchObject({ id: subject.id, name: 'Sara Raderas', email: 'sara.raderas@test.example', hasPassword: true, erasedAt: null });
    expect(body.plans).toEqual([expect.objectContaining({ startDate: '2024-01-15', programmeEvaluationGiven: false, items: [expect.objectContaining({ lectureId: lecture.id, status: 'done' })] })]);
    expect(body.enrolments).toEqual([expect.objectContaining({ id: enrolmentId, attendance: 'attended', lectureTitle: lecture.title, evaluationGiven: true })]);
    expect(body.mentorships.map((m: { role: string }) => m.role).sort()).toEqual(['mentee', 'mentor']);
    expect(body.mentorships.find((m: { role: string }) => m.role === 'mentee').meetings).toEqual([expect.objectContaining({ notes: NOTES })]);
    expect(body.calendarTokens).toEqual([{ id: expect.any(String), createdAt: expect.stringMatching(/[+-]\d\d:\d\d$/), revokedAt: null }]);
    expect(JSON.stringify(body)).not.toContain(tokenHash);
    const audit = body.auditEntries as { actorId: string; subjectPersonId: string; entityType: string }[];
    expect(audit.some((a) => a.subjectPersonId === subject.id && a.entityType === 'person')).toBe(true);
    expect(audit.some((a) => a.actorId === subject.id)).toBe(true);
  });

  it('erases: pseudonym, no sign-in, no tokens or notes, audit kept without old values; reports add up as before', async () => {
    const retentionBefore = (await t.http().get('/api/reports/retention').set(admin()).expect(200)).body;
    const evaluationsBefore = (await t.http().get(`/api/lectures/${lecture.id}/evaluations`).set(admin()).expect(200)).body;
    expect(evaluationsBefore.responses).toBe(MIN + 1);
    const auditBefore = await t.db.manager.count(AuditEntry);

    await t.http().post(`/api/people/${subject.id}/erase`).set(bearer(city.people.coordinator)).expect(403);
    await t.http().post(`/api/people/${city.people.admin.id}/erase`).set(admin()).expect(409);
    const erased = await t.http().post(`/api/people/${subject.id}/erase`).set(admin()).expect(200);
    expect(erased.body).toMatchObject({ personId: subject.id, name: expect.stringMatching(/^Erased person/), calendarTokensDeleted: 1, meetingNotesDeleted: 1 });
    await t.http().post(`/api/people/${subject.id}/erase`).set(admin()).expect(409);

    for (const email of ['sara.raderas@test.example', erased.body.email]) {
      await t.http().post('/api/auth/login').send({ email, password: 'ett nytt långt lösenord' }).expect(401);
    }
    await t.http().get('/api/me').set(bearer(subject)).expect(401);

    const { body } = await t.http().get(`/api/people/${subject.id}/export`).set(admin()).expect(200);
    expect(body.person).toMatchObject({ name: erased.body.name, email: erased.body.email, title: null, active: false, hasPassword: false });
    expect(body.calendarTokens).toEqual([]);
    expect(JSON.stringify(body)).not.toContain(NOTES);
    expect(body.plans).toHaveLength(1);
    expect(body.enrolments).toEqual([expect.objectContaining({ attendance: 'attended' })]);

    const allAudit = await t.db.manager.find(AuditEntry);
    expect(allAudit.length).toBe(auditBefore + 1);
    const auditText = JSON.stringify(allAudit);
    for (const old of ['Sara Raderas', 'sara.raderas@test.example', 'Socialsekreterare']) expect(auditText).not.toContain(old);
    const entry = allAudit.find((a) => a.changes?.erased);
    expect(entry).toMatchObject({ actorId: city.people.admin.id, entityType: 'person', entityId: subject.id, subjectPersonId: subject.id });
    expect(entry!.changes).toMatchObject({ name: { from: '[erased]', to: erased.body.name }, active: { from: true, to: false } });

    expect((await t.http().get('/api/reports/retention').set(admin()).expect(200)).body).toEqual(retentionBefore);
    expect((await t.http().get(`/api/lectures/${lecture.id}/evaluations`).set(admin()).expect(200)).body).toEqual(evaluationsBefore);
  });

  it('the retention command erases inactive people whose plans ended RETENTION_MONTHS ago, and only once', async () => {
    const ago = (months: number) => DateTime.now().minus({ months });
    const due = await makePerson(t, city.units.southUnit, ['newhire'], { active: false });
    await makePlan(t, due, { startDate: ago(64).toISODate()!, status: 'completed', completedAt: ago(40).toJSDate() });
    const lapsed = await makePerson(t, city.units.southUnit, ['newhire'], { active: false });
    await makePlan(t, lapsed, { startDate: ago(61).toISODate()!, status: 'active' });
    const recent = await makePerson(t, city.units.southUnit, ['newhire'], { active: false });
    await makePlan(t, recent, { startDate: ago(30).toISODate()!, status: 'closed', closedReason: 'left_employment', closedAt: ago(20).toJSDate() });
    const stillHere = await makePerson(t, city.units.southUnit, ['newhire']);
    await makePlan(t, stillHere, { startDate: ago(64).toISODate()!, status: 'completed', completedAt: ago(40).toJSDate() });

    const retention = t.app.get(RetentionErasureService);
    const first = await retention.run();
    expect(first).toMatchObject({ erased: 2, withinRetention: 1 });
    const second = await retention.run();
    expect(second).toMatchObject({ erased: 0, withinRetention: 1 });
    const nameOf = async (id: string) => (await t.http().get(`/api/people/${id}`).set(admin()).expect(200)).body.name;
    expect(await nameOf(due.id)).toMatch(/^Erased person/);
    expect(await nameOf(lapsed.id)).toMatch(/^Erased person/);
    expect(await nameOf(recent.id)).toBe(recent.name);
    expect(await nameOf(stillHere.id)).toBe(stillHere.name);
    const entries = await t.db.manager.find(AuditEntry, { where: { entityId: due.id } });
    expect(entries).toEqual([expect.objectContaining({ actorId: null, changes: expect.objectContaining({ erased: { from: false, to: true } }) })]);
  });
});
