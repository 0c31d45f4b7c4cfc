import { CsvColumn } from '../../common/csv';
import { CatalogueNames } from '../catalogue-names';
import { boolean, CsvRecord, integer, joinList, RowErrors, splitList, text } from '../csv-cells';
import type { LectureRow } from './lectures.service';

/** The lecture spreadsheet: export writes these columns, import reads them (README, "CSV columns"). */
export const LECTURE_CSV_REQUIRED = ['title', 'theme', 'durationMinutes'];

export const lectureCsvColumns = (names: CatalogueNames): CsvColumn<LectureRow>[] => [
  { header: 'id', value: (r) => r.lecture.id },
  { header: 'title', value: (r) => r.lecture.title },
  { header: 'theme', value: (r) => names.themeName(r.lecture.themeId) },
  { header: 'description', value: (r) => r.lecture.description },
  { header: 'durationMinutes', value: (r) => r.lecture.durationMinutes },
  { header: 'level', value: (r) => r.lecture.level },
  { header: 'format', value: (r) => r.lecture.format },
  { header: 'areaCodes', value: (r) => joinList(r.lecture.areaCodes) },
  { header: 'lecturers', value: (r) => joinList(r.lecturerIds.map(names.lecturerLabel)) },
  { header: 'recommendedMonth', value: (r) => r.lecture.recommendedMonth },
  { header: 'active', value: (r) => r.lecture.active },
];

/** A lecture row as the fields of CreateLectureDto (names resolved to ids), plus its id when given. */
export function lectureFromCsv({ cells }: CsvRecord, names: CatalogueNames, errors: RowErrors) {
  const areaCodes = splitList(cells.areaCodes);
  const lecturers = splitList(cells.lecturers);
  const dto = {
    themeId: text(cells.theme) && errors.id('theme', names.theme(cells.theme)),
    title: text(cells.title),
    description: cells.description === undefined ? undefined : text(cells.description) ?? null,
    durationMinutes: integer(cells.durationMinutes),
    level: text(cells.level),
    format: text(cells.format),
    areaCodes: areaCodes.length ? areaCodes : undefined,
    lecturerIds: cells.lecturers === undefined ? undefined : lecturers.map((label) => errors.id('lecturers', names.lecturer(label))).filter((id) => id !== undefined),
    recommendedMonth: cells.recommendedMonth === undefined ? undefined : integer(cells.recommendedMonth) ?? null,
    active: boolean(cells.active),
  };
  return { id: text(cells.id), dto };
}

/** DTO fields that hold a resolved name are reported under the spreadsheet's column. */
export const LECTURE_CSV_FIELDS: Record<string, string> = { themeId: 'theme', lecturerIds: 'lecturers' };

/** The header row; building the columns only reads their names. */
export const LECTURE_CSV_HEADERS = lectureCsvColumns({} as CatalogueNames).map((c) => c.header);
