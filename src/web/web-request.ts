import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import type { PersonResponse } from '../people/people/dto/person.dto';
import type { Lang, Translate } from './i18n/i18n';

/** What every page knows about the request: who (if anyone), in which language, and the form token. */
export interface WebContext {
  lang: Lang;
  t: Translate;
  csrfToken: string;
  principal: Principal | null;
  user: PersonResponse | null;
}

export type WebRequest = FastifyRequest & { web: WebContext };

/** Not an API or feed URL: errors here are answered with an HTML page. */
export function isPageRequest(url: string): boolean {
  return !/^\/(api|calendar|assets)(\/|$|\?)/.test(url);
}

/** Only local paths may be redirect targets after sign-in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && next.length <= 500 ? next : '/';
}

/** A form field as one string (a repeated field counts as its first value). */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}
