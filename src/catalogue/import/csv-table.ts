import { parse } from 'csv-parse/sync';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FieldError, Problem } from '../../common/problem';
import { CsvRecord } from '../csv-cells';

/**
 * Reads a CSV text (UTF-8, with or without a byte-order mark, comma or semicolon separated as
 * spreadsheet programs in Sweden write it) into records. The header row must hold `required`
 * and may hold only `known` columns: 400 naming them otherwise.
 */
export function readCsv(text: string, required: string[], known: string[]): CsvRecord[] {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw Problem.badRequest('import.unreadable', { reason: (error as Error).message });
  }
  const [header, ...body] = rows;
  if (!header) throw Problem.badRequest('import.empty');
  const errors: FieldError[] = [
    ...required.filter((c) => !header.includes(c)).map((c) => Problem.fieldError(c, 'import.columnRequired', { column: c })),
    ...header.filter((c) => !known.includes(c)).map((c) => Problem.fieldError(c, 'import.unknownColumn', { column: c, known: known.join(', ') })),
  ];
  if (errors.length) throw Problem.badRequest('import.badHeader', {}, errors);
  if (!body.length) throw Problem.badRequest('import.noRows');
  return body.map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(header.map((column, j) => [column, cells[j]])) }));
}

/** Validates a row's values against a DTO class as the API would, returning the DTO and every field error. */
export async function validateRow<T extends object>(type: new () => T, values: Record<string, unknown>): Promise<{ dto: T; errors: FieldError[] }> {
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const dto = plainToInstance(type, given);
  const problems = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  return { dto, errors: flatten(problems) };
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return Object.values(e.constraints ?? {})
      .map((message) => ({ field, message }))
      .concat(flatten(e.children ?? [], field));
  });
}

const columnOf = (field: string, columns: Record<string, string>) => {
  const name = field.split(/[.[]/)[0];
  return columns[name] ?? name;
};

/** Validation errors under column names; a column whose name could not be resolved reports only that. */
export function combineErrors(resolved: FieldError[], validation: FieldError[], columns: Record<string, string>): FieldError[] {
  const named = validation.map((e) => ({ field: columnOf(e.field, columns), message: e.message }));
  return [...resolved, ...named.filter((e) => !resolved.some((r) => r.field === e.field))];
}

/** One error per column of a row: `row 3.durationMinutes`, its messages joined. */
export function rowErrors(row: number, errors: FieldError[], columns: Record<string, string>): FieldError[] {
  const byColumn = new Map<string, string[]>();
  for (const error of errors) {
    const column = columnOf(error.field, columns);
    byColumn.set(column, [...(byColumn.get(column) ?? []), error.message]);
  }
  return [...byColumn].map(([column, messages]) => ({ field: `row ${row}.${column}`, message: [...new Set(messages)].join('; ') }));
}
