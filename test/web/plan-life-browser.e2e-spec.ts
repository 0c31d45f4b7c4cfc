/// <reference lib="dom" />
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { Person } from '../../src/people/people/person.entity';
import { Plan } from '../../src/plans/plans/plan.entity';
import { Lecture } from '../../src/catalogue/lectures/lecture.entity';
import { makeSession } from '../factories/catalogue.factory';
import { makeEnrolment, makePlanItem } from '../factories/plans.factory';
import { browserKit, CHROMIUM, haveChromium } from './browser-kit';

const EVA = 'eva.nordin@storvik.example';
const HUGO = 'hugo.sandberg@storvik.example';

if (!haveChromium) console.warn(`Skipping the plan life browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);

(haveChromium ? describe : describe.skip)('a running plan in a real browser: the introducer marks, pauses and resumes (axe)', () => {
  const kit = browserKit();
  let planId: string;

  beforeAll(async () => {
    await kit.start();
    const hugo = await kit.t.db.manager.findOneByOrFail(Person, { email: HUGO });
    planId = (await kit.t.db.manager.findOneByOrFail(Plan, { newHireId: hugo.id })).id;
  });
  afterAll(() => kit.stop());
  afterEach(async () => expect(await kit.closeContexts()).toEqual([]));

  const expectAccessible = async (page: Page) => expect(await kit.violations(page)).toEqual([]);

  it('marks a local activity done and undoes it, pauses the plan for parental leave and resumes it', async () => {
    const page = await kit.newPage();
    await kit.signIn(page, EVA);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina nyanställda' }).click();
    await page.waitForURL(/\/my-hires$/);
    await page.getByRole('link', { name: /Hugo Sandberg/ }).first().click();
    await page.waitForURL(new RegExp(`/plan-builder/${planId}`));
    await expectAccessible(page);

    // The first planned local activity: mark it done (htmx swap), then undo.
    const activity = page.locator('li[id^="item-"]', { has: page.getByRole('button', { name: /^Markera som genomförd/ }) }).first();
    const itemId = await activity.getAttribute('id');
    await activity.getByRole('button', { name: /^Markera som genomförd/ }).click();
    const card = page.locator(`#${itemId}`);
    await card.getByRole('button', { name: /^Ångra/ }).waitFor();
    expect(await card.locator('.govuk-tag').first().innerText()).toBe('Genomförd');
    await card.getByRole('button', { name: /^Ångra/ }).click();
    await card.getByRole('button', { name: /^Markera som missad/ }).waitFor();
    expect(await card.locator('.govuk-tag').first().innerText()).toBe('Planerad');

    // Pause: the reason is required, shown beside the field and in the summary.
    await page.getByRole('link', { name: 'Pausa planen' }).click();
    await page.waitForURL(new RegExp(`/plan-builder/${planId}/status/pause$`));
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Pausa planen' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('#pausedReason-error').innerText()).toContain('Skriv varför planen pausas');
    await expectAccessible(page);
    await page.getByLabel('Varför pausas planen?').fill('Föräldraledighet');
    await page.getByRole('button', { name: 'Pausa planen' }).click();
    await page.waitForURL(/changed=pause/);
    expect(await page.locator('.lots-facts').innerText()).toContain('Föräldraledighet');
    await expectAccessible(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await kit.screenshot(page, 'plan-paused');

    await page.getByRole('link', { name: 'Återuppta planen' }).click();
    await page.waitForURL(new RegExp(`/plan-builder/${planId}/status/resume$`));
    await page.getByRole('button', { name: 'Återuppta planen' }).click();
    await page.waitForURL(/changed=resume&days=0/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Planen är återupptagen.');
    expect(await page.locator('.lots-facts').innerText()).toContain('Pågår');

    // Dates and people: a wrong order is shown beside the end date; a later end date is saved.
    await page.getByRole('link', { name: 'Ändra datum och personer' }).click();
    await page.waitForURL(new RegExp(`/plan-builder/${planId}/details$`));
    await expectAccessible(page);
    const start = await page.getByLabel('Startdatum').inputValue();
    await page.getByLabel('Slutdatum').fill(start);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.locator('#endDate-error').waitFor();
    expect(await page.locator('#endDate-error').innerText()).toContain('Slutdatum måste vara efter startdatum');
    await expectAccessible(page);
    await kit.screenshot(page, 'plan-details-errors');
    const end = DateTime.fromISO(start).plus({ years: 2, months: 3 }).toISODate()!;
    await page.getByLabel('Slutdatum').fill(end);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/changed=details/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Datum och personer i planen är sparade.');
  });

  it('books Hugo on a full session: the page says he is on the waiting list, with his number, not "booked"', async () => {
    const hugo = await kit.t.db.manager.findOneByOrFail(Person, { email: HUGO });
    const lecture = await kit.t.db.manager.findOneByOrFail(Lecture, { title: 'LVU – tvångsvård av barn och unga' });
    const plan = await kit.t.db.manager.findOneByOrFail(Plan, { id: planId });
    const item = await makePlanItem(kit.t, plan, { lectureId: lecture.id, dueDate: DateTime.now().plus({ months: 2 }).toISODate()! });
    const full = await makeSession(kit.t, lecture, { capacity: 1, startsAt: DateTime.now().plus({ weeks: 3 }).set({ hour: 9, minute: 0 }).toJSDate() });
    const other = await kit.t.db.manager.findOneByOrFail(Person, { email: 'amanda.lind@storvik.example' });
    await makeEnrolment(kit.t, full, other);

    const page = await kit.newPage();
    await kit.signIn(page, EVA);
    await page.goto(`/plan-builder/${planId}/items/${item.id}/book`);
    await expectAccessible(page);
    const option = page.locator('.govuk-radios__item', { has: page.locator(`input[value="${full.id}"]`) });
    expect(await option.innerText()).toContain(`Fullt – ${hugo.name} hamnar på väntelistan`);
    await option.locator('input').check();
    await Promise.all([page.waitForEvent('framenavigated'), page.getByRole('button', { name: 'Boka', exact: true }).click()]);
    await page.waitForLoadState('load');
    if (await page.locator('#confirm-warning').count()) {
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Boka ändå' }).click();
    }
    await page.waitForURL(/\?waitlisted=1/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`Tillfället är fullt. ${hugo.name} står som nummer 1 på väntelistan.`);
    await expectAccessible(page);
  });
});
