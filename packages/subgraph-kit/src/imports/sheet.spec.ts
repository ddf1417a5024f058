import ExcelJS from 'exceljs';
import { ImportRefused, type SheetSpec, columnLetter, problemsAt, readSheet, templateWorkbook, writeSheet } from './sheet';

const spec: SheetSpec = {
  kind: 'organizations',
  title: '单位 Organizations',
  maxRows: 5,
  columns: [
    { key: 'name', zh: '单位名称', en: 'Name', type: 'string', required: true, maxLength: 10 },
    { key: 'creditCode', zh: '统一社会信用代码', en: 'Unified social credit code', type: 'string', required: true, maxLength: 18 },
    {
      key: 'kind',
      zh: '单位类型',
      en: 'Kind',
      type: 'string',
      choices: ['企业', '事业单位'],
      note: '企业或事业单位 A company or an institution',
    },
    { key: 'staff', zh: '职工人数', en: 'Staff', type: 'integer' },
    { key: 'founded', zh: '成立日期', en: 'Founded', type: 'date' },
    { key: 'share', zh: '占比', en: 'Share', type: 'number' },
    { key: 'active', zh: '是否有效', en: 'Active', type: 'boolean' },
    { key: 'tracks', zh: '专业', en: 'Tracks', type: 'list' },
  ],
};

/** An .xlsx whose first worksheet holds these rows as they are, from row 1. */
async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  rows.forEach((values, r) => values.forEach((value, c) => (sheet.getRow(r + 1).getCell(c + 1).value = value)));
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const zhHeaders = spec.columns.map((c) => c.zh);
const enHeaders = spec.columns.map((c) => c.en);

async function refusal(bytes: Buffer, withSpec: SheetSpec = spec): Promise<ImportRefused> {
  const error: unknown = await readSheet(withSpec, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefused);
  return error as ImportRefused;
}

