import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sv from './sv.json';
import en from './en.json';
import { formatDate, formatNumber, fromAcceptLanguage, requestLanguage, translator } from './i18n';

function keys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'object' && !('other' in v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('has the same keys in Swedish and English', () => {
    expect(keys(sv).sort()).toEqual(keys(en).sort());
  });

  it('has every literal key the views and pages use', () => {
    const known = new Set(keys(sv));
    const used = files(join(__dirname, '..'), /\.(njk|ts)$/)
      .filter((f) => !f.endsWith('.spec.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\(\s*["']([\w.]*\w)["']|key: '([\w.]*\w)'/g)].map((m) => m[1] ?? m[2]));
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((key) => !known.has(key))).toEqual([]);
  });

  it('fills in placeholders and picks plural forms', () => {
    expect(translator('sv')('start.welcome', { name: 'Eva' })).toBe('Välkommen, Eva');
    expect(translator('sv')('colleagues.total', { count: 1 })).toBe('1 person');
    expect(translator('en')('colleagues.total', { count: 3 })).toBe('3 people');
    expect(translator('en')('no.such.key')).toBe('no.such.key');
  });
});

describe('numbers', () => {
  it('uses the decimal comma in Swedish and the point in English, grouping from five digits', () => {
    expect([54.5, 0.5, 25, 2027, 10000].map((n) => formatNumber(n, 'sv'))).toEqual(['54,5', '0,5', '25', '2027', '10\u00a0000']);
    expect([54.5, 0.5, 25, 2027, 10000].map((n) => formatNumber(n, 'en'))).toEqual(['54.5', '0.5', '25', '2027', '10,000']);
  });

  it('writes numbers put into texts the same way, choosing the plural by the number', () => {
    expect(translator('sv')('planBuilder.days', { count: 0.5 })).toBe('0,5 dagar');
    expect(translator('sv')('planBuilder.days', { count: 1 })).toBe('1 dag');
    expect(translator('en')('planBuilder.days', { count: 0.5 })).toBe('0.5 days');
    expect(translator('sv')('planBuilder.progressText', { percent: 54.5, done: 6, total: 11 })).toBe('54,5 % (6 av 11)');
  });
});

describe('language before sign-in', () => {
  it('takes ?lang, then the remembered choice, then Accept-Language by q, else Swedish', () => {
    expect(fromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(fromAcceptLanguage('de-DE,en;q=0.3,sv;q=0.8')).toBe('sv');
    expect(fromAcceptLanguage('fr, de')).toBe('sv');
    expect(fromAcceptLanguage(undefined)).toBe('sv');
    expect(requestLanguage('en', 'sv', 'sv')).toBe('en');
    expect(requestLanguage('xx', 'en', 'sv')).toBe('en');
    expect(requestLanguage(undefined, undefined, 'en-US')).toBe('en');
  });
});

describe('dates in the programme zone', () => {
  const winter = new Date('2027-02-03T08:00:00Z');
  const summer = new Date('2027-06-30T22:30:00Z');

  it('writes Swedish formats in Swedish and British ones in English', () => {
    expect(formatDate(winter, 'date', 'sv', 'Europe/Stockholm')).toBe('3 februari 2027');
    expect(formatDate(winter, 'dateShort', 'sv', 'Europe/Stockholm')).toBe('2027-02-03');
    expect(formatDate(winter, 'dateTime', 'sv', 'Europe/Stockholm')).toBe('3 februari 2027 kl. 09:00');
    expect(formatDate(winter, 'dateTime', 'en', 'Europe/Stockholm')).toBe('3 February 2027, 09:00');
    expect(formatDate(winter, 'dateShort', 'en', 'Europe/Stockholm')).toBe('3 Feb 2027');
  });

  it('shows instants in the zone (the date may change), calendar dates as they are', () => {
    expect(formatDate(summer, 'dateTime', 'sv', 'Europe/Stockholm')).toBe('1 juli 2027 kl. 00:30');
    expect(formatDate('2027-06-30T22:30:00Z', 'time', 'sv', 'Europe/Stockholm')).toBe('00:30');
    expect(formatDate('2027-01-15', 'date', 'sv', 'America/New_York')).toBe('15 januari 2027');
    expect(formatDate(null, 'date', 'sv', 'Europe/Stockholm')).toBe('');
    expect(formatDate('not a date', 'date', 'sv', 'Europe/Stockholm')).toBe('');
  });
});
