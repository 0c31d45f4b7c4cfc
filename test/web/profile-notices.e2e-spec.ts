import { startApp, TestApp } from '../app';
import { City, makeCity, makePerson } from '../factories/organisation.factory';
import { NoticesService } from '../../src/notices/notices.service';
import { Notice } from '../../src/notices/outbox/notice.entity';
import { Agent, sessionCsrf, signedIn } from './web-session';

describe('notification preferences on the profile page (NotificationPreferencesService, as /api/me/notification-preferences)', () => {
  let t: TestApp;
  let city: City;

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
  });
  afterAll(() => t.close());

  const preferences = async (token: string) => (await t.http().get('/api/me/notification-preferences').set('authorization', `Bearer ${token}`).expect(200)).body;
  const post = async (agent: Agent, path: string, body: Record<string, string | string[]>, status: number) =>
    agent.post(path).type('form').send({ _csrf: await sessionCsrf(agent), ...body }).expect(status);
  const checkbox = (html: string, value: string) => new RegExp(`<input[^>]*name="notices" type="checkbox" value="${value}"[^>]*>`).exec(html)?.[0];

  it('offers reminders and evaluation requests to a new hire (all on at first), and saves what is ticked', async () => {
    const hire = await makePerson(t, city.units.northUnit, ['newhire']);
    const agent = await signedIn(t, hire.email);
    const page = (await agent.get('/profile').expect(200)).text;
    expect(page).toContain('E-post från Lots');
    expect(checkbox(page, 'reminders')).toContain('checked');
    expect(checkbox(page, 'evaluationRequests')).toContain('checked');
    expect(checkbox(page, 'digest')).toBeUndefined();

    const saved = await post(agent, '/profile/notices', { notices: 'evaluationRequests' }, 303);
    expect(saved.headers.location).toBe('/profile?saved=notices');
    expect(await preferences(hire.token)).toEqual({ reminders: false, evaluationRequests: true, digest: true, language: 'sv' });
    const after = (await agent.get(saved.headers.location).expect(200)).text;
    expect(after).toContain('Dina val av e-post är sparade.');
    expect(checkbox(after, 'reminders')).not.toContain('checked');
    expect(checkbox(after, 'evaluationRequests')).toContain('checked');

    await post(agent, '/profile/notices', {}, 303);
    expect(await preferences(hire.token)).toEqual(expect.objectContaining({ reminders: false, evaluationRequests: false }));
    await post(agent, '/profile/notices', { notices: ['reminders', 'evaluationRequests'] }, 303);
    expect(await preferences(hire.token)).toEqual(expect.objectContaining({ reminders: true, evaluationRequests: true }));
  });

  it('offers introducers the weekly digest too', async () => {
    const agent = await signedIn(t, city.people.introducer.email);
    expect(checkbox((await agent.get('/profile').expect(200)).text, 'digest')).toContain('checked');
    await post(agent, '/profile/notices', { notices: ['reminders', 'evaluationRequests'] }, 303);
    expect(await preferences(city.people.introducer.token)).toEqual(expect.objectContaining({ reminders: true, evaluationRequests: true, digest: false }));
    expect(checkbox((await agent.get('/profile').expect(200)).text, 'digest')).not.toContain('checked');
  });

  it('refuses a choice the form does not offer, beside the checkboxes, and changes nothing', async () => {
    const agent = await signedIn(t, city.people.mentor.email);
    for (const notices of ['digest', 'everything', ['reminders', 'spam']]) {
      const bad = await post(agent, '/profile/notices', { notices }, 400);
      expect(bad.text).toMatch(/id="notices-error"[^]*Välj bland de mejl som finns i listan/);
      expect(bad.text).toContain('href="#notices"');
    }
    expect(await preferences(city.people.mentor.token)).toEqual({ reminders: true, evaluationRequests: true, digest: true, language: 'sv' });
    await agent.post('/profile/notices').type('form').send({ notices: 'reminders' }).expect(403);
    expect(await preferences(city.people.mentor.token)).toEqual(expect.objectContaining({ evaluationRequests: true }));
  });

  it('saves the language through the same service: notices still queued are then written in it', async () => {
    const hire = await makePerson(t, city.units.northUnit, ['newhire']);
    await t.db.write((em) => t.app.get(NoticesService).enqueue(em, { kind: 'booking_confirmed', recipientId: hire.id, dedupeKey: `test:${hire.id}`, language: 'sv', payload: {} }));
    const agent = await signedIn(t, hire.email);
    await post(agent, '/profile/language', { language: 'en' }, 303);
    expect((await t.db.manager.findOneByOrFail(Notice, { recipientId: hire.id })).language).toBe('en');
    const page = (await agent.get('/profile').expect(200)).text;
    expect(page).toContain('E-mail from Lots');
    expect(page).toContain('Reminders before sessions');
    const bad = await post(agent, '/profile/notices', { notices: 'digest' }, 400);
    expect(bad.text).toContain('Choose from the e-mails in the list');
  });
});
