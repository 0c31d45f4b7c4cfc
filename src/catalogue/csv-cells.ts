import { FieldError } from '../common/problem';
import { formatInstant, fromLocalTime, isInstant } from '../common/time';
import { Resolved } from './catalogue-names';

/** One spreadsheet row: its cells by header, and the row number a spreadsheet shows (the header is row 1). */
export interface CsvRecord {
  row: number;
  cells: Record<string, string>;
}

/** Lists in one cell are separated by semicolons: `children_youth; financial_aid`. */
export const LIST_SEPARATOR = ';';
export const joinList = (values: string[]) => values.join(`${LIST_SEPARATOR} `);
export const splitList = (cell: string | undefined) =>
  (cell ?? '')
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter(Boolean);

/** Empty cells are "not given"; the DTO's validation judges the rest, so bad text stays text and is named. */
export const text = (cell: string | undefined) => (cell === undefined || cell === '' ? undefined : cell);

export function integer(cell: string | undefined): number | string | undefined {
  const value = text(cell);
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : value;
}

export function boolean(cell: string | undefined): boolean | string | undefined {
  const value = text(cell)?.toLowerCase();
  if (value === undefined) return undefined;
  if (['true', 'yes', 'ja', '1'].includes(value)) return true;
  if (['false', 'no', 'nej', '0'].includes(value)) return false;
  return value;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2})?)$/;

/**
 * A time cell: an instant with an offset (`2026-09-01T09:00:00+02:00`) as given, or a local time
 * without one (`2026-09-01 09:00`) read in the programme's zone. A local time that does not exist
 * (skipped by the spring daylight-saving change) is refused (fromLocalTime, as the schedule form).
 */
export function instant(cell: string | undefined, zone: string): string | undefined | { error: string } {
  const value = text(cell);
  if (value === undefined || isInstant(value)) return value;
  const local = LOCAL.exec(value);
  const time = local ? fromLocalTime(`${local[1]}T${local[2]}`, zone) : 'invalid';
  if (time === 'skipped') return { error: `does not exist in ${zone}: the clocks skip that hour (daylight saving)` };
  if (time === 'invalid') return { error: `must be a time like 2026-09-01 09:00 (${zone}) or 2026-09-01T09:00:00+02:00` };
  return formatInstant(time, zone);
}

/** Collects per-row problems with the column they belong to. */
export class RowErrors {
  readonly errors: FieldError[] = [];

  add(column: string, message: string): void {
    this.errors.push({ field: column, message });
  }

  /** The id of a resolved name, or undefined after noting why it failed. */
  id(column: string, resolved: Resolved): string | undefined {
    if ('error' in resolved) this.add(column, resolved.error);
    return 'id' in resolved ? resolved.id : undefined;
  }

  time(column: string, value: ReturnType<typeof instant>): string | undefined {
    if (typeof value === 'object') this.add(column, `${column} ${value.error}`);
    return typeof value === 'object' ? undefined : value;
  }
}