describe('import sheets', () => {
  it('names columns by letter', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('gives a template with Chinese and English header rows, frozen, a drop-down for choices and a notes sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateWorkbook(spec)) as unknown as ArrayBuffer);
    const [sheet, notes] = workbook.worksheets;
    expect(sheet?.name).toBe('单位 Organizations');
    expect((sheet?.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(zhHeaders);
    expect((sheet?.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual(enHeaders);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 2 }));
    expect(sheet?.actualRowCount).toBe(2);
    expect(sheet?.getCell('C3').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"企业,事业单位"'] }));

    expect(notes?.name).toBe('说明 Notes');
    const kind = notes?.getRow(4).values as ExcelJS.CellValue[];
    expect(kind.slice(1)).toEqual([
      '单位类型',
      'Kind',
      '否 no',
      '文本 text',
      '企业或事业单位 A company or an institution',
      '企业、事业单位',
    ]);
    expect((notes?.getRow(3).values as ExcelJS.CellValue[]).slice(1, 4)).toEqual([
      '统一社会信用代码',
      'Unified social credit code',
      '是 yes',
    ]);
  });

  it('offers a long or comma-holding list of choices from a hidden sheet', async () => {
    const choices = ['电网, 输电', ...Array.from({ length: 60 }, (_, i) => `专业方向${i}`)];
    const wide: SheetSpec = { ...spec, columns: [{ key: 'track', zh: '专业', en: 'Track', type: 'string', choices }] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateWorkbook(wide)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('单位 Organizations')?.getCell('A7').dataValidation?.formulae).toEqual([`'选项 Choices'!$A$1:$A$61`]);
    expect(workbook.getWorksheet('选项 Choices')?.state).toBe('hidden');
    expect(workbook.getWorksheet('选项 Choices')?.getCell('A1').value).toBe('电网, 输电');
    const { problems } = await readSheet(wide, await xlsx([['专业'], ['电网, 输电'], ['电网']]));
    expect(problems.map((p) => [p.row, p.column, p.message.slice(0, 8)])).toEqual([[3, 'A', 'one of: ']]);
  });

  it('reads back exactly what it wrote: text, numbers, dates, booleans and lists', async () => {
    const written = [
      {
        name: '华东电力',
        creditCode: '91310000MA1K000001',
        kind: '企业',
        staff: 1200,
        founded: new Date(Date.UTC(1998, 4, 17)),
        share: 0.375,
        active: true,
        tracks: ['电网', '发电'],
      },
      {
        name: '研究院',
        creditCode: '12100000400000123X',
        kind: null,
        staff: null,
        founded: null,
        share: null,
        active: false,
        tracks: null,
      },
    ];
    const { rows, problems } = await readSheet(spec, await writeSheet(spec, written));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 3, values: written[0] },
      { row: 4, values: written[1] },
    ]);
  });

  it('takes a sheet with only an English header row, its data from row 2', async () => {
    const { rows, problems } = await readSheet(
      spec,
      await xlsx([[' name ', 'UNIFIED SOCIAL CREDIT CODE'], ['电力公司', '91310000MA1K000001'], [], ['设计院', '91310000MA1K000002']]),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.values.name, r.values.creditCode, r.values.staff])).toEqual([
      [2, '电力公司', '91310000MA1K000001', null],
      [4, '设计院', '91310000MA1K000002', null],
    ]);
  });

  it('takes the columns in any order, English row first, and ignores columns it does not know', async () => {
    const bytes = await xlsx([
      ['Staff', '备注', 'Unified social credit code', 'Name'],
      ['职工人数', 'Remarks', '统一社会信用代码', '单位名称'],
      [35, '旧名', '91310000MA1K000001', '电力公司'],
    ]);
    const { rows, problems } = await readSheet(spec, bytes);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 3,
        values: {
          name: '电力公司',
          creditCode: '91310000MA1K000001',
          kind: null,
          staff: 35,
          founded: null,
          share: null,
          active: null,
          tracks: null,
        },
      },
    ]);
  });

  it('refuses a sheet that lacks a required column, naming it in both languages', async () => {
    const error = await refusal(
      await xlsx([
        ['单位名称', '职工人数'],
        ['电力公司', 3],
      ]),
    );
    expect(error.code).toBe('IMPORT_UNREADABLE');
    expect(error.message).toContain('统一社会信用代码');
    expect(error.message).toContain('Unified social credit code');
    expect(error.details).toEqual({ missing: [{ field: 'creditCode', zh: '统一社会信用代码', en: 'Unified social credit code' }] });
  });

  it.each([
    ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))],
    ['a CSV', Buffer.from('单位名称,统一社会信用代码\n电力公司,91310000MA1K000001\n')],
    ['an empty file', Buffer.alloc(0)],
    ['a zip that is no workbook', Buffer.from('504b0304' + '00'.repeat(60), 'hex')],
  ])('refuses %s as unreadable', async (_, bytes) => {
    expect((await refusal(bytes)).code).toBe('IMPORT_UNREADABLE');
  });

  it('takes maxRows rows, and refuses one more with the limit and the count', async () => {
    const row = (i: number) => ({ name: `单位${i}`, creditCode: `9131000000000000${i}` });
    const five = await writeSheet(spec, [1, 2, 3, 4, 5].map(row));
    expect((await readSheet(spec, five)).rows).toHaveLength(5);

    const error = await refusal(await writeSheet(spec, [1, 2, 3, 4, 5, 6].map(row)));
    expect(error.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(error.details).toEqual({ limit: 5, actual: 6 });
  });

  it('reports every bad cell with its row and column, and keeps the good values of those rows', async () => {
    const bytes = await xlsx([
      ['Unified social credit code', 'Name', 'Kind', 'Staff', 'Founded', 'Share', 'Active', 'Tracks'],
      ['91310000MA1K000001', '一个名字很长很长的单位', '公司', 12.5, '2019-02-30', 'many', '也许', '电网'],
      ['91310000MA1K000002', '设计院', '企业', '40', '2019/3/1', '0.5', 'yes', '电网、 ;发电'],
      [null, '研究所', '事业单位', 'ten', 43466, 1, 0, null],
    ]);
    const { rows, problems } = await readSheet(spec, bytes);
    expect(problems.map((p) => [p.row, p.column, p.header, p.field, p.code, p.message])).toEqual([
      [2, 'B', '单位名称', 'name', 'BAD_USER_INPUT', 'at most 10 characters'],
      [2, 'C', '单位类型', 'kind', 'BAD_USER_INPUT', 'one of: 企业, 事业单位'],
      [2, 'D', '职工人数', 'staff', 'BAD_USER_INPUT', 'not a whole number'],
      [2, 'E', '成立日期', 'founded', 'BAD_USER_INPUT', 'not a date (YYYY-MM-DD)'],
      [2, 'F', '占比', 'share', 'BAD_USER_INPUT', 'not a number'],
      [2, 'G', '是否有效', 'active', 'BAD_USER_INPUT', 'not 是/否 (yes/no)'],
      [4, 'A', '统一社会信用代码', 'creditCode', 'BAD_USER_INPUT', 'required'],
      [4, 'D', '职工人数', 'staff', 'BAD_USER_INPUT', 'not a whole number'],
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[0]?.values).toEqual(
      expect.objectContaining({ creditCode: '91310000MA1K000001', name: null, kind: null, tracks: ['电网'] }),
    );
    expect(rows[1]?.values).toEqual({
      name: '设计院',
      creditCode: '91310000MA1K000002',
      kind: '企业',
      staff: 40,
      founded: new Date(Date.UTC(2019, 2, 1)),
      share: 0.5,
      active: true,
      tracks: ['电网', '发电'],
    });
    expect(rows[2]?.values).toEqual(expect.objectContaining({ creditCode: null, founded: new Date(Date.UTC(2019, 0, 1)), active: false }));
  });

  it('reads a credit code typed as a number as its digits', async () => {
    const { rows, problems } = await readSheet(spec, await xlsx([zhHeaders, ['电力公司', 123456789012345]]));
    expect(problems).toEqual([]);
    expect(rows[0]?.values.creditCode).toBe('123456789012345');
  });

  it('reads rich text, formula results and hyperlinks as their values', async () => {
    const bytes = await xlsx([
      [{ richText: [{ text: '单位', font: { bold: true } }, { text: '名称' }] }, 'Unified social credit code', 'Staff', 'Kind'],
      [
        { richText: [{ text: '电力', font: { bold: true } }, { text: '公司 ' }] },
        { text: '91310000MA1K000001', hyperlink: 'https://example.org/91310000MA1K000001' },
        { formula: '20*2', result: 40 },
        { formula: 'A1', result: '企业' },
      ],
    ]);
    const { rows, problems } = await readSheet(spec, bytes);
    expect(problems).toEqual([]);
    expect(rows[0]?.values).toEqual(
      expect.objectContaining({ name: '电力公司', creditCode: '91310000MA1K000001', staff: 40, kind: '企业' }),
    );
  });

  it('places the failures of items on their sheet rows and columns', async () => {
    const bytes = await xlsx([
      ['Name', 'Staff', 'Unified social credit code'],
      ['甲', 1, '91310000MA1K000001'],
      ['乙', 2, '91310000MA1K000002'],
      ['丙', 3, '91310000MA1K000003'],
    ]);
    const { rows } = await readSheet(spec, bytes);
    const problems = problemsAt(spec, rows, [
      { index: 2, field: 'inputs.2.creditCode', code: 'ALREADY_EXISTS', message: 'already registered' },
      { index: 0, field: 'inputs[0].staff', code: 'BAD_USER_INPUT', message: 'too many' },
      { index: 1, field: null, code: 'FORBIDDEN', message: 'not yours' },
      { index: 1, field: 'inputs.1.unknown', code: 'BAD_USER_INPUT', message: 'odd' },
    ]);
    expect(problems).toEqual([
      { row: 4, column: 'C', header: '统一社会信用代码', field: 'creditCode', code: 'ALREADY_EXISTS', message: 'already registered' },
      { row: 2, column: 'B', header: '职工人数', field: 'staff', code: 'BAD_USER_INPUT', message: 'too many' },
      { row: 3, column: null, header: null, field: null, code: 'FORBIDDEN', message: 'not yours' },
      { row: 3, column: null, header: null, field: null, code: 'BAD_USER_INPUT', message: 'odd' },
    ]);
  });
});
