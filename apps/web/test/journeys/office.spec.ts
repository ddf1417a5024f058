import { readFileSync } from 'node:fs';
import { Factories } from '@meritgraph/testing';
import type { Page } from 'playwright-core';
import { type ConsoleRun, startConsole } from '../console';

jest.setTimeout(300_000);

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF), after its BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Asks again until the answer is yes (the read model catches up within seconds), failing after a minute and a half. */
async function until(yes: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await yes())) {
    if (Date.now() > deadline) throw new Error('The read model did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

type Cell = { round: string | null; expert: string | null; assigned: number; scored: number; declined: number; conflicts: number };

describe('the office dashboard', () => {
  let run: ConsoleRun;
  // The read model follows the change feeds by itself, as it does in production.
  beforeAll(async () => {
    run = await startConsole({ graph: { analytics: { pollMs: 500 } } });
  });
  afterAll(() => run?.stop());

  const progressRows = (page: Page) =>
    page.locator('[data-testid="review-progress"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const n = (m: string) => Number(tr.querySelector(`[data-measure="${m}"]`)!.textContent);
        return {
          round: tr.getAttribute('data-round'),
          expert: tr.getAttribute('data-expert'),
          assigned: n('assigned'),
          scored: n('scored'),
          declined: n('declined'),
          conflicts: n('conflicts'),
        };
      }),
    );

  it('shows 2019 by default: the funnel 294 → 185 → 90 and entries per track as charts with their tables, quota status and review progress', async () => {
    const admin = run.graph.gateway;
    const { contests } = await admin.data<{ contests: { nodes: { id: string; code: string; year: number }[] } }>(
      `{ contests(first: 100) { nodes { id code year } } }`,
    );
    const c2019 = contests.nodes.find((c) => c.year === 2019)!;
    const { contest } = await admin.data<{
      contest: {
        submissions: { totalCount: number };
        submissionStats: { count: number; status: string; track: { code: string } | null }[];
        reviewFunnel: { round: { stage: string }; entries: number; excellent: number }[];
        reviewRounds: { id: string; name: string; assignments: { totalCount: number } }[];
        awardQuotas: { quota: number; awardType: { code: string } }[];
      };
    }>(
      `query($code: String!) { contest(code: $code) { submissions(status: ACCEPTED, first: 1) { totalCount }
        submissionStats { count status track { code } } reviewFunnel { round { stage } entries excellent }
        reviewRounds { id name assignments(first: 1) { totalCount } } awardQuotas { quota awardType { code } } } }`,
      { code: c2019.code },
    );
    const final = contest.reviewFunnel.filter((s) => s.round.stage === 'FINAL');
    const expected = [contest.submissions.totalCount, final.reduce((n, s) => n + s.entries, 0), final.reduce((n, s) => n + s.excellent, 0)];
    expect(expected).toEqual([294, 185, 90]);

    // Review progress comes from the read model, which follows the feeds behind the transactional records: wait until it has
    // read the whole replay (each round's assignments, as the rounds count them) before the page asks.
    const assignedByRound = Object.fromEntries(contest.reviewRounds.map((r) => [r.id, r.assignments.totalCount]));
    await until(async () => {
      const { analytics } = await admin.data<{ analytics: { cube: { cells: { group: { round: { id: string } }; values: number[] }[] } } }>(
        `query($c: ID!) { analytics { cube(fact: ASSIGNMENT, groupBy: [ROUND], filter: { contest: [$c] }, measures: [{ kind: COUNT }]) {
          cells { group { round { id } } values } } } }`,
        { c: c2019.id },
      );
      const counted = Object.fromEntries(analytics.cube.cells.map((cell) => [cell.group.round.id, cell.values[0]]));
      return Object.entries(assignedByRound).every(([round, n]) => counted[round] === n);
    });

    const page = await run.open('/office', 'ADMIN');
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(run.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    await page.locator('[data-testid="office-dashboard"]').waitFor();
    expect(await page.locator('[data-testid="office-dashboard"]').getAttribute('data-code')).toBe(c2019.code);
    const funnel = await page
      .locator('[data-testid="funnel-table"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-step'), Number(tr.querySelector('td')!.textContent)]));
    expect(funnel).toEqual([
      ['SUBMITTED', expected[0]],
      ['FINALISTS', expected[1]],
      ['EXCELLENT', expected[2]],
    ]);
    const chart = page.locator('[data-testid="funnel-chart"]');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/294.*185.*90/);
    await page.locator('[data-testid="funnel-chart"] svg').waitFor();

    const perTrack = await page
      .locator('[data-testid="track-table"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-track'), Number(tr.querySelector('td')!.textContent)]));
    const stats = contest.submissionStats.filter((s) => s.status === 'ACCEPTED').map((s) => [s.track?.code ?? '', s.count]);
    expect(perTrack.sort()).toEqual(stats.sort());
    expect(perTrack.reduce((n, [, v]) => n + (v as number), 0)).toBe(294);
    expect(await page.locator('[data-testid="track-chart"]').getAttribute('role')).toBe('img');

    const excellent = page.locator('[data-testid="quota-status"] tr[data-award="EXCELLENT_ACHIEVEMENT"]');
    expect(await excellent.locator('[data-measure="quota"]').textContent()).toBe(
      String(contest.awardQuotas.find((q) => q.awardType.code === 'EXCELLENT_ACHIEVEMENT')!.quota),
    );
    expect(await excellent.locator('[data-measure="CONFERRED"]').textContent()).toBe('90');
    expect(await excellent.locator('[data-measure="ANNOUNCED"]').textContent()).toBe('0');

    // Each round's rows add up to its assignments.
    await page.waitForFunction(
      (want) => {
        const sums: Record<string, number> = {};
        for (const tr of document.querySelectorAll('[data-testid="review-progress"] tbody tr')) {
          const round = tr.getAttribute('data-round')!;
          sums[round] = (sums[round] ?? 0) + Number(tr.querySelector('[data-measure="assigned"]')!.textContent);
        }
        return Object.entries(want).every(([round, n]) => sums[round] === n);
      },
      assignedByRound,
      { timeout: 30_000 },
    );
    const rows: Cell[] = await progressRows(page);
    expect(rows.every((r) => r.round && r.expert && r.scored === r.assigned && r.declined === 0 && r.conflicts === 0)).toBe(true);
    // One expert's row, against the transactional record of that round.
    const one = rows[0]!;
    const { reviewRound } = await admin.data<{ reviewRound: { assignments: { totalCount: number }; scorecards: { totalCount: number } } }>(
      `query($r: ID!, $e: ID!) { reviewRound(id: $r) { assignments(expertId: $e, first: 1) { totalCount } scorecards(expertId: $e, first: 1) { totalCount } } }`,
      { r: one.round, e: one.expert },
    );
    expect([one.assigned, one.scored]).toEqual([reviewRound.assignments.totalCount, reviewRound.scorecards.totalCount]);

    await run.screenshot(page, 'office-dashboard');
    expect(await run.accessibility(page)).toEqual([]);
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it('an export button downloads the conferral list as CSV, the same rows as the API’s', async () => {
    const admin = run.graph.gateway;
    const { contests } = await admin.data<{ contests: { nodes: { id: string; year: number }[] } }>(
      `{ contests(first: 100) { nodes { id year } } }`,
    );
    const contestId = contests.nodes.find((c) => c.year === 2019)!.id;
    const { analytics } = await admin.data<{
      analytics: { table: { totalCount: number; columns: { zh: string; en: string; kind: string }[]; rows: (string | null)[][] } };
    }>(
      `query($c: ID!) { analytics { table(list: CONFERRAL_LIST, contest: $c, first: 1000) { totalCount columns { zh en kind } rows } } }`,
      { c: contestId },
    );
    expect(analytics.table.totalCount).toBe(179);

    const page = await run.open('/office', 'ADMIN');
    const button = page.locator('tr[data-export="conferral-list"] button[data-format="csv"]');
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^conferral-list-.*\.csv$/);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(csv[0]).toEqual(analytics.table.columns.map((c) => `${c.zh} / ${c.en}`));
    const asCsv = (v: string | null, i: number) =>
      v === null ? '' : analytics.table.columns[i]!.kind !== 'NUMBER' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    expect(csv.slice(1)).toEqual(analytics.table.rows.map((r) => r.map(asCsv)));
    expect(csv.length - 1).toBe(179);
    await page.context().close();
  });

  it('resolves an objection from the queue; a resolve without a finding is refused with its code and changes nothing', async () => {
    const admin = run.graph.gateway;
    const make = new Factories(admin);
    const created = await make.contest({ name: '异议处理测试竞赛', year: 2019 });
    const unit = await make.organization({ name: '上海异议测试科技有限公司' });
    const { id: honorId } = await make.honor({ contestId: created.id, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unit.id, quota: 1 });
    await admin.data(`mutation($ids: [ID!]!) { proposeHonors(ids: $ids) { id } }`, { ids: [honorId] });
    const objector = await run.graph.as('SUBMITTER', { org: unit.id, sub: 'objector-office-journey' });
    let objectionId: string;
    try {
      run.graph.setNow(new Date('2019-11-29T02:00:00Z'));
      await admin.data(`mutation($ids: [ID!]!) { announceHonors(ids: $ids) { id } }`, { ids: [honorId] });
      run.graph.setNow(new Date('2019-12-02T03:00:00Z'));
      const { fileObjection } = await objector.data<{ fileObjection: { id: string } }>(
        `mutation($input: ObjectionInput!) { fileObjection(input: $input) { id } }`,
        { input: { honorId, text: '该单位申报材料中的部分数据与实际不符，请核实。', contact: '13800000000' } },
      );
      objectionId = fileObjection.id;
    } finally {
      run.graph.setNow(null);
    }
    const objectionOf = async () =>
      (
        await admin.data<{ honor: { status: string; objections: { id: string; status: string; resolution: string | null }[] } }>(
          `query($id: ID!) { honor(id: $id) { status objections { id status resolution } } }`,
          { id: honorId },
        )
      ).honor;

    const page = await run.open(`/office?contest=${encodeURIComponent(created.code)}`, 'ADMIN');
    await page.locator(`[data-testid="office-dashboard"][data-code="${created.code}"]`).waitFor();
    const award = page.locator('[data-testid="quota-status"] tr[data-award="MAY_DAY_AWARD"]');
    expect(await award.locator('[data-measure="quota"]').textContent()).toBe('1');
    expect(await award.locator('[data-measure="ANNOUNCED"]').textContent()).toBe('1');

    const item = page.locator(`li[data-objection="${objectionId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('OPEN');
    // Without a finding: refused, shown with its code on the form and on the field.
    await item.getByRole('button').click();
    const refusal = item.locator('[role="alert"].refused');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await item.locator('textarea[name="resolution"]').getAttribute('aria-invalid')).toBe('true');
    expect(await item.locator('[data-field="resolution"]').count()).toBe(1);
    expect(await run.accessibility(page)).toEqual([]);
    expect(await objectionOf()).toEqual({ status: 'ANNOUNCED', objections: [{ id: objectionId, status: 'OPEN', resolution: null }] });

    // With one: dismissed, the queue shows it resolved, and the honor may go on to conferral.
    await item.locator('select[name="outcome"]').selectOption('DISMISSED');
    await item.locator('textarea[name="resolution"]').fill('经核实，申报材料属实。');
    await item.getByRole('button').click();
    await page.locator(`li[data-objection="${objectionId}"][data-status="DISMISSED"]`).waitFor();
    expect(await item.locator('[data-testid="resolution"]').textContent()).toContain('经核实，申报材料属实。');
    expect(await objectionOf()).toEqual({
      status: 'ANNOUNCED',
      objections: [{ id: objectionId, status: 'DISMISSED', resolution: '经核实，申报材料属实。' }],
    });
    expect(await run.accessibility(page)).toEqual([]);
    await page.context().close();
  });
});
