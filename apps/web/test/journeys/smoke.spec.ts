import { type ConsoleRun, startConsole } from '../console';

jest.setTimeout(180_000);

describe('the console in Chromium', () => {
  let run: ConsoleRun;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(() => run?.stop());

  it('serves the public contest page and lets the office sign in', async () => {
    const page = await run.open('/');
    await page.locator('h1').waitFor();
    const office = await run.open('/office', 'ADMIN');
    await office.locator('h1').waitFor();
    expect(await office.locator('[data-testid="signed-in-as"]').textContent()).toContain('竞赛办公室');
  });
});
