/// <reference lib="dom" />
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { browserKit, CHROMIUM, haveChromium } from './browser-kit';

const EVA = 'eva.nordin@storvik.example';
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
});
