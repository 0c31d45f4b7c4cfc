import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../auth/roles';
import { Problem } from '../common/problem';
import { TYPES } from '../common/problem.filter';
import { placeholdersOf, problemEntry, PROBLEMS, ProblemCode, problemText, ValueKind } from '../common/problem-codes';
import { ENROLMENT_STATUSES } from '../enrolment/enrolments/enrolment.entity';
import { NOTICE_STATUSES } from '../notices/outbox/notice.entity';
import { ORG_UNIT_KINDS } from '../people/org-units/org-unit.entity';
import { PLAN_ITEM_STATUSES } from '../plans/plan-items/plan-item.entity';
import { PLAN_STATUSES } from '../plans/plans/plan.entity';
import { translator } from './i18n/i18n';
import sv from './i18n/sv.json';
import en from './i18n/en.json';
import { ERROR_PAGES } from './page-error.filter';
import { refusalText, VALUE_LABELS } from './refusals';

type Messages = { [key: string]: string | Messages };
const CATALOGUES = { sv: sv as Messages, en: en as Messages };
const CODES = Object.keys(PROBLEMS) as ProblemCode[];

function lookup(messages: Messages, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Messages)[part] : undefined), messages);
}

function leaves(node: Messages, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** The values each kind of placeholder can take: the entities' own lists. */
const VALUES: Record<keyof typeof VALUE_LABELS, readonly string[]> = {
  planStatus: PLAN_STATUSES,
  itemStatus: PLAN_ITEM_STATUSES,
  placeStatus: ENROLMENT_STATUSES,
  noticeStatus: NOTICE_STATUSES,
  role: ROLES,
  orgUnitKind: ORG_UNIT_KINDS,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('every refusal a service can give, in both languages', () => {
  it('has a Swedish and an English text for every problem code, using only the placeholders the code fills', () => {
    expect(CODES.length).toBeGreaterThan(100);
    for (const lang of ['sv', 'en'] as const) {
      const missing = CODES.filter((code) => typeof lookup(CATALOGUES[lang], `problems.${code}`) !== 'string');
      expect({ lang, missing }).toEqual({ lang, missing: [] });
      const unfilled = CODES.filter((code) => {
        const known = placeholdersOf(problemEntry(code).text);
        return placeholdersOf(lookup(CATALOGUES[lang], `problems.${code}`) as string).some((name) => !known.includes(name));
      });
      expect({ lang, unfilled }).toEqual({ lang, unfilled: [] });
    }
  });

  it('keeps no translation of a code that no longer exists', () => {
    const translated = leaves((sv as Messages).problems as Messages).filter((key) => !key.startsWith('values.'));
    expect(translated.filter((key) => !CODES.includes(key as ProblemCode))).toEqual([]);
  });

  it('has a label in both languages for every value a status, role or kind placeholder can take', () => {
    const used = new Set(CODES.flatMap((code) => Object.values(problemEntry(code).values) as ValueKind[]));
    for (const [kind, values] of Object.entries(VALUES) as [keyof typeof VALUES, readonly string[]][]) {
      expect(used.has(kind)).toBe(true);
      for (const lang of ['sv', 'en'] as const) {
        expect({ kind, lang, missing: values.filter((v) => typeof lookup(CATALOGUES[lang], `${VALUE_LABELS[kind]}.${v}`) !== 'string') }).toEqual({ kind, lang, missing: [] });
      }
    }
  });

  it('is raised by code everywhere: Problem takes only codes (its types say so), and nothing throws an HTTP exception of its own', () => {
    const offenders = sources(join(__dirname, '..')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/new (\w*Exception)\(/g)].map((m) => `${file}: ${m[1]}`));
    expect(offenders).toEqual([]);
  });

  it('has an error page in both languages for every problem type a page can meet (401 goes to sign-in)', () => {
    for (const status of Object.keys(TYPES).map(Number).filter((s) => s !== 401)) {
      expect(ERROR_PAGES).toContain(status);
      for (const lang of ['sv', 'en'] as const) {
        expect(typeof lookup(CATALOGUES[lang], `errors.${status}.title`)).toBe('string');
        expect(typeof lookup(CATALOGUES[lang], `errors.${status}.body`)).toBe('string');
      }
    }
  });

  it('answers the API in English and shows pages the translation, statuses and times the language\'s way', () => {
    const venue = Problem.conflictOn('venueId', 'sessions.venueBooked', { from: '2027-04-01T09:00:00+02:00', to: '2027-04-01T12:00:00+02:00', sessionId: 'x' });
    expect(venue.message).toBe('The venue is booked from 2027-04-01T09:00:00+02:00 to 2027-04-01T12:00:00+02:00 by session x');
    expect(venue.errors).toEqual([expect.objectContaining({ field: 'venueId', message: venue.message, code: 'sessions.venueBooked' })]);
    const web = (lang: 'sv' | 'en') => ({ lang, t: translator(lang) });
    expect(refusalText(venue, web('sv'))).toBe('Lokalen är redan bokad för ett annat tillfälle 1 april 2027 kl. 09:00–1 april 2027 kl. 12:00');
    expect(refusalText(venue, web('en'))).toBe('The venue is already booked for another session from 1 April 2027, 09:00 to 1 April 2027, 12:00');
    const transition = Problem.conflict('plans.transition', { from: 'completed', to: 'active' });
    expect(transition.message).toBe('A plan cannot go from completed to active');
    expect(refusalText(transition, web('sv'))).toBe('Planens status kan inte ändras från ”Slutförd” till ”Pågår”');
    expect(refusalText({ code: 'plans.alreadySigned', params: { as: 'manager' } }, web('sv'))).toBe('Planen är redan underskriven i rollen chef');
    expect(refusalText({ code: 'sessions.capacityBelowBooked', params: { booked: 12 } }, web('sv'))).toBe('12 platser är redan bokade. Antalet platser kan inte bli färre än så.');
    expect(refusalText({ code: 'evaluations.programmeNotOpen', params: { opens: '2027-09-01', months: 12 } }, web('en'))).toBe('The programme can be evaluated from 1 September 2027, 12 months into the plan');
    expect(Problem.invalidField('endsAt', 'times.endNotAfterStart').message).toBe('endsAt: endsAt must be after startsAt');
    expect(problemText('notFound.planItem')).toBe('Plan item not found');
  });
});
