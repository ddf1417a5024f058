import { type GraphClient, type TestGraph } from '../../src';
import { CRITERIA, type Expert, type Id, MISSING, ext, marks, roundsSuite } from './rounds-fixtures';

/** Expert review through the gateway: scorecards, one by one and in a batch, and who sees what. */
describe('expert review: the pool, rounds, intake, assignment and scorecards', () => {
  const suite = roundsSuite();
  const {
    org,
    leaderOf,
    expert,
    updateExpert,
    expertClient,
    contest,
    submission,
    round,
    intake,
    moveRound,
    entriesOf,
    entryIds,
    assignmentsOf,
    assign,
    score,
    cardsOf,
    roundAudit,
  } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  beforeAll(() => {
    ({ graph, admin } = suite.world());
  });

  describe('scorecards', () => {
    let r: string;
    const E: Record<string, string> = {};
    const ex: Record<string, Expert> = {};
    const read = async (expertId: string) => (await cardsOf(r)).find((c) => c.expert.id === expertId);

    beforeAll(async () => {
      const c = await contest('score-2019', ['AI']);
      for (const [key, unit] of [
        ['one', 'app1'],
        ['two', 'app2'],
        ['three', 'app3'],
      ] as const) {
        E[key] = (await submission(c, 'AI', unit, `评分成果${key}`)).referenceNumber;
      }
      ex.s1 = await expert('评分专家一', org.uniA!, ['AI']);
      ex.s2 = await expert('评分专家二', org.uniB!, ['AI']);
      ex.mover = await expert('调动专家', org.uniC!, ['AI']);
      r = await round(c, { name: '第二轮评审', stage: 'EVALUATION', criteria: CRITERIA, threshold: 50, reviewersPerEntry: 2 });
      await intake(r);
      const ids = await entryIds(r);
      for (const key of Object.keys(E)) E[key] = ids[E[key]!]!;
      await assign(E.one!, ex.s1.id);
      await assign(E.one!, ex.s2.id);
      await assign(E.three!, ex.mover.id);
    });

    it('waits for the round to open, which the expert does not see before it opens', async () => {
      const s1 = await expertClient(ex.s1!);
      expect(ext(await score(s1, { entryId: E.one, scores: marks(80, 70, 30) }))).toMatchObject({ code: 'ROUND_NOT_OPEN' });
      expect(ext(await s1.request(`query($r: ID!) { reviewRound(id: $r) { name } }`, { r }))).toMatchObject({ code: 'FORBIDDEN' });
      const throughEntry = `query($e: ID!) { entry(id: $e) { title round { name status criteria { code } } } }`;
      expect((await s1.data<{ entry: { round: unknown } }>(throughEntry, { e: E.one })).entry.round).toBeNull();
      expect(await cardsOf(r)).toEqual([]);
      expect((await moveRound(r, 'OPEN')).errors).toBeUndefined();
      expect((await s1.data<{ entry: { round: unknown } }>(throughEntry, { e: E.one })).entry.round).toMatchObject({ status: 'OPEN' });
    });

    it("stores the weighted total of an assigned expert's scores, and a second scorecard replaces the first", async () => {
      const s1 = await expertClient(ex.s1!);
      const first = await score(s1, { entryId: E.one, scores: marks(80, 70, 30), comment: '创新性突出' });
      expect(first.errors).toBeUndefined();
      // 0.4 × 80 + 0.35 × 70 + 0.25 × 30
      expect(first.data!.submitScorecard).toMatchObject({
        total: 64,
        version: 1,
        decision: null,
        comment: '创新性突出',
        scores: marks(80, 70, 30),
      });
      const second = await score(s1, { entryId: E.one, scores: [...marks(90, 70, 40)].reverse() });
      expect(second.data!.submitScorecard).toMatchObject({
        id: first.data!.submitScorecard.id,
        total: 70.5,
        version: 2,
        comment: null,
        scores: marks(90, 70, 40),
      });
      expect(await cardsOf(r)).toHaveLength(1);
      expect(await read(ex.s1!.id)).toMatchObject({ total: 70.5, version: 2, entry: { id: E.one } });
    });

    it('refuses a score out of range, a criterion missing, twice or unknown, and a decision outside screening — naming the field, keeping the scorecard as it was', async () => {
      const s1 = await expertClient(ex.s1!);
      const cases: [{ criterion: string; score: number }[], string][] = [
        [marks(101, 70, 40), 'scores.INNOVATION'],
        [marks(90, -1, 40), 'scores.BENEFIT'],
        [marks(90, 70, 41), 'scores.FEASIBILITY'],
        [marks(90, 70, 40).filter((s) => s.criterion !== 'BENEFIT'), 'scores.BENEFIT'],
        [[...marks(90, 70, 40), { criterion: 'NOVELTY', score: 5 }], 'scores.NOVELTY'],
        [[...marks(90, 70, 40), { criterion: 'INNOVATION', score: 60 }], 'scores.INNOVATION'],
      ];
      for (const [scores, field] of cases) {
        expect({ field, ...ext(await score(s1, { entryId: E.one, scores })) }).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(ext(await score(s1, { entryId: E.one, scores: marks(90, 70, 40), decision: 'PASS' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'decision',
      });
      expect(await read(ex.s1!.id)).toMatchObject({ total: 70.5, version: 2, scores: marks(90, 70, 40) });
      expect(await cardsOf(r)).toHaveLength(1);
    });

    it('refuses an entry the expert is not assigned to, and a caller who is not an expert', async () => {
      const scores = marks(60, 60, 30);
      expect(ext(await score(await expertClient(ex.s2!), { entryId: E.two, scores }))).toMatchObject({
        code: 'FORBIDDEN',
        field: 'entryId',
      });
      expect(ext(await score(await expertClient(ex.s2!), { entryId: MISSING, scores }))).toMatchObject({
        code: 'FORBIDDEN',
        field: 'entryId',
      });
      expect(ext(await score(await graph.as('EXPERT'), { entryId: E.one, scores }))?.code).toBe('FORBIDDEN');
      expect(ext(await score(await graph.as('ANALYST'), { entryId: E.one, scores }))?.code).toBe('FORBIDDEN');
      expect(ext(await score(admin, { entryId: E.one, scores }))?.code).toBe('FORBIDDEN');
      expect(await cardsOf(r)).toHaveLength(1);
    });

    it("an expert who has since joined the entry's unit can no longer score it", async () => {
      expect((await updateExpert(ex.mover!.id, { affiliationId: org.app3 })).errors).toBeUndefined();
      const refused = await score(await expertClient(ex.mover!), { entryId: E.three, scores: marks(60, 60, 30) });
      expect(ext(refused)).toMatchObject({ code: 'CONFLICT_OF_INTEREST', field: 'entryId', details: { reasons: ['SAME_ORGANIZATION'] } });
      expect(await read(ex.mover!.id)).toBeUndefined();
    });

    it('ends when the round closes', async () => {
      expect((await moveRound(r, 'CLOSED')).errors).toBeUndefined();
      expect(ext(await score(await expertClient(ex.s1!), { entryId: E.one, scores: marks(50, 50, 20) }))).toMatchObject({
        code: 'ROUND_CLOSED',
      });
      expect(ext(await score(await expertClient(ex.s2!), { entryId: E.one, scores: marks(50, 50, 20) }))).toMatchObject({
        code: 'ROUND_CLOSED',
      });
      expect(await cardsOf(r)).toHaveLength(1);
      expect(await read(ex.s1!.id)).toMatchObject({ total: 70.5, version: 2 });
    });

    it('in screening, a scorecard needs a decision, and an elimination needs its reason', async () => {
      const c = await contest('screen-2019', ['AI']);
      await submission(c, 'AI', 'app4', '初审决定成果');
      const judge = await expert('初审专家', org.uniD!, ['AI']);
      const screening = await round(c);
      await intake(screening);
      const [entry] = await entriesOf(screening);
      await assign(entry!.id, judge.id);
      await moveRound(screening, 'OPEN');
      const client = await expertClient(judge);
      const base = { entryId: entry!.id, scores: [{ criterion: 'OVERALL', score: 55 }] };
      expect(ext(await score(client, base))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision' });
      expect(ext(await score(client, { ...base, decision: 'ELIMINATE' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'eliminationReason',
      });
      expect(ext(await score(client, { ...base, decision: 'PASS', eliminationReason: 'INCOMPLETE' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'eliminationReason',
      });
      expect(await cardsOf(screening)).toEqual([]);
      const card = await score(client, { ...base, decision: 'ELIMINATE', eliminationReason: 'INCOMPLETE' });
      expect(card.data?.submitScorecard).toMatchObject({ total: 55, version: 1, decision: 'ELIMINATE', eliminationReason: 'INCOMPLETE' });
    });
  });

  describe('scorecards in a batch', () => {
    let r: string;
    const E: Record<string, string> = {};
    let judge: Expert;
    const batch = (client: GraphClient, inputs: Record<string, unknown>[]) =>
      client.request<{ submitScorecards: { id: string; total: number }[] }>(
        `mutation($inputs: [ScorecardInput!]!) { submitScorecards(inputs: $inputs) { id total } }`,
        { inputs },
      );

    beforeAll(async () => {
      const c = await contest('batch-2019', ['AI']);
      for (const [key, unit] of [
        ['one', 'app1'],
        ['two', 'app2'],
        ['three', 'app3'],
      ] as const) {
        E[key] = (await submission(c, 'AI', unit, `批量评分成果${key}`)).referenceNumber;
      }
      judge = await expert('批量评分专家', org.uniA!, ['AI']);
      r = await round(c, { name: '批量评审', stage: 'EVALUATION', criteria: CRITERIA, threshold: 50, reviewersPerEntry: 1 });
      await intake(r);
      const ids = await entryIds(r);
      for (const key of Object.keys(E)) E[key] = ids[E[key]!]!;
      await assign(E.one!, judge.id);
      await assign(E.two!, judge.id);
      expect((await moveRound(r, 'OPEN')).errors).toBeUndefined();
    });

    it('one refused scorecard refuses the whole batch, listing every refusal, and saves none', async () => {
      const client = await expertClient(judge);
      const refused = await batch(client, [
        { entryId: E.one, scores: marks(80, 70, 30) },
        { entryId: E.two, scores: marks(101, 70, 30) },
        { entryId: E.three, scores: marks(80, 70, 30) },
      ]);
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect((ext(refused)!.details as { errors: { entryId: string; code: string }[] }).errors).toEqual([
        expect.objectContaining({ entryId: E.two, code: 'BAD_USER_INPUT' }),
        expect.objectContaining({ entryId: E.three, code: 'FORBIDDEN' }),
      ]);
      expect(await cardsOf(r)).toEqual([]);
    });

    it('saves every scorecard of a valid batch, each with its weighted total', async () => {
      const saved = await batch(await expertClient(judge), [
        { entryId: E.one, scores: marks(80, 70, 30) },
        { entryId: E.two, scores: marks(90, 70, 40) },
      ]);
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.submitScorecards.map((c) => c.total)).toEqual([64, 70.5]);
      expect((await cardsOf(r)).map((c) => c.entry.id).sort()).toEqual([E.one, E.two].sort());
    });

    it('a page of entries with their assignments and scorecards costs the same statements for one entry as for three', async () => {
      const query = `query($r: ID!, $n: Int!) { reviewRound(id: $r) { entries(first: $n) { nodes { id assignments { totalCount nodes { id } } scorecards { totalCount nodes { total } } } } } }`;
      const cost = async (n: number) => {
        graph.resetStatements();
        const data = await admin.data<{ reviewRound: { entries: { nodes: { scorecards: { totalCount: number } }[] } } }>(query, { r, n });
        return {
          statements: graph.statements()['expert-review'],
          cards: data.reviewRound.entries.nodes.reduce((sum, e) => sum + e.scorecards.totalCount, 0),
        };
      };
      const one = await cost(1);
      const three = await cost(3);
      expect(three.cards).toBe(2);
      expect(three.statements).toBe(one.statements);
    });
  });

  describe('who sees what', () => {
    let r: string;
    let next: string;
    let refA: string;
    const E: Record<string, string> = {};
    const ex: Record<string, Expert> = {};

    beforeAll(async () => {
      const c = await contest('blind-2019', ['AI']);
      refA = (await submission(c, 'AI', 'app1', '盲评成果甲')).referenceNumber;
      const refB = (await submission(c, 'AI', 'app2', '盲评成果乙')).referenceNumber;
      ex.v1 = await expert('盲评专家一', org.uniA!, ['AI']);
      ex.v2 = await expert('盲评专家二', org.uniB!, ['AI']);
      ex.v3 = await expert('回避专家', org.uniC!, ['AI']);
      r = await round(c, { blind: true, reviewersPerEntry: 1 });
      await intake(r);
      const ids = await entryIds(r);
      E.a = ids[refA]!;
      E.b = ids[refB]!;
      await assign(E.a, ex.v1.id);
      await assign(E.b, ex.v2.id);
      const declared = (await assign(E.a, ex.v3.id)).data!.assignExpert.id;
      await moveRound(r, 'OPEN');
      await (
        await expertClient(ex.v3)
      ).data(`mutation($id: ID!) { declareConflict(id: $id, reason: "与申报单位有合作") { status } }`, { id: declared });
      await score(await expertClient(ex.v1), { entryId: E.a, scores: [{ criterion: 'OVERALL', score: 80 }], decision: 'PASS' });
      await score(await expertClient(ex.v2), {
        entryId: E.b,
        scores: [{ criterion: 'OVERALL', score: 30 }],
        decision: 'ELIMINATE',
        eliminationReason: 'LOW_RELEVANCE',
      });
      next = await round(c, { name: '第二轮评审', stage: 'EVALUATION', order: 2, threshold: 60 });
    });

    const MINE = `query($r: ID!) { reviewRound(id: $r) {
      entries { totalCount nodes { id } }
      assignments { totalCount nodes { expert { id } entry { id } } }
      scorecards { totalCount nodes { expert { id } entry { id } } } } }`;
    type Mine = { reviewRound: Record<'entries' | 'assignments' | 'scorecards', { totalCount: number; nodes: unknown[] }> };

    it('an expert sees only the entries, assignments and scorecards that are its own', async () => {
      const v1 = await expertClient(ex.v1!);
      const { reviewRound } = await v1.data<Mine>(MINE, { r });
      expect(reviewRound.entries).toEqual({ totalCount: 1, nodes: [{ id: E.a }] });
      expect(reviewRound.assignments).toEqual({ totalCount: 1, nodes: [{ expert: { id: ex.v1!.id }, entry: { id: E.a } }] });
      expect(reviewRound.scorecards).toEqual({ totalCount: 1, nodes: [{ expert: { id: ex.v1!.id }, entry: { id: E.a } }] });
      expect(ext(await v1.request(`query($id: ID!) { entry(id: $id) { title } }`, { id: E.b }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(ext(await v1.request(`query($id: ID!) { expert(id: $id) { id } }`, { id: ex.v2!.id }))).toMatchObject({ code: 'FORBIDDEN' });
      const office = (await admin.data<Mine>(MINE, { r })).reviewRound;
      expect([office.entries.totalCount, office.assignments.totalCount, office.scorecards.totalCount]).toEqual([2, 3, 2]);
    });

    it('in a blind round an expert does not see who submitted an entry, while the office does', async () => {
      const q = `query($id: ID!) { entry(id: $id) { title referenceNumber organization { id } leader { id } people { id } submission { id } } }`;
      type Seen = { entry: { title: string; organization: Id | null; leader: Id | null; people: Id[]; submission: Id | null } };
      const expertView = (await (await expertClient(ex.v1!)).data<Seen>(q, { id: E.a })).entry;
      expect(expertView).toMatchObject({
        title: '盲评成果甲',
        referenceNumber: refA,
        organization: null,
        leader: null,
        people: [],
        submission: null,
      });
      const officeView = (await admin.data<Seen>(q, { id: E.a })).entry;
      expect(officeView).toMatchObject({
        title: '盲评成果甲',
        organization: { id: org.app1 },
        leader: { id: leaderOf.app1 },
        people: [{ id: leaderOf.app1 }],
      });
      expect(officeView.submission).not.toBeNull();
    });

    it("analysts see the experts' scorecards only once the round is finalized; the office always does", async () => {
      const analyst = await graph.as('ANALYST');
      const q = `query($r: ID!) { reviewRound(id: $r) { assignments { nodes { scorecard { total } } } scorecards { totalCount nodes { total } } } }`;
      type Cards = {
        reviewRound: {
          assignments: { nodes: { scorecard: { total: number } | null }[] };
          scorecards: { totalCount: number; nodes: { total: number }[] } | null;
        };
      };
      const early = await analyst.request<Cards>(q, { r });
      expect(early.errors?.[0]).toMatchObject({ path: ['reviewRound', 'scorecards'], extensions: { code: 'FORBIDDEN' } });
      expect(early.data?.reviewRound.scorecards).toBeNull();
      expect(early.data?.reviewRound.assignments.nodes).toEqual([{ scorecard: null }, { scorecard: null }, { scorecard: null }]);
      const totals = (data: Cards) => data.reviewRound.assignments.nodes.flatMap((a) => (a.scorecard ? [a.scorecard.total] : [])).sort();
      const office = await admin.data<Cards>(q, { r });
      expect(office.reviewRound.scorecards!.totalCount).toBe(2);
      expect(totals(office)).toEqual([30, 80]);

      expect((await moveRound(r, 'CLOSED')).errors).toBeUndefined();
      expect((await analyst.request<Cards>(q, { r })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const finalized = await moveRound(r, 'FINALIZED');
      expect(finalized.errors).toBeUndefined();
      const late = await analyst.data<Cards>(q, { r });
      expect(late.reviewRound.scorecards!.nodes.map((c) => c.total).sort()).toEqual([30, 80]);
      expect(totals(late)).toEqual([30, 80]);
      const v1 = (await (await expertClient(ex.v1!)).data<Mine>(MINE, { r })).reviewRound;
      expect(v1.scorecards.totalCount).toBe(1);
    });

    it('the next round takes in only the entries the finalized round advanced, and a conflict declared earlier still holds', async () => {
      expect((await intake(next)).data?.takeEntries).toEqual({ taken: 1, alreadyIn: 0, skipped: [] });
      const [advanced] = await entriesOf(next);
      expect(advanced?.referenceNumber).toBe(refA);
      const refused = await assign(advanced!.id, ex.v3!.id);
      expect(ext(refused)).toMatchObject({ code: 'CONFLICT_OF_INTEREST', field: 'expertId', details: { reasons: ['DECLARED'] } });
      expect(await assignmentsOf(next)).toEqual([]);
      expect((await assign(advanced!.id, ex.v1!.id)).errors).toBeUndefined();
      const states = Object.fromEntries((await entriesOf(r)).map((e) => [e.id, e.state]));
      expect(states).toEqual({ [E.a!]: 'ADVANCED', [E.b!]: 'ELIMINATED' });
    });

    it("the round's audit trail records each step it went through", async () => {
      expect(await roundAudit(r)).toEqual(['round.create', 'round.open', 'round.closed', 'round.finalized']);
    });
  });
});
