import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '../common/problem';
import { ProblemFilter, toProblem } from '../common/problem.filter';
import { refusalText } from './refusals';
import { requestLanguage, translator } from './i18n/i18n';
import { LANG_COOKIE } from './session/web-sessions.service';
import { CsrfRejected, SignInRequired } from './web-errors';
import { baseContext } from './render';
import { isPageRequest, WebContext, WebRequest } from './web-request';

/** Statuses with their own error page (errors.<status> in the translations); anything else is the 500 page. */
export const ERROR_PAGES = [400, 403, 404, 409, 413, 429];

/**
 * The global error filter: API and feed URLs keep their problem+json answers; pages (and unknown
 * addresses a browser asks for) get an HTML page in the person's language, never internal details.
 */
@Catch()
export class PageErrorFilter extends ProblemFilter {
  private readonly log = new Logger('Error');

  override catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>() as Partial<WebRequest> & FastifyRequest;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const wantsPage = !!request.web || /\btext\/html\b/.test(request.headers.accept ?? '');
    if (!isPageRequest(request.url) || !wantsPage) return super.catch(exception, host);
    if (exception instanceof SignInRequired) {
      const params = new URLSearchParams({ next: exception.next, ...(exception.expired ? { expired: '1' } : {}) });
      void reply.redirect(`/login?${params}`, 303);
      return;
    }
    const { problem, headers } = toProblem(exception);
    if (problem.status >= 500) this.log.error((exception as Error)?.stack ?? String(exception));
    const status = problem.status;
    const kind = exception instanceof CsrfRejected ? 'csrf' : ERROR_PAGES.includes(status) ? String(status) : '500';
    const web = request.web ?? this.anonymous(request);
    // A service's own refusal (not the general role or address ones) says what went wrong, in the page's language.
    const reason = exception instanceof Problem && status < 500 && !exception.code.startsWith('common.') ? refusalText(exception, web) : null;
    reply
      .viewAsync('error', { ...baseContext(web, request.url), kind, reason })
      .then((html) => reply.status(status).headers(headers).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html))
      .catch((error: Error) => {
        this.log.error(error.stack ?? String(error));
        void reply.status(500).type('text/plain; charset=utf-8').send('500');
      });
  }

  /** Errors before any page guard ran (unknown address): no session is read, nothing is set. */
  private anonymous(request: FastifyRequest): WebContext {
    const query = request.query as Record<string, unknown> | undefined;
    const lang = requestLanguage(query?.lang, request.cookies?.[LANG_COOKIE], request.headers['accept-language']);
    return { lang, t: translator(lang), csrfToken: '', principal: null, user: null };
  }
}
