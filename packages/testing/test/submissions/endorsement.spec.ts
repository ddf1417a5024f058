import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

type Check = { step: string; reason: string | null; actor: string; organization: { id: string } | null };
type Entry = {
  id: string;
  status: string;
  version: number;
  referenceNumber: string | null;
  applicationEffect: string | null;
  returnReason: string | null;
  rejectionReason: string | null;
  checks: Check[];
  auditTrail: { nodes: { action: string; reason: string | null }[] };
};

const ENTRY = `id status version referenceNumber applicationEffect returnReason rejectionReason
  checks { step reason actor organization { id } } auditTrail { nodes { action reason } }`;
const RETURN_REASON = '申报书缺少单位盖章页，请补充后重新提交';

/**
 * The checks before review, through the gateway: the union that mobilized a unit endorses
 * its entries or returns them for revision, the unit revises and resubmits, the office
 * accepts or rejects their form, and review takes in only what passed.
 */
describe('endorsement by the mobilizing union and the office’s form check', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let union: GraphClient;
  let unit: GraphClient;
  let unionId: string;
  let checked: { contest: string; track: string };
  let plain: { contest: string; track: string };
  let unitA: string;
  let unitB: string;
  let leaderA: string;
  let leaderB: string;
  let serial = 0;

  const ext = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;
  const read = async (id: string): Promise<Entry> =>
    (await admin.data<{ submission: Entry }>(`query($id: ID!) { submission(id: $id) { ${ENTRY} } }`, { id })).submission;

  /** A contest open for submissions with one track, asking the checks given; units A and B enrolled. */
  const contest = async (checks: boolean) => {
    const created = await make.contest();
    await admin.data(
      `mutation($id: ID!, $e: Boolean!) { updateContest(id: $id, input: { requiresEndorsement: $e, requiresFormCheck: $e }) { id } }`,
      { id: created.id, e: checks },
    );
    const { track } = await admin.data<{ track: { id: string } }>(
      `mutation($c: ID!) { track: createTrack(input: { contestId: $c, code: "AI", name: "人工智能" }) { id }
        open: changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { status } }`,
      { c: created.id },
    );
    await make.enrol(created.id, unitA);
    await make.enrol(created.id, unitB);
    return { contest: created.id, track: track.id };
  };

  /** A submitted entry (version 2) of a unit in a contest. */
  const entered = async (where: { contest: string; track: string }, organizationId: string, leaderId: string) => {
    serial += 1;
    const { createSubmission } = await admin.data<{ createSubmission: { id: string } }>(
      `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
      {
        input: {
          contestId: where.contest,
          organizationId,
          trackId: where.track,
          leaderId,
          title: `推荐测试成果${serial}`,
          summary: '用于推荐与形式审查的成果。',
          achievementKind: 'PRODUCT',
          keywords: ['推荐'],
          applicationEffect: '已在多家单位应用。',
        },
      },
    );
    await admin.data(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { id } }`, { id: createSubmission.id });
    return createSubmission.id;
  };

  const endorse = (client: GraphClient, inputs: { id: string; expectedVersion: number }[]) =>
    client.request<{ endorseSubmissions: { id: string; status: string; version: number }[] }>(
      `mutation($inputs: [SubmissionStepInput!]!) { endorseSubmissions(inputs: $inputs) { id status version } }`,
      { inputs },
    );
  const returnOne = (client: GraphClient, id: string, v: number, reason: string) =>
    client.request<{ returnSubmission: { status: string } }>(
      `mutation($id: ID!, $v: Int!, $r: String!) { returnSubmission(id: $id, expectedVersion: $v, reason: $r) { status } }`,
      { id, v, r: reason },
    );
  const accept = (client: GraphClient, inputs: { id: string; expectedVersion: number }[]) =>
    client.request<{ acceptSubmissions: { status: string }[] }>(
      `mutation($inputs: [SubmissionStepInput!]!) { acceptSubmissions(inputs: $inputs) { status } }`,
      { inputs },
    );

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    const org = async (input: Record<string, string>) =>
      (
        await admin.data<{ createOrganization: { id: string } }>(
          `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
          { input },
        )
      ).createOrganization.id;
    unionId = await org({ name: '推荐测试区总工会', kind: 'DISTRICT_UNION' });
    const otherUnion = await org({ name: '推荐测试另一区总工会', kind: 'DISTRICT_UNION' });
    unitA = await org({ name: '推荐测试医院', kind: 'HOSPITAL', parentId: unionId });
    unitB = await org({ name: '推荐测试外区企业', kind: 'ENTERPRISE', parentId: otherUnion });
    const person = async (name: string, organizationId: string) =>
      (
        await admin.data<{ createPerson: { id: string } }>(
          `mutation($n: String!, $o: ID!) { createPerson(input: { name: $n, organizationId: $o }) { id } }`,
          { n: name, o: organizationId },
        )
      ).createPerson.id;
    leaderA = await person('推荐测试负责人', unitA);
    leaderB = await person('外区负责人', unitB);
    checked = await contest(true);
    plain = await contest(false);
    union = await graph.as('ORGANIZER', { org: unionId, sub: 'union-clerk' });
    unit = await graph.as('SUBMITTER', { org: unitA, sub: 'unit-clerk' });
  }, 120_000);
  afterAll(() => graph?.stop());

  it('a contest says which checks it asks, and they are locked once it opens', async () => {
    const { contest: c } = await admin.data<{ contest: { requiresEndorsement: boolean; requiresFormCheck: boolean } }>(
      `query($id: ID!) { contest(id: $id) { requiresEndorsement requiresFormCheck } }`,
      { id: checked.contest },
    );
    expect(c).toEqual({ requiresEndorsement: true, requiresFormCheck: true });
    const locked = await admin.request(`mutation($id: ID!) { updateContest(id: $id, input: { requiresFormCheck: false }) { id } }`, {
      id: checked.contest,
    });
    expect(ext(locked)).toMatchObject({ code: 'CONTEST_LOCKED', field: 'requiresFormCheck' });
  });

  it('the union endorses the entry of a unit it mobilized', async () => {
    const id = await entered(checked, unitA, leaderA);
    const endorsed = await endorse(union, [{ id, expectedVersion: 2 }]);
    expect(endorsed.errors).toBeUndefined();
    expect(endorsed.data!.endorseSubmissions).toEqual([{ id, status: 'ENDORSED', version: 3 }]);
    const entry = await read(id);
    expect(entry.checks).toEqual([{ step: 'ENDORSED', reason: null, actor: 'UNION', organization: { id: unionId } }]);
    expect(entry.auditTrail.nodes.map((n) => n.action)).toContain('submission.endorse');
  });

  it('refuses a union an entry of a unit it did not mobilize (FORBIDDEN) and changes nothing', async () => {
    const id = await entered(checked, unitB, leaderB);
    const before = await read(id);
    const refused = await endorse(union, [{ id, expectedVersion: 2 }]);
    expect(ext(refused)).toMatchObject({ code: 'FORBIDDEN' });
    const after = await read(id);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ status: 'SUBMITTED', version: 2, checks: [] });
    expect((await returnOne(union, id, 2, RETURN_REASON)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await read(id)).toEqual(before);
  });

  it('refuses a return without a reason (BAD_USER_INPUT on reason) and writes nothing', async () => {
    const id = await entered(checked, unitA, leaderA);
    const before = await read(id);
    for (const reason of ['', '   ', '字'.repeat(501)]) {
      expect(ext(await returnOne(union, id, 2, reason))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    expect(await read(id)).toEqual(before);
  });

  it('the unit reads why its entry was returned, revises it and submits it again under its reference number', async () => {
    const id = await entered(checked, unitA, leaderA);
    const { referenceNumber } = await read(id);
    expect((await returnOne(union, id, 2, `  ${RETURN_REASON} `)).data?.returnSubmission.status).toBe('RETURNED');
    const seen = await unit.data<{ submission: { status: string; returnReason: string | null } }>(
      `query($id: ID!) { submission(id: $id) { status returnReason } }`,
      { id },
    );
    expect(seen.submission).toEqual({ status: 'RETURNED', returnReason: RETURN_REASON });
    const revised = await unit.request(
      `mutation($id: ID!) { updateSubmission(id: $id, expectedVersion: 3, input: { applicationEffect: "已补充单位盖章页。" }) { version } }`,
      { id },
    );
    expect(revised.errors).toBeUndefined();
    const again = await unit.request<{ submitSubmission: { status: string; referenceNumber: string } }>(
      `mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 4) { status referenceNumber } }`,
      { id },
    );
    expect(again.data?.submitSubmission).toEqual({ status: 'SUBMITTED', referenceNumber });
    const entry = await read(id);
    expect(entry).toMatchObject({ status: 'SUBMITTED', version: 5, applicationEffect: '已补充单位盖章页。', returnReason: null });
    expect(entry.checks.map((c) => [c.step, c.reason, c.actor])).toEqual([
      ['RETURNED', RETURN_REASON, 'UNION'],
      ['RESUBMITTED', null, 'UNIT'],
    ]);
    expect(entry.auditTrail.nodes.map((n) => n.action)).toEqual(
      expect.arrayContaining(['submission.return', 'submission.update', 'submission.resubmit']),
    );
    expect(entry.auditTrail.nodes.find((n) => n.action === 'submission.return')?.reason).toBe(RETURN_REASON);
    // Endorsed after its revision, like any other.
    expect((await endorse(union, [{ id, expectedVersion: 5 }])).data?.endorseSubmissions[0]!.status).toBe('ENDORSED');
  });

  it('refuses a list with a foreign entry as a whole (BATCH_REFUSED naming its index) and endorses none', async () => {
    const first = await entered(checked, unitA, leaderA);
    const foreign = await entered(checked, unitB, leaderB);
    const last = await entered(checked, unitA, leaderA);
    const before = await Promise.all([first, foreign, last].map(read));
    const refused = await endorse(union, [
      { id: first, expectedVersion: 2 },
      { id: foreign, expectedVersion: 2 },
      { id: last, expectedVersion: 2 },
    ]);
    expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
    const errors = (ext(refused)!.details as { errors: { index: number; code: string }[] }).errors;
    expect(errors.map((e) => [e.index, e.code])).toEqual([[1, 'FORBIDDEN']]);
    expect(await Promise.all([first, foreign, last].map(read))).toEqual(before);
  });

  it('refuses a stale version (VERSION_CONFLICT) and an endorsement the contest does not ask (INVALID_TRANSITION)', async () => {
    const id = await entered(checked, unitA, leaderA);
    expect(ext(await endorse(union, [{ id, expectedVersion: 1 }]))).toMatchObject({ code: 'VERSION_CONFLICT' });
    const unchecked = await entered(plain, unitA, leaderA);
    const before = await read(unchecked);
    expect(ext(await endorse(union, [{ id: unchecked, expectedVersion: 2 }]))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(ext(await accept(admin, [{ id: unchecked, expectedVersion: 2 }]))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await read(unchecked)).toEqual(before);
  });

  it('only the office checks form: a union may not accept, and an entry is not accepted before its endorsement', async () => {
    const id = await entered(checked, unitA, leaderA);
    expect(ext(await accept(admin, [{ id, expectedVersion: 2 }]))).toMatchObject({ code: 'INVALID_TRANSITION' });
    await endorse(union, [{ id, expectedVersion: 2 }]);
    const before = await read(id);
    expect(ext(await accept(union, [{ id, expectedVersion: 3 }]))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await read(id)).toEqual(before);
    expect((await accept(admin, [{ id, expectedVersion: 3 }])).data?.acceptSubmissions).toEqual([{ status: 'ACCEPTED' }]);
    expect((await read(id)).checks.map((c) => [c.step, c.actor, c.organization])).toEqual([
      ['ENDORSED', 'UNION', { id: unionId }],
      ['ACCEPTED', 'OFFICE', null],
    ]);
  });

  it('a rejection gives its reason and is final', async () => {
    const id = await entered(checked, unitA, leaderA);
    await endorse(union, [{ id, expectedVersion: 2 }]);
    const reject = (reason: string) =>
      admin.request<{ rejectSubmission: { status: string; rejectionReason: string | null } }>(
        `mutation($id: ID!, $r: String!) { rejectSubmission(id: $id, expectedVersion: 3, reason: $r) { status rejectionReason } }`,
        { id, r: reason },
      );
    expect(ext(await reject(' '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await reject('成果不属于本次竞赛的申报范围')).data?.rejectSubmission).toEqual({
      status: 'REJECTED',
      rejectionReason: '成果不属于本次竞赛的申报范围',
    });
    const before = await read(id);
    expect(ext(await accept(admin, [{ id, expectedVersion: 4 }]))).toMatchObject({ code: 'INVALID_TRANSITION' });
    const edit = await unit.request(
      `mutation($id: ID!) { updateSubmission(id: $id, expectedVersion: 4, input: { applicationEffect: "改" }) { id } }`,
      { id },
    );
    expect(ext(edit)).toMatchObject({ code: 'INVALID_TRANSITION' });
    const withdraw = await unit.request(`mutation($id: ID!) { withdrawSubmission(id: $id) { id } }`, { id });
    expect(ext(withdraw)).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await read(id)).toEqual(before);
  });

  it('review takes in accepted entries of a contest asking checks, and submitted ones of a contest that asks none', async () => {
    const take = async (where: { contest: string }) => {
      const round = await make.reviewRound({ contestId: where.contest });
      const { takeEntries } = await admin.data<{ takeEntries: { taken: number } }>(
        `mutation($r: ID!) { takeEntries(roundId: $r) { taken } }`,
        { r: round.id },
      );
      const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: { submission: { id: string } }[] } } }>(
        `query($r: ID!) { reviewRound(id: $r) { entries(first: 100) { nodes { submission { id } } } } }`,
        { r: round.id },
      );
      return { taken: takeEntries.taken, ids: reviewRound.entries.nodes.map((n) => n.submission.id).sort() };
    };
    const { contest: c } = await admin.data<{ contest: { submissions: { nodes: { id: string; status: string }[] } } }>(
      `query($id: ID!) { contest(id: $id) { submissions(first: 100) { nodes { id status } } } }`,
      { id: checked.contest },
    );
    const statuses = new Set(c.submissions.nodes.map((s) => s.status));
    expect(statuses).toEqual(new Set(['SUBMITTED', 'ENDORSED', 'ACCEPTED', 'REJECTED']));
    const returned = await entered(checked, unitA, leaderA);
    await returnOne(union, returned, 2, RETURN_REASON);
    const accepted = c.submissions.nodes.filter((s) => s.status === 'ACCEPTED').map((s) => s.id);
    expect(await take(checked)).toEqual({ taken: accepted.length, ids: accepted.sort() });
    const { contest: p } = await admin.data<{ contest: { submissions: { nodes: { id: string; status: string }[] } } }>(
      `query($id: ID!) { contest(id: $id) { submissions(status: SUBMITTED, first: 100) { nodes { id status } } } }`,
      { id: plain.contest },
    );
    expect(p.submissions.nodes.length).toBeGreaterThan(0);
    expect(await take(plain)).toEqual({ taken: p.submissions.nodes.length, ids: p.submissions.nodes.map((s) => s.id).sort() });
  });

  it('refuses every step once the contest is reviewing (REVIEW_STARTED) and changes nothing', async () => {
    const waiting = await entered(checked, unitA, leaderA);
    await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: REVIEWING) { id } }`, { c: checked.contest });
    const before = await read(waiting);
    expect(ext(await endorse(union, [{ id: waiting, expectedVersion: 2 }]))).toMatchObject({ code: 'REVIEW_STARTED' });
    expect(ext(await returnOne(union, waiting, 2, RETURN_REASON))).toMatchObject({ code: 'REVIEW_STARTED' });
    expect(ext(await endorse(admin, [{ id: waiting, expectedVersion: 2 }]))).toMatchObject({ code: 'REVIEW_STARTED' });
    expect(await read(waiting)).toEqual(before);
    expect(before).toMatchObject({ status: 'SUBMITTED', version: 2, checks: [] });
  });
});
