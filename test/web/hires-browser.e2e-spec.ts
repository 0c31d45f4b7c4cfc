/// <reference lib="dom" />
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { browserKit, CHROMIUM, haveChromium } from './browser-kit';

const EVA = 'eva.nordin@storvik.example';
const BIRGITTA = 'birgitta.olsson@storvik.example';
const ZONE = 'Europe/Stockholm';
const WAIT = { timeout: 20_000 };

if (!haveChromium) console.warn(`Skipping the new-hire, meeting and notice browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);

/** Each job done in the pages alone, by the role that does it (no API call), with axe on every page. */
(haveChromium ? describe : describe.skip)('registering a hire, mentor meetings, waitlists and notices in a real browser (axe)', () => {
  const kit = browserKit();

  beforeAll(() => kit.start(), 120_000);
  afterAll(() => kit.stop());
  afterEach(async () => expect(await kit.closeContexts()).toEqual([]));

  const expectAccessible = async (page: Page) => expect(await kit.violations(page)).toEqual([]);
  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name }).click();

  it('introducer: registers a new hire starting next month (a taken e-mail is shown beside the field), then creates the plan', async () => {
    const page = await kit.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    await kit.signIn(page, EVA);
    await nav(page, 'Mina nyanställda');
    await page.waitForURL(/\/my-hires$/);
    await page.getByRole('button', { name: 'Registrera en nyanställd' }).click();
    await page.waitForURL(/\/my-hires\/new$/);
    await expectAccessible(page);

    const start = DateTime.now().setZone(ZONE).plus({ months: 1 }).startOf('month').toISODate()!;
    await page.getByLabel('Namn').fill('Sofia Berg');
    await page.getByLabel('E-postadress').fill('amanda.lind@storvik.example');
    expect(await page.getByLabel('Enhet').locator('option:checked').innerText()).toBe('Barn och unga – mottagning Nord');
    await page.getByLabel('Titel (valfritt)').fill('Socialsekreterare');
    await page.getByLabel('Första anställningsdag (valfritt)').fill(start);
    await page.getByRole('button', { name: 'Registrera och skapa plan' }).click();
    await page.waitForSelector('.govuk-error-summary', WAIT);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Det finns redan en person med den här e-postadressen');
    expect(await page.locator('#email-error').innerText()).toContain('Det finns redan en person med den här e-postadressen');
    expect(await page.getByLabel('Namn').inputValue()).toBe('Sofia Berg');
    expect(await page.getByLabel('Första anställningsdag (valfritt)').inputValue()).toBe(start);
    await expectAccessible(page);
    await page.locator('.govuk-error-summary a[href="#email"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');

    await page.getByLabel('E-postadress').fill('sofia.berg@storvik.example');
    await page.getByRole('button', { name: 'Registrera och skapa plan' }).click();
    await page.waitForURL(/\/plan-builder\/new\?hireId=[0-9a-f-]{36}&registered=1$/, WAIT);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Sofia Berg är registrerad');
    expect(await page.locator('h1').innerText()).toBe('Ny introduktionsplan för Sofia Berg');
    expect(await page.getByLabel('Grundplan – Barn och unga').isChecked()).toBe(true);
    expect(await page.getByLabel('Startdatum').inputValue()).toBe(start);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Skapa plan' }).click();
    await page.waitForURL(/\/plan-builder\/[0-9a-f-]{36}$/, WAIT);
    expect(await page.locator('h1').innerText()).toBe('Introduktionsplan för Sofia Berg');
  }, 120_000);
  it('mentor: changes a meeting (a bad time is shown beside the field) and deletes one after confirming', async () => {
    const page = await kit.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    await kit.signIn(page, BIRGITTA);
    await nav(page, 'Mina adepter');
    await page.waitForURL(/\/mentees$/);
    await page.getByRole('link', { name: 'Amanda Lind', exact: true }).click();
    await page.waitForURL(/\/mentees\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    const card = (place: string) => page.locator('li.lots-card', { hasText: place });

    await card('Grupprum Ekorren').getByRole('link', { name: /^Ändra/ }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}\/edit$/);
    expect(await page.locator('h1').innerText()).toBe('Ändra träffen');
    expect(await page.getByLabel('Plats (valfritt)').inputValue()).toBe('Grupprum Ekorren');
    await expectAccessible(page);
    const day = DateTime.now().setZone(ZONE).plus({ days: 5 }).toISODate()!;
    await page.getByLabel('Datum').fill(day);
    await page.getByLabel('Från').fill('10:00');
    await page.getByLabel('Till').fill('09:00');
    await page.getByLabel('Plats (valfritt)').fill('Biblioteket, plan 2');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.waitForSelector('.govuk-error-summary', WAIT);
    expect(await page.locator('#endTime-error').innerText()).toContain('Sluttiden måste vara efter starttiden');
    expect(await page.getByLabel('Plats (valfritt)').inputValue()).toBe('Biblioteket, plan 2');
    await expectAccessible(page);
    await page.getByLabel('Till').fill('11:00');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.waitForURL(/\?changed=1$/, WAIT);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Träffen är ändrad.');
    const moved = await card('Biblioteket, plan 2').innerText();
    expect(moved).toContain('10:00–11:00');
    expect(await page.locator('main').innerText()).not.toContain('Grupprum Ekorren');

    await card('Fikarummet, plan 3').getByRole('link', { name: /^Ta bort/ }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}\/delete$/);
    expect(await page.locator('h1').innerText()).toBe('Vill du ta bort träffen?');
    expect(await page.locator('main').innerText()).toContain('Fikarummet, plan 3');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nej, behåll träffen' }).click();
    await page.waitForURL(/\/mentees\/[0-9a-f-]{36}$/);
    expect(await card('Fikarummet, plan 3').count()).toBe(1);
    await card('Fikarummet, plan 3').getByRole('link', { name: /^Ta bort/ }).click();
    await page.waitForURL(/\/delete$/);
    await page.getByRole('button', { name: 'Ja, ta bort träffen' }).click();
    await page.waitForURL(/\?deleted=1$/, WAIT);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Träffen är borttagen.');
    expect(await card('Fikarummet, plan 3').count()).toBe(0);
    await expectAccessible(page);
  }, 120_000);
});
