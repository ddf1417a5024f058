import type { Page } from 'playwright-core';
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
});
