import ExcelJS from 'exceljs';
import { DomainError } from '@meritgraph/domain';

/** The media type of an .xlsx workbook, for uploads and downloads. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a column holds; 'list' is several values in one cell separated by 、 ; , or ；. */
export type CellType = 'string' | 'integer' | 'number' | 'date' | 'boolean' | 'list';

export interface ImportColumn {
  key: string; // The API input field the column fills, e.g. 'creditCode'.
  zh: string; // The Chinese header, e.g. '统一社会信用代码'.
  en: string; // The English header, e.g. 'Unified social credit code'.
  type: CellType;
  required?: boolean;
  maxLength?: number; // The longest text a cell may hold (for each value of a list).
  note?: string; // Shown in the template's notes sheet.
  choices?: readonly string[]; // The values allowed; the template offers them as a drop-down list.
}

export interface SheetSpec {
  kind: string;
  title: string; // The worksheet's name, e.g. '单位 Organizations'.
  columns: readonly ImportColumn[];
  maxRows: number; // The most data rows one import takes.
}

export type CellValue = string | number | boolean | Date | string[] | null;

export interface ParsedRow {
  row: number; // The 1-based row number in the sheet.
  values: Record<string, CellValue>;
}

export interface ImportProblem {
  row: number;
  column: string | null; // The column's letter in the sheet, e.g. 'C'.
  header: string | null; // The column's Chinese header.
  field: string | null; // The column's key.
  code: string;
  message: string;
}

/** The whole file is refused: it is not a workbook laid out as the template, or it has too many rows. */
export class ImportRefused extends DomainError {
  constructor(
    override readonly code: 'IMPORT_UNREADABLE' | 'IMPORT_TOO_MANY_ROWS',
    message: string,
    override readonly details: Record<string, unknown> = {},
  ) {
    super(code, message, undefined, details);
  }
}

const HEADER_ROWS = 2;
const NOTES_TITLE = '说明 Notes';
const CHOICES_TITLE = '选项 Choices';
const LIST_SEPARATORS = /[、,，;；]/;
const TRUE_WORDS = new Set(['是', 'true', 'yes', '1']);
const FALSE_WORDS = new Set(['否', 'false', 'no', '0']);
const TYPE_LABELS: Record<CellType, string> = {
  string: '文本 text',
  integer: '整数 whole number',
  number: '数字 number',
  date: '日期 date (YYYY-MM-DD)',
  boolean: '是/否 yes/no',
  list: '多个值，用、分隔 list separated by 、',
};
const BAD_INPUT = 'BAD_USER_INPUT';

/** The letter of a 0-based column index: 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index0: number): string {
  let letters = '';
  for (let n = index0 + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** An empty sheet with both header rows, drop-down lists for choices, and a notes sheet describing every column. */
