import { CsvColumn } from '../../common/csv';
import { CatalogueNames } from '../catalogue-names';
import { CsvRecord, instant, integer, joinList, RowErrors, splitList, text } from '../csv-cells';
import { SessionResponse } from './dto/session.dto';

/**
 * The session spreadsheet: export writes these columns, import reads them (README, "CSV columns").
 * `slots` is filled for multi-day sessions (`start/end; start/end`); status, bookedCount and
 * waitlistCount are exported for reading and ignored on import.
 */
export const SESSION_CSV_REQUIRED = ['lecture'];

export const sessionCsvColumns = (names: CatalogueNames): CsvColumn<SessionResponse>[] => [
  { header: 'id', value: (s) => s.id },
  { header: 'lecture', value: (s) => s.title },
  { header: 'startsAt', value: (s) => s.startsAt },
  { header: 'endsAt', value: (s) => s.endsAt },
  { header: 'slots', value: (s) => (s.slots.length > 1 ? joinList(s.slots.map((slot) => `${slot.startsAt}/${slot.endsAt}`)) : '') },
  { header: 'venue', value: (s) => names.venueName(s.venueId) },
  { header: 'onlineUrl', value: (s) => s.onlineUrl },
  { header: 'capacity', value: (s) => s.capacity },
  { header: 'lecturers', value: (s) => joinList(s.lecturerIds.map(names.lecturerLabel)) },
  { header: 'enrolmentDeadline', value: (s) => s.enrolmentDeadline },
  { header: 'status', value: (s) => s.status },
  { header: 'bookedCount', value: (s) => s.bookedCount },
  { header: 'waitlistCount', value: (s) => s.waitlistCount },
];

/** A session row as the fields of CreateSessionDto (names resolved, local times given their offset). */
export function sessionFromCsv({ cells }: CsvRecord, names: CatalogueNames, errors: RowErrors, zone: string) {
  const slotCells = splitList(cells.slots);
  const slots = slotCells.map((cell) => {
    const [start, end, ...rest] = cell.split('/');
    if (end === undefined || rest.length) errors.add('slots', `"${cell}" is not a slot: write start/end`);
    return { startsAt: errors.time('slots', instant(start?.trim(), zone)), endsAt: errors.time('slots', instant(end?.trim(), zone)) };
  });
  const single = !slots.length;
  const dto = {
    lectureId: text(cells.lecture) && errors.id('lecture', names.lecture(cells.lecture)),
    startsAt: single ? errors.time('startsAt', instant(cells.startsAt, zone)) : undefined,
    endsAt: single ? errors.time('endsAt', instant(cells.endsAt, zone)) : undefined,
    slots: single ? undefined : slots,
    venueId: text(cells.venue) && errors.id('venue', names.venue(cells.venue)),
    onlineUrl: text(cells.onlineUrl),
    capacity: integer(cells.capacity),
    lecturerIds: text(cells.lecturers) && splitList(cells.lecturers).map((label) => errors.id('lecturers', names.lecturer(label))).filter((id) => id !== undefined),
    enrolmentDeadline: errors.time('enrolmentDeadline', instant(cells.enrolmentDeadline, zone)),
  };
  return { id: text(cells.id), cancelled: text(cells.status) === 'cancelled', dto };
}

export const SESSION_CSV_FIELDS: Record<string, string> = { lectureId: 'lecture', venueId: 'venue', lecturerIds: 'lecturers' };

/** The header row; building the columns only reads their names. */
export const SESSION_CSV_HEADERS = sessionCsvColumns({} as CatalogueNames).map((c) => c.header);
