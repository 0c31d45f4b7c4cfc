import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import nunjucks, { Environment } from 'nunjucks';
import { AppConfig } from '../config/app-config';
import { DateStyle, formatDate, formatNumber, Lang } from './i18n/i18n';

const VIEWS_DIR = join(__dirname, 'views');
const PUBLIC_DIR = join(__dirname, 'public');
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const GOVUK_DIST = join(packageDir('govuk-frontend'), 'dist');

const ASSET_DIRS = {
  govuk: join(GOVUK_DIST, 'govuk'),
  htmx: join(packageDir('htmx.org'), 'dist'),
  site: PUBLIC_DIR,
};

/** Asset URLs carry a hash of our files and the library versions, so browsers may cache them for a year. */
function assetVersion(): string {
  const hash = createHash('sha256');
  for (const name of ['govuk-frontend', 'htmx.org']) hash.update(readFileSync(join(packageDir(name), 'package.json')));
  for (const file of readdirSync(PUBLIC_DIR).sort()) hash.update(file).update(readFileSync(join(PUBLIC_DIR, file)));
  return hash.digest('hex').slice(0, 10);
}

const DATE_STYLES: DateStyle[] = ['date', 'dateShort', 'time', 'dateTime'];

function configureNunjucks(env: Environment, config: AppConfig, assets: string): void {
  env.addGlobal('assets', assets);
  for (const style of DATE_STYLES) {
    // Nunjucks calls filters with the render context as `this`: the page's language is in it.
    env.addFilter(style, function (this: { ctx: { lang: Lang } }, value: Date | string | null) {
      return formatDate(value, style, this.ctx.lang, config.timeZone);
    });
  }
  // `{{ figures.percentComplete | number }} %`: 54,5 % in Swedish, 54.5 % in English (texts from t() are written so already).
  env.addFilter('number', function (this: { ctx: { lang: Lang } }, value: number | null | undefined) {
    return typeof value === 'number' ? formatNumber(value, this.ctx.lang) : '';
  });
}

/**
 * GOV.UK Frontend's stylesheet without its @font-face rules: GDS Transport is licensed for gov.uk
 * only, Lots uses a system font (site.css), and the rules made browsers ask for font files that
 * are not there whenever a style applied before ours.
 */
function govukStylesheet(): string {
  return readFileSync(join(ASSET_DIRS.govuk, 'govuk-frontend.min.css'), 'utf8').replace(/@font-face\{[^}]*\}/g, '');
}

/** Cookies, static assets under /assets/<version>/ and Nunjucks views (ours, then GOV.UK Frontend's macros). */
export async function registerWeb(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(fastifyCookie);
  const assets = `/assets/${assetVersion()}`;
  const stylesheet = govukStylesheet();
  app.getHttpAdapter().getInstance().get(`${assets}/govuk/govuk-frontend.min.css`, (_req, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(stylesheet);
  });
  for (const [name, root] of Object.entries(ASSET_DIRS)) {
    await app.register(fastifyStatic, { root, prefix: `${assets}/${name}/`, decorateReply: false, index: false, maxAge: '365d', immutable: true });
  }
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [VIEWS_DIR, GOVUK_DIST],
    viewExt: 'njk',
    // Templates only change with a rebuild (which restarts the process): compile them once.
    production: true,
    options: { autoescape: true, trimBlocks: true, lstripBlocks: true, onConfigure: (env: Environment) => configureNunjucks(env, config, assets) },
  });
}
