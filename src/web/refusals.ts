import { DateTime } from 'luxon';
import { Problem } from '../common/problem';
import { problemEntry, ProblemCode, ProblemParams, ValueKind } from '../common/problem-codes';
import { formatDate, Lang, Translate } from './i18n/i18n';

/** A service's refusal (its code and placeholders), shown in the page's language. */
export interface Refusal {
  code: ProblemCode;
  params?: ProblemParams;
}

/** Where the labels of a placeholder's value are: plan statuses and item statuses as the pages show them, the rest under problems.values. */
export const VALUE_LABELS: Record<Exclude<ValueKind, 'date' | 'dateTime'>, string> = {
  planStatus: 'planStatus',
  itemStatus: 'planItem.status',
  placeStatus: 'problems.values.placeStatus',
  noticeStatus: 'problems.values.noticeStatus',
  role: 'problems.values.role',
  orgUnitKind: 'problems.values.orgUnitKind',
};

function shown(value: string | number, kind: ValueKind | undefined, web: { t: Translate; lang: Lang }): string | number {
  if (!kind) return value;
  if (kind === 'date') return formatDate(String(value), 'date', web.lang, 'UTC');
  if (kind === 'dateTime') {
    // An instant the service wrote in the programme's zone (with its offset): shown at that offset.
    const at = DateTime.fromISO(String(value), { setZone: true });
    return formatDate(at.toJSDate(), 'dateTime', web.lang, at.zoneName ?? 'UTC');
  }
  return web.t(`${VALUE_LABELS[kind]}.${value}`);
}

/** The text of a refusal in the page's language: `problems.<code>`, statuses and roles by their labels, dates the language's way. */
export function refusalText(refusal: Refusal, web: { t: Translate; lang: Lang }): string {
  const { values } = problemEntry(refusal.code);
  const params = Object.fromEntries(Object.entries(refusal.params ?? {}).map(([name, value]) => [name, shown(value, values[name], web)]));
  return web.t(`problems.${refusal.code}`, params);
}

/** A service's refusal (400 or 409) that a form shows; anything else (403, 404, 5xx) is rethrown for the error page. */
export function refusalOf(error: unknown): Problem {
  if (error instanceof Problem && (error.getStatus() === 400 || error.getStatus() === 409)) return error;
  throw error;
}

/** A refusal shown on a form as one message beside `field`, inside the text `key` (its `{detail}`). */
export function refusal(error: unknown, field: string, key: string) {
  const { code, params } = refusalOf(error);
  return [{ field, key, refusal: { code, params } }];
}
