import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** UTF-8 with a byte-order mark, so spreadsheet programs keep å, ä and ö. */
export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  const records = rows.map((row) => columns.map((c) => c.value(row) ?? ''));
  return '\ufeff' + stringify([columns.map((c) => c.header), ...records]);
}

export function sendCsv<T>(reply: FastifyReply, filename: string, rows: T[], columns: CsvColumn<T>[]): string {
  reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
  return toCsv(rows, columns);
}
