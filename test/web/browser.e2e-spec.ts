/// <reference lib="dom" />
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import type { TestApp } from '../app';
import { browserKit, CHROMIUM, haveChromium } from './browser-kit';
import { makeSession } from '../factories/catalogue.factory';
import { makeEnrolment } from '../factories/plans.factory';
import { Lecture } from '../../src/catalogue/lectures/lecture.entity';
import { Lecturer } from '../../src/catalogue/lecturers/lecturer.entity';
import { Person } from '../../src/people/people/person.entity';
import { DEMO_PASSWORD } from '../../seeds';

const DEMO = {
  coordinator: 'karin.samuelsson@storvik.example',
  introducer: 'eva.nordin@storvik.example',
  manager: 'helena.sjoberg@storvik.example',
  newhire: 'amanda.lind@storvik.example',
  lecturer: 'kristina.wallin@storvik.example',
};

/** A lecture of the demo catalogue, for the schedule journeys. */
const DEMO_LECTURE = 'Delegationsordningen – vilka beslut får jag fatta?';

if (!haveChromium) console.warn(`Skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);

(haveChromium ? describe : describe.skip)('pages in a real browser (Chromium, keyboard, axe)', () => {
  const kit = browserKit();
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    await kit.start();
    ({ t, base } = kit);
  });
  afterAll(() => kit.stop());
  // Error pages answer 4xx by design; anything else that fails (assets, scripts, CSP) is a bug.
  afterEach(async () => expect(await kit.closeContexts()).toEqual([]));

  const newPage = (locale = 'sv-SE') => kit.newPage({ locale, viewport: { width: 1000, height: 720 } });
  const expectAccessible = async (page: Page) => expect(await kit.violations(page)).toEqual([]);
  const screenshot = (page: Page, name: string) => kit.screenshot(page, name);
  const signIn = (page: Page, email: string) => kit.signIn(page, email);

  const navTexts = (page: Page) => page.locator('.govuk-service-navigation__link').allInnerTexts();

  it('sends a signed-out visitor to the sign-in page, which works with the keyboard alone', async () => {
    const page = await newPage();
    await page.goto('/colleagues');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await expect(page.locator('body')).resolves;
    expect(await page.locator('body').getAttribute('class')).toContain('govuk-frontend-supported');
    await expectAccessible(page);
    await screenshot(page, 'sign-in');

    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'email'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.keyboard.type(DEMO.introducer);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/colleagues`);
    expect(await page.locator('h1').innerText()).toBe('Kollegor och nyanställda');
  });

  it('shows sign-in errors in the error summary, which takes the focus', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.locator('#email').fill(DEMO.newhire);
    await page.locator('#password').fill('not the password');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Fel e-postadress eller lösenord');
    expect(await page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null)).toBe(true);
    await expectAccessible(page);
  });

  it('gives each role its navigation and start page', async () => {
    const expected: Array<[string, string[]]> = [
      [DEMO.coordinator, ['Start', 'Kollegor och nyanställda', 'Föreläsningar', 'Tillfällen', 'Uppföljning', 'Min profil']],
      [DEMO.introducer, ['Start', 'Kollegor och nyanställda', 'Mina nyanställda', 'Mina adepter', 'Uppföljning', 'Min profil']],
      [DEMO.manager, ['Start', 'Kollegor och nyanställda', 'Mina nyanställda', 'Uppföljning', 'Min profil']],
      [DEMO.lecturer, ['Start', 'Tillfällen', 'Min profil']],
      [DEMO.newhire, ['Start', 'Min plan', 'Min profil']],
    ];
    for (const [email, nav] of expected) {
      const page = await newPage();
      await signIn(page, email);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await navTexts(page)).toEqual(nav);
      expect(await page.locator('h1').innerText()).toMatch(/^Välkommen, /);
      expect(await page.locator('[aria-current="page"]').innerText()).toBe('Start');
      if (email === DEMO.introducer || email === DEMO.newhire) await expectAccessible(page);
      if (email === DEMO.introducer) await screenshot(page, 'start-introducer');
    }
  });

  it('lists colleagues within the introducer\'s units, filters them, and keeps other people\'s pages closed', async () => {
    const page = await newPage();
    await signIn(page, DEMO.introducer);
    await page.getByRole('link', { name: 'Kollegor och nyanställda' }).first().click();
    await page.waitForURL(`${base}/colleagues`);
    await expectAccessible(page);
    await screenshot(page, 'colleagues');
    await page.getByLabel('Roll').selectOption('newhire');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/role=newhire/);
    const roles = await page.locator('tbody .govuk-tag').allInnerTexts();
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((r) => r === 'Nyanställd')).toBe(true);
    await page.getByLabel('Namn eller e-post').fill('ingen-sådan-person');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForSelector('.govuk-inset-text');
    await expectAccessible(page);

    const hire = await newPage();
    await signIn(hire, DEMO.newhire);
    const denied = await hire.goto('/colleagues');
    expect(denied?.status()).toBe(403);
    expect(await hire.locator('h1').innerText()).toBe('Du har inte behörighet till sidan');
    await expectAccessible(hire);
    const missing = await hire.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    await expectAccessible(hire);
  });

  it('switches language before sign-in, and saves it on the profile after', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('h1').innerText()).toBe('Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await signIn(page, DEMO.newhire);
    expect(await page.locator('h1').innerText()).toMatch(/^Välkommen, /);

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Min profil' }).click();
    await expectAccessible(page);
    await page.getByLabel('English').check();
    await page.getByRole('button', { name: 'Spara språk' }).click();
    await page.waitForURL(/saved=language/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Your language has been saved.');
    expect(await navTexts(page)).toEqual(['Start', 'My plan', 'My profile']);
    await expectAccessible(page);
    await screenshot(page, 'profile-english');
    await page.getByLabel('Svenska').check();
    await page.getByRole('button', { name: 'Save language' }).click();
    await page.waitForURL(/saved=language/);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
  });

  it('shows password form errors next to the fields and in the summary', async () => {
    const page = await newPage();
    await signIn(page, DEMO.manager);
    await page.goto('/profile');
    await page.locator('#currentPassword').fill(DEMO_PASSWORD);
    await page.locator('#newPassword').fill('too short');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('#newPassword-error').innerText()).toContain('12 till 200 tecken');
    expect(await page.title()).toMatch(/^Det finns ett problem: /);
    await expectAccessible(page);
    await screenshot(page, 'profile-errors');
  });

  it('refuses a form whose token was tampered with, and signs out', async () => {
    const page = await newPage();
    await signIn(page, DEMO.lecturer);
    await page.goto('/profile');
    await page.locator('form[action="/profile/language"] input[name="_csrf"]').evaluate((input: HTMLInputElement) => (input.value = 'forged'));
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Spara språk' }).click()]);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('Formuläret har gått ut');
    await expectAccessible(page);

    await page.goto('/');
    await page.getByRole('button', { name: /Logga ut/ }).click();
    await page.waitForURL(/\/login\?signedOut=1/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Du är utloggad.');
    await page.goto('/profile');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  /** Tab from where the focus is until `id` has it (at most `limit` presses); fails when it never does. */
  async function tabTo(page: Page, id: string, limit = 40): Promise<void> {
    for (let i = 0; i < limit && (await page.evaluate(() => document.activeElement?.id)) !== id; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
  }

  it('takes the coordinator through the catalogue, a lecture form by keyboard, and its error summary', async () => {
    const page = await newPage();
    await signIn(page, DEMO.coordinator);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Föreläsningar' }).click();
    await page.waitForURL(`${base}/catalogue`);
    expect(await page.locator('h2').first().innerText()).not.toBe('');
    await expectAccessible(page);
    await screenshot(page, 'catalogue');
    for (const [link, path, add] of [['Föreläsarbanken', '/catalogue/lecturers', 'Ny föreläsare'], ['Lokaler', '/catalogue/venues', 'Ny lokal']]) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.waitForURL(`${base}${path}`);
      await expectAccessible(page);
      await page.getByRole('button', { name: add }).click();
      await page.waitForURL(`${base}${path}/new`);
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expectAccessible(page);
      await page.goto(path);
    }

    await page.goto('/catalogue/lectures/new');
    await page.locator('#title').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null)).toBe(true);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Välj ett tematiskt block');
    await expectAccessible(page);
    await screenshot(page, 'lecture-form-errors');

    await page.locator('#title').focus();
    await page.keyboard.type('Samtal med barn i kris');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('themeId');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'durationHours');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/catalogue?saved=1`);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Föreläsningen är sparad.');
    expect(await page.locator('main').innerText()).toContain('Samtal med barn i kris');
  });

  it('lets the coordinator schedule a session through the pages and find it in the month calendar', async () => {
    const page = await newPage();
    await signIn(page, DEMO.coordinator);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillfällen' }).click();
    await page.waitForURL(`${base}/schedule`);
    await expectAccessible(page);
    await page.goto(`/schedule?month=${DateTime.now().toFormat('yyyy-MM')}`);
    await expectAccessible(page);
    await page.locator('.lots-month-nav').evaluate((nav) => nav.scrollIntoView());
    await screenshot(page, 'schedule-month');

    await page.getByRole('button', { name: 'Schemalägg ett tillfälle' }).click();
    await page.waitForURL(`${base}/schedule/new`);
    await expectAccessible(page);
    await page.getByLabel('Föreläsning').selectOption({ label: DEMO_LECTURE });
    // A Friday five weeks ahead: the demo's sessions are on Tuesdays to Thursdays, so the room is free.
    const day = DateTime.now().setZone('Europe/Stockholm').plus({ weeks: 5 }).set({ weekday: 5 });
    await page.locator('#date-0').fill(day.toISODate()!);
    await page.locator('#start-0').fill('09:00');
    await page.locator('#end-0').fill('12:00');
    await page.getByLabel('Lokal', { exact: true }).selectOption({ index: 1 });
    await page.locator('#capacity').fill('8');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/schedule\/[0-9a-f-]{36}\?saved=created$/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Tillfället är schemalagt.');
    expect(await page.locator('main').innerText()).toContain('0 / 8');
    await expectAccessible(page);

    await page.goto(`/schedule?month=${day.toFormat('yyyy-MM')}`);
    const entry = page.locator('.lots-calendar__entry', { hasText: DEMO_LECTURE });
    expect(await entry.innerText()).toContain('09:00');
    expect(await page.locator('.govuk-table__row', { hasText: DEMO_LECTURE }).innerText()).toContain('0 / 8');
  });

  it('lets a lecturer mark attendance with the keyboard on a session they teach, once it has started', async () => {
    const kristina = await t.db.manager.findOneByOrFail(Lecturer, { email: DEMO.lecturer });
    const hire = await t.db.manager.findOneByOrFail(Person, { email: DEMO.newhire });
    const lecture = await t.db.manager.findOneByOrFail(Lecture, { title: DEMO_LECTURE });
    const session = await makeSession(t, lecture, { startsAt: new Date(Date.now() - 3600_000), capacity: 8, lecturers: [kristina] });
    await makeEnrolment(t, session, hire);

    const page = await newPage();
    await signIn(page, DEMO.lecturer);
    await page.goto(`/schedule/${session.id}`);
    expect(await page.locator('h1').innerText()).toBe(DEMO_LECTURE);
    await expectAccessible(page);
    const radio = page.getByRole('group', { name: /^Närvaro för / }).getByLabel('Närvarande');
    await radio.focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Spara närvaron' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/saved=attendance$/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Närvaron är sparad.');
    expect(await radio.isChecked()).toBe(true);
    await page.locator('form[action$="/attendance"]').evaluate((form) => form.scrollIntoView());
    await screenshot(page, 'session-attendance');

    const coordinator = await newPage();
    await signIn(coordinator, DEMO.coordinator);
    await coordinator.goto(`/schedule/${session.id}`);
    await coordinator.getByText('Ställ in tillfället', { exact: true }).first().click();
    expect(await coordinator.locator('#reason').isVisible()).toBe(true);
    await expectAccessible(coordinator);
  });

  it('shows the coordinator the completion dashboard for the city and a unit, accessibly', async () => {
    const page = await newPage();
    await signIn(page, DEMO.coordinator);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Uppföljning' }).click();
    await page.waitForURL(`${base}/dashboard`);
    expect(Number(await page.locator('.lots-figure__value').first().innerText())).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.locator('.lots-figures').evaluate((figures) => figures.scrollIntoView());
    await screenshot(page, 'dashboard');
    await page.getByLabel('Förvaltning, avdelning eller enhet').selectOption({ index: 2 });
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/orgUnitId=/);
    expect(await page.locator('.govuk-body-l').innerText()).toMatch(/^Hur långt de nyanställda har kommit i /);
    await expectAccessible(page);
  });
});
