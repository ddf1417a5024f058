import ExcelJS from 'exceljs';
import { ENROLMENTS_SHEET, ORGANIZATIONS_SHEET, PEOPLE_SHEET, makeCreditCode } from '@meritgraph/domain';
import { type CellValue, XLSX_TYPE, writeSheet } from '@meritgraph/subgraph-kit';
import { Factories, type GraphClient, type TestGraph, startGraph } from '../../src';
import { type ImportAnswer, importAudit, importer } from './imports-fixtures';

type Org = { name: string; kind: string; district: string | null; creditCode: string | null; parent: { name: string } | null };

/** A valid, unique synthetic credit code for the n-th organization of these tests. */
const code = (n: number) => makeCreditCode('9', '1', '310115', String(52000000 + n));
/** The same code with a wrong 18th (check) character. */
const wrongCheck = (valid: string) => valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
const placed = (answer: ImportAnswer) => answer.body.problems.map((p) => [p.row, p.column, p.code]);

/** The office imports organizations and people from Excel, and a union (or the office) its enrolments: all or nothing, by the API's rules. */
describe('importing organizations, people and enrolments from Excel', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let io: ReturnType<typeof importer>;
  const registered = code(1);

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    io = importer(graph);
    await make.organization({ name: '已登记的公司', kind: 'ENTERPRISE', creditCode: registered });
  });
  afterAll(() => graph?.stop());

  const countOf = async (list: 'organizations' | 'people') =>
    (await admin.data<Record<string, { totalCount: number }>>(`{ ${list} { totalCount } }`))[list]!.totalCount;
  const named = async (nameContains: string) =>
    (
      await admin.data<{ organizations: { nodes: Org[] } }>(
        `query($n: String) { organizations(nameContains: $n, first: 100) { nodes { name kind district creditCode parent { name } } } }`,
        { n: nameContains },
      )
    ).organizations.nodes;

  it('gives the organizations template with its Chinese and English header rows', async () => {
    const template = await io.template('organizations');
    expect(template.status).toBe(200);
    expect(template.type).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const row = (n: number) => ORGANIZATIONS_SHEET.columns.map((_, c) => sheet.getRow(n).getCell(c + 1).value);
    expect(row(1)).toEqual(ORGANIZATIONS_SHEET.columns.map((c) => c.zh));
    expect(row(2)).toEqual(ORGANIZATIONS_SHEET.columns.map((c) => c.en));
  });

  it('dry-runs a union with its units (the units listed first) clean and writes nothing, then commits each as the sheet has it, audited once', async () => {
    const union = code(2);
    const rows: Record<string, CellValue>[] = [
      { name: '导入测试浦江装备公司', kind: 'ENTERPRISE', creditCode: code(3), district: '闵行区', parentCreditCode: union },
      { name: '导入测试浦江医院', kind: 'HOSPITAL', district: '闵行区', parentCreditCode: union },
      { name: '导入测试行业研究所', kind: 'RESEARCH_INSTITUTE', parentName: '导入测试行业工会' },
      { name: '导入测试闵行区总工会', shortName: '闵行总工会', kind: 'DISTRICT_UNION', creditCode: union, district: '闵行区' },
      { name: '导入测试行业工会', kind: 'INDUSTRY_UNION' },
    ];
    const before = await countOf('organizations');
    const dry = await io.send(ORGANIZATIONS_SHEET, rows, 'dry-run');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ kind: 'organizations', rows: 5, valid: 5, committed: false, created: 0, problems: [] });
    expect(dry.body.sha256).toBe(dry.sha256);
    expect(await countOf('organizations')).toBe(before);
    expect(await importAudit(graph, 'organizations')).toEqual([]);

    const done = await io.send(ORGANIZATIONS_SHEET, rows, 'commit');
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ committed: true, created: 5, problems: [] });
    expect(await countOf('organizations')).toBe(before + 5);
    const byName = new Map((await named('导入测试')).map((o) => [o.name, o]));
    expect(Object.fromEntries(byName)).toEqual({
      导入测试浦江装备公司: {
        name: '导入测试浦江装备公司',
        kind: 'ENTERPRISE',
        district: '闵行区',
        creditCode: code(3),
        parent: { name: '导入测试闵行区总工会' },
      },
      导入测试浦江医院: {
        name: '导入测试浦江医院',
        kind: 'HOSPITAL',
        district: '闵行区',
        creditCode: null,
        parent: { name: '导入测试闵行区总工会' },
      },
      导入测试行业研究所: {
        name: '导入测试行业研究所',
        kind: 'RESEARCH_INSTITUTE',
        district: null,
        creditCode: null,
        parent: { name: '导入测试行业工会' },
      },
      导入测试闵行区总工会: { name: '导入测试闵行区总工会', kind: 'DISTRICT_UNION', district: '闵行区', creditCode: union, parent: null },
      导入测试行业工会: { name: '导入测试行业工会', kind: 'INDUSTRY_UNION', district: null, creditCode: null, parent: null },
    });
    expect(await importAudit(graph, 'organizations')).toEqual([
      {
        action: 'import.organizations',
        actor: 'office-clerk',
        entityType: 'Import',
        after: { kind: 'organizations', sha256: done.sha256, rows: 5, created: 5 },
      },
    ]);
  });

  it('reports all 10 planted errors by row, column and code in one dry run; a commit of it is 422 and writes nothing', async () => {
    const parent = code(10);
    const rows: Record<string, CellValue>[] = [
      /* 3 */ { name: '错误测试总工会', kind: 'DISTRICT_UNION', creditCode: parent },
      /* 4 */ { name: '错误测试校验位公司', kind: 'ENTERPRISE', creditCode: wrongCheck(code(11)), parentCreditCode: parent },
      /* 5 */ { name: '错误测试甲公司', kind: 'ENTERPRISE', creditCode: code(12), parentCreditCode: parent },
      /* 6 */ { name: '错误测试乙公司', kind: 'ENTERPRISE', creditCode: code(12), parentCreditCode: parent },
      /* 7 */ { name: '错误测试重复登记公司', kind: 'ENTERPRISE', creditCode: registered },
      /* 8 */ { name: '错误测试工厂', kind: 'FACTORY', parentCreditCode: parent },
      /* 9 */ { kind: 'ENTERPRISE', district: '浦东新区', parentCreditCode: parent },
      /* 10 */ { name: '长'.repeat(121), kind: 'ENTERPRISE', parentCreditCode: parent },
      /* 11 */ { name: '错误测试无上级公司', kind: 'ENTERPRISE', parentCreditCode: code(13) },
      /* 12 */ { name: '错误测试长区名公司', kind: 'ENTERPRISE', district: '区'.repeat(41), parentCreditCode: parent },
      /* 13 */ { name: '错', kind: 'ENTERPRISE', creditCode: 'ABC', parentCreditCode: parent },
    ];
    const before = await countOf('organizations');
    const audited = (await importAudit(graph, 'organizations')).length;
    const dry = await io.send(ORGANIZATIONS_SHEET, rows, 'dry-run');
    expect(dry.status).toBe(200);
    expect(placed(dry)).toEqual([
      [4, 'D', 'CHECK_CHARACTER_MISMATCH'],
      [6, 'D', 'ALREADY_EXISTS'],
      [7, 'D', 'ALREADY_EXISTS'],
      [8, 'C', 'BAD_USER_INPUT'],
      [9, 'A', 'BAD_USER_INPUT'],
      [10, 'A', 'BAD_USER_INPUT'],
      [11, 'F', 'NOT_FOUND'],
      [12, 'E', 'BAD_USER_INPUT'],
      [13, 'A', 'BAD_USER_INPUT'],
      [13, 'D', 'BAD_USER_INPUT'],
    ]);
    expect(dry.body.problems[0]!.message).toMatch(/check character/);
    expect(dry.body).toMatchObject({ rows: 11, valid: 2, committed: false, created: 0 });
    expect(await countOf('organizations')).toBe(before);

    const refused = await io.send(ORGANIZATIONS_SHEET, rows, 'commit');
    expect(refused.status).toBe(422);
    expect(refused.body.errors![0]!.extensions.code).toBe('IMPORT_HAS_ERRORS');
    expect(placed({ ...refused, body: refused.body.report! })).toEqual(placed(dry));
    expect(await countOf('organizations')).toBe(before);
    expect(await named('错误测试')).toEqual([]);
    expect(await importAudit(graph, 'organizations')).toHaveLength(audited);
  });

  it('refuses parents that name each other in the sheet, on the parent column of each', async () => {
    const rows: Record<string, CellValue>[] = [
      { name: '循环测试甲', kind: 'PARK', creditCode: code(20), parentCreditCode: code(21) },
      { name: '循环测试乙', kind: 'PARK', creditCode: code(21), parentCreditCode: code(20) },
      { name: '循环测试丙', kind: 'ENTERPRISE', parentName: '循环测试乙' },
    ];
    const dry = await io.send(ORGANIZATIONS_SHEET, rows, 'dry-run');
    expect(placed(dry)).toEqual([
      [3, 'F', 'BAD_USER_INPUT'],
      [4, 'F', 'BAD_USER_INPUT'],
    ]);
    expect(dry.body.problems[0]!.message).toMatch(/cycle/);
  });

  it('judges a level of more than 500 rows in lists of 500 as one sheet: a code repeated across them is refused, then all 601 commit', async () => {
    const union = code(200);
    const units = Array.from({ length: 600 }, (_, i) => ({
      name: `分批测试单位${String(i).padStart(3, '0')}`,
      kind: 'ENTERPRISE',
      creditCode: code(201 + i),
      parentCreditCode: union,
    }));
    const rows: Record<string, CellValue>[] = [{ name: '分批测试总工会', kind: 'DISTRICT_UNION', creditCode: union }, ...units];
    const repeated = rows.map((r, i) => (i === 560 ? { ...r, creditCode: units[5]!.creditCode } : r));
    const before = await countOf('organizations');
    const dry = await io.send(ORGANIZATIONS_SHEET, repeated, 'dry-run');
    expect(placed(dry)).toEqual([[563, 'D', 'ALREADY_EXISTS']]);
    expect(dry.body).toMatchObject({ rows: 601, valid: 600 });
    const done = await io.send(ORGANIZATIONS_SHEET, rows, 'commit');
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ committed: true, created: 601 });
    expect(await countOf('organizations')).toBe(before + 601);
  });

  it('imports people into units named by credit code (or name), reporting an unknown code on its row', async () => {
    const [hospital, school] = [code(30), code(31)];
    const hospitalId = (await make.organization({ name: '人员导入医院', kind: 'HOSPITAL', creditCode: hospital })).id;
    await make.organization({ name: '人员导入大学', kind: 'UNIVERSITY', creditCode: school });
    await make.organization({ name: '人员导入无代码研究所', kind: 'RESEARCH_INSTITUTE' });
    const rows: Record<string, CellValue>[] = [
      { name: '周平红', organizationCreditCode: hospital, position: '主任医师', email: 'Zhou@Example.cn' },
      { name: '樊嘉', organizationCreditCode: hospital, phone: '13800138000' },
      { name: '李杰', organizationCreditCode: school },
      { name: '王伟', organizationName: '人员导入无代码研究所' },
    ];
    const before = await countOf('people');
    const bad = await io.send(
      PEOPLE_SHEET,
      [...rows, { name: '无处可去', organizationCreditCode: code(39) }, { name: '坏邮箱', organizationCreditCode: school, email: 'nope' }],
      'dry-run',
    );
    expect(placed(bad)).toEqual([
      [7, 'B', 'NOT_FOUND'],
      [8, 'F', 'BAD_USER_INPUT'],
    ]);
    expect(await countOf('people')).toBe(before);

    const done = await io.send(PEOPLE_SHEET, rows, 'commit');
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ committed: true, created: 4 });
    expect(await countOf('people')).toBe(before + 4);
    const { people } = await admin.data<{ people: { nodes: { name: string; position: string | null; email: string | null }[] } }>(
      `query($o: ID) { people(organizationId: $o) { nodes { name position email } } }`,
      { o: hospitalId },
    );
    expect(people.nodes).toEqual([
      { name: '周平红', position: '主任医师', email: 'zhou@example.cn' },
      { name: '樊嘉', position: null, email: null },
    ]);
    expect((await importAudit(graph, 'people')).map((e) => e.after.sha256)).toEqual([done.sha256]);

    // A union's organizer registers people only in the units inside it, as createPeople allows.
    const union = (await make.organization({ name: '人员导入区总工会', kind: 'DISTRICT_UNION' })).id;
    const inside = code(32);
    await make.organization({ name: '人员导入区内公司', parentId: union, creditCode: inside });
    const mixed = [
      { name: '区内员工', organizationCreditCode: inside },
      { name: '区外员工', organizationCreditCode: school },
    ];
    const asUnion = await io.send(PEOPLE_SHEET, mixed, 'commit', ['ORGANIZER'], { org: union });
    expect(asUnion.status).toBe(422);
    expect(placed({ ...asUnion, body: asUnion.body.report! })).toEqual([[4, 'B', 'FORBIDDEN']]);
    expect(await countOf('people')).toBe(before + 4);
  });

  describe('enrolments', () => {
    let contestCode: string;
    let contestId: string;
    let pudong: string;
    const units = { chip: code(40), lab: code(41), outside: code(42), union: code(43) };
    const enrolled = async () =>
      (
        await admin.data<{ participations: { nodes: { organization: { name: string }; mobilizedBy: { name: string } }[] } }>(
          `query($c: ID) { participations(contestId: $c, first: 100) { nodes { organization { name } mobilizedBy { name } } } }`,
          { c: contestId },
        )
      ).participations.nodes;

    beforeAll(async () => {
      const contest = await make.contest({ code: 'import-2019' });
      [contestCode, contestId] = [contest.code, contest.id];
      pudong = (await make.organization({ name: '报名浦东新区总工会', kind: 'DISTRICT_UNION', creditCode: units.union })).id;
      const park = (await make.organization({ name: '报名张江园区', kind: 'PARK', parentId: pudong })).id;
      await make.organization({ name: '报名张江芯片公司', parentId: park, creditCode: units.chip });
      await make.organization({ name: '报名浦东实验室', kind: 'RESEARCH_INSTITUTE', parentId: pudong, creditCode: units.lab });
      const minhang = (await make.organization({ name: '报名闵行区总工会', kind: 'DISTRICT_UNION' })).id;
      await make.organization({ name: '报名闵行装备厂', parentId: minhang, creditCode: units.outside });
    });

    it('lets a union enrol its own units, mobilized by itself, and refuses a unit outside it on its row, writing nothing', async () => {
      const own: Record<string, CellValue>[] = [
        { contestCode, organizationCreditCode: units.chip, organizationName: '报名张江芯片公司' },
        { contestCode, organizationCreditCode: units.lab, mobilizedByCreditCode: units.union },
      ];
      const asUnion = ['ORGANIZER'] as const;
      const mixed = await io.send(
        ENROLMENTS_SHEET,
        [...own, { contestCode, organizationCreditCode: units.outside }],
        'commit',
        [...asUnion],
        {
          org: pudong,
        },
      );
      expect(mixed.status).toBe(422);
      expect(placed({ ...mixed, body: mixed.body.report! })).toEqual([[5, 'B', 'BAD_USER_INPUT']]);
      expect(await enrolled()).toEqual([]);

      const wrongName = await io.send(ENROLMENTS_SHEET, [{ ...own[0]!, organizationName: '别的公司' }], 'dry-run', [...asUnion], {
        org: pudong,
      });
      expect(placed(wrongName)).toEqual([[3, 'C', 'BAD_USER_INPUT']]);

      const done = await io.send(ENROLMENTS_SHEET, own, 'commit', [...asUnion], { org: pudong, sub: 'pudong-clerk' });
      expect(done.status).toBe(201);
      expect(done.body).toMatchObject({ committed: true, created: 2 });
      expect(await enrolled()).toEqual([
        { organization: { name: '报名张江芯片公司' }, mobilizedBy: { name: '报名浦东新区总工会' } },
        { organization: { name: '报名浦东实验室' }, mobilizedBy: { name: '报名浦东新区总工会' } },
      ]);
      expect(await importAudit(graph, 'enrolments')).toEqual([
        expect.objectContaining({ actor: 'pudong-clerk', after: { kind: 'enrolments', sha256: done.sha256, rows: 2, created: 2 } }),
      ]);
    });

    it('refuses a unit’s submitter with 403 FORBIDDEN, writing nothing', async () => {
      const before = await enrolled();
      const refused = await io.send(ENROLMENTS_SHEET, [{ contestCode, organizationCreditCode: units.outside }], 'commit', ['SUBMITTER'], {
        org: pudong,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.errors![0]!.extensions.code).toBe('FORBIDDEN');
      expect(await enrolled()).toEqual(before);
    });
  });

  it('refuses bytes that are no workbook (400 IMPORT_UNREADABLE) and a sheet of 5001 rows (413 IMPORT_TOO_MANY_ROWS), writing nothing', async () => {
    const before = await countOf('organizations');
    const garbage = await io.sendBytes('organizations', Buffer.from('PK\u0003\u0004 this is not a workbook'), 'commit');
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors![0]!.extensions.code).toBe('IMPORT_UNREADABLE');
    const long = Array.from({ length: 5001 }, (_, i) => ({ name: `超限单位${i}`, kind: 'ENTERPRISE' }));
    const tooMany = await io.sendBytes('organizations', await writeSheet(ORGANIZATIONS_SHEET, long), 'commit');
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.errors![0]!.extensions.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(await countOf('organizations')).toBe(before);
  });
});
