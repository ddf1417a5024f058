import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type ConsoleRun, startConsole } from '../console';

jest.setTimeout(300_000);

type Notice = {
  id: string;
  kind: string;
  title: string;
  publishedAt: string;
  attachments: { fileName: string; size: number; sha256: string }[];
};

/** A day as the pages write it: the Beijing date (UTC+8). */
const beijingDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('notices (通知公告) and the download area (下载专区)', () => {
  let run: ConsoleRun;
  let code: string;
  let contestId: string;
  let notices: Notice[];
  beforeAll(async () => {
    run = await startConsole();
    const { contests } = await run.graph.anonymous.data<{ contests: { nodes: { id: string; code: string; year: number }[] } }>(
      `{ contests(first: 100) { nodes { id code year } } }`,
    );
    const contest = contests.nodes.find((c) => c.year === 2019)!;
    code = contest.code;
    contestId = contest.id;
    const { notices: page } = await run.graph.anonymous.data<{ notices: { nodes: Notice[] } }>(
      `query($c: ID!) { notices(contestId: $c, first: 20) { nodes { id kind title publishedAt attachments { fileName size sha256 } } } }`,
      { c: contestId },
    );
    notices = page.nodes;
  });
  afterAll(() => run?.stop());

  it("lists the 2019 contest's notices newest first, each with its title and date as the graph has them, and filters by kind", async () => {
    expect(notices).toHaveLength(5);
    expect(notices.every((n) => n.publishedAt.startsWith('2019') || n.publishedAt.startsWith('2020-01'))).toBe(true);
    const page = await run.open(`/notices?contest=${code}`);
    await page.locator('[data-testid="notices"]').waitFor();
    const rows = await page
      .locator('[data-testid="notices"] li')
      .evaluateAll((lis) =>
        lis.map((li) => [
          li.querySelector('a')!.textContent,
          li.querySelector('time')!.getAttribute('datetime'),
          li.querySelector('time')!.textContent,
        ]),
      );
    expect(rows).toEqual(notices.map((n) => [n.title, n.publishedAt, beijingDay(n.publishedAt)]));
    await run.screenshot(page, 'notices-list');
    expect(await run.accessibility(page)).toEqual([]);

    await page.locator('[data-testid="notice-kind"]').selectOption('RESULTS');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="notices"] li')].every((li) => li.getAttribute('data-kind') === 'RESULTS'),
    );
    const results = await page.locator('[data-testid="notices"] li a').allTextContents();
    expect(results).toEqual(notices.filter((n) => n.kind === 'RESULTS').map((n) => n.title));
    await page.context().close();
  });

  it('the contest page shows the latest notices', async () => {
    const page = await run.open(`/?contest=${code}`);
    await page.locator('[data-testid="latest-notices"]').waitFor();
    expect(await page.locator('[data-testid="latest-notices"] li a').allTextContents()).toEqual(notices.map((n) => n.title));
    await page.context().close();
  });

  it('opens the rules, renders their body, and downloads the guide with the bytes the graph keeps', async () => {
    const rules = notices.find((n) => n.kind === 'RULES')!;
    const page = await run.open(`/notices?contest=${code}`);
    await page.getByRole('link', { name: rules.title }).click();
    await page.locator('[data-testid="notice-body"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe(rules.title);
    expect(await page.locator('[data-testid="notice-published"]').getAttribute('datetime')).toBe(rules.publishedAt);
    expect(await page.locator('[data-testid="notice-body"] h2').first().textContent()).toBe('申报条件');
    expect(await page.locator('[data-testid="notice-body"] script').count()).toBe(0);
    await run.screenshot(page, 'notice-page');
    expect(await run.accessibility(page)).toEqual([]);

    const [file] = rules.attachments;
    const [saved] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="notice-files"] a').first().click()]);
    const bytes = readFileSync((await saved.path())!);
    expect(saved.suggestedFilename()).toBe(file!.fileName);
    expect(bytes.length).toBe(file!.size);
    expect(sha256(bytes)).toBe(file!.sha256);
    await page.context().close();
  });

  it('the download area offers the import templates and every published notice file', async () => {
    const page = await run.open(`/downloads?contest=${code}`);
    await page.locator('[data-testid="notice-downloads"]').waitFor();
    const kinds = await page
      .locator('[data-testid="download-templates"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-kind')));
    expect(kinds).toEqual(['organizations', 'people', 'experts', 'enrolments']);
    const files = await page.locator('[data-testid="notice-downloads"] tbody th a').allTextContents();
    expect(files).toEqual(notices.flatMap((n) => n.attachments.map((a) => a.fileName)));
    await run.screenshot(page, 'downloads');
    expect(await run.accessibility(page)).toEqual([]);

    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="download-templates"] a[data-kind="people"]').click(),
    ]);
    const template = readFileSync((await saved.path())!);
    expect(saved.suggestedFilename()).toBe('people.xlsx');
    // An .xlsx is a zip: it starts with PK.
    expect(template.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.context().close();
  });

  it('shows an anonymous visitor no draft, on screen or in the API', async () => {
    const { createNotice } = await run.graph.gateway.data<{ createNotice: { id: string } }>(
      `mutation($c: ID!) { createNotice(input: { contestId: $c, kind: NOTICE, title: "内部草稿：尚未发布的通知", body: "草稿" }) { id } }`,
      { c: contestId },
    );
    const answer = await run.graph.anonymous.data<{ notices: { nodes: { id: string }[] }; notice: unknown }>(
      `query($c: ID!, $id: ID!) { notices(contestId: $c, first: 20, status: [DRAFT, PUBLISHED]) { nodes { id } } notice(id: $id) { id } }`,
      { c: contestId, id: createNotice.id },
    );
    expect(answer.notices.nodes.map((n) => n.id)).toEqual(notices.map((n) => n.id));
    expect(answer.notice).toBeNull();

    const page = await run.open(`/notices?contest=${code}`);
    await page.locator('[data-testid="notices"]').waitFor();
    expect(await page.getByText('内部草稿').count()).toBe(0);
    await page.goto(`${run.url}/notices/${createNotice.id}`);
    await page.locator('[data-testid="no-notice"]').waitFor();
    expect(await page.getByText('内部草稿').count()).toBe(0);
    await page.context().close();
  });
});
