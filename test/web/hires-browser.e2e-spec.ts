/// <reference lib="dom" />
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { Not } from 'typeorm';
import { Lecture } from '../../src/catalogue/lectures/lecture.entity';
import { Enrolment } from '../../src/enrolment/enrolments/enrolment.entity';
import { MentorMeeting } from '../../src/mentorship/meetings/mentor-meeting.entity';
import { Mentorship } from '../../src/mentorship/mentorships/mentorship.entity';
import { Person } from '../../src/people/people/person.entity';
import { PlanItem } from '../../src/plans/plan-items/plan-item.entity';
import { Plan } from '../../src/plans/plans/plan.entity';
import { makeSession } from '../factories/catalogue.factory';
import { makeEnrolment } from '../factories/plans.factory';
import { browserKit, CHROMIUM, haveChromium } from './browser-kit';

const EVA = 'eva.nordin@storvik.example';
const BIRGITTA = 'birgitta.olsson@storvik.example';
const AMANDA = 'amanda.lind@storvik.example';
const ZONE = 'Europe/Stockholm';
const WAIT = { timeout: 20_000 };

if (!haveChromium) console.warn(`Skipping the new-hire, meeting and notice browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);

/** Each job done in the pages alone, by the role that does it (no API call), with axe on every page. */
(haveChromium ? describe : describe.skip)('registering a hire, mentor meetings, waitlists and notices in a real browser (axe)', () => {
  const kit = browserKit();

  let waitlistedTitle = '';

  /**
   * Amanda (demo new hire) gets a waitlist place (second in line) on a new session of a lecture in her
   * plan, and an upcoming mentor meeting with Birgitta: written to the database, relative to now.
   */
  async function amandasWaitlistAndMeeting() {
    const em = kit.t.db.manager;
    const amanda = await em.findOneByOrFail(Person, { email: AMANDA });
    const plan = await em.findOneByOrFail(Plan, { newHireId: amanda.id });
    const items = await em.find(PlanItem, { where: { planId: plan.id, kind: 'lecture', status: 'planned' }, order: { position: 'ASC' } });
    const free = [];
    for (const i of items) if (!(await em.existsBy(Enrolment, { planItemId: i.id, status: Not('cancelled') }))) free.push(i);
    const item = free[free.length - 1];
    const lecture = await em.findOneByOrFail(Lecture, { id: item.lectureId! });
    waitlistedTitle = lecture.title;
    const session = await makeSession(kit.t, lecture, { capacity: 1, startsAt: new Date(Date.now() + 40 * 86400_000) });
    const [first, second] = await Promise.all(['hugo.sandberg', 'ali.rahimi'].map((name) => em.findOneByOrFail(Person, { email: `${name}@storvik.example` })));
    await makeEnrolment(kit.t, session, first);
    await makeEnrolment(kit.t, session, second, { status: 'waitlisted', queueNumber: 1 });
    await makeEnrolment(kit.t, session, amanda, { status: 'waitlisted', queueNumber: 2, planItemId: item.id });
    const birgitta = await em.findOneByOrFail(Person, { email: BIRGITTA });
    const mentorship = await em.findOneByOrFail(Mentorship, { mentorId: birgitta.id, menteeId: amanda.id });
    const startsAt = DateTime.now().setZone(ZONE).plus({ days: 3 }).set({ hour: 13, minute: 0, second: 0, millisecond: 0 });
    await kit.t.db.write((w) =>
      w.save(w.create(MentorMeeting, { mentorshipId: mentorship.id, startsAt: startsAt.toJSDate(), endsAt: startsAt.plus({ hours: 1 }).toJSDate(), location: 'Mötesrum Tallen', notes: 'Vi förbereder ditt första hembesök.', sequence: 0 })),
    );
  }

  beforeAll(async () => {
    await kit.start();
    await amandasWaitlistAndMeeting();
  }, 120_000);
  afterAll(() => kit.stop());
  afterEach(async () => expect(await kit.closeContexts()).toEqual([]));

  const expectAccessible = async (page: Page) => expect(await kit.violations(page)).toEqual([]);
  /** The form came back with errors: wait for the whole page (stylesheets too) before reading it, as layout forced earlier would use GOV.UK's own font. */
  const errorsShown = async (page: Page) => {
    await page.waitForSelector('.govuk-error-summary', WAIT);
    await page.waitForLoadState('load');
  };
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
    await errorsShown(page);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Det finns redan en person med den e-postadressen');
    expect(await page.locator('#email-error').innerText()).toContain('Det finns redan en person med den e-postadressen');
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
    await errorsShown(page);
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
  it('new hire: sees her place on the waitlist and her mentor meetings with the notes in Min plan', async () => {
    const page = await kit.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    await kit.signIn(page, AMANDA);
    await nav(page, 'Min plan');
    await page.waitForURL(/\/my-plan$/);
    const waitlist = page.locator('section', { has: page.getByRole('heading', { name: 'Dina platser på väntelistor' }) });
    expect(await waitlist.innerText()).toContain(waitlistedTitle);
    expect(await waitlist.innerText()).toContain('Du är nummer 2 på väntelistan');
    const card = page.locator('li[id^="item-"]', { hasText: waitlistedTitle }).first();
    expect(await card.innerText()).toContain('Du är nummer 2 på väntelistan');

    const meetings = page.locator('#meetings');
    expect(await meetings.getByRole('heading', { name: 'Mentorsträffar' }).count()).toBe(1);
    const next = await meetings.locator('li', { hasText: 'Mötesrum Tallen' }).innerText();
    expect(next).toContain('13:00–14:00');
    expect(next).toContain('Vi förbereder ditt första hembesök.');
    expect(await meetings.innerText()).toContain('Promenadmöte. Arbetsbelastning och var man får stöd.');
    expect(await meetings.getByRole('link', { name: /Ändra|Ta bort/ }).count()).toBe(0);
    await expectAccessible(page);
  }, 120_000);
  it('introducer: turns off the weekly digest and reminders on the profile page, and sees the choice kept', async () => {
    const page = await kit.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    await kit.signIn(page, EVA);
    await nav(page, 'Min profil');
    await page.waitForURL(/\/profile$/);
    const digest = page.getByLabel('Veckobrev om dina nyanställda');
    const reminders = page.getByLabel('Påminnelser före tillfällen');
    const evaluations = page.getByLabel('Förfrågningar om att utvärdera tillfällen');
    expect([await digest.isChecked(), await reminders.isChecked(), await evaluations.isChecked()]).toEqual([true, true, true]);
    await expectAccessible(page);
    await digest.uncheck();
    await reminders.uncheck();
    await page.getByRole('button', { name: 'Spara val av e-post' }).click();
    await page.waitForURL(/\/profile\?saved=notices$/, WAIT);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Dina val av e-post är sparade.');
    expect([await digest.isChecked(), await reminders.isChecked(), await evaluations.isChecked()]).toEqual([false, false, true]);
    await expectAccessible(page);
    await page.reload();
    expect(await digest.isChecked()).toBe(false);
  }, 120_000);
});
