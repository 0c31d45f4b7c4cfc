import { startApp, TestApp } from '../app';
import { City, makeCity } from '../factories/organisation.factory';
import { makeMentorship } from '../factories/plans.factory';
import { springForwardDay } from '../support/time';
import { Agent, sessionCsrf, signedIn } from './web-session';

describe('plan pages over HTTP: my new hires, plans, timeline, mentees', () => {
  let t: TestApp;
  let city: City;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  const post = async (agent: Agent, path: string, body: Record<string, string>, status: number) =>
    agent.post(path).type('form').send({ _csrf: await sessionCsrf(agent), ...body }).expect(status);
  const zone = () => t.config.timeZone;

  describe('mentees', () => {
    it('refuses a meeting at a time the spring change skips, beside the field, keeping what was typed', async () => {
      const mentorship = await makeMentorship(t, city.people.mentor, city.people.newhire);
      const mentor = await signedIn(t, city.people.mentor.email);
      const gapDay = springForwardDay(zone());
      const page = await post(mentor, `/mentees/${mentorship.id}/meetings`, { date: gapDay, startTime: '02:30', endTime: '03:30', location: 'Rum 4' }, 400);
      expect(page.text).toContain('href="#startTime"');
      expect(page.text).toMatch(/id="startTime-error"[^>]*>\s*<span class="govuk-visually-hidden">[^<]*<\/span> Den tiden finns inte den dagen/);
      expect(page.text).not.toContain('id="endTime-error"');
      expect(page.text).toContain('value="02:30"');
      expect(page.text).toContain('value="Rum 4"');
      await post(mentor, `/mentees/${mentorship.id}/meetings`, { date: gapDay, startTime: '03:00', endTime: '03:30' }, 303);
    });
  });
});
