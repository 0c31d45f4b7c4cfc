import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { PrincipalLoader } from '../../auth/principal.loader';
import { PeopleService } from '../../people/people/people.service';
import { isLang, Lang, requestLanguage, translator } from '../i18n/i18n';
import type { WebContext } from '../web-request';

export const SESSION_COOKIE = 'lots_session';
/** A random id that binds the sign-in form's CSRF token before there is a session. */
export const PRE_SESSION_COOKIE = 'lots_pre';
export const LANG_COOKIE = 'lots_lang';

type Resumed = { context: WebContext; binding: string } | 'none' | 'expired';

/**
 * Page sessions: the cookie holds the same signed JWT the API hands out (subject + expiry), so
 * expiry, deactivation and the signing secret work exactly as for bearer tokens. CSRF tokens are
 * an HMAC (AUTH_SECRET) of the session cookie, or of the pre-session id before sign-in.
 */
@Injectable()
export class WebSessions {
  constructor(
    private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly principals: PrincipalLoader,
    private readonly people: PeopleService,
  ) {}

  signIn(request: FastifyRequest, reply: FastifyReply, accessToken: string): void {
    reply.setCookie(SESSION_COOKIE, accessToken, this.cookieOptions(request));
    reply.clearCookie(PRE_SESSION_COOKIE, { path: '/' });
  }

  signOut(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  /** The signed-in person's context, 'none' without a session cookie, 'expired' when it no longer holds. */
  async resume(request: FastifyRequest): Promise<Resumed> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return 'none';
    let subject: string;
    try {
      subject = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      return 'expired';
    }
    const principal = await this.principals.load(subject);
    if (!principal) return 'expired';
    const user = await this.people.get(principal, principal.id);
    const lang = isLang(user.language) ? user.language : 'sv';
    return { context: { lang, t: translator(lang), csrfToken: this.csrfToken(token), principal, user }, binding: token };
  }

  /** Before sign-in: language from ?lang (remembered in a cookie), the cookie, or Accept-Language. */
  anonymous(request: FastifyRequest, reply: FastifyReply): { context: WebContext; binding: string | undefined } {
    const lang = this.anonymousLanguage(request, reply);
    let binding = request.cookies[PRE_SESSION_COOKIE];
    if (!binding && (request.method === 'GET' || request.method === 'HEAD')) {
      binding = randomBytes(18).toString('base64url');
      reply.setCookie(PRE_SESSION_COOKIE, binding, this.cookieOptions(request));
    }
    const csrfToken = binding ? this.csrfToken(binding) : '';
    return { context: { lang, t: translator(lang), csrfToken, principal: null, user: null }, binding };
  }

  csrfValid(binding: string | undefined, token: unknown): boolean {
    if (!binding || typeof token !== 'string' || !token) return false;
    const expected = Buffer.from(this.csrfToken(binding));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private csrfToken(binding: string): string {
    return createHmac('sha256', this.config.authSecret).update(`csrf:${binding}`).digest('base64url');
  }

  private anonymousLanguage(request: FastifyRequest, reply: FastifyReply): Lang {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    if (isLang(asked)) reply.setCookie(LANG_COOKIE, asked, { ...this.cookieOptions(request), maxAge: 365 * 24 * 3600 });
    return requestLanguage(asked, request.cookies[LANG_COOKIE], request.headers['accept-language']);
  }

  /** Session cookies: gone when the browser closes; the token's own expiry ends the session sooner. */
  private cookieOptions(request: FastifyRequest): CookieSerializeOptions {
    const secure = request.protocol === 'https' || this.config.publicBaseUrl.startsWith('https:');
    return { path: '/', httpOnly: true, sameSite: 'lax', secure };
  }
}
