import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { stringify } from 'csv-stringify';
import { stream as excelStream } from 'exceljs';

/** A column as the analytics `table` describes it. */
export interface ExportColumn {
  key: string;
  zh: string;
  en: string;
  kind: 'TEXT' | 'NUMBER' | 'DATETIME';
}

export type Row = (string | null)[];

/** The one header row: each column as "中文 / English". */
export const headerOf = (column: ExportColumn): string => `${column.zh} / ${column.en}`;

/**
 * How headers are laid out: one row of "中文 / English", or as the import sheets have them,
 * a row of Chinese headers and then a row of English ones.
 */
export type HeaderLayout = 'combined' | 'import';

/** The header rows of a table in a layout. */
export const headerRows = (columns: readonly ExportColumn[], layout: HeaderLayout): string[][] =>
  layout === 'import' ? [columns.map((c) => c.zh), columns.map((c) => c.en)] : [columns.map(headerOf)];

/**
 * Text a spreadsheet would take for a formula (=, +, -, @, tab, carriage return first) is
 * written with a leading apostrophe in CSV, so that opening an export never runs a formula.
 */
export const csvText = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Writes rows of one table to the response, page by page; `end` completes the file. */
export interface TableWriter {
  readonly contentType: string;
  readonly extension: string;
  start(columns: readonly ExportColumn[], layout?: HeaderLayout): Promise<void>;
  rows(rows: readonly Row[]): Promise<void>;
  end(): Promise<void>;
}

/** Waits while the response's buffer is full, so that a slow client holds the export back rather than memory. */
async function drained(res: ServerResponse): Promise<void> {
  if (res.writableNeedDrain && !res.destroyed) await Promise.race([once(res, 'drain'), once(res, 'close')]);
}

/** CSV: UTF-8 with a BOM (Excel reads the Chinese right), RFC 4180 quoting and CRLF, the header rows first. */
export function csvWriter(res: ServerResponse): TableWriter {
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  let kinds: ExportColumn['kind'][] = [];
  const write = async (record: string[]) => {
    if (!csv.write(record)) await Promise.race([once(csv, 'drain'), once(res, 'close')]);
  };
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    async start(columns, layout = 'combined') {
      kinds = columns.map((c) => c.kind);
      csv.pipe(res);
      for (const header of headerRows(columns, layout)) await write(header);
    },
    async rows(rows) {
      for (const row of rows) await write(row.map((v, i) => (v === null ? '' : kinds[i] === 'NUMBER' ? v : csvText(v))));
      await drained(res);
    },
    async end() {
      const finished = once(res, 'finish');
      csv.end();
      await finished;
    },
  };
}

/** XLSX: one sheet written as it streams (exceljs' WorkbookWriter), numbers as numbers, the header rows first. */
export function xlsxWriter(res: ServerResponse, sheetName: string): TableWriter {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: res, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  let kinds: ExportColumn['kind'][] = [];
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    async start(columns, layout = 'combined') {
      kinds = columns.map((c) => c.kind);
      for (const header of headerRows(columns, layout)) sheet.addRow(header).commit();
    },
    async rows(rows) {
      for (const row of rows) sheet.addRow(row.map((v, i) => (v === null ? null : kinds[i] === 'NUMBER' ? Number(v) : v))).commit();
      await drained(res);
    },
    async end() {
      sheet.commit();
      const finished = once(res, 'finish');
      await workbook.commit();
      await finished;
    },
  };
}
