import type { LectureResponse } from '../../catalogue/lectures/dto/lecture.dto';
import { formatNumber, Lang } from '../i18n/i18n';
import { field } from '../web-request';

/** The length is asked as days and hours; the API's durationMinutes is days × DAY_MINUTES + hours × 60. */
export const LENGTH_FIELDS = ['durationDays', 'durationHours'] as const;

/** A repeated form field (checkboxes) as a list of strings. */
export function fieldList(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
}

const number = (text: string) => (text.trim() === '' ? 0 : Number(text.trim().replace(',', '.')));

/** The posted form as the fields of CreateLectureDto, left for the DTO's own rules to judge. */
export function lectureInput(body: unknown, dayMinutes: number) {
  const minutes = number(field(body, 'durationDays')) * dayMinutes + number(field(body, 'durationHours')) * 60;
  const month = field(body, 'recommendedMonth').trim();
  return {
    title: field(body, 'title').trim(),
    themeId: field(body, 'themeId'),
    description: field(body, 'description').trim() || null,
    durationMinutes: Number.isFinite(minutes) ? Math.round(minutes) : field(body, 'durationHours'),
    level: field(body, 'level') || undefined,
    format: field(body, 'format') || undefined,
    areaCodes: fieldList(body, 'areaCodes'),
    lecturerIds: fieldList(body, 'lecturerIds'),
    recommendedMonth: month === '' ? null : /^\d+$/.test(month) ? Number(month) : month,
    active: field(body, 'active') === 'true',
  };
}

/** What the form shows: a lecture's values (hours as the language writes them: 3,5 in Swedish), the defaults for a new one. */
export function lectureValues(lecture: LectureResponse | null, dayMinutes = 480, lang: Lang = 'sv') {
  if (!lecture) return { level: 'basic', format: 'in_person', active: 'true', areaCodes: [], lecturerIds: [] };
  return {
    ...lecture,
    durationDays: String(Math.floor(lecture.durationMinutes / dayMinutes)),
    durationHours: formatNumber(Math.round(((lecture.durationMinutes % dayMinutes) / 60) * 100) / 100, lang),
    recommendedMonth: lecture.recommendedMonth === null ? '' : String(lecture.recommendedMonth),
    active: String(lecture.active),
    description: lecture.description ?? '',
  };
}

export function postedValues(body: unknown) {
  return { ...(body as object), areaCodes: fieldList(body, 'areaCodes'), lecturerIds: fieldList(body, 'lecturerIds') };
}
