import { DateTime } from 'luxon';
import { startApp, TestApp } from './app';
import { SeedService } from '../src/seed/seed.service';
import { Person } from '../src/people/people/person.entity';
import { organisationSeed } from '../seeds/organisation.seed';
import { catalogueSeed } from '../seeds/catalogue.seed';

interface SessionBody {
  venueId: string | null;
  lectureId: string;
  capacity: number;
  slots: { startsAt: string; endsAt: string }[];
}

describe('demo catalogue seed', () => {
  let t: TestApp;
  let auth: { authorization: string };
  const get = async (path: string) => (await t.http().get(path).set(auth).expect(200)).body;

  beforeAll(async () => {
    t = await startApp();
    // The catalogue on its own: the plans step after it may schedule an extra session for its waitlist.
    const steps = [organisationSeed, catalogueSeed];
    await t.app.get(SeedService).run(steps);
    await t.app.get(SeedService).run(steps);
    const coordinator = await t.db.manager.findOneByOrFail(Person, { email: 'karin.samuelsson@storvik.example' });
    auth = { authorization: `Bearer ${t.tokenFor(coordinator.id)}` };
  });
  afterAll(() => t.close());

  it('is idempotent: a second run adds nothing', async () => {
    expect((await get('/api/themes')).total).toBe(9);
    expect((await get('/api/lectures')).total).toBe(40);
    expect((await get('/api/venues')).total).toBe(3);
    expect((await get('/api/lecturers?limit=500')).total).toBe(12);
    expect((await get('/api/sessions?limit=500')).total).toBe(42);
  });

  it('holds the four blocks; everything for everyone plus one area block is about 25 training days', async () => {
    const themes = (await get('/api/themes')).items;
    expect(themes.slice(0, 3).map((th: { name: string }) => th.name)).toEqual(['Välkommen till Storvik', 'Tjänsteperson', 'Samverkan']);
    const lectures = (await get('/api/lectures?limit=500')).items as { themeId: string; durationMinutes: number; areaCodes: string[]; level: string; title: string }[];
    const forAll = new Set(themes.filter((th: { audience: string }) => th.audience === 'all').map((th: { id: string }) => th.id));
    const common = lectures.filter((l) => forAll.has(l.themeId)).reduce((sum, l) => sum + l.durationMinutes, 0);
    for (const area of ['children_youth', 'financial_aid', 'elderly_care']) {
      const own = lectures.filter((l) => l.areaCodes.includes(area)).reduce((sum, l) => sum + l.durationMinutes, 0);
      expect((common + own) / 480).toBeCloseTo(25, 0);
    }
    expect(new Set(lectures.map((l) => l.level))).toEqual(new Set(['basic', 'advanced']));
    expect(lectures.some((l) => /delegationsordning/i.test(l.title))).toBe(true);
  });

  it('links internal lecturers to their accounts and keeps external ones', async () => {
    const lecturers = (await get('/api/lecturers?limit=500')).items as { email: string | null; personId: string | null; internal: boolean }[];
    expect(lecturers.filter((l) => l.internal).every((l) => l.personId !== null)).toBe(true);
    expect(lecturers.filter((l) => !l.internal).length).toBeGreaterThanOrEqual(5);
  });

  it('schedules from about three months ago to nine months ahead, at 09:00 or 13:00 local, with multi-day courses and no venue double-booked', async () => {
    const sessions = (await get('/api/sessions?limit=500')).items as SessionBody[];
    const slots = sessions.flatMap((s) => s.slots.map((slot) => ({ ...slot, venueId: s.venueId })));
    expect(slots.every((slot) => /T(09|13):00:00\+0[12]:00$/.test(slot.startsAt))).toBe(true);
    const now = DateTime.now();
    const starts = sessions.map((s) => DateTime.fromISO(s.slots[0].startsAt));
    expect(starts.filter((start) => start < now).length).toBeGreaterThan(5);
    expect(starts.filter((start) => start >= now).length).toBeGreaterThan(sessions.length / 2);
    expect(DateTime.min(...starts)!.diff(now, 'months').months).toBeLessThan(-2.5);
    expect(DateTime.max(...starts)!.diff(now, 'months').months).toBeGreaterThan(8);
    expect(sessions.some((s) => s.slots.length === 4)).toBe(true);
    expect(sessions.some((s) => s.slots.length === 2)).toBe(true);
    expect(sessions.every((s) => s.capacity >= 12 && s.capacity <= 30)).toBe(true);
    for (const a of slots) {
      const clashes = slots.filter((b) => b !== a && a.venueId && b.venueId === a.venueId && new Date(b.startsAt) < new Date(a.endsAt) && new Date(b.endsAt) > new Date(a.startsAt));
      expect(clashes).toEqual([]);
    }
  });
});
