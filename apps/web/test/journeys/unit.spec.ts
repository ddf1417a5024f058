import { Factories } from '@meritgraph/testing';
import type { Page } from 'playwright-core';
import { type ConsoleRun, startConsole } from '../console';

jest.setTimeout(300_000);

type Stored = {
  status: string;
  version: number;
  referenceNumber: string | null;
  summary: string | null;
  metrics: { name: string; value: number; unit: string }[];
};

describe("a unit's workspace and its union's screens", () => {
  let run: ConsoleRun;
  let contestId: string;
  let trackId: string;
  let unit: string;
  let leader: { id: string; name: string };
  let union: string;
  let draftId: string;

  beforeAll(async () => {
    run = await startConsole();
    const admin = run.graph.gateway;
    const submitter = run.identities.find((i) => i.role === 'SUBMITTER')!;
    unit = submitter.claims.org!;
    union = run.identities.find((i) => i.role === 'ORGANIZER')!.claims.org!;
    // After the replay 2019 is closed: a new contest takes submissions now, with one track, the unit enrolled.
    const now = Date.now();
    const { createContest } = await admin.data<{ createContest: { id: string } }>(
      `mutation($o: DateTimeISO!, $c: DateTimeISO!) { createContest(input: { code: "unit-journey", name: "2026年职工科技创新申报测试", year: 2026,
        submissionOpensAt: $o, submissionClosesAt: $c }) { id } }`,
      { o: new Date(now - 3600_000).toISOString(), c: new Date(now + 30 * 86400_000).toISOString() },
    );
    contestId = createContest.id;
    const made = await admin.data<{ track: { id: string } }>(
      `mutation($c: ID!) {
        track: createTrack(input: { contestId: $c, code: "AI", name: "人工智能" }) { id }
        open: changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id }
      }`,
      { c: contestId },
    );
    trackId = made.track.id;
    await new Factories(admin).enrol(contestId, unit);
    const { person } = await admin.data<{ person: { id: string; name: string } }>(`query($id: ID!) { person(id: $id) { id name } }`, {
      id: submitter.claims.sub,
    });
    leader = person;
  });
  afterAll(() => run?.stop());

  const stored = async (id: string) =>
    (
      await run.graph.gateway.data<{ submission: Stored }>(
        `query($id: ID!) { submission(id: $id) { status version referenceNumber summary metrics { name value unit } } }`,
        { id },
      )
    ).submission;
  const priorHonors = async (id: string) =>
    (
      await run.graph.gateway.data<{ submission: { priorHonors: unknown[] } }>(
        `query($id: ID!) { submission(id: $id) { priorHonors { level name issuer year evidence verified } } }`,
        { id },
      )
    ).submission.priorHonors;
  const expectAccessible = async (page: Page) => expect(await run.accessibility(page)).toEqual([]);

  it('lists the unit’s own submissions across contests, as the graph has them', async () => {
    const { submissions } = await (
      await run.graph.as('SUBMITTER', { org: unit, sub: leader.id })
    ).data<{ submissions: { nodes: { id: string; status: string }[] } }>(
      `query($o: ID!) { submissions(organizationId: $o, first: 100) { nodes { id status } } }`,
      { o: unit },
    );
    expect(submissions.nodes.length).toBeGreaterThan(0);
    const page = await run.open('/unit', 'SUBMITTER');
    await page.locator('[data-testid="my-submissions"]').waitFor();
    const rows = await page
      .locator('[data-testid="submission-row"]')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-id'), tr.getAttribute('data-status')]));
    expect(rows).toEqual(submissions.nodes.map((s) => [s.id, s.status]));
    await expectAccessible(page);
    await page.context().close();
  });

  it('refuses to submit a draft without its summary, on that field, and keeps it a draft; filled in, it is submitted with a reference number; a prior honor is recorded for it', async () => {
    const page = await run.open('/unit/new', 'SUBMITTER');
    await page.locator('[data-testid="draft-form"]').waitFor();
    await page.locator('#draft-contestId').selectOption(contestId);
    await page.locator('#draft-trackId').selectOption(trackId);
    await page.locator('#draft-title').fill('内镜隧道技术智能辅助诊断平台');
    await page.locator('#draft-achievementKind').selectOption('PLATFORM');
    await page.locator('#draft-leaderId').selectOption(leader.id);
    await page.getByRole('checkbox', { name: leader.name }).check();
    await page.locator('#draft-keywords').fill('内镜, 人工智能');
    await page.locator('#draft-applicationEffect').fill('在本市12家医院试用，诊断时间缩短三成。');
    await page.getByRole('button', { name: '添加指标' }).click();
    await page.getByRole('button', { name: '添加指标' }).click();
    await page.locator('#draft-metrics-0-name').fill('试用医院');
    await page.locator('#draft-metrics-0-value').fill('12');
    await page.locator('#draft-metrics-0-unit').fill('家');
    await page.locator('#draft-metrics-1-name').fill('删除的指标');
    await page.getByRole('button', { name: '删除第2行指标' }).click();
    await expect(page.locator('[data-testid="metric-row"]').count()).resolves.toBe(1);
    await page.locator('[data-testid="save-draft"]').click();
    await page.waitForURL(/\/unit\/submissions\/[^/]+$/);
    draftId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.locator('[data-testid="submission-status"][data-status="DRAFT"]').waitFor();
    expect(await stored(draftId)).toMatchObject({ status: 'DRAFT', summary: null, metrics: [{ name: '试用医院', value: 12, unit: '家' }] });

    await page.locator('[data-testid="submit-submission"]').click();
    await page.locator('[data-testid="refusal"] [data-code="SUBMISSION_INCOMPLETE"]').waitFor();
    await page.locator('.field-error[data-field="summary"]').waitFor();
    expect(await page.locator('#draft-summary').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#draft-summary').getAttribute('aria-describedby')).toBe('draft-summary-error');
    // Only the missing field is marked.
    expect(await page.locator('.field-error').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).toEqual(['summary']);
    await run.screenshot(page, 'unit-draft-refused');
    await expectAccessible(page);
    expect(await stored(draftId)).toMatchObject({ status: 'DRAFT', referenceNumber: null });

    await page.locator('#draft-summary').fill('以深度学习辅助内镜隧道技术的术前诊断与术中导航。');
    await page.locator('[data-testid="submit-submission"]').click();
    await page.locator('[data-testid="submission-status"][data-status="SUBMITTED"]').waitFor();
    const submitted = await stored(draftId);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', summary: '以深度学习辅助内镜隧道技术的术前诊断与术中导航。' });
    expect(submitted.referenceNumber).toBe('2026-AI-0001');
    expect(await page.locator('[data-testid="submission-reference"]').textContent()).toBe(submitted.referenceNumber);
    // Submitted, the form is read-only and there is nothing to submit again.
    await expect(page.locator('[data-testid="submit-submission"]').count()).resolves.toBe(0);
    expect(await page.locator('#draft-summary').isDisabled()).toBe(true);

    // A prior honor without its year is refused on that field; complete, it is recorded for the office to verify
    // (unverified, the unit does not see it listed).
    await page.locator('#prior-level').selectOption('MUNICIPAL');
    await page.locator('#prior-name').fill('上海市科技进步奖一等奖');
    await page.locator('#prior-issuer').fill('上海市人民政府');
    await page.locator('#prior-evidence').fill('沪府2025-001');
    await page.getByRole('button', { name: '登记既往荣誉' }).click();
    await page.locator('[data-testid="prior-honor-form"] .refused[data-code="BAD_USER_INPUT"]').waitFor();
    await page.locator('.field-error[data-field="year"]').waitFor();
    expect(await priorHonors(draftId)).toEqual([]);
    await page.locator('#prior-year').fill('2025');
    await page.getByRole('button', { name: '登记既往荣誉' }).click();
    await page.locator('[data-testid="prior-recorded"]').waitFor();
    expect(await priorHonors(draftId)).toEqual([
      {
        level: 'MUNICIPAL',
        name: '上海市科技进步奖一等奖',
        issuer: '上海市人民政府',
        year: 2025,
        evidence: '沪府2025-001',
        verified: false,
      },
    ]);

    await page.getByRole('link', { name: '返回本单位的申报' }).click();
    const row = page.locator(`[data-testid="submission-row"][data-id="${draftId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('SUBMITTED');
    expect(await row.locator('[data-testid="reference"]').textContent()).toBe('2026-AI-0001');
    await run.screenshot(page, 'unit-submissions');
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows a stale save as a version conflict and writes nothing; reloaded, the draft can be withdrawn', async () => {
    const admin = run.graph.gateway;
    const { createSubmission } = await admin.data<{ createSubmission: { id: string } }>(
      `mutation($c: ID!, $o: ID!) { createSubmission(input: { contestId: $c, organizationId: $o, title: "并发修改的草稿" }) { id } }`,
      { c: contestId, o: unit },
    );
    const page = await run.open(`/unit/submissions/${createSubmission.id}`, 'SUBMITTER');
    await page.locator('[data-testid="submission-status"][data-status="DRAFT"]').waitFor();
    await admin.data(`mutation($id: ID!) { updateSubmission(id: $id, expectedVersion: 1, input: { summary: "同事已修改。" }) { id } }`, {
      id: createSubmission.id,
    });
    await page.locator('#draft-summary').fill('我的修改');
    await page.locator('[data-testid="save-draft"]').click();
    await page.locator('[data-testid="refusal"] [data-code="VERSION_CONFLICT"]').waitFor();
    expect(await stored(createSubmission.id)).toMatchObject({ version: 2, summary: '同事已修改。' });
    await page.locator('[data-testid="reload"]').click();
    await page.waitForFunction(() => (document.querySelector('#draft-summary') as HTMLTextAreaElement | null)?.value === '同事已修改。');

    // A draft can be withdrawn; withdrawn, it is final and its form read-only.
    await page.locator('#withdraw-reason').fill('合并到另一项申报');
    await page.locator('[data-testid="withdraw-submission"]').click();
    await page.locator('[data-testid="submission-status"][data-status="WITHDRAWN"]').waitFor();
    expect(await stored(createSubmission.id)).toMatchObject({ status: 'WITHDRAWN' });
    await expect(page.locator('[data-testid="withdraw-submission"]').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('shows the union its units, their submissions and enrolments as the graph has them, enrols a unit and nominates it', async () => {
    const organizer = await run.graph.as('ORGANIZER', { org: union, sub: run.identities.find((i) => i.role === 'ORGANIZER')!.claims.sub });
    const { organization } = await organizer.data<{
      organization: { descendants: { totalCount: number; nodes: { id: string; kind: string }[] } };
    }>(`query($o: ID!) { organization(id: $o) { descendants(first: 100) { totalCount nodes { id kind } } } }`, { o: union });
    const page = await run.open('/organizer', 'ORGANIZER');
    await page.locator('[data-testid="organizer-units"]').waitFor();
    expect(Number(await page.locator('[data-testid="units-count"]').getAttribute('data-count'))).toBe(organization.descendants.totalCount);
    const shown = await page.locator('[data-testid="unit-row"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect(shown).toEqual(organization.descendants.nodes.map((u) => u.id));
    await run.screenshot(page, 'organizer-units');
    await expectAccessible(page);

    const { submissions } = await organizer.data<{ submissions: { totalCount: number; nodes: { id: string; status: string }[] } }>(
      `{ submissions(first: 100) { totalCount nodes { id status } } }`,
    );
    expect(submissions.totalCount).toBeGreaterThan(0);
    await page.getByRole('link', { name: '申报', exact: true }).click();
    await page.locator('[data-testid="organizer-submissions"]').waitFor();
    expect(Number(await page.locator('[data-testid="submissions-count"]').getAttribute('data-count'))).toBe(submissions.totalCount);
    const rows = await page
      .locator('[data-testid="organizer-submission-row"]')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-id'), tr.getAttribute('data-status')]));
    expect(rows).toEqual(submissions.nodes.map((s) => [s.id, s.status]));
    await expectAccessible(page);

    // Enrolling one of its units in the open contest.
    const candidate = organization.descendants.nodes.find(
      (u) => !['DISTRICT_UNION', 'INDUSTRY_UNION', 'TRADE_UNION_FEDERATION'].includes(u.kind),
    )!;
    await page.getByRole('link', { name: '报名', exact: true }).click();
    await page.locator('[data-testid="enrol-form"]').waitFor();
    await page.locator('#enrol-contest option[value]').nth(1).waitFor({ state: 'attached' });
    await page.locator('#enrol-contest').selectOption(contestId);
    await page.locator(`#enrol-unit option[value="${candidate.id}"]`).waitFor({ state: 'attached' });
    await page.locator('#enrol-unit').selectOption(candidate.id);
    await page.locator('[data-testid="enrol-submit"]').click();
    await page.locator('[data-testid="enrol-form"] [role="status"]').waitFor();
    const { participations } = await run.graph.gateway.data<{
      participations: { nodes: { organization: { id: string }; mobilizedBy: { id: string } }[] };
    }>(`query($c: ID!) { participations(contestId: $c, first: 100) { nodes { organization { id } mobilizedBy { id } } } }`, {
      c: contestId,
    });
    expect(participations.nodes).toContainEqual({ organization: { id: candidate.id }, mobilizedBy: { id: union } });
    await expectAccessible(page);

    // Enrolling it twice is refused, and nothing more is written.
    await page.locator('[data-testid="enrol-submit"]').click();
    await page.locator('[data-testid="enrol-form"] .refused[data-code="ALREADY_EXISTS"]').waitFor();
    const again = await run.graph.gateway.data<{ participations: { totalCount: number } }>(
      `query($c: ID!) { participations(contestId: $c, first: 1) { totalCount } }`,
      { c: contestId },
    );
    expect(again.participations.totalCount).toBe(participations.nodes.length);

    // Nominating that unit for an award of the contest (the office set its quota).
    const { awardTypes } = await run.graph.gateway.data<{ awardTypes: { code: string; recipientKind: string }[] }>(
      `{ awardTypes { code recipientKind } }`,
    );
    const award = awardTypes.find((a) => a.recipientKind === 'ORGANIZATION')!;
    await run.graph.gateway.data(`mutation($c: ID!, $t: String!) { setAwardQuota(contestId: $c, awardTypeCode: $t, quota: 5) { id } }`, {
      c: contestId,
      t: award.code,
    });
    await page.getByRole('link', { name: '推荐', exact: true }).click();
    await page.locator('[data-testid="nominate-form"]').waitFor();
    await expectAccessible(page);
    await page.locator(`#nominate-contest option[value="${contestId}"]`).waitFor({ state: 'attached' });
    await page.locator('#nominate-contest').selectOption(contestId);
    await page.locator('#nominate-award').selectOption(award.code);
    await page.locator(`#nominate-recipient option[value="${candidate.id}"]`).waitFor({ state: 'attached' });
    await page.locator('#nominate-recipient').selectOption(candidate.id);
    await page.locator('#nominate-citation').fill('动员职工参与创新成效显著。');
    await page.locator('[data-testid="nominate-submit"]').click();
    await page.locator('[data-testid="nominations-made"] tbody tr').waitFor();
    const { honors } = await run.graph.gateway.data<{
      honors: { nodes: { awardTypeCode: string; status: string; recipient: { id: string } }[] };
    }>(`query($c: ID!) { honors(contestId: $c, first: 100) { nodes { awardTypeCode status recipient { ... on Organization { id } } } } }`, {
      c: contestId,
    });
    expect(honors.nodes).toEqual([{ awardTypeCode: award.code, status: 'NOMINATED', recipient: { id: candidate.id } }]);
    await page.context().close();
  });
});
