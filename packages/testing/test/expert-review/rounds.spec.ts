import { type GraphClient, type TestGraph } from '../../src';
import { CRITERIA, type Contest, type EntryRow, type Id, type Sub, ext, roundsSuite, sorted } from './rounds-fixtures';

/** Expert review through the gateway: configuring review rounds, their lifecycle, and taking entries in. */
describe('expert review: the pool, rounds, intake, assignment and scorecards', () => {
  const suite = roundsSuite();
  const {
    org,
    leaderOf,
    person,
    expert,
    expertClient,
    contest,
    submission,
    round,
    intake,
    moveRound,
    entriesOf,
    autoAssign,
    score,
    roundAudit,
  } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  beforeAll(() => {
    ({ graph, admin } = suite.world());
  });

  describe('review rounds: configuration and lifecycle', () => {
    let c: Contest;
    let foreignTrack: string;
    beforeAll(async () => {
      c = await contest('rounds-2019', ['AI', 'BIOMED', 'IC']);
      foreignTrack = (await contest('rounds-other-2019', ['AI'])).tracks.AI!;
    });

    const create = (input: Record<string, unknown>) =>
      admin.request<{ createReviewRound: Id }>(`mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`, {
        input: { contestId: c.id, ...input },
      });
    const update = (id: string, input: Record<string, unknown>) =>
      admin.request<{ updateReviewRound: Record<string, unknown> }>(
        `mutation($id: ID!, $input: UpdateReviewRoundInput!) { updateReviewRound(id: $id, input: $input) { name reviewersPerEntry criteria { code } } }`,
        { id, input },
      );
    const countRounds = async () =>
      (await admin.data<{ contest: { reviewRounds: Id[] } }>(`query($c: ID!) { contest(id: $c) { reviewRounds { id } } }`, { c: c.id }))
        .contest.reviewRounds.length;
    const read = async (id: string) =>
      (
        await admin.data<{ reviewRound: Record<string, unknown> }>(
          `query($id: ID!) { reviewRound(id: $id) { name status blind reviewersPerEntry criteria { code name weight maxScore } advancement { threshold quotaGroups { code quota tracks { code } } } } }`,
          { id },
        )
      ).reviewRound;

    it("creates a round with weighted criteria and quota groups over the contest's tracks", async () => {
      const created = await create({
        name: '第二轮评审',
        stage: 'EVALUATION',
        order: 2,
        blind: true,
        reviewersPerEntry: 5,
        criteria: CRITERIA,
        quotaGroups: [
          { code: 'AI', trackIds: [c.tracks.AI], quota: 10 },
          { code: 'BIOMED+IC', trackIds: [c.tracks.BIOMED, c.tracks.IC], quota: 6 },
        ],
      });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createReviewRound.id;
      expect(await read(id)).toEqual({
        name: '第二轮评审',
        status: 'DRAFT',
        blind: true,
        reviewersPerEntry: 5,
        criteria: CRITERIA,
        advancement: {
          threshold: null,
          quotaGroups: [
            { code: 'AI', quota: 10, tracks: [{ code: 'AI' }] },
            { code: 'BIOMED+IC', quota: 6, tracks: [{ code: 'BIOMED' }, { code: 'IC' }] },
          ],
        },
      });
      expect(await roundAudit(id)).toEqual(['round.create']);
    });

    it('refuses weights that do not sum to 1, quota groups over a foreign or shared track, and a taken position — creating nothing', async () => {
      const before = await countRounds();
      const base = { name: '终评', stage: 'FINAL', order: 3 };
      const weights = await create({
        ...base,
        criteria: [
          { ...CRITERIA[0], weight: 0.5 },
          { ...CRITERIA[1], weight: 0.4 },
        ],
      });
      expect(ext(weights)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'criteria' });
      expect(weights.errors![0]!.message).toMatch(/sum to 1/);
      expect(ext(await create({ ...base, criteria: [{ ...CRITERIA[0], weight: 1, maxScore: 0 }] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'criteria[0].maxScore',
      });
      const foreign = await create({ ...base, quotaGroups: [{ code: 'AI', trackIds: [foreignTrack], quota: 3 }] });
      expect(ext(foreign)?.code).toBe('BAD_USER_INPUT');
      expect(ext(foreign)?.field).toMatch(/quotaGroups\[0\]\.trackIds$/);
      expect(foreign.errors![0]!.message).toMatch(/not a track of the contest/);
      const shared = await create({
        ...base,
        quotaGroups: [
          { code: 'AI', trackIds: [c.tracks.AI], quota: 3 },
          { code: 'IC+AI', trackIds: [c.tracks.IC, c.tracks.AI], quota: 3 },
        ],
      });
      expect(ext(shared)?.code).toBe('BAD_USER_INPUT');
      expect(ext(shared)?.field).toMatch(/quotaGroups\[1\]\.trackIds$/);
      expect(shared.errors![0]!.message).toMatch(/already in group AI/);
      expect(ext(await create({ ...base, threshold: 60, quotaGroups: [{ code: 'AI', trackIds: [c.tracks.AI], quota: 3 }] }))).toMatchObject(
        { code: 'BAD_USER_INPUT', field: 'threshold' },
      );
      expect(ext(await create({ ...base, order: 2 }))).toMatchObject({ code: 'ALREADY_EXISTS', field: 'order' });
      expect(await countRounds()).toBe(before);
    });

    describe('a screening round, from draft to closed', () => {
      let r1: string;
      beforeAll(async () => {
        r1 = await round(c, { name: '初审', order: 1 });
      });

      it('does not open before entries are taken in, and never skips a step', async () => {
        expect(ext(await moveRound(r1, 'OPEN'))).toMatchObject({ code: 'ROUND_NOT_READY', field: 'entries' });
        expect(ext(await moveRound(r1, 'CLOSED'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect(ext(await moveRound(r1, 'FINALIZED'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect((await read(r1)).status).toBe('DRAFT');
        expect(await roundAudit(r1)).toEqual(['round.create']);
      });

      it('changes its settings while a draft, and keeps them once open', async () => {
        const updated = await update(r1, { name: '初审（形式审查）', reviewersPerEntry: 2, criteria: CRITERIA });
        expect(updated.data?.updateReviewRound).toEqual({
          name: '初审（形式审查）',
          reviewersPerEntry: 2,
          criteria: CRITERIA.map((x) => ({ code: x.code })),
        });
        expect(ext(await update(r1, { criteria: [{ ...CRITERIA[0], weight: 0.9 }] }))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'criteria',
        });
        await submission(c, 'AI', 'app1', '初审流程测试成果');
        expect((await intake(r1)).data?.takeEntries.taken).toBe(1);
        expect((await moveRound(r1, 'OPEN')).data?.changeReviewRoundStatus.status).toBe('OPEN');
        expect(ext(await update(r1, { name: '开评后改名', reviewersPerEntry: 7 }))).toMatchObject({ code: 'ROUND_ALREADY_OPEN' });
        expect(await read(r1)).toMatchObject({ name: '初审（形式审查）', reviewersPerEntry: 2, status: 'OPEN', criteria: CRITERIA });
        expect(await roundAudit(r1)).toEqual(['round.create', 'round.update', 'round.open']);
      });

      it('never goes back, and closes before anything else', async () => {
        expect(ext(await moveRound(r1, 'DRAFT'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect(ext(await moveRound(r1, 'FINALIZED'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect((await read(r1)).status).toBe('OPEN');
        expect((await moveRound(r1, 'CLOSED')).data?.changeReviewRoundStatus.status).toBe('CLOSED');
        expect(ext(await moveRound(r1, 'OPEN'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect((await read(r1)).status).toBe('CLOSED');
        expect(await roundAudit(r1)).toEqual(['round.create', 'round.update', 'round.open', 'round.closed']);
      });
    });

    it('an evaluation round does not open until it says who advances', async () => {
      const c2 = await contest('rounds-eval-2019', ['AI']);
      await submission(c2, 'AI', 'app2', '直接进入评审的成果');
      const r = await round(c2, { name: '评审', stage: 'EVALUATION', order: 1 });
      await intake(r);
      const refused = await moveRound(r, 'OPEN');
      expect(ext(refused)).toMatchObject({ code: 'ROUND_NOT_READY', field: 'advancement' });
      expect((ext(refused)!.details as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual(['advancement']);
      expect((await read(r)).status).toBe('DRAFT');
      expect(await roundAudit(r)).toEqual(['round.create']);
      expect((await update(r, { threshold: 60 })).errors).toBeUndefined();
      expect((await moveRound(r, 'OPEN')).data?.changeReviewRoundStatus.status).toBe('OPEN');
      expect(await read(r)).toMatchObject({ status: 'OPEN', advancement: { threshold: 60, quotaGroups: [] } });
    });
  });

  describe('taking entries in from submissions and organizations', () => {
    let c: Contest;
    let r1: string;
    let r2: string;
    let teamMember: string;
    const subs: Record<string, Sub> = {};
    const takenAt = new Date('2019-10-08T01:00:00.000Z');
    const countEntries = async (roundId: string) =>
      (
        await admin.data<{ reviewRound: { entries: { totalCount: number } } }>(
          `query($r: ID!) { reviewRound(id: $r) { entries { totalCount } } }`,
          { r: roundId },
        )
      ).reviewRound.entries.totalCount;

    beforeAll(async () => {
      c = await contest('intake-2019', ['AI', 'BIOMED']);
      teamMember = await person('光刻所研究员', org.subUnit!);
      subs.litho = await submission(c, 'AI', 'enterprise', '双工件台光刻机', { teamMemberIds: [teamMember] });
      subs.draft = await submission(c, 'AI', 'enterprise', '尚未提交的成果', { submit: false });
      subs.withdrawn = await submission(c, 'AI', 'app1', '撤回的成果');
      await admin.data(`mutation($id: ID!) { withdrawSubmission(id: $id, reason: "改投其他赛事") { status } }`, { id: subs.withdrawn.id });
      subs.bio = await submission(c, 'BIOMED', 'sibling', '新型抗体药物');
      subs.vision = await submission(c, 'AI', 'app2', '工业视觉检测平台');
      r1 = await round(c);
      r2 = await round(c, { name: '第二轮评审', stage: 'EVALUATION', order: 2, threshold: 60 });
    });
    afterAll(() => graph.setNow(null));

    it("the first round takes the contest's submitted entries — not drafts, not withdrawn ones — each with a snapshot of its track, unit and people", async () => {
      graph.setNow(takenAt);
      const report = await intake(r1);
      expect(report.errors).toBeUndefined();
      expect(report.data!.takeEntries).toEqual({ taken: 3, alreadyIn: 0, skipped: [] });
      type Snapshot = EntryRow & { takenAt: string; submission: Id; organization: { id: string; name: string }; leader: Id; people: Id[] };
      const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: Snapshot[] } } }>(
        `query($r: ID!) { reviewRound(id: $r) { entries(first: 100) { nodes { id state trackCode referenceNumber title takenAt submission { id } organization { id name } leader { id } people { id } } } } }`,
        { r: r1 },
      );
      const nodes = reviewRound.entries.nodes;
      expect(sorted(nodes.map((n) => n.submission.id))).toEqual(sorted([subs.litho!.id, subs.bio!.id, subs.vision!.id]));
      expect(nodes.map((n) => n.referenceNumber)).toEqual(sorted(nodes.map((n) => n.referenceNumber)));
      const litho = nodes.find((n) => n.submission.id === subs.litho!.id)!;
      expect(litho).toMatchObject({
        state: 'IN_REVIEW',
        trackCode: 'AI',
        referenceNumber: subs.litho!.referenceNumber,
        title: '双工件台光刻机',
        takenAt: takenAt.toISOString(),
        organization: { id: org.enterprise, name: '上海微电子装备公司' },
        leader: { id: leaderOf.enterprise },
      });
      expect(sorted(litho.people.map((p) => p.id))).toEqual(sorted([leaderOf.enterprise!, teamMember]));
      const bio = nodes.find((n) => n.submission.id === subs.bio!.id)!;
      expect(bio).toMatchObject({
        trackCode: 'BIOMED',
        referenceNumber: '2019-BIOMED-0001',
        organization: { id: org.sibling },
        people: [{ id: leaderOf.sibling }],
      });
    });

    it('taking entries in again takes only the submissions that came in since', async () => {
      expect((await intake(r1)).data!.takeEntries).toEqual({ taken: 0, alreadyIn: 3, skipped: [] });
      expect(await countEntries(r1)).toBe(3);
      subs.late = await submission(c, 'BIOMED', 'app3', '迟到的成果');
      expect((await intake(r1)).data!.takeEntries).toEqual({ taken: 1, alreadyIn: 3, skipped: [] });
      expect((await entriesOf(r1)).map((e) => e.referenceNumber)).toContain(subs.late.referenceNumber);
      expect(await countEntries(r1)).toBe(4);
    });

    it('a later round takes nothing until the round before it is finalized', async () => {
      const refused = await intake(r2);
      expect(ext(refused)).toMatchObject({ code: 'PREVIOUS_ROUND_NOT_FINALIZED', field: 'roundId' });
      expect(refused.errors![0]!.message).toMatch(/Round 1/);
      expect(await countEntries(r2)).toBe(0);
    });

    it('a later round takes the entries the round before advanced, and reports those withdrawn since', async () => {
      const c2 = await contest('intake-next-2019', ['AI']);
      const kept = await submission(c2, 'AI', 'app1', '进入下一轮的成果');
      const gone = await submission(c2, 'AI', 'app2', '晋级后撤回的成果');
      const judge = await expert('衔接轮次专家', org.uniA!, ['AI']);
      const first = await round(c2, { reviewersPerEntry: 1 });
      const second = await round(c2, { name: '第二轮评审', stage: 'EVALUATION', order: 2, threshold: 60 });
      await intake(first);
      await autoAssign(first, { expertIds: [judge.id] });
      await moveRound(first, 'OPEN');
      const client = await expertClient(judge);
      for (const e of await entriesOf(first))
        await score(client, { entryId: e.id, scores: [{ criterion: 'OVERALL', score: 75 }], decision: 'PASS' });
      await moveRound(first, 'CLOSED');
      expect((await moveRound(first, 'FINALIZED')).errors).toBeUndefined();
      await admin.data(`mutation($id: ID!) { withdrawSubmission(id: $id, reason: "成果已转让") { status } }`, { id: gone.id });
      const report = await admin.request<{
        takeEntries: { taken: number; alreadyIn: number; skipped: { reason: string; submission: Id }[] };
      }>(`mutation($r: ID!) { takeEntries(roundId: $r) { taken alreadyIn skipped { reason submission { id } } } }`, { r: second });
      expect(report.data?.takeEntries).toEqual({
        taken: 1,
        alreadyIn: 0,
        skipped: [{ reason: 'NO_LONGER_SUBMITTED', submission: { id: gone.id } }],
      });
      expect((await entriesOf(second)).map((e) => e.referenceNumber)).toEqual([kept.referenceNumber]);
    });

    it('takes nothing into a round that is already open', async () => {
      expect((await moveRound(r1, 'OPEN')).errors).toBeUndefined();
      await submission(c, 'AI', 'app4', '开评后提交的成果');
      expect(ext(await intake(r1))).toMatchObject({ code: 'ROUND_ALREADY_OPEN' });
      expect(await countEntries(r1)).toBe(4);
    });
  });
});
