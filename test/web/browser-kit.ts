/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { startApp, TestApp } from '../app';
import { DEMO_PASSWORD } from '../../seeds';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const updateScreenshots = process.env.UPDATE_SCREENSHOTS === '1';

/**
 * The demo app on a loopback port and Debian's Chromium, for a browser spec: fresh profiles that
 * record console errors, failed assets and CSP violations (checked after each test), axe, screenshots.
 */
export function browserKit() {
  /**
   * The suite also runs with the clock moved (faketime, see .ci/run): the server under test keeps
   * the moved clock, Chromium runs on the real one (its network stack stalls under libfaketime).
   */
  const browserEnv = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'LD_PRELOAD' && !key.startsWith('FAKETIME')));
  const kit = {
    t: undefined as unknown as TestApp,
    base: '',
    browser: undefined as unknown as Browser,
    contexts: [] as BrowserContext[],
    consoleErrors: [] as string[],

    async start() {
      kit.t = await startApp({ SEED_DEMO: 'true' });
      await kit.t.app.listen(0, '127.0.0.1');
      kit.base = `http://127.0.0.1:${(kit.t.app.getHttpServer().address() as AddressInfo).port}`;
      kit.browser = await chromium.launch({
        executablePath: CHROMIUM,
        env: browserEnv(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      if (updateScreenshots) mkdirSync(SCREENSHOTS, { recursive: true });
    },

    async stop() {
      await kit.browser?.close();
      await kit.t?.close();
    },

    async closeContexts() {
      await Promise.all(kit.contexts.splice(0).map((c) => c.close()));
      return kit.consoleErrors.splice(0);
    },

    async newPage(options: { permissions?: string[]; locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
      const context = await kit.browser.newContext({
        baseURL: kit.base,
        locale: options.locale ?? 'sv-SE',
        viewport: options.viewport ?? { width: 1100, height: 800 },
        permissions: options.permissions,
      });
      kit.contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(8000);
      page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && kit.consoleErrors.push(`${page.url()}: ${m.text()}`));
      // A request the browser abandons because the page navigated on (net::ERR_ABORTED) did not fail.
      page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && kit.consoleErrors.push(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
      page.on('pageerror', (e) => kit.consoleErrors.push(`${page.url()}: ${e.message}`));
      page.on('response', (r) => r.status() >= 400 && !['document', 'fetch', 'xhr'].includes(r.request().resourceType()) && kit.consoleErrors.push(`${r.status()} ${r.url()}`));
      return page;
    },

    /** axe on the page as it is: the serious or critical violations of WCAG 2.1 A/AA (expect them to be []). */
    async violations(page: Page): Promise<string[]> {
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    },

    async screenshot(page: Page, name: string, fullPage = false): Promise<void> {
      if (updateScreenshots) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
    },

    async signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
      await page.goto('/login');
      await page.locator('#email').fill(email);
      await page.locator('#password').fill(password);
      await page.getByRole('button', { name: /^(Logga in|Sign in)$/ }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
    },
  };
  return kit;
}
