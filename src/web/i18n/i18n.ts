import { DateTime } from 'luxon';
import sv from './sv.json';
import en from './en.json';

export const LANGUAGES = ['sv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Translate = (key: string, params?: Record<string, string | number>) => string;

type Messages = { [key: string]: string | Messages };
const CATALOGUES: Record<Lang, Messages> = { sv, en };
const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

function lookup(messages: Messages, key: string): string | Messages | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}

// Digits grouped from five on (10 000, but 2027), as Swedish and British style guides both allow.
const NUMBERS: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat(LOCALES.sv, { useGrouping: 'min2' }),
  en: new Intl.NumberFormat(LOCALES.en, { useGrouping: 'min2' }),
};

/** A number the language's way: the decimal comma in Swedish (54,5; 0,5), the point in English (54.5). */
export function formatNumber(value: number, lang: Lang): string {
  return NUMBERS[lang].format(value);
}

/**
 * `t('colleagues.total', { count: 3 })`: nested keys, `{name}` placeholders, `{ one, other }` plurals chosen by `count`.
 * Numbers put into a text are written with formatNumber.
 */
export function translator(lang: Lang): Translate {
  const plural = new Intl.PluralRules(LOCALES[lang]);
  return (key, params = {}) => {
    let text = lookup(CATALOGUES[lang], key);
    if (typeof text === 'object' && typeof params.count === 'number') text = text[plural.select(params.count)] ?? text.other;
    if (typeof text !== 'string') return key;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === 'number' ? formatNumber(value, lang) : String(value);
    });
  };
}

/** The first of our languages in an Accept-Language header, by q-value; Swedish when none matches. */
export function fromAcceptLanguage(header: string | undefined): Lang {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...attrs] = part.trim().toLowerCase().split(';');
      const q = Number(attrs.find((a) => a.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => isLang(entry.lang) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Lang | undefined) ?? 'sv';
}

/** Before sign-in: an explicit choice (?lang, then the remembered cookie), else the browser's Accept-Language. */
export function requestLanguage(asked: unknown, remembered: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(asked)) return asked;
  return isLang(remembered) ? remembered : fromAcceptLanguage(acceptLanguage);
}

type DateInput = Date | string | null | undefined;
export type DateStyle = 'date' | 'dateShort' | 'time' | 'dateTime';

const FORMATS: Record<Lang, Record<DateStyle, string>> = {
  sv: { date: 'd MMMM yyyy', dateShort: 'yyyy-MM-dd', time: 'HH:mm', dateTime: "d MMMM yyyy 'kl.' HH:mm" },
  en: { date: 'd MMMM yyyy', dateShort: 'd MMM yyyy', time: 'HH:mm', dateTime: 'd MMMM yyyy, HH:mm' },
};

/** Instants are shown in the programme's zone; calendar dates (YYYY-MM-DD) as they are. */
export function formatDate(value: DateInput, style: DateStyle, lang: Lang, zone: string): string {
  if (value === null || value === undefined || value === '') return '';
  const parsed =
    typeof value === 'string'
      ? /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? DateTime.fromISO(value, { zone })
        : DateTime.fromISO(value, { setZone: true }).setZone(zone)
      : DateTime.fromJSDate(value, { zone });
  return parsed.isValid ? parsed.setLocale(LOCALES[lang]).toFormat(FORMATS[lang][style]) : '';
}
