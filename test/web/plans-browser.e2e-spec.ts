/// <reference lib="dom" />
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { OrgUnit } from '../../src/people/org-units/org-unit.entity';
import { Person } from '../../src/people/people/person.entity';
import { Plan } from '../../src/plans/plans/plan.entity';
import { makePerson, TEST_PASSWORD } from '../factories/organisation.factory';
import { browserKit, CHROMIUM, haveChromium } from './browser-kit';

const EVA = 'eva.nordin@storvik.example';
const HELENA = 'helena.sjoberg@storvik.example';
const HUGO = 'hugo.sandberg@storvik.example';
const BIRGITTA = 'birgitta.olsson@storvik.example';
const LEILA = 'leila.haddad@storvik.example';
const KARIN = 'karin.samuelsson@storvik.example';

if (!haveChromium) console.warn(`Skipping the plan browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);

(haveChromium ? describe : describe.skip)('plan screens in a real browser (introducer, new hire, mentor; axe)', () => {
  const kit = browserKit();
  let hire: Person;

  beforeAll(async () => {
    await kit.start();
    const eva = await kit.t.db.manager.findOneByOrFail(Person, { email: EVA });
    const unit = await kit.t.db.manager.findOneByOrFail(OrgUnit, { id: eva.orgUnitId });
    const today = DateTime.now().setZone('Europe/Stockholm').toISODate()!;
    hire = await makePerson(kit.t, unit, ['newhire'], { name: 'Tove Testsson', email: 'tove.testsson@storvik.example', employmentStart: today });
  });
  afterAll(() => kit.stop());
  afterEach(async () => expect(await kit.closeContexts()).toEqual([]));

  const expectAccessible = async (page: Page) => expect(await kit.violations(page)).toEqual([]);
  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  /** A plan item's card (builder or timeline), by its exact title. */
  const itemCard = (page: Page, title: string) => page.locator('li[id^="item-"]', { has: page.locator('strong', { hasText: exactly(title) }) }).first();

  let bookedTitle = '';

  it('introducer: builds a plan from a template, waives an item, books a session and signs', async () => {
    const page = await kit.newPage();
    await kit.signIn(page, EVA);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina nyanställda' }).click();
    await page.waitForURL(/\/my-hires$/);
    await expectAccessible(page);
    await page.getByRole('link', { name: /Skapa plan\s*: Tove Testsson/ }).click();
    await page.waitForURL(/\/plan-builder\/new\?hireId=/);
    await expectAccessible(page);
    expect(await page.getByLabel('Grundplan – Barn och unga').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Skapa plan' }).click();
    await page.waitForURL(/\/plan-builder\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').innerText()).toBe('Introduktionsplan för Tove Testsson');
    await expectAccessible(page);
    await kit.screenshot(page, 'plan-builder');

    // Waive the first lecture: without a reason the error summary says so; with one, the budget meter drops (htmx swap).
    const budgetBefore = await page.locator('#budget .lots-meter__label').first().innerText();
    const first = page.locator('li[id^="item-"]', { has: page.locator('summary') }).first();
    const title = await first.locator('strong').first().innerText();
    await first.locator('summary', { hasText: 'Tillgodoräkna' }).click();
    await first.getByRole('button', { name: 'Tillgodoräkna' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Skriv skälet till tillgodoräknandet');
    expect(await page.locator('.govuk-error-message .govuk-visually-hidden').first().textContent()).toBe('Fel:');
    await expectAccessible(page);
    const again = itemCard(page, title);
    await again.getByLabel('Skäl').fill('Motsvarande kurs på förra arbetsplatsen');
    await again.getByRole('button', { name: 'Tillgodoräkna' }).click();
    await expect(itemCard(page, title).locator('.govuk-tag', { hasText: 'Tillgodoräknad' }).waitFor()).resolves.toBeUndefined();
    expect(await page.locator('#budget .lots-meter__label').first().innerText()).not.toBe(budgetBefore);
    expect(await itemCard(page, title).innerText()).toContain('Skäl: Motsvarande kurs på förra arbetsplatsen');

    // Book the first lecture that has a session open for booking.
    const links = await page.locator('a', { hasText: 'Boka tillfälle' }).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    let booked = false;
    for (const href of links) {
      await page.goto(href);
      if (!(await page.locator('input[name="sessionId"]').count())) continue;
      bookedTitle = (await page.locator('h1').innerText()).replace(/^Boka /, '');
      await expectAccessible(page);
      await kit.screenshot(page, 'book-session');
      await page.locator('input[name="sessionId"]').first().check();
      await Promise.all([page.waitForEvent('framenavigated'), page.getByRole('button', { name: 'Boka', exact: true }).click()]);
      await page.waitForLoadState('load');
      // A session after the item is due is booked only after the warning and "Boka ändå".
      if (await page.locator('#confirm-warning').count()) await page.getByRole('button', { name: 'Boka ändå' }).click();
      await page.waitForURL(/\/plan-builder\/[0-9a-f-]{36}\?booked=/);
      booked = true;
      break;
    }
    expect(booked).toBe(true);
    expect(await itemCard(page, bookedTitle).locator('.govuk-tag').first().innerText()).toBe('Bokad');

    await page.getByRole('button', { name: 'Starta planen' }).click();
    await page.getByRole('button', { name: 'Skriv under som introduktör' }).click();
    await page.waitForSelector('text=Introduktören har skrivit under');
    await expectAccessible(page);
  }, 120_000);

  it('new hire: sees the booking on the timeline, copies the calendar link, and the feed holds the booking; another hire\'s plan is 404', async () => {
    const page = await kit.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await kit.signIn(page, hire.email, TEST_PASSWORD);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Min plan' }).click();
    await page.waitForURL(/\/my-plan$/);
    const card = itemCard(page, bookedTitle);
    expect(await card.locator('.govuk-tag').first().innerText()).toBe('Bokad');
    expect(await card.innerText()).toMatch(/Tillfälle: \d{1,2} \w+ \d{4} kl\. \d\d:\d\d/);
    expect(await page.locator('.lots-term--current').count()).toBe(1);
    await expectAccessible(page);
    await kit.screenshot(page, 'my-plan');

    await page.getByRole('button', { name: 'Kopiera länk' }).click();
    await page.waitForSelector('text=Länken är kopierad.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#calendar-url').inputValue());
    expect(await page.getByRole('link', { name: /Google Kalender/ }).getAttribute('href')).toBe(
      `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(copied.replace(/^https?:/, 'webcal:'))}`,
    );
    const feed = await page.request.get(`${kit.base}${new URL(copied).pathname}`);
    expect(feed.status()).toBe(200);
    expect((await feed.text()).replace(/\r\n[ \t]/g, '')).toContain(`SUMMARY:${bookedTitle.replace(/([,;\\])/g, '\\$1')}`);

    const others = await kit.t.db.manager.findOneByOrFail(Person, { email: 'amanda.lind@storvik.example' });
    const otherPlan = await kit.t.db.manager.findOneByOrFail(Plan, { newHireId: others.id });
    const denied = await page.goto(`/plan-builder/${otherPlan.id}`);
    expect(denied?.status()).toBe(404);
    expect((await page.goto('/my-hires'))?.status()).toBe(403);
  });

  it('new hire: evaluates an attended session once', async () => {
    const page = await kit.newPage();
    await kit.signIn(page, HUGO);
    await page.goto('/my-plan');
    const link = page.getByRole('link', { name: /^Utvärdera\s*:/ }).first();
    const title = (await link.innerText()).replace(/^Utvärdera\s*:?\s*/, '');
    await link.click();
    await page.waitForURL(/\/my-plan\/evaluations\//);
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.waitForSelector('.govuk-error-summary');
    await expectAccessible(page);
    await page.getByLabel('4 – Bra').check();
    await page.getByLabel('Kommentar (valfritt)').fill('Bra exempel från verkligheten.');
    await kit.screenshot(page, 'evaluate-session');
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.waitForURL(/\/my-plan\?evaluated=1/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Tack för din utvärdering!');
    expect(await itemCard(page, title).innerText()).toContain('Utvärderad');
  });

  it('mentor: sees mentees with progress and logs a meeting with private notes', async () => {
    const page = await kit.newPage();
    await kit.signIn(page, BIRGITTA);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina adepter' }).click();
    await page.waitForURL(/\/mentees$/);
    await expectAccessible(page);
    await kit.screenshot(page, 'mentees');
    await page.getByRole('link', { name: 'Amanda Lind', exact: true }).click();
    const day = DateTime.now().setZone('Europe/Stockholm').plus({ days: 7 }).toISODate()!;
    await page.getByLabel('Datum').fill(day);
    await page.getByLabel('Från').fill('14:00');
    await page.getByLabel('Till').fill('13:00');
    await page.getByLabel('Plats (valfritt)').fill('Grupprum Ugglan');
    await page.getByLabel('Anteckningar (valfritt)').fill('Vi pratar om första utredningen.');
    await page.getByRole('button', { name: 'Spara träffen' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('#endTime-error').innerText()).toContain('Sluttiden måste vara efter starttiden');
    await expectAccessible(page);
    await page.getByLabel('Till').fill('15:00');
    await page.getByRole('button', { name: 'Spara träffen' }).click();
    await page.waitForURL(/logged=1/);
    expect(await page.locator('main').innerText()).toContain('Vi pratar om första utredningen.');
    expect(await page.locator('main').innerText()).toContain('Grupprum Ugglan');
    await expectAccessible(page);
    await kit.screenshot(page, 'mentor-meetings');
  });

  it('manager: sees the new hires of the unit with progress, days and warnings', async () => {
    const page = await kit.newPage();
    await kit.signIn(page, HELENA);
    await page.goto('/my-hires');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Hugo Sandberg');
    expect(text).toContain('Tove Testsson');
    expect(text).not.toContain('Elin Forsman');
    await expectAccessible(page);
    await kit.screenshot(page, 'my-hires');
  });

  it('introducer: a completed hire (Sara Johansson) is a finished plan, never "create plan"; the dashboard is "your units"; every reader\'s back link opens', async () => {
    const page = await kit.newPage();
    await kit.signIn(page, LEILA);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina nyanställda' }).click();
    await page.waitForURL(/\/my-hires$/);
    const listUnder = (heading: string) => page.locator('h2', { hasText: exactly(heading) }).locator('xpath=following-sibling::ul[1]');
    expect(await listUnder('Avslutade planer').innerText()).toContain('Sara Johansson – Slutförd');
    expect(await page.getByRole('link', { name: /Skapa( en ny)? plan\s*: Sara Johansson/ }).count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/Sara Johansson[^\n]*Skapa/);
    await expectAccessible(page);
    await listUnder('Avslutade planer').getByRole('link', { name: 'Sara Johansson' }).click();
    await page.waitForURL(/\/plan-builder\/[0-9a-f-]{36}$/);
    const planUrl = page.url();
    await page.getByRole('link', { name: 'Tillbaka till mina nyanställda' }).click();
    await page.waitForURL(/\/my-hires$/);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Uppföljning' }).click();
    await page.waitForURL(/\/dashboard$/);
    expect(await page.locator('.govuk-body-l').innerText()).toBe('Hur långt de nyanställda har kommit i dina enheter.');
    expect(await page.getByLabel('Förvaltning, avdelning eller enhet').locator('option').first().innerText()).toBe('Alla dina enheter');
    expect(await page.locator('main').innerText()).not.toMatch(/hela kommunen/i);

    const coordinator = await kit.newPage();
    await kit.signIn(coordinator, KARIN);
    await coordinator.goto(planUrl);
    await coordinator.getByRole('link', { name: 'Tillbaka till uppföljningen' }).click();
    await coordinator.waitForURL(/\/dashboard$/);
    expect(await coordinator.locator('.govuk-body-l').innerText()).toBe('Hur långt de nyanställda har kommit i hela kommunen.');
    await expectAccessible(coordinator);

    const mentor = await kit.newPage();
    await kit.signIn(mentor, BIRGITTA);
    await mentor.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina adepter' }).click();
    await mentor.getByRole('link', { name: /^Se planen/ }).first().click();
    await mentor.waitForURL(/\/plan-builder\/[0-9a-f-]{36}$/);
    await mentor.getByRole('link', { name: 'Tillbaka till mina adepter' }).click();
    await mentor.waitForURL(/\/mentees$/);
  });
});
