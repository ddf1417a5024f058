import type { Page } from 'playwright-core';
import { ORGANIZATIONS_SHEET, makeCreditCode } from '@meritgraph/domain';
import { type CellValue, XLSX_TYPE, writeSheet } from '@meritgraph/subgraph-kit';
import { type ConsoleRun, startConsole } from '../console';

jest.setTimeout(300_000);

describe('importing a sheet: the office’s and the union’s import screens', () => {
  let run: ConsoleRun;

  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(() => run?.stop());

  const expectAccessible = async (page: Page) => expect(await run.accessibility(page)).toEqual([]);

  it('shows the office every kind with its template and the union its enrolments, the import disabled until a clean dry run', async () => {
    const office = await run.open('/office', 'ADMIN');
    await office.locator('[data-testid="office-imports"]').click();
    await office.locator('[data-testid="import-screen"]').waitFor();
    expect(await office.locator('[data-testid="import-templates"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      ['organizations', 'people', 'experts', 'enrolments'].map((k) => `/templates/${k}.xlsx`),
    );
    expect(await office.locator('[data-testid="import-dry-run"]').isDisabled()).toBe(true);
    await office.locator('#import-file').setInputFiles({
      name: '单位导入.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK'),
    });
    expect(await office.locator('[data-testid="import-dry-run"]').isDisabled()).toBe(false);
    expect(await office.locator('[data-testid="import-commit"]').isDisabled()).toBe(true);
    await expectAccessible(office);
    await office.context().close();

    const union = await run.open('/organizer/imports', 'ORGANIZER');
    await union.locator('[data-testid="import-screen"]').waitFor();
    expect(await union.locator('[data-testid="import-templates"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/templates/enrolments.xlsx',
    ]);
    expect(await union.locator('#import-kind').count()).toBe(0);
    await expectAccessible(union);
    await union.context().close();
  });

  it('dry-runs the office’s sheet against the graph, shows each bad cell in the report table, and imports the corrected sheet', async () => {
    const union = makeCreditCode('8', '1', '310115', '77000001');
    const unit = makeCreditCode('9', '1', '310115', '77000002');
    const mistyped = `${unit.slice(0, 17)}${unit[17] === '0' ? '1' : '0'}`;
    const rows = (code: string): Record<string, CellValue>[] => [
      { name: '导入演示区总工会', kind: 'DISTRICT_UNION', creditCode: union, district: '浦东新区' },
      { name: '导入演示科技有限公司', kind: 'ENTERPRISE', creditCode: code, district: '浦东新区', parentCreditCode: union },
    ];
    const office = await run.open('/office/imports', 'ADMIN');
    await office.locator('[data-testid="import-screen"]').waitFor();
    await office.locator('#import-file').setInputFiles({
      name: '单位导入.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await writeSheet(ORGANIZATIONS_SHEET, rows(mistyped)),
    });
    await office.locator('[data-testid="import-dry-run"]').click();
    const problem = office.locator('[data-testid="import-problem"]');
    await problem.first().waitFor();
    expect(await problem.evaluateAll((trs) => trs.map((tr) => [tr.dataset.row, tr.dataset.column, tr.dataset.code]))).toEqual([
      ['4', 'D', 'CHECK_CHARACTER_MISMATCH'],
    ]);
    expect(await problem.first().innerText()).toContain('统一社会信用代码');
    expect(await office.locator('[data-testid="import-commit"]').isDisabled()).toBe(true);
    await run.screenshot(office, 'imports-dry-run');
    await expectAccessible(office);

    await office
      .locator('#import-file')
      .setInputFiles({ name: '单位导入.xlsx', mimeType: XLSX_TYPE, buffer: await writeSheet(ORGANIZATIONS_SHEET, rows(unit)) });
    await office.locator('[data-testid="import-dry-run"]').click();
    await office.locator('[data-testid="import-report"][data-clean="true"]').waitFor();
    await office.locator('[data-testid="import-commit"]').click();
    const done = office.locator('[data-testid="import-result"]');
    await done.waitFor();
    expect(await done.getAttribute('data-created')).toBe('2');
    const { organizations } = await run.graph.gateway.data<{
      organizations: { nodes: { name: string; creditCode: string; parent: { name: string } | null }[] };
    }>(`{ organizations(nameContains: "导入演示", first: 10) { nodes { name creditCode parent { name } } } }`);
    expect(organizations.nodes).toEqual(
      expect.arrayContaining([{ name: '导入演示科技有限公司', creditCode: unit, parent: { name: '导入演示区总工会' } }]),
    );
    await office.context().close();
  });
});
