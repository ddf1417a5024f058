import type { DevelopmentIdentity } from '@meritgraph/contest-data';
import { type GraphClient, Factories } from '@meritgraph/testing';
import type { Page } from 'playwright-core';
import { type ConsoleRun, startConsole } from '../console';

jest.setTimeout(300_000);

type Check = { step: string; actor: string; reason: string | null; organization: { id: string } | null };
type Stored = {
  status: string;
  version: number;
  referenceNumber: string | null;
  applicationEffect: string | null;
  returnReason: string | null;
  rejectionReason: string | null;
  checks: Check[];
};

const REASON = '请补充应用效果的量化依据：年节约成本的测算方法和数据来源。';
const REVISED = '三条产线年减少返修成本约 300 万元（按 2025 年返修工时与材料单价测算，附财务部门核算表）。';

/**
 * A contest that asks both checks, on a graph of its own: a unit mobilized by its district
 * union submits achievements; the union returns one for revision, the unit revises and
 * resubmits it, the union endorses it, the office accepts it at the form check, and the first
 * round takes in that one and not those still awaiting their checks.
 */
describe('endorsement by the union and the office’s form check', () => {
  let run: ConsoleRun;
  const identities: DevelopmentIdentity[] = [];
  let unit: GraphClient;
  let contestId: string;
  let contestCode: string;
  let unionId: string;
  let returnedId: string;
  let leftId: string;
  let withdrawnId: string;
  let reference: string;

  beforeAll(async () => {
    run = await startConsole({
      replay: false,
      // The picker's identities are this graph's own records, added below once they exist.
      signIn: { development: { identities, sign: (claims) => run.graph.auth.client.signDev(claims) } },
      // The notifier turns the feeds into inbox notifications when asked (catchUp); no mail leaves the test.
      graph: { notifier: { mail: { describe: () => 'nowhere', send: async () => {}, close: () => {} } } },
    });
    const admin = run.graph.gateway;
    const make = new Factories(admin);
    const { union } = await admin.data<{ union: { id: string; name: string } }>(
      `mutation { union: createOrganization(input: { name: "浦东新区总工会", kind: DISTRICT_UNION }) { id name } }`,
    );
    unionId = union.id;
    const organization = await make.organization({ name: '上海智造装备有限公司', parentId: union.id });
    const { person } = await admin.data<{ person: { id: string } }>(
      `mutation($o: ID!) { person: createPerson(input: { name: "陈立新", organizationId: $o }) { id } }`,
      { o: organization.id },
    );
    const now = Date.now();
    contestCode = 'endorsement-journey';
    const { createContest } = await admin.data<{ createContest: { id: string } }>(
      `mutation($code: String!, $o: DateTimeISO!, $c: DateTimeISO!) { createContest(input: { code: $code, name: "2026年职工技术创新成果推荐评审",
        year: 2026, submissionOpensAt: $o, submissionClosesAt: $c, requiresEndorsement: true, requiresFormCheck: true }) { id } }`,
      { code: contestCode, o: new Date(now - 3600_000).toISOString(), c: new Date(now + 30 * 86400_000).toISOString() },
    );
    contestId = createContest.id;
    const { track } = await admin.data<{ track: { id: string } }>(
      `mutation($c: ID!) {
        track: createTrack(input: { contestId: $c, code: "AI", name: "人工智能与智能制造" }) { id }
        open: changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id }
      }`,
      { c: contestId },
    );
    // Enrolled by the union above it, which is then the one to endorse its entries.
    await make.enrol(contestId, organization.id);
    identities.push(
      { role: 'ADMIN', label: '竞赛办公室', claims: { roles: ['ADMIN'], sub: 'office-admin' } },
      { role: 'ORGANIZER', label: union.name, claims: { roles: ['ORGANIZER'], org: union.id, sub: 'organizer-pudong' } },
      {
        role: 'SUBMITTER',
        label: `${organization.name}（陈立新）`,
        claims: { roles: ['SUBMITTER'], org: organization.id, sub: person.id },
      },
    );
    unit = await run.graph.as('SUBMITTER', { org: organization.id, sub: person.id });
    const titles = ['基于机器视觉的焊缝缺陷在线检测系统', '数控机床主轴热误差补偿方法', '焊接机器人离线编程平台'];
    const ids: string[] = [];
    for (const title of titles) {
      const { createSubmission } = await unit.data<{ createSubmission: { id: string } }>(
        `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
        {
          input: {
            contestId,
            organizationId: organization.id,
            trackId: track.id,
            title,
            summary: '以深度学习识别焊缝气孔、裂纹等缺陷，检测准确率达到 98%，已在三条产线应用。',
            achievementKind: 'TECHNOLOGY',
            keywords: ['机器视觉', '智能制造'],
            applicationEffect: '年减少返修成本约 300 万元。',
            leaderId: person.id,
            teamMemberIds: [],
          },
        },
      );
      const { submitSubmission } = await unit.data<{ submitSubmission: { referenceNumber: string } }>(
        `mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { referenceNumber } }`,
        { id: createSubmission.id },
      );
      if (ids.length === 0) reference = submitSubmission.referenceNumber;
      ids.push(createSubmission.id);
    }
    [returnedId, leftId, withdrawnId] = ids as [string, string, string];
  });
  afterAll(() => run?.stop());

  const stored = async (id: string) =>
    (
      await run.graph.gateway.data<{ submission: Stored }>(
        `query($id: ID!) { submission(id: $id) { status version referenceNumber applicationEffect returnReason rejectionReason
          checks { step actor reason organization { id } } } }`,
        { id },
      )
    ).submission;
  const expectAccessible = async (page: Page) => expect(await run.accessibility(page)).toEqual([]);
  const row = (page: Page, testId: string, id: string) => page.locator(`[data-testid="${testId}"][data-id="${id}"]`);

  it('lets the union return an entry only with a reason, refused on the field and changing nothing without one', async () => {
    const before = await stored(returnedId);
    expect(before).toMatchObject({ status: 'SUBMITTED', checks: [] });
    const page = await run.open('/organizer/endorsement', 'ORGANIZER');
    await page.locator('[data-testid="endorsement-queue"]').waitFor();
    const pending = await page.locator('[data-testid="endorsement-row"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect(pending.sort()).toEqual([returnedId, leftId, withdrawnId].sort());
    await expectAccessible(page);

    await row(page, 'endorsement-row', returnedId)
      .getByRole('button', { name: /退回修改/ })
      .click();
    const dialog = page.locator('[data-testid="return-dialog"]');
    await dialog.getByRole('heading', { name: '退回修改：基于机器视觉的焊缝缺陷在线检测系统' }).waitFor();
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await dialog.locator('.refused[data-code="BAD_USER_INPUT"]').waitFor();
    await dialog.locator('.field-error[data-field="reason"]').waitFor();
    const reason = dialog.getByLabel('退回意见');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await run.screenshot(page, 'endorsement-return-refused');
    await expectAccessible(page);
    expect(await stored(returnedId)).toEqual(before);

    await reason.fill(REASON);
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(page, 'returned-row', returnedId).locator('[data-testid="return-reason"]').filter({ hasText: REASON }).waitFor();
    await expect(page.locator(`[data-testid="endorsement-row"][data-id="${returnedId}"]`).count()).resolves.toBe(0);
    expect(await row(page, 'returned-row', returnedId).locator('.status').textContent()).toBe('退回修改');
    const returned = await stored(returnedId);
    expect(returned).toMatchObject({ status: 'RETURNED', version: before.version + 1, returnReason: REASON, referenceNumber: reference });
    expect(returned.checks).toEqual([{ step: 'RETURNED', actor: 'UNION', reason: REASON, organization: { id: unionId } }]);
    await page.context().close();
  });

  it('tells the unit in its inbox, shows it why it was returned, lets it revise the form and submit it again under the same reference number', async () => {
    await run.graph.notifier!.catchUp();
    const page = await run.open('/inbox', 'SUBMITTER');
    // The unit's inbox and its leader's (the signed-in person) each receive it.
    const notice = page
      .locator('[data-testid="notification"][data-kind="SUBMISSION_RETURNED"]')
      .filter({ has: page.getByRole('heading', { name: /基于机器视觉的焊缝缺陷在线检测系统/ }) })
      .first();
    await notice.waitFor();
    await expect(page.locator('[data-testid="notification"]:not([data-kind="SUBMISSION_RETURNED"])').count()).resolves.toBe(0);
    await expectAccessible(page);
    await notice.getByRole('link').click();
    await page.waitForURL((u) => u.pathname === `/unit/submissions/${returnedId}`);
    const outcome = page.locator('[data-testid="check-outcome"][data-status="RETURNED"]');
    await outcome.getByRole('heading', { name: '退回修改' }).waitFor();
    expect(await outcome.locator('[data-testid="return-reason"]').textContent()).toBe(REASON);
    expect(await page.locator('[data-testid="submission-status"][data-status="RETURNED"]').textContent()).toBe('退回修改');
    const history = page.locator('[data-testid="check-history"] li');
    expect(await history.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-step')))).toEqual(['RETURNED']);
    // Returned, the form is open again, and the one action is to submit it again.
    expect(await page.locator('#draft-applicationEffect').isDisabled()).toBe(false);
    await run.screenshot(page, 'endorsement-unit-returned');
    await expectAccessible(page);

    await page.locator('#draft-applicationEffect').fill(REVISED);
    await page.getByRole('button', { name: '重新提交' }).click();
    await page.locator('[data-testid="submission-status"][data-status="SUBMITTED"]').waitFor();
    expect(await page.locator('[data-testid="submission-reference"]').textContent()).toBe(reference);
    await expect(page.locator('[data-testid="check-outcome"]').count()).resolves.toBe(0);
    const resubmitted = await stored(returnedId);
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', referenceNumber: reference, applicationEffect: REVISED, returnReason: null });
    expect(resubmitted.checks.map((c) => c.step)).toEqual(['RETURNED', 'RESUBMITTED']);
    expect(await page.locator('#draft-applicationEffect').isDisabled()).toBe(true);
    await page.context().close();
  });

  it('endorses in bulk all or nothing: an entry withdrawn meanwhile is refused on its row and none is endorsed; then the revised one is', async () => {
    const page = await run.open('/organizer/endorsement', 'ORGANIZER');
    await row(page, 'endorsement-row', returnedId).waitFor();
    await row(page, 'endorsement-row', returnedId).getByRole('checkbox').check();
    await row(page, 'endorsement-row', withdrawnId).getByRole('checkbox').check();
    // The unit withdraws one while the union has the queue open.
    await unit.data(`mutation($id: ID!) { withdrawSubmission(id: $id, reason: "与另一项合并申报") { id } }`, { id: withdrawnId });
    await page.getByRole('button', { name: '推荐所选（2 项）' }).click();
    await page.locator('[data-testid="endorse-refusal"] .refused[data-code="BATCH_REFUSED"]').waitFor();
    await row(page, 'endorsement-row', withdrawnId).locator('[data-testid="row-refusal"]').waitFor();
    await expect(row(page, 'endorsement-row', returnedId).locator('[data-testid="row-refusal"]').count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(await stored(returnedId)).toMatchObject({ status: 'SUBMITTED' });
    expect((await stored(returnedId)).checks.map((c) => c.step)).toEqual(['RETURNED', 'RESUBMITTED']);

    await page.locator('[data-testid="reload-queue"]').click();
    await row(page, 'endorsement-row', withdrawnId).waitFor({ state: 'detached' });
    await row(page, 'endorsement-row', returnedId).getByRole('checkbox').check();
    await page.getByRole('button', { name: '推荐所选（1 项）' }).click();
    await page.locator('[data-testid="endorsement-notice"]').waitFor();
    expect(await row(page, 'endorsed-row', returnedId).locator('.status').textContent()).toBe('已推荐');
    await row(page, 'endorsement-row', leftId).waitFor();
    const endorsed = await stored(returnedId);
    expect(endorsed.status).toBe('ENDORSED');
    expect(endorsed.checks.at(-1)).toEqual({ step: 'ENDORSED', actor: 'UNION', reason: null, organization: { id: unionId } });
    expect(await stored(leftId)).toMatchObject({ status: 'SUBMITTED' });
    await run.screenshot(page, 'endorsement-union-queue');
    await expectAccessible(page);
    await page.context().close();
  });

  it('lets the office accept the endorsed entry at the form check, and review takes in only what passed both checks', async () => {
    const page = await run.open(`/office/form-check?contest=${contestCode}`, 'ADMIN');
    await page.locator('[data-testid="form-check-queue"]').waitFor();
    const awaiting = await page.locator('[data-testid="form-check-row"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    // Only the endorsed one awaits the form check; the one still SUBMITTED waits for its union.
    expect(awaiting).toEqual([returnedId]);
    await expectAccessible(page);
    await row(page, 'form-check-row', returnedId).getByRole('checkbox').check();
    await page.getByRole('button', { name: '审查通过所选（1 项）' }).click();
    await page.locator('[data-testid="form-check-notice"]').waitFor();
    const accepted = row(page, 'accepted-row', returnedId);
    await accepted.waitFor();
    expect(await accepted.getAttribute('data-status')).toBe('ACCEPTED');
    expect(await accepted.locator('.status').textContent()).toBe('形式审查通过');
    await page.locator('[data-testid="nothing-awaiting"]').waitFor();
    const checked = await stored(returnedId);
    expect(checked.status).toBe('ACCEPTED');
    expect(checked.checks.map((c) => [c.step, c.actor])).toEqual([
      ['RETURNED', 'UNION'],
      ['RESUBMITTED', 'UNIT'],
      ['ENDORSED', 'UNION'],
      ['ACCEPTED', 'OFFICE'],
    ]);
    await run.screenshot(page, 'endorsement-office-form-check');
    await expectAccessible(page);
    await page.context().close();

    // The first round takes in the accepted entry, and not the one still awaiting its union.
    const admin = run.graph.gateway;
    const { createReviewRound } = await admin.data<{ createReviewRound: { id: string } }>(
      `mutation($c: ID!) { createReviewRound(input: { contestId: $c, name: "初审", stage: SCREENING, order: 1 }) { id } }`,
      { c: contestId },
    );
    const { takeEntries } = await admin.data<{ takeEntries: { taken: number } }>(
      `mutation($r: ID!) { takeEntries(roundId: $r) { taken } }`,
      {
        r: createReviewRound.id,
      },
    );
    expect(takeEntries.taken).toBe(1);
    const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: { referenceNumber: string }[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { entries(first: 100) { nodes { referenceNumber } } } }`,
      { r: createReviewRound.id },
    );
    const left = await stored(leftId);
    expect(left.status).toBe('SUBMITTED');
    expect(reviewRound.entries.nodes.map((e) => e.referenceNumber)).toEqual([reference]);
    expect(reviewRound.entries.nodes.map((e) => e.referenceNumber)).not.toContain(left.referenceNumber);
  });

  it('lets the office reject an entry only with a reason, in English too, and shows its unit why', async () => {
    // Its union endorses the entry left waiting; the office then finds it at the form check.
    const organizer = await run.graph.as('ORGANIZER', { org: unionId, sub: 'organizer-pudong' });
    const { version } = await stored(leftId);
    await organizer.data(`mutation($i: [SubmissionStepInput!]!) { endorseSubmissions(inputs: $i) { id } }`, {
      i: [{ id: leftId, expectedVersion: version }],
    });
    const page = await run.open(`/office/form-check?contest=${contestCode}`, 'ADMIN');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'Form check · 2026年职工技术创新成果推荐评审' }).waitFor();
    await row(page, 'form-check-row', leftId)
      .getByRole('button', { name: /^Reject/ })
      .click();
    const dialog = page.locator('[data-testid="reject-dialog"]');
    await dialog.getByRole('button', { name: 'Reject it' }).click();
    await dialog.locator('.field-error[data-field="reason"]').filter({ hasText: 'Invalid value' }).waitFor();
    expect(await dialog.getByLabel('Reason for rejecting').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    const before = await stored(leftId);
    expect(before).toMatchObject({ status: 'ENDORSED', rejectionReason: null });

    const why = '申报书未加盖单位公章，不符合申报要求。';
    await dialog.getByLabel('Reason for rejecting').fill(why);
    await dialog.getByRole('button', { name: 'Reject it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const rejected = row(page, 'rejected-row', leftId);
    expect(await rejected.locator('[data-testid="rejection-reason"]').textContent()).toBe(why);
    expect(await rejected.locator('.status').textContent()).toBe('Rejected at the form check');
    const after = await stored(leftId);
    expect(after).toMatchObject({ status: 'REJECTED', rejectionReason: why, version: before.version + 1 });
    expect(after.checks.at(-1)).toEqual({ step: 'REJECTED', actor: 'OFFICE', reason: why, organization: null });
    await page.context().close();

    // The unit reads why, and the entry is fixed.
    const unitPage = await run.open(`/unit/submissions/${leftId}`, 'SUBMITTER');
    const outcome = unitPage.locator('[data-testid="check-outcome"][data-status="REJECTED"]');
    await outcome.getByRole('heading', { name: '形式审查不予通过' }).waitFor();
    expect(await outcome.locator('[data-testid="rejection-reason"]').textContent()).toBe(why);
    expect(await unitPage.locator('#draft-applicationEffect').isDisabled()).toBe(true);
    await expect(unitPage.locator('[data-testid="submit-submission"]').count()).resolves.toBe(0);
    await expectAccessible(unitPage);
    await unitPage.context().close();
  });
});