export async function templateWorkbook(spec: SheetSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = layout(workbook, spec, []);
  const notes = workbook.addWorksheet(NOTES_TITLE, { views: [{ state: 'frozen', ySplit: 1 }] });
  notes.columns = [
    { header: '中文表头 Chinese header', width: 24 },
    { header: 'English header', width: 30 },
    { header: '必填 Required', width: 14 },
    { header: '类型 Type', width: 26 },
    { header: '说明 Note', width: 50 },
    { header: '可选值 Choices', width: 40 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of spec.columns) {
    const type = TYPE_LABELS[column.type] + (column.maxLength ? `, ≤${column.maxLength}` : '');
    notes.addRow([column.zh, column.en, column.required ? '是 yes' : '否 no', type, column.note ?? '', (column.choices ?? []).join('、')]);
  }
  notes.addRow([]);
  notes.addRow([`每次最多导入 ${spec.maxRows} 行。At most ${spec.maxRows} rows per import.`]);
  addChoiceLists(workbook, sheet, spec);
  return toBuffer(workbook);
}

/** A sheet in the template's layout holding the rows: dates as Excel dates, lists joined with 、, booleans as 是/否. */
export async function writeSheet(spec: SheetSpec, rows: readonly Record<string, CellValue>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = layout(workbook, spec, rows);
  rows.forEach((values, i) => {
    const row = sheet.getRow(HEADER_ROWS + 1 + i);
    spec.columns.forEach((column, c) => {
      const value = values[column.key];
      if (value === null || value === undefined) return;
      row.getCell(c + 1).value = Array.isArray(value) ? value.join('、') : typeof value === 'boolean' ? (value ? '是' : '否') : value;
    });
  });
  addChoiceLists(workbook, sheet, spec);
  return toBuffer(workbook);
}

/** The worksheet with its two bold, frozen header rows and column widths fitting headers and values. */
function layout(workbook: ExcelJS.Workbook, spec: SheetSpec, rows: readonly Record<string, CellValue>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: HEADER_ROWS }] });
  sheet.getRow(1).values = spec.columns.map((c) => c.zh);
  sheet.getRow(2).values = spec.columns.map((c) => c.en);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { bold: true, italic: true, color: { argb: 'FF595959' } };
  spec.columns.forEach((column, c) => {
    const longest = Math.max(
      displayWidth(column.zh),
      displayWidth(column.en),
      ...rows.slice(0, 200).map((r) => displayWidth(textOf(r[column.key]))),
    );
    const col = sheet.getColumn(c + 1);
    col.width = Math.min(50, Math.max(10, longest + 2));
    const numFmt = column.type === 'date' ? 'yyyy-mm-dd' : column.type === 'string' || column.type === 'list' ? '@' : undefined;
    if (numFmt) col.numFmt = numFmt;
    if (column.required) sheet.getRow(1).getCell(c + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  return sheet;
}

/** Each column with choices gets a drop-down list over its data rows. */
function addChoiceLists(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, spec: SheetSpec): void {
  const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;
  let hidden: ExcelJS.Worksheet | undefined;
  spec.columns.forEach((column, c) => {
    if (!column.choices?.length || column.type === 'list') return;
    const inline = column.choices.join(',');
    let formula = `"${inline}"`;
    if (inline.length > 250 || column.choices.some((choice) => /[,"]/.test(choice))) {
      const lists = (hidden ??= workbook.addWorksheet(CHOICES_TITLE, { state: 'hidden' }));
      const at = lists.columnCount + 1;
      column.choices.forEach((choice, i) => (lists.getRow(i + 1).getCell(at).value = choice));
      const letter = columnLetter(at - 1);
      formula = `'${CHOICES_TITLE}'!$${letter}$1:$${letter}$${column.choices.length}`;
    }
    const letter = columnLetter(c);
    validations.add(`${letter}${HEADER_ROWS + 1}:${letter}${HEADER_ROWS + spec.maxRows}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [formula],
      showErrorMessage: true,
      errorTitle: column.zh,
      error: `请从列表中选择 Choose one of: ${column.choices.join(', ')}`.slice(0, 255),
    });
  });
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The sheet letters of the columns each parsed row was read from, for problemsAt. */
const lettersOfRow = new WeakMap<ParsedRow, ReadonlyMap<string, string>>();

/**
 * The rows of the first worksheet, with every bad cell reported. Throws ImportRefused when the
 * bytes are not an .xlsx, a required column is missing, or there are more rows than spec.maxRows.
 */
export async function readSheet(spec: SheetSpec, bytes: Buffer): Promise<{ rows: ParsedRow[]; problems: ImportProblem[] }> {
  const sheet = await firstWorksheet(bytes);
  const { columns, dataStart } = mapHeaders(spec, sheet);
  const letters = new Map([...columns].map(([col, column]) => [column.key, columnLetter(col - 1)]));

  const dataRows: ExcelJS.Row[] = [];
  for (let r = dataStart; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    if (row && [...columns.keys()].some((col) => plain(row.findCell(col)?.value) !== null)) dataRows.push(row);
  }
  if (dataRows.length > spec.maxRows) {
    throw new ImportRefused(
      'IMPORT_TOO_MANY_ROWS',
      `The sheet has ${dataRows.length} rows; one import takes at most ${spec.maxRows}. 表格共 ${dataRows.length} 行，每次最多导入 ${spec.maxRows} 行。`,
      { limit: spec.maxRows, actual: dataRows.length },
    );
  }

  const rows: ParsedRow[] = [];
  const problems: ImportProblem[] = [];
  for (const row of dataRows) {
    const values: Record<string, CellValue> = Object.fromEntries(spec.columns.map((c) => [c.key, null]));
    for (const [col, column] of columns) {
      const raw = plain(row.findCell(col)?.value);
      const { value, problem } = coerce(column, raw);
      values[column.key] = value;
      const place = { row: row.number, column: columnLetter(col - 1), header: column.zh, field: column.key };
      if (problem) problems.push({ ...place, code: BAD_INPUT, message: problem });
    }
    const parsed = { row: row.number, values };
    lettersOfRow.set(parsed, letters);
    rows.push(parsed);
  }
  return { rows, problems };
}

/**
 * Places the failures of items built from `rows` (index = position in `rows`) on the sheet: the
 * row number, and the column whose key is the failure's field or the last key in its path
 * ('inputs.3.creditCode', 'inputs[3].creditCode'). An unknown field gets no column.
 */
export function problemsAt(
  spec: SheetSpec,
  rows: readonly ParsedRow[],
  failures: readonly { index: number; field?: string | null; code: string; message: string }[],
): ImportProblem[] {
  const byKey = new Map(spec.columns.map((column, c) => [column.key, { column, letter: columnLetter(c) }]));
  return failures.map((failure) => {
    const parsed = rows[failure.index];
    const key = (failure.field ?? '').split(/[.[\]]+/).findLast((segment) => byKey.has(segment));
    const found = key === undefined ? undefined : byKey.get(key);
    const letters = parsed ? lettersOfRow.get(parsed) : undefined;
    const letter = found ? (letters ? (letters.get(found.column.key) ?? null) : found.letter) : null;
    const { code, message } = failure;
    return { row: parsed?.row ?? 0, column: letter, header: found?.column.zh ?? null, field: found?.column.key ?? null, code, message };
  });
}

async function firstWorksheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const unreadable = () =>
    new ImportRefused('IMPORT_UNREADABLE', 'The file is not an Excel workbook (.xlsx). 文件不是 Excel 工作簿（.xlsx）。');
  // Every .xlsx is a zip archive, which starts with 'PK'.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw unreadable();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const [sheet] = workbook.worksheets;
  if (!sheet) throw unreadable();
  return sheet;
}

const normalise = (text: string) => text.replace(/^[*＊\s]+|[*＊\s]+$/g, '').replace(/\s+/g, ' ');
const headerOf = (column: ImportColumn, text: string) => {
  const t = normalise(text);
  return t === normalise(column.zh) || t.toLowerCase() === normalise(column.en).toLowerCase();
};

/** Which spec column each sheet column (1-based) holds, and the first data row. */
function mapHeaders(spec: SheetSpec, sheet: ExcelJS.Worksheet): { columns: Map<number, ImportColumn>; dataStart: number } {
  const columns = new Map<number, ImportColumn>();
  const duplicate: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const text = textOf(plain(cell.value));
    const column = spec.columns.find((c) => headerOf(c, text));
    if (!column) return;
    if ([...columns.values()].includes(column)) duplicate.push(`${column.zh} ${column.en}`);
    else columns.set(col, column);
  });
  if (duplicate.length) {
    throw new ImportRefused('IMPORT_UNREADABLE', `A column appears twice: ${duplicate.join('; ')}. 表头重复。`, { duplicate });
  }
  const missing = spec.columns.filter((c) => c.required && ![...columns.values()].includes(c));
  if (missing.length) {
    const names = missing.map((c) => `${c.zh} (${c.en})`).join(', ');
    throw new ImportRefused('IMPORT_UNREADABLE', `The sheet lacks the column ${names}. 表格缺少列：${names}。`, {
      missing: missing.map((c) => ({ field: c.key, zh: c.zh, en: c.en })),
    });
  }
  if (!columns.size) {
    throw new ImportRefused('IMPORT_UNREADABLE', 'Row 1 of the sheet holds none of the template’s headers. 第 1 行没有模板的表头。');
  }
  // Row 2 is the other language's header row when each of its known cells is its column's header.
  const second = sheet.findRow(2);
  const cells = [...columns].map(([col, column]) => ({ column, text: textOf(plain(second?.findCell(col)?.value)) }));
  const headers = cells.every(({ column, text }) => text === '' || headerOf(column, text)) && cells.some(({ text }) => text !== '');
  return { columns, dataStart: headers ? 3 : 2 };
}

type Plain = string | number | boolean | Date | { error: string } | null;

/** A cell's value reduced to text, a number, a boolean, a date or an error: rich text joined, formulas' results, hyperlinks' text. */
function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return plain(value.richText.map((part) => part.text).join(''));
  if ('error' in value) return { error: value.error };
  if ('hyperlink' in value) return plain(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return plain(value.result ?? null);
  return null;
}

const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

function digits(n: number): string {
  return Number.isInteger(n) && Math.abs(n) >= 1e21 ? BigInt(n).toString() : String(n);
}

function textOf(value: Plain | CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return digits(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'object') return value.error;
  return value.trim();
}

/** Characters as wide as Excel shows them: a CJK character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function toNumber(raw: Exclude<Plain, null>): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(raw.trim()) ? raw.trim().replace(/,/g, '') : raw.trim();
  return NUMERIC.test(text) ? Number(text) : null;
}

function toDate(raw: Exclude<Plain, null>): Date | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : utcDay(raw);
  // A date the cell's format does not show as one: Excel counts days from 1899-12-30.
  if (typeof raw === 'number') return raw > 0 && raw < 2958466 ? utcDay(new Date(Math.round((raw - 25569) * 86400000))) : null;
  if (typeof raw !== 'string') return null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

function toBoolean(raw: Exclude<Plain, null>): boolean | null {
  if (typeof raw === 'boolean') return raw;
  const word = textOf(raw).toLowerCase();
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
}

/** Checks a text against the column's length and choices; the problem, if any. */
function textProblem(column: ImportColumn, text: string): string | null {
  if (column.maxLength !== undefined && [...text].length > column.maxLength) return `at most ${column.maxLength} characters`;
  if (column.choices && !column.choices.includes(text)) return `one of: ${column.choices.join(', ')}`;
  return null;
}

/** The cell's value in the column's type, or null and what is wrong with it. */
function coerce(column: ImportColumn, raw: Plain): { value: CellValue; problem: string | null } {
  const bad = (problem: string) => ({ value: null, problem });
  if (raw === null) return column.required ? bad('required') : { value: null, problem: null };
  if (typeof raw === 'object' && !(raw instanceof Date)) return bad(`the cell holds the error ${raw.error}`);
  switch (column.type) {
    case 'string': {
      const text = textOf(raw);
      const problem = textProblem(column, text);
      return problem ? bad(problem) : { value: text, problem: null };
    }
    case 'integer': {
      const n = toNumber(raw);
      return n !== null && Number.isSafeInteger(n) ? { value: n, problem: null } : bad('not a whole number');
    }
    case 'number': {
      const n = toNumber(raw);
      return n === null ? bad('not a number') : { value: n, problem: null };
    }
    case 'date': {
      const date = toDate(raw);
      return date ? { value: date, problem: null } : bad('not a date (YYYY-MM-DD)');
    }
    case 'boolean': {
      const flag = toBoolean(raw);
      return flag === null ? bad('not 是/否 (yes/no)') : { value: flag, problem: null };
    }
    case 'list': {
      const items = textOf(raw)
        .split(LIST_SEPARATORS)
        .map((item) => item.trim())
        .filter((item) => item !== '');
      if (!items.length) return column.required ? bad('required') : { value: null, problem: null };
      const problems = [...new Set(items.map((item) => textProblem(column, item)).filter((p) => p !== null))];
      return problems.length ? bad(`each value ${problems.join('; ')}`) : { value: items, problem: null };
    }
  }
}
