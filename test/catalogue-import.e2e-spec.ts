import { startApp, TestApp } from './app';
import { City, makeCity } from './factories/organisation.factory';
import { makeLecturer, makeTheme, makeVenue } from './factories/catalogue.factory';
import { Theme } from '../src/catalogue/themes/theme.entity';

const bearer = (p: { token: string }) => ({ authorization: `Bearer ${p.token}` });
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('catalogue CSV import and export', () => {
  let t: TestApp;
  let city: City;
  let coordinator: { authorization: string };
  let theme: Theme;

  beforeAll(async () => {
    t = await startApp({ BODY_LIMIT_BYTES: '20000' });
    city = await makeCity(t);
    coordinator = bearer(city.people.coordinator);
    theme = await makeTheme(t, { name: 'Välkommen till Storvik' });
    await makeLecturer(t, { name: 'Åsa Öberg', email: 'asa.oberg@storvik.example' });
    await makeLecturer(t, { name: 'Jonas Berg', organisation: 'Polisen', internal: false });
    await makeVenue(t, { name: 'Kompetenscenter – sal 1', capacity: 30 });
  });
  afterAll(() => t.close());

  const importCsv = (type: string, body: string, as = coordinator) =>
    t.http().post(`/api/catalogue/import?type=${type}`).set(as).set('content-type', 'text/csv').send(body);
  const lectureCount = async () => (await t.http().get('/api/lectures').set(coordinator)).body.total;

  it('stores nothing when any row is invalid and names every bad row and column', async () => {
    const res = await importCsv(
      'lectures',
      csv(
        'title,theme,durationMinutes,level,lecturers,recommendedMonth',
        'Socialtjänstlagen i praktiken,Välkommen till Storvik,240,basic,asa.oberg@storvik.example,1',
        'Trasig längd,Välkommen till Storvik,lång,basic,,2',
        'Okänt block,Finns inte,60,expert,Nils Okänd,30',
        'Socialtjänstlagen i praktiken,Välkommen till Storvik,60,basic,,',
      ),
    ).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.detail).toMatch(/3 of 4 rows are invalid; nothing was imported/);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(
      ['row 3.durationMinutes', 'row 4.theme', 'row 4.level', 'row 4.lecturers', 'row 4.recommendedMonth', 'row 5.title'].sort(),
    );
    expect(await lectureCount()).toBe(0);
  });

  it('imports lectures, then sessions referencing them by title and venue by name, with local times in the programme zone', async () => {
    const lectures = await importCsv(
      'lectures',
      csv(
        'title;theme;durationMinutes;level;format;lecturers;areaCodes',
        `Att möta människor i kris;Välkommen till Storvik;480;advanced;in_person;"Jonas Berg; Åsa Öberg";${city.area.code}`,
        'Dokumentation;Välkommen till Storvik;120;basic;online;;',
      ),
    ).expect(200);
    expect(lectures.body).toEqual({ type: 'lectures', rows: 2, created: 2, updated: 0, skipped: 0 });
    const sessions = await importCsv(
      'sessions',
      csv(
        'lecture,startsAt,endsAt,slots,venue,capacity',
        'Att möta människor i kris,,,2026-11-02 09:00/2026-11-02 16:00; 2026-11-09T09:00:00+01:00/2026-11-09T16:00:00+01:00,Kompetenscenter – sal 1,20',
        'Dokumentation,2027-03-29 13:00,2027-03-29 16:00,,,25',
      ),
    ).expect(200);
    expect(sessions.body).toMatchObject({ created: 2 });
    const list = await t.http().get('/api/sessions').set(coordinator).expect(200);
    expect(list.body.items.map((s: { startsAt: string; slots: unknown[] }) => [s.startsAt, s.slots.length])).toEqual([
      ['2026-11-02T09:00:00+01:00', 2],
      ['2027-03-29T13:00:00+02:00', 1],
    ]);
  });

  it('reports session rows with bad times, unknown names and venue clashes, storing none', async () => {
    const before = (await t.http().get('/api/sessions').set(coordinator)).body.total;
    const res = await importCsv(
      'sessions',
      csv(
        'lecture,startsAt,endsAt,venue,capacity',
        'Dokumentation,2027-04-01 09:00,2027-04-01 12:00,Kompetenscenter – sal 1,10',
        'Dokumentation,2027-03-28 02:30,2027-03-28 04:00,,10',
        'Okänd föreläsning,2027-04-02 09:00,2027-04-02 12:00,Sal 9,10',
        'Dokumentation,2027-04-03 12:00,2027-04-03 09:00,,10',
        'Att möta människor i kris,2026-11-09 10:00,2026-11-09 11:00,Kompetenscenter – sal 1,10',
      ),
    ).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'row 3.startsAt',
      'row 4.lecture',
      'row 4.venue',
      'row 5.endsAt',
      'row 6.venue',
    ]);
    expect(res.body.errors[0].message).toBe('startsAt does not exist in Europe/Stockholm: the clocks skip that hour (daylight saving)');
    expect((await t.http().get('/api/sessions').set(coordinator)).body.total).toBe(before);
  });

  it('exports lectures and sessions with a BOM; a re-import updates the same records and keeps å, ä, ö', async () => {
    const lectures = await t.http().get('/api/lectures?format=csv').set(bearer(city.people.newhire)).expect(200);
    expect(lectures.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(lectures.text.startsWith('\ufeffid,title,theme,description,durationMinutes,level,format,areaCodes,lecturers,recommendedMonth,active')).toBe(true);
    expect(lectures.text).toContain('Att möta människor i kris,Välkommen till Storvik');
    expect(lectures.text).toContain('asa.oberg@storvik.example');
    const edited = lectures.text.replace('Att möta människor i kris', 'Att möta människor i kris – fördjupning för Åsa och Örjan');
    const again = await importCsv('lectures', edited).expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
    const titles = (await t.http().get('/api/lectures').set(coordinator)).body.items.map((l: { title: string }) => l.title);
    expect(titles).toContain('Att möta människor i kris – fördjupning för Åsa och Örjan');
    expect(titles).toHaveLength(2);

    const sessions = await t.http().get('/api/sessions?format=csv').set(coordinator).expect(200);
    expect(sessions.text).toContain('Att möta människor i kris – fördjupning för Åsa och Örjan,2026-11-02T09:00:00+01:00');
    const sequences = async () => (await t.http().get('/api/sessions').set(coordinator)).body.items.map((s: { id: string; sequence: number }) => [s.id, s.sequence]);
    const before = await sequences();
    const reimported = await importCsv('sessions', sessions.text).expect(200);
    expect(reimported.body).toMatchObject({ rows: 2, created: 0, updated: 2 });
    // nothing changed, so no calendar update is announced
    expect(await sequences()).toEqual(before);
  });

  it('refuses other roles (403), other content types (415), bad headers (400) and too large bodies (413)', async () => {
    await importCsv('lectures', csv('title,theme,durationMinutes'), bearer(city.people.introducer)).expect(403);
    await t.http().post('/api/catalogue/import?type=lectures').set(coordinator).send({ title: 'x' }).expect(415);
    await importCsv('plans', csv('title')).expect(400);
    const header = await importCsv('lectures', csv('title,colour', 'x,red')).expect(400);
    expect(header.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'durationMinutes', 'theme']);
    await importCsv('lectures', csv('title,theme,durationMinutes')).expect(400);
    await importCsv('lectures', csv('title,theme,durationMinutes', '"unterminated,x,1')).expect(400);
    await importCsv('lectures', 'title,theme,durationMinutes\r\n' + 'x,y,60\r\n'.repeat(3000)).expect(413);
    expect(theme.id).toBeDefined();
  });
});
