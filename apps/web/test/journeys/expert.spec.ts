import type { Page } from 'playwright-core';
import { type ConsoleRun, startConsole } from '../console';
import { type OpenRound, openRoundFor } from '../open-round';

jest.setTimeout(300_000);

type Mine = { expert: { assignments: { nodes: { id: string; status: string; entry: { id: string } | null }[] } } };

/** The office's review progress for a contest, as its dashboard reads it: per expert, assignments and those scored. */
const PROGRESS = `query($c: ID!) { analytics { cube(fact: ASSIGNMENT, groupBy: [ROUND, EXPERT], filter: { contest: [$c] },
  measures: [{ kind: COUNT }, { kind: SUM, field: SCORED }], first: 500) { cells { values group { round { id } expert { id } } } } } }`;
type Progress = {
  analytics: { cube: { cells: { values: (number | null)[]; group: { round: { id: string }; expert: { id: string } } }[] } };
};

/** Waits until `read` gives what `ok` accepts. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("an expert's review: assignments, an entry, stepping back and the scorecard", () => {
  let run: ConsoleRun;
  let expertId: string;
  /** The blind round the expert scores in, and a round that is not blind, where it declares a conflict. */
  let blind: OpenRound;
  let open: OpenRound;
  /** A round with two entries for the expert, scored in one batch. */
  let batch: OpenRound;
  /** A screening round: each scorecard carries a decision. */
  let screening: OpenRound;

  beforeAll(async () => {
    run = await startConsole();
    expertId = run.identities.find((i) => i.role === 'EXPERT')!.claims.expert!;
    blind = await openRoundFor(run, expertId, { code: 'expert-journey' });
    open = await openRoundFor(run, expertId, {
      code: 'expert-conflict',
      blind: false,
      contestName: '2026年职工合理化建议评选',
      title: '地铁隧道渗漏水智能巡检机器人',
    });
    batch = await openRoundFor(run, expertId, {
      code: 'expert-batch',
      contestName: '2026年职工先进操作法评选',
      title: '高压带电作业机器人',
      entries: 2,
    });
    screening = await openRoundFor(run, expertId, {
      code: 'expert-screening',
      contestName: '2026年职工发明创造评选',
      title: '输电线路覆冰在线监测装置',
      stage: 'SCREENING',
    });
  });
  afterAll(() => run?.stop());

  const admin = () => run.graph.gateway;
  const expectAccessible = async (page: Page) => expect(await run.accessibility(page)).toEqual([]);
  /** The round's scorecards and the expert's assignments in it, as the office reads them from the graph. */
  const officeView = async (roundId: string) => {
    const { reviewRound } = await admin().data<{
      reviewRound: {
        scorecards: { totalCount: number; nodes: { total: number }[] };
        assignments: { nodes: { id: string; status: string; scorecard: { id: string } | null }[] };
      };
    }>(
      `query($r: ID!, $x: ID!) { reviewRound(id: $r) { scorecards(first: 10) { totalCount nodes { total } }
        assignments(expertId: $x, first: 10) { nodes { id status scorecard { id } } } } }`,
      { r: roundId, x: expertId },
    );
    return {
      cards: reviewRound.scorecards,
      scored: reviewRound.assignments.nodes.filter((a) => a.scorecard).length,
      status: reviewRound.assignments.nodes[0]?.status,
    };
  };
  /** The office's figure: the read model first reads the change feeds (in the test graph it reads them when asked). */
  const scoredInProgress = async (round: OpenRound) => {
    await run.graph.analytics.catchUp();
    const { analytics } = await admin().data<Progress>(PROGRESS, { c: round.contestId });
    const cell = analytics.cube.cells.find((c) => c.group.expert.id === expertId && c.group.round.id === round.roundId);
    return cell ? Number(cell.values[1] ?? 0) : null;
  };

  it('lists exactly its own assignments of the open rounds, with how many are scored', async () => {
    const me = await run.graph.as('EXPERT', run.identities.find((i) => i.role === 'EXPERT')!.claims);
    const { expert } = await me.data<Mine>(
      `query($x: ID!) { expert(id: $x) { assignments(roundStatus: [OPEN], first: 100) { nodes { id status entry { id } } } } }`,
      { x: expertId },
    );
    const page = await run.open('/expert', 'EXPERT');
    await page.locator('[data-testid="my-assignments"]').waitFor();
    const rows = await page
      .locator('[data-testid="assignment-row"]')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-id'), tr.getAttribute('data-entry'), tr.getAttribute('data-scored')]));
    expect(rows).toEqual(expert.assignments.nodes.map((a) => [a.id, a.entry!.id, 'false']));
    expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining([blind.entryId, open.entryId]));
    const summary = page.locator('[data-testid="assignment-summary"]');
    expect(await summary.getAttribute('data-scored')).toBe('0');
    expect(await summary.getAttribute('data-total')).toBe(String(expert.assignments.nodes.filter((a) => a.status === 'ASSIGNED').length));
    const row = page.locator(`[data-testid="assignment-row"][data-entry="${blind.entryId}"]`);
    await expect(row.textContent()).resolves.toContain(blind.referenceNumber);
    await expect(row.textContent()).resolves.toContain('复审');
    await run.screenshot(page, 'expert-assignments');
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows the unit and team of an entry in a round that is not blind, and declares a conflict only with a reason', async () => {
    const page = await run.open(`/expert/entries/${open.entryId}`, 'EXPERT');
    await page.locator('[data-testid="entry-details"]').waitFor();
    await expect(page.locator('[data-testid="unit"]').textContent()).resolves.toBe(open.unitName);
    expect(await page.locator('[data-testid="blind-notice"]').count()).toBe(0);
    await expectAccessible(page);
    // Too short a reason: refused on the reason, and the assignment still stands.
    await page.locator('#step-back-reason').fill('是');
    await page.locator('[data-testid="declare-conflict"]').click();
    await page.locator('[data-testid="step-back"] .refused[data-code="BAD_USER_INPUT"]').waitFor();
    await page.locator('[data-testid="step-back"] .field-error[data-field="reason"]').waitFor();
    expect(await page.locator('#step-back-reason').getAttribute('aria-invalid')).toBe('true');
    expect((await officeView(open.roundId)).status).toBe('ASSIGNED');
    await page.locator('#step-back-reason').fill('本人曾与该成果负责人在同一项目组合作。');
    await page.locator('[data-testid="declare-conflict"]').click();
    await page.locator('[data-testid="stepped-back"][data-status="CONFLICT_DECLARED"]').waitFor();
    expect((await officeView(open.roundId)).status).toBe('CONFLICT_DECLARED');
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows the office no scorecard of the expert yet in the blind round', async () => {
    expect(
      await eventually(
        () => scoredInProgress(blind),
        (n) => n === 0,
      ),
    ).toBe(0);
    const page = await run.open(`/office?contest=${blind.contestCode}`, 'ADMIN');
    const cell = page.locator(`[data-testid="review-progress"] tr[data-expert="${expertId}"] [data-measure="scored"]`);
    await cell.waitFor();
    await expect(cell.textContent()).resolves.toBe('0');
    await page.context().close();
  });

  it('keeps the unit and people of a blind entry back, refuses an out-of-range score on its criterion, then saves with the live weighted total', async () => {
    const page = await run.open('/expert', 'EXPERT');
    await page.locator(`[data-testid="assignment-row"][data-entry="${blind.entryId}"] [data-testid="open-entry"]`).click();
    await page.locator('[data-testid="scorecard-form"]').waitFor();
    await page.locator('[data-testid="blind-notice"]').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(blind.title);
    expect(text).not.toContain(blind.unitName);
    expect(text).not.toContain('陈立新');
    expect(await page.locator('[data-testid="unit"]').count()).toBe(0);
    await expectAccessible(page);

    // Each criterion shows its range and weight, and its input is bounded by them.
    for (const c of blind.criteria) {
      const input = page.locator(`[data-testid="score-${c.code}"]`);
      expect(await input.getAttribute('max')).toBe(String(c.maxScore));
      await expect(page.locator(`tr[data-criterion="${c.code}"]`).textContent()).resolves.toContain(String(c.weight));
    }
    await page.locator('[data-testid="score-INNOVATION"]').fill('150');
    await page.locator('[data-testid="score-BENEFIT"]').fill('70');
    await page.locator('[data-testid="score-FEASIBILITY"]').fill('30');
    await page.locator('#card-comment').fill('技术路线清晰，应用效果显著。');
    // Out of range: no total yet.
    expect(await page.locator('[data-testid="live-total"]').getAttribute('data-total')).toBe('');
    await page.locator('[data-testid="save-scorecard"]').click();
    await page.locator('[data-testid="scorecard-form"] .refused[data-code="BAD_USER_INPUT"]').waitFor();
    await page.locator('.field-error[data-field="scores.INNOVATION"]').waitFor();
    expect(await page.locator('[data-testid="score-INNOVATION"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-testid="score-BENEFIT"]').getAttribute('aria-invalid')).toBeNull();
    expect((await officeView(blind.roundId)).cards.totalCount).toBe(0);

    // Fixed: 0.4 × 80 + 0.35 × 70 + 0.25 × 30 = 64 of 85.
    await page.locator('[data-testid="score-INNOVATION"]').fill('80');
    await page.waitForFunction(() => document.querySelector('[data-testid="live-total"]')?.getAttribute('data-total') === '64');
    await expect(page.locator('[data-testid="live-total"]').textContent()).resolves.toContain('64 / 85');
    await page.locator('[data-testid="save-scorecard"]').click();
    await page.locator('[data-testid="scorecard-saved"][data-total="64"]').waitFor();
    await page.locator('[data-testid="scorecard-form"] .refused').waitFor({ state: 'detached' });
    await run.screenshot(page, 'expert-scorecard');
    await expectAccessible(page);
    const after = await officeView(blind.roundId);
    expect(after.cards).toEqual({ totalCount: 1, nodes: [{ total: 64 }] });
    expect(after.scored).toBe(1);

    // Back on the list, the assignment reads as scored.
    await page.locator('[data-testid="back"]').click();
    await page.locator(`[data-testid="assignment-row"][data-entry="${blind.entryId}"][data-scored="true"]`).waitFor();
    expect(await page.locator('[data-testid="assignment-summary"]').getAttribute('data-scored')).toBe('1');
    await expectAccessible(page);
    await page.context().close();
  });

  it("moves the office's review progress: one scored for the expert in the round", async () => {
    expect(
      await eventually(
        () => scoredInProgress(blind),
        (n) => n === 1,
      ),
    ).toBe(1);
    const page = await run.open(`/office?contest=${blind.contestCode}`, 'ADMIN');
    await page.reload();
    const cell = page.locator(`[data-testid="review-progress"] tr[data-expert="${expertId}"] [data-measure="scored"]`);
    await cell.waitFor();
    await page.waitForFunction(
      (x) => document.querySelector(`[data-testid="review-progress"] tr[data-expert="${x}"] [data-measure="scored"]`)?.textContent === '1',
      expertId,
    );
    await page.context().close();
  });

  it('submits two scorecards of a round at once, all or nothing', async () => {
    const page = await run.open('/expert', 'EXPERT');
    await page.locator(`[data-testid="batch-links"] a[href$="/rounds/${batch.roundId}/batch"]`).click();
    await page.locator('[data-testid="batch-form"]').waitFor();
    const [first, second] = batch.entryIds as [string, string];
    const score = (entryId: string, code: string, value: string) =>
      page.locator(`[data-testid="batch-row"][data-entry="${entryId}"] input[id$="-${code}"]`).fill(value);
    for (const [entryId, marks] of [
      [first, ['80', '70', '30']],
      [second, ['90', '70', '50']],
    ] as const)
      for (const [i, c] of batch.criteria.entries()) await score(entryId, c.code, marks[i]!);
    const total = (entryId: string) =>
      page.locator(`[data-testid="batch-row"][data-entry="${entryId}"] [data-testid="batch-total"]`).textContent();
    await expect(total(first)).resolves.toBe('64');
    // 50 is beyond feasibility's 40: no total, and the batch is refused whole.
    await expect(total(second)).resolves.toBe('—');
    await page.locator('[data-testid="submit-batch"]').click();
    await page.locator('[data-testid="batch-form"] .refused[data-code="BATCH_REFUSED"]').waitFor();
    await page.locator(`[data-testid="batch-row"][data-entry="${second}"][data-refused="BAD_USER_INPUT"]`).waitFor();
    expect(await page.locator(`[data-testid="batch-row"][data-entry="${first}"]`).getAttribute('data-refused')).toBe('');
    expect((await officeView(batch.roundId)).cards.totalCount).toBe(0);
    // Fixed: 0.4 × 90 + 0.35 × 70 + 0.25 × 40 = 70.5; both are saved.
    await score(second, 'FEASIBILITY', '40');
    await expect(total(second)).resolves.toBe('70.5');
    await page.locator('[data-testid="submit-batch"]').click();
    await page.locator('[data-testid="batch-saved"]').waitFor();
    const { cards } = await officeView(batch.roundId);
    expect(cards.totalCount).toBe(2);
    expect(cards.nodes.map((c) => c.total).sort()).toEqual([64, 70.5]);
    await expectAccessible(page);
    await page.context().close();
  });

  it('asks a screening round for the decision, and an elimination for its reason, showing the refusal on each', async () => {
    const page = await run.open(`/expert/entries/${screening.entryId}`, 'EXPERT');
    await page.locator('[data-testid="scorecard-form"]').waitFor();
    for (const [code, value] of [
      ['INNOVATION', '40'],
      ['BENEFIT', '50'],
      ['FEASIBILITY', '20'],
    ])
      await page.locator(`[data-testid="score-${code}"]`).fill(value);
    const save = async (field: string) => {
      await page.locator('[data-testid="save-scorecard"]').click();
      await page.locator(`.field-error[data-field="${field}"]`).waitFor();
      expect(await page.locator(`#card-${field}`).getAttribute('aria-invalid')).toBe('true');
      expect((await officeView(screening.roundId)).cards.totalCount).toBe(0);
    };
    await save('decision');
    await page.locator('#card-decision').selectOption('ELIMINATE');
    await save('eliminationReason');
    await page.locator('#card-eliminationReason').selectOption('INCOMPLETE');
    await page.locator('[data-testid="save-scorecard"]').click();
    // 0.4 × 40 + 0.35 × 50 + 0.25 × 20 = 38.5.
    await page.locator('[data-testid="scorecard-saved"][data-total="38.5"]').waitFor();
    const { cards } = await officeView(screening.roundId);
    expect(cards).toEqual({ totalCount: 1, nodes: [{ total: 38.5 }] });
    const { reviewRound } = await admin().data<{
      reviewRound: { scorecards: { nodes: { decision: string; eliminationReason: string }[] } };
    }>(`query($r: ID!) { reviewRound(id: $r) { scorecards(first: 1) { nodes { decision eliminationReason } } } }`, {
      r: screening.roundId,
    });
    expect(reviewRound.scorecards.nodes).toEqual([{ decision: 'ELIMINATE', eliminationReason: 'INCOMPLETE' }]);
    await expectAccessible(page);
    await page.context().close();
  });
});
