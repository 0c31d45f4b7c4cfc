import type { FastifyReply } from 'fastify';
import { Problem } from '../common/problem';
import { formatDate } from './i18n/i18n';
import type { PlanReader } from './plan-views/plan-reader';
import { render } from './render';
import type { WebRequest } from './web-request';

export type ConfirmKind = 'cancelPlace' | 'removeItem' | 'rotateCalendar';

/** The confirmation page before a one-way action: `action` is the POST that does it, `back` the page left alone. */
export function confirmPage(req: WebRequest, reply: FastifyReply, kind: ConfirmKind, action: string, back: string, params: Record<string, string> = {}) {
  return render(req, reply, 'confirm', { kind, action, back, params });
}

/** "Cancel this place?" for a place held by a plan item the caller may read (else 404): the item, the session's start, and whose place it is. */
export async function confirmCancelPlace(reader: PlanReader, req: WebRequest, reply: FastifyReply, planId: string, enrolmentId: string, action: string, back: string) {
  const view = await reader.read(req.web.principal!, planId);
  const item = view.items.find((i) => i.enrolment?.id === enrolmentId);
  if (!item?.enrolment) throw Problem.notFound('enrolment');
  const who = view.hire.id === req.web.principal!.id ? req.web.t('confirm.you') : view.hire.name;
  const when = formatDate(item.enrolment.startsAt, 'dateTime', req.web.lang, reader.zone());
  return confirmPage(req, reply, 'cancelPlace', action, back, { title: item.title, who, when });
}
