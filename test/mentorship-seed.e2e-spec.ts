import { startApp, TestApp } from './app';
import { SeedService } from '../src/seed/seed.service';
import { Mentorship } from '../src/mentorship/mentorships/mentorship.entity';
import { MentorMeeting } from '../src/mentorship/meetings/mentor-meeting.entity';

describe('mentorship demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('seeds mentorships with meetings idempotently, within the mentor cap', async () => {
    await t.app.get(SeedService).run();
    const counts = async () => [await t.db.manager.count(Mentorship), await t.db.manager.count(MentorMeeting)];
    const first = await counts();
    expect(first[0]).toBeGreaterThanOrEqual(10);
    expect(first[1]).toBe(first[0] * 3);
    await t.app.get(SeedService).run();
    expect(await counts()).toEqual(first);
    const perMentor = new Map<string, number>();
    for (const m of await t.db.manager.find(Mentorship)) perMentor.set(m.mentorId, (perMentor.get(m.mentorId) ?? 0) + 1);
    expect(Math.max(...perMentor.values())).toBeLessThanOrEqual(t.config.mentorMaxMentees);
  });
});
