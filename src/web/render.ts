import type { FastifyReply } from 'fastify';
import { LANGUAGES } from './i18n/i18n';
import { navFor } from './nav';
import type { WebContext, WebRequest } from './web-request';

/** The same page in another language (signed-out pages only: signed-in people choose on their profile). */
function languageLinks(web: WebContext, url: string) {
  if (web.user) return [];
  const [path, query = ''] = url.split('?');
  return LANGUAGES.map((lang) => {
    const params = new URLSearchParams(query);
    params.set('lang', lang);
    return { lang, text: web.t(`languages.${lang}`), href: lang === web.lang ? undefined : `${path}?${params}` };
  });
}

/** The context every view gets: language, translator, form token, the person and their navigation. */
export function baseContext(web: WebContext, url: string) {
  return {
    lang: web.lang,
    t: web.t,
    csrfToken: web.csrfToken,
    user: web.user,
    nav: navFor(web.principal, url, web.t),
    languageLinks: languageLinks(web, url),
  };
}

/** Renders a page view (under src/web/views, without .njk) for a person: never cached, never shared. */
export async function render(request: WebRequest, reply: FastifyReply, view: string, data: object = {}, status = 200) {
  const html = await reply.viewAsync(view, { ...baseContext(request.web, request.url), ...data });
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/** After a successful POST: see-other, so a reload does not post again. */
export function seeOther(reply: FastifyReply, url: string) {
  return reply.redirect(url, 303);
}
