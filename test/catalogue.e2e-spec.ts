import { startApp, TestApp } from './app';
import { City, makeCity } from './factories/organisation.factory';
import { makeLecture, makeSession, makeTheme, makeVenue } from './factories/catalogue.factory';

const bearer = (p: { token: string }) => ({ authorization: `Bearer ${p.token}` });

describe('catalogue: lecturers, themes, lectures, venues', () => {
  let t: TestApp;
  let city: City;
  let coordinator: { authorization: string };

  beforeAll(async () => {
    t = await startApp();
    city = await makeCity(t);
    coordinator = bearer(city.people.coordinator);
  });
  afterAll(() => t.close());

  it('lets coordinators and admins write, everyone else read only (403)', async () => {
    const others = ['introducer', 'manager', 'mentor', 'lecturer', 'newhire'] as const;
    const theme = await t.http().post('/api/themes').set(coordinator).send({ name: 'Tjänsteperson', audience: 'all' }).expect(201);
    await t.http().post('/api/themes').set(bearer(city.people.admin)).send({ name: 'Samverkan', audience: 'all' }).expect(201);
    for (const who of others) {
      const as = bearer(city.people[who]);
      await t.http().post('/api/themes').set(as).send({ name: `x ${who}`, audience: 'all' }).expect(403);
      await t.http().patch(`/api/themes/${theme.body.id}`).set(as).send({ position: 3 }).expect(403);
      await t.http().delete(`/api/themes/${theme.body.id}`).set(as).expect(403);
      await t.http().post('/api/lectures').set(as).send({ themeId: theme.body.id, title: 'x', durationMinutes: 60 }).expect(403);
      await t.http().post('/api/lecturers').set(as).send({ name: 'x' }).expect(403);
      await t.http().post('/api/venues').set(as).send({ name: 'x', capacity: 3 }).expect(403);
      await t.http().post('/api/sessions').set(as).send({}).expect(403);
      for (const list of ['themes', 'lectures', 'lecturers', 'venues', 'sessions']) await t.http().get(`/api/${list}`).set(as).expect(200);
      await t.http().get(`/api/themes/${theme.body.id}`).set(as).expect(200);
    }
    await t.http().get('/api/themes').expect(401);
  });

  it('themes: audience area needs an existing areaCode, names are unique, a theme with lectures cannot be deleted', async () => {
    const missing = await t.http().post('/api/themes').set(coordinator).send({ name: 'Barn och unga', audience: 'area' }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'areaCode', message: expect.stringContaining("audience 'area'") }]);
    const unknown = await t.http().post('/api/themes').set(coordinator).send({ name: 'Barn och unga', audience: 'area', areaCode: 'no_such_area' }).expect(400);
    expect(unknown.body.errors[0].field).toBe('areaCode');
    const bad = await t.http().post('/api/themes').set(coordinator).send({ name: '', audience: 'some', extra: 1 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['audience', 'extra', 'name']);
    const area = await t
      .http()
      .post('/api/themes')
      .set(coordinator)
      .send({ name: 'Verksamhetsspecifikt – barn och unga', audience: 'area', areaCode: city.area.code, position: 4, description: 'Block 4' })
      .expect(201);
    expect(area.body).toEqual({
      id: expect.any(String),
      name: 'Verksamhetsspecifikt – barn och unga',
      description: 'Block 4',
      audience: 'area',
      areaCode: city.area.code,
      position: 4,
    });
    await t.http().post('/api/themes').set(coordinator).send({ name: area.body.name, audience: 'all' }).expect(409);
    const toAll = await t.http().patch(`/api/themes/${area.body.id}`).set(coordinator).send({ audience: 'all' }).expect(200);
    expect(toAll.body.areaCode).toBeNull();
    const filtered = await t.http().get('/api/themes?audience=all').set(coordinator).expect(200);
    expect(filtered.body.items.every((th: { audience: string }) => th.audience === 'all')).toBe(true);

    await makeLecture(t, { id: area.body.id } as never);
    await t.http().delete(`/api/themes/${area.body.id}`).set(coordinator).expect(409);
    const empty = await t.http().post('/api/themes').set(coordinator).send({ name: 'Tom', audience: 'all' }).expect(201);
    await t.http().delete(`/api/themes/${empty.body.id}`).set(coordinator).expect(204);
    await t.http().get(`/api/themes/${empty.body.id}`).set(coordinator).expect(404);
    await t.http().get('/api/themes/not-a-uuid').set(coordinator).expect(400);
  });

  it('lecturers: internal ones link to a person, personId must exist, used lecturers are deactivated not deleted', async () => {
    const internal = await t
      .http()
      .post('/api/lecturers')
      .set(coordinator)
      .send({ name: 'Birgitta Olsson', email: 'Birgitta.Olsson@Storvik.example', personId: city.people.lecturer.id, topics: ['BBIC'] })
      .expect(201);
    expect(internal.body).toEqual({
      id: expect.any(String),
      name: 'Birgitta Olsson',
      email: 'birgitta.olsson@storvik.example',
      organisation: null,
      internal: true,
      personId: city.people.lecturer.id,
      topics: ['BBIC'],
      active: true,
    });
    const noPerson = await t.http().post('/api/lecturers').set(coordinator).send({ name: 'X', personId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(noPerson.body.errors).toEqual([{ field: 'personId', message: 'no such person' }]);
    const external = await t.http().post('/api/lecturers').set(coordinator).send({ name: 'Jonas Berg', organisation: 'Polisen', internal: false }).expect(201);
    const list = await t.http().get('/api/lecturers?internal=false&q=polis').set(coordinator).expect(200);
    expect(list.body.items.map((l: { id: string }) => l.id)).toEqual([external.body.id]);

    const theme = await makeTheme(t);
    await t.http().post('/api/lectures').set(coordinator).send({ themeId: theme.id, title: 'Polisens arbete', durationMinutes: 120, lecturerIds: [external.body.id] }).expect(201);
    await t.http().delete(`/api/lecturers/${external.body.id}`).set(coordinator).expect(409);
    await t.http().patch(`/api/lecturers/${external.body.id}`).set(coordinator).send({ active: false }).expect(200);
    await t.http().delete(`/api/lecturers/${internal.body.id}`).set(coordinator).expect(204);
  });

  it('lectures: the contract fields, references checked with 400 naming the field, area default from the theme', async () => {
    const block = await makeTheme(t, { audience: 'area', areaCode: city.area.code });
    const lecturer = await t.http().post('/api/lecturers').set(coordinator).send({ name: 'Ulla Forsberg' }).expect(201);
    const created = await t
      .http()
      .post('/api/lectures')
      .set(coordinator)
      .send({
        themeId: block.id,
        title: 'Barnavårdsutredning enligt BBIC – grund',
        durationMinutes: 480,
        level: 'basic',
        format: 'in_person',
        lecturerIds: [lecturer.body.id],
        recommendedMonth: 2,
      })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      themeId: block.id,
      title: 'Barnavårdsutredning enligt BBIC – grund',
      description: null,
      durationMinutes: 480,
      level: 'basic',
      format: 'in_person',
      areaCodes: [city.area.code],
      lecturerIds: [lecturer.body.id],
      recommendedMonth: 2,
      active: true,
    });
    const nobody = '00000000-0000-4000-8000-000000000000';
    const cases: [object, string][] = [
      [{ themeId: nobody }, 'themeId'],
      [{ areaCodes: ['no_such_area'] }, 'areaCodes'],
      [{ lecturerIds: [nobody] }, 'lecturerIds'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ recommendedMonth: 25 }, 'recommendedMonth'],
      [{ level: 'expert' }, 'level'],
      [{ format: 'video' }, 'format'],
    ];
    for (const [fields, field] of cases) {
      const res = await t.http().post('/api/lectures').set(coordinator).send({ themeId: block.id, title: `Fel ${field}`, durationMinutes: 60, ...fields }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    await t.http().post('/api/lectures').set(coordinator).send({ themeId: block.id, title: created.body.title, durationMinutes: 60 }).expect(409);
    const patched = await t.http().patch(`/api/lectures/${created.body.id}`).set(coordinator).send({ level: 'advanced', lecturerIds: [], areaCodes: [] }).expect(200);
    expect(patched.body).toMatchObject({ level: 'advanced', lecturerIds: [], areaCodes: [] });
    await t.http().patch(`/api/lectures/${created.body.id}`).set(coordinator).send({ themeId: nobody }).expect(400);
  });

  it('lectures: filters by theme, area, text and active; paginates', async () => {
    const theme = await makeTheme(t);
    const other = await makeTheme(t);
    const a = await makeLecture(t, theme, { title: 'Delegationsordningen', description: 'Vilka beslut får jag fatta?', areaCodes: [city.area.code] });
    const b = await makeLecture(t, theme, { title: 'Sekretess och dokumentation', active: false });
    await makeLecture(t, other, { title: 'Samverkan med polisen' });
    const ids = async (qs: string) => (await t.http().get(`/api/lectures?${qs}`).set(bearer(city.people.newhire)).expect(200)).body.items.map((l: { id: string }) => l.id);
    expect(await ids(`themeId=${theme.id}`)).toEqual([a.id, b.id]);
    expect(await ids(`themeId=${theme.id}&active=true`)).toEqual([a.id]);
    expect(await ids(`areaCode=${city.area.code}&themeId=${theme.id}`)).toEqual([a.id]);
    expect(await ids('q=BESLUT')).toEqual([a.id]);
    const paged = await t.http().get(`/api/lectures?themeId=${theme.id}&limit=1&offset=1`).set(coordinator).expect(200);
    expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ id: b.id }] });
    await t.http().get('/api/lectures?active=maybe').set(coordinator).expect(400);
  });

  it('a lecture or venue used by sessions cannot be deleted (409) but can be deactivated', async () => {
    const theme = await makeTheme(t);
    const used = await makeLecture(t, theme);
    const unused = await makeLecture(t, theme);
    const venue = await makeVenue(t);
    const spare = await makeVenue(t);
    await makeSession(t, used, { venueId: venue.id });
    await t.http().delete(`/api/lectures/${used.id}`).set(coordinator).expect(409);
    await t.http().delete(`/api/venues/${venue.id}`).set(coordinator).expect(409);
    expect((await t.http().patch(`/api/lectures/${used.id}`).set(coordinator).send({ active: false }).expect(200)).body.active).toBe(false);
    expect((await t.http().patch(`/api/venues/${venue.id}`).set(coordinator).send({ active: false }).expect(200)).body.active).toBe(false);
    await t.http().delete(`/api/lectures/${unused.id}`).set(coordinator).expect(204);
    await t.http().delete(`/api/venues/${spare.id}`).set(coordinator).expect(204);
    const active = await t.http().get('/api/venues?active=false').set(coordinator).expect(200);
    expect(active.body.items.map((v: { id: string }) => v.id)).toContain(venue.id);
  });

  it('venues: contract fields, capacity validated, names unique', async () => {
    const room = await t.http().post('/api/venues').set(coordinator).send({ name: 'Kompetenscenter – sal 1', address: 'Storgatan 1', capacity: 30 }).expect(201);
    expect(room.body).toEqual({ id: expect.any(String), name: 'Kompetenscenter – sal 1', address: 'Storgatan 1', capacity: 30, active: true });
    const bad = await t.http().post('/api/venues').set(coordinator).send({ name: 'Sal', capacity: 0 }).expect(400);
    expect(bad.body.errors[0].field).toBe('capacity');
    await t.http().post('/api/venues').set(coordinator).send({ name: 'Kompetenscenter – sal 1', capacity: 10 }).expect(409);
    await t.http().get(`/api/venues/${room.body.id}`).set(bearer(city.people.mentor)).expect(200);
  });
});
