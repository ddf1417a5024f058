import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import { type GraphClient, type TestGraph } from '../../src';
import { MISSING, type ReviewFixtures, ext } from './review-fixtures';
import { FIGURES, FUNNEL, type Funnel, NO_DECISIONS, SCORES, byRef, codeOf, resultsSuite } from './results-fixtures';

/** Review results through the gateway: aggregation, the preview, finalization, publication, who sees the results, and what they cost. */
describe('expert review results: aggregation, advancement, publication, visibility and schedules', () => {
  const suite = resultsSuite();
  const {
    unit,
    X,
    contestWithRound,
    judge,
    preview,
    previewOf,
    results,
    resultsOf,
    roundOf,
    statesOf,
    funnel,
    override,
    raiseQuota,
    publish,
  } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let fx: ReviewFixtures;
  beforeAll(() => {
    ({ graph, admin, fx } = suite.world());
  });

  describe('aggregation, preview, finalization, publication and who sees the results', () => {
    /** The same scorecards in two contests: one round ranks by the trimmed mean, the other by the mean. */
    let trimmed: Awaited<ReturnType<typeof contestWithRound>>;
    let plain: Awaited<ReturnType<typeof contestWithRound>>;
    /** Callers: the office, an analyst, A's own unit, another unit of the contest, anonymous, and an expert of the round. */
    type Who = 'ADMIN' | 'ANALYST' | 'OWN' | 'OTHER' | 'ANONYMOUS' | 'EXPERT';
    const WHO: Who[] = ['ADMIN', 'ANALYST', 'OWN', 'OTHER', 'ANONYMOUS', 'EXPERT'];
    const identity: Partial<Record<Who, Identity>> = {};
    const client: Partial<Record<Who, GraphClient>> = {};

    beforeAll(async () => {
      const entries: Record<string, [string, string]> = { A: ['app1', 'AI'], B: ['app2', 'AI'], C: ['app3', 'AI'] };
      trimmed = await contestWithRound('agg-trimmed-2019', entries, {
        name: '第二轮评审',
        stage: 'EVALUATION',
        reviewersPerEntry: 5,
        aggregationMethod: 'TRIMMED_MEAN',
      });
      plain = await contestWithRound('agg-mean-2019', entries, {
        name: '第二轮评审',
        stage: 'EVALUATION',
        reviewersPerEntry: 5,
        aggregationMethod: 'MEAN',
      });
      for (const r of [trimmed, plain]) {
        expect(
          (await fx.updateRound(r.round, { quotaGroups: [{ code: 'AI', trackIds: [r.contest.tracks.AI], quota: 1 }] })).errors,
        ).toBeUndefined();
        await judge(
          r.round,
          Object.fromEntries(
            (['A', 'B', 'C'] as const).map((label) => [r.entry[label]!, SCORES[label].map((score, i) => ({ by: X[i]!, score }))]),
          ),
        );
      }
      Object.assign(identity, {
        ADMIN: { roles: ['ADMIN'], sub: 'office-admin' },
        ANALYST: { roles: ['ANALYST'], sub: 'analyst' },
        OWN: { roles: ['SUBMITTER'], org: unit.app1!.id },
        OTHER: { roles: ['SUBMITTER'], org: unit.app2!.id },
        ANONYMOUS,
        EXPERT: { roles: ['EXPERT'], expert: X[0]!.id, sub: X[0]!.personId },
      });
      for (const who of WHO) {
        const { roles, ...claims } = identity[who]!;
        client[who] = who === 'ANONYMOUS' ? graph.anonymous : await graph.as([...roles], claims);
      }
    });

    /**
     * What each caller sees of the trimmed-mean round and of entry A: the round's results, A's
     * review status and round results (as the gateway asks expert-review for them), the
     * contest's funnel, and the round's expert statistics and agreement.
     */
    async function seen(who: Who) {
      const c = client[who]!;
      const res = await results(trimmed.round, c);
      const subgraph = await fx.reviewSubgraphAs(identity[who]);
      const standing = await subgraph.request<{
        _entities: { reviewStatus: { state: string } | null; roundResults: { outcome: string }[] }[];
      }>(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Submission { reviewStatus { state } roundResults { outcome } } } }`,
        { reps: [{ __typename: 'Submission', id: trimmed.sub.A }] },
      );
      const funnelRows = await c.request<{ contest: { reviewFunnel: Funnel[] } }>(
        `query($c: ID!) { contest(id: $c) { reviewFunnel { ${FUNNEL} } } }`,
        { c: trimmed.contest.id },
      );
      const stats = await c.request(`query($r: ID!) { reviewRound(id: $r) { expertStatistics { count } agreement { value } } }`, {
        r: trimmed.round,
      });
      return {
        results: res.errors ? codeOf(res.errors, 'results') : res.data!.reviewRound.results!.totalCount,
        reviewStatus: standing.data!._entities[0]!.reviewStatus?.state ?? codeOf(standing.errors, 'reviewStatus'),
        roundResults: standing.data!._entities[0]!.roundResults.map((r) => r.outcome),
        funnel: funnelRows.data!.contest.reviewFunnel.map(
          (f) => `${f.groupCode}:${f.entries}/${f.advanced}/${f.eliminated}/${f.excellent}`,
        ),
        expertStatistics: codeOf(stats.errors, 'expertStatistics') ?? 'OK',
        agreement: codeOf(stats.errors, 'agreement') ?? 'OK',
      };
    }
    const seenByAll = async () => Object.fromEntries(await Promise.all(WHO.map(async (who) => [who, await seen(who)] as const)));

    it('the preview (office only) ranks, groups and flags without freezing anything', async () => {
      const p = await previewOf(trimmed.round);
      expect(p).toMatchObject({
        finalizable: true,
        ties: [],
        problems: [],
        groups: [{ code: 'AI', quota: 1, candidates: 3, advanced: 1 }],
      });
      expect(p.results.map((r) => [r.referenceNumber, r.rank, r.aggregate, r.outcome, r.decidedBy])).toEqual([
        [trimmed.ref.A, 1, 78, 'ADVANCED', 'AGGREGATE'],
        [trimmed.ref.C, 2, 75, 'ELIMINATED', 'AGGREGATE'],
        [trimmed.ref.B, 3, 70.6667, 'ELIMINATED', null],
      ]);
      expect(byRef(p.results)[trimmed.ref.B!]).toMatchObject(FIGURES.B);

      // Nothing was frozen: the entries are still in review, the round still closed, no results to read.
      expect(await statesOf(trimmed.round)).toEqual({
        [trimmed.ref.A!]: 'IN_REVIEW',
        [trimmed.ref.B!]: 'IN_REVIEW',
        [trimmed.ref.C!]: 'IN_REVIEW',
      });
      expect((await roundOf(trimmed.round)).status).toBe('CLOSED');
      expect(codeOf((await results(trimmed.round)).errors, 'results')).toBe('FORBIDDEN');
      expect(await funnel(trimmed.contest.id)).toEqual([
        { round: { name: '第二轮评审' }, groupCode: null, entries: 3, advanced: 0, eliminated: 0, excellent: 0 },
      ]);
      expect(await fx.roundAudit(trimmed.round)).toEqual(['round.create', 'round.update', 'round.open', 'round.closed']);

      for (const who of ['ANALYST', 'OWN', 'ANONYMOUS', 'EXPERT'] as const) {
        expect({ who, code: ext(await preview(trimmed.round, client[who]))?.code }).toEqual({ who, code: 'FORBIDDEN' });
      }
      expect(ext(await preview(MISSING))).toMatchObject({ code: 'NOT_FOUND', field: 'roundId' });
      const draft = await fx.round(plain.contest, { name: '终评', stage: 'FINAL', order: 2 });
      expect(ext(await preview(draft))).toMatchObject({ code: 'ROUND_NOT_OPEN', field: 'roundId' });
    });

    it('before finalization nobody reads results; the office alone reads expert statistics and agreement', async () => {
      const inReview = { results: 'FORBIDDEN', roundResults: [], expertStatistics: 'FORBIDDEN', agreement: 'FORBIDDEN' };
      const open = [`null:3/0/0/0`];
      expect(await seenByAll()).toEqual({
        ADMIN: { ...inReview, reviewStatus: 'IN_REVIEW', funnel: open, expertStatistics: 'OK', agreement: 'OK' },
        ANALYST: { ...inReview, reviewStatus: 'IN_REVIEW', funnel: open },
        OWN: { ...inReview, reviewStatus: 'IN_REVIEW', funnel: [] },
        OTHER: { ...inReview, reviewStatus: 'FORBIDDEN', funnel: [] },
        ANONYMOUS: { ...inReview, reviewStatus: 'FORBIDDEN', funnel: [] },
        EXPERT: { ...inReview, reviewStatus: 'FORBIDDEN', funnel: [] },
      });
      // X1 scored 95, 85, 75 (mean 85, σ = √(200/3) = 8.165); X5 scored 10 and 68 (mean 39, σ 29).
      const { reviewRound } = await admin.data<{
        reviewRound: { expertStatistics: { expert: { id: string }; count: number; mean: number; stdDev: number }[]; agreement: unknown };
      }>(
        `query($r: ID!) { reviewRound(id: $r) { expertStatistics { expert { id } count mean stdDev } agreement { measure value entries raters } } }`,
        { r: trimmed.round },
      );
      const stats = Object.fromEntries(
        reviewRound.expertStatistics.map(({ expert, ...s }) => [X.findIndex((x) => x.id === expert.id) + 1, s]),
      );
      expect(stats).toEqual({
        1: { count: 3, mean: 85, stdDev: 8.165 },
        2: { count: 3, mean: 75, stdDev: 4.0825 },
        3: { count: 3, mean: 75, stdDev: 2.4495 },
        4: { count: 2, mean: 73, stdDev: 3 },
        5: { count: 2, mean: 39, stdDev: 29 },
      });
      // ICC(1): MSB = 58.2154, MSW = 458.88, k0 = 4.2308 → (58.2154 − 458.88) / (58.2154 + 3.2308 × 458.88) = −0.26.
      expect(reviewRound.agreement).toEqual({ measure: 'ICC(1)', value: -0.26, entries: 3, raters: 5 });
    });

    it('publishing waits for finalization (ROUND_NOT_FINALIZED), writing nothing', async () => {
      expect(ext(await publish(trimmed.round))).toMatchObject({ code: 'ROUND_NOT_FINALIZED', field: 'id' });
      expect(await roundOf(trimmed.round)).toMatchObject({ status: 'CLOSED', publishedAt: null });
      expect(await fx.roundAudit(trimmed.round)).not.toContain('round.publish');
    });

    it("finalizing stores mean, trimmed mean, median and normalized side by side, and ranks and advances by the round's own method", async () => {
      for (const r of [trimmed, plain])
        expect((await fx.moveRound(r.round, 'FINALIZED')).data?.changeReviewRoundStatus.status).toBe('FINALIZED');

      const t = await resultsOf(trimmed.round);
      expect(t[trimmed.ref.A!]).toEqual({
        ...FIGURES.A,
        referenceNumber: trimmed.ref.A,
        groupCode: 'AI',
        aggregate: 78,
        rank: 1,
        decidedBy: 'AGGREGATE',
        outcome: 'ADVANCED',
        ...NO_DECISIONS,
      });
      expect(t[trimmed.ref.C!]).toEqual({
        ...FIGURES.C,
        referenceNumber: trimmed.ref.C,
        groupCode: 'AI',
        aggregate: 75,
        rank: 2,
        decidedBy: 'AGGREGATE',
        outcome: 'ELIMINATED',
        ...NO_DECISIONS,
      });
      expect(t[trimmed.ref.B!]).toEqual({
        ...FIGURES.B,
        referenceNumber: trimmed.ref.B,
        groupCode: 'AI',
        aggregate: 70.6667,
        rank: 3,
        decidedBy: null,
        outcome: 'ELIMINATED',
        ...NO_DECISIONS,
      });

      // The same scorecards ranked by the plain mean put C first.
      const m = await resultsOf(plain.round);
      expect(m[plain.ref.C!]).toEqual({
        ...FIGURES.C,
        referenceNumber: plain.ref.C,
        groupCode: 'AI',
        aggregate: 75,
        rank: 1,
        decidedBy: 'AGGREGATE',
        outcome: 'ADVANCED',
        ...NO_DECISIONS,
      });
      expect(m[plain.ref.B!]).toEqual({
        ...FIGURES.B,
        referenceNumber: plain.ref.B,
        groupCode: 'AI',
        aggregate: 73,
        rank: 2,
        decidedBy: 'AGGREGATE',
        outcome: 'ELIMINATED',
        ...NO_DECISIONS,
      });
      expect(m[plain.ref.A!]).toEqual({
        ...FIGURES.A,
        referenceNumber: plain.ref.A,
        groupCode: 'AI',
        aggregate: 67.8,
        rank: 3,
        decidedBy: null,
        outcome: 'ELIMINATED',
        ...NO_DECISIONS,
      });

      expect(await statesOf(trimmed.round)).toEqual({
        [trimmed.ref.A!]: 'ADVANCED',
        [trimmed.ref.B!]: 'ELIMINATED',
        [trimmed.ref.C!]: 'ELIMINATED',
      });
      expect(await statesOf(plain.round)).toEqual({
        [plain.ref.A!]: 'ELIMINATED',
        [plain.ref.B!]: 'ELIMINATED',
        [plain.ref.C!]: 'ADVANCED',
      });
      expect((await fx.entryAudit(trimmed.entry.A!)).map((a) => a.action)).toEqual(['entry.take', 'result.finalize']);
    });

    it('a finalized round is frozen: finalizing again is INVALID_TRANSITION, overrides and raises are ROUND_CLOSED — nothing changes', async () => {
      const before = await resultsOf(trimmed.round);
      expect(ext(await fx.moveRound(trimmed.round, 'FINALIZED'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
      expect(ext(await override(trimmed.round, trimmed.entry.B!, 'ADVANCE', '复核后改判晋级'))).toMatchObject({
        code: 'ROUND_CLOSED',
        field: 'roundId',
      });
      expect(ext(await raiseQuota(trimmed.round, 'AI', 2, '增加晋级名额'))).toMatchObject({ code: 'ROUND_CLOSED', field: 'roundId' });
      expect(await resultsOf(trimmed.round)).toEqual(before);
      expect(await roundOf(trimmed.round)).toMatchObject({ status: 'FINALIZED', overrides: [], quotaRaises: [] });
      expect(await statesOf(trimmed.round)).toMatchObject({ [trimmed.ref.B!]: 'ELIMINATED' });
      expect(await fx.roundAudit(trimmed.round)).toEqual(['round.create', 'round.update', 'round.open', 'round.closed', 'round.finalized']);
    });

    it('once finalized, the office and analysts read the results and the outcome; the unit still sees IN_REVIEW; others nothing', async () => {
      const hidden = { results: 'FORBIDDEN', roundResults: [], funnel: [], expertStatistics: 'FORBIDDEN', agreement: 'FORBIDDEN' };
      const office = {
        results: 3,
        reviewStatus: 'ADVANCED',
        roundResults: ['ADVANCED'],
        funnel: ['AI:3/1/2/0'],
        expertStatistics: 'OK',
        agreement: 'OK',
      };
      expect(await seenByAll()).toEqual({
        ADMIN: office,
        ANALYST: office,
        OWN: { ...hidden, reviewStatus: 'IN_REVIEW' },
        OTHER: { ...hidden, reviewStatus: 'FORBIDDEN' },
        ANONYMOUS: { ...hidden, reviewStatus: 'FORBIDDEN' },
        EXPERT: { ...hidden, reviewStatus: 'FORBIDDEN' },
      });
      // The unit reads its own submission through the gateway the same way.
      const own = await client.OWN!.data<{ submission: { reviewStatus: { state: string }; roundResults: unknown[] } }>(
        `query($s: ID!) { submission(id: $s) { reviewStatus { state } roundResults { outcome } } }`,
        { s: trimmed.sub.A },
      );
      expect(own.submission).toEqual({ reviewStatus: { state: 'IN_REVIEW' }, roundResults: [] });
    });

    it('publishes once (ALREADY_PUBLISHED after), and then everyone reads the results, outcomes and funnel — but not the judges’ statistics', async () => {
      expect(ext(await publish(trimmed.round, client.ANALYST))?.code).toBe('FORBIDDEN');
      expect((await roundOf(trimmed.round)).publishedAt).toBeNull();
      const first = await publish(trimmed.round);
      expect(first.errors).toBeUndefined();
      const publishedAt = first.data!.publishReviewRound.publishedAt;
      expect(ext(await publish(trimmed.round))).toMatchObject({ code: 'ALREADY_PUBLISHED', field: 'id' });
      expect((await roundOf(trimmed.round)).publishedAt).toBe(publishedAt);
      expect((await fx.roundAudit(trimmed.round)).filter((a) => a === 'round.publish')).toHaveLength(1);

      const everyone = { results: 3, reviewStatus: 'ADVANCED', roundResults: ['ADVANCED'], funnel: ['AI:3/1/2/0'] };
      const closed = { expertStatistics: 'FORBIDDEN', agreement: 'FORBIDDEN' };
      expect(await seenByAll()).toEqual({
        ADMIN: { ...everyone, expertStatistics: 'OK', agreement: 'OK' },
        ANALYST: { ...everyone, expertStatistics: 'OK', agreement: 'OK' },
        OWN: { ...everyone, ...closed },
        OTHER: { ...everyone, ...closed },
        ANONYMOUS: { ...everyone, ...closed },
        EXPERT: { ...everyone, ...closed },
      });
      // Through the gateway, anonymous callers reach the submissions by the published results.
      const { reviewRound } = await graph.anonymous.data<{
        reviewRound: {
          results: { nodes: { referenceNumber: string; outcome: string; submission: { reviewStatus: { state: string } } }[] };
        };
      }>(`query($r: ID!) { reviewRound(id: $r) { results { nodes { referenceNumber outcome submission { reviewStatus { state } } } } } }`, {
        r: trimmed.round,
      });
      expect(reviewRound.results.nodes.map((n) => [n.referenceNumber, n.outcome, n.submission.reviewStatus.state])).toEqual([
        [trimmed.ref.A, 'ADVANCED', 'ADVANCED'],
        [trimmed.ref.C, 'ELIMINATED', 'ELIMINATED'],
        [trimmed.ref.B, 'ELIMINATED', 'ELIMINATED'],
      ]);
    });
  });

  describe('an entry nobody scored', () => {
    let u: Awaited<ReturnType<typeof contestWithRound>>;
    beforeAll(async () => {
      u = await contestWithRound(
        'unscored-2019',
        { A: ['app1', 'AI'], B: ['app2', 'AI'] },
        { name: '第二轮评审', stage: 'EVALUATION', threshold: 60, reviewersPerEntry: 1 },
      );
      await judge(u.round, { [u.entry.A!]: [{ by: X[1]!, score: 70 }] });
    });

    it('blocks finalization (RESULTS_INCOMPLETE) and writes nothing, until the office overrides its outcome', async () => {
      const p = await previewOf(u.round);
      expect(p.finalizable).toBe(false);
      expect(p.problems).toEqual([
        { entry: { referenceNumber: u.ref.B }, groupCode: null, message: expect.stringMatching(/no scorecards/) },
      ]);
      const refused = await fx.moveRound(u.round, 'FINALIZED');
      expect(ext(refused)).toMatchObject({ code: 'RESULTS_INCOMPLETE', field: 'id', details: { problems: [{ entryId: u.entry.B }] } });
      expect(refused.errors![0]!.message).toContain(u.ref.B!);
      expect(await roundOf(u.round)).toMatchObject({ status: 'CLOSED', overrides: [] });
      expect(codeOf((await results(u.round)).errors, 'results')).toBe('FORBIDDEN');
      expect(await statesOf(u.round)).toEqual({ [u.ref.A!]: 'IN_REVIEW', [u.ref.B!]: 'IN_REVIEW' });

      expect((await override(u.round, u.entry.B!, 'ELIMINATE', '申报材料未送达评审专家')).errors).toBeUndefined();
      expect((await fx.moveRound(u.round, 'FINALIZED')).errors).toBeUndefined();
      const r = await resultsOf(u.round);
      expect(r[u.ref.A!]).toMatchObject({ scorecardCount: 1, aggregate: 70, rank: 1, outcome: 'ADVANCED', override: null });
      expect(r[u.ref.B!]).toMatchObject({
        scorecardCount: 0,
        aggregate: 0,
        rank: 2,
        outcome: 'ELIMINATED',
        override: 'ELIMINATE',
        overrideReason: '申报材料未送达评审专家',
      });
      expect(await statesOf(u.round)).toEqual({ [u.ref.A!]: 'ADVANCED', [u.ref.B!]: 'ELIMINATED' });
    });
  });

  describe('cost', () => {
    /** A contest of `n` entries whose screening round is finalized, half advanced and half eliminated by the office. */
    async function finalizedContest(code: string, n: number): Promise<string> {
      const units = ['app1', 'app2', 'app3', 'app4', 'app5', 'app6'];
      const c = await contestWithRound(
        code,
        Object.fromEntries(Array.from({ length: n }, (_, i) => [`E${i + 1}`, [units[i % units.length]!, i % 2 ? 'AI' : 'BIOMED']])),
        {},
      );
      expect((await fx.moveRound(c.round, 'OPEN')).errors).toBeUndefined();
      expect((await fx.moveRound(c.round, 'CLOSED')).errors).toBeUndefined();
      for (const [i, entryId] of Object.values(c.entry).entries())
        expect((await override(c.round, entryId, i % 2 ? 'ADVANCE' : 'ELIMINATE', '形式审查结论')).errors).toBeUndefined();
      expect((await fx.moveRound(c.round, 'FINALIZED')).errors).toBeUndefined();
      return c.contest.id;
    }

    it('Contest.reviewFunnel costs the same few expert-review statements for 2 entries as for 20', async () => {
      const small = await finalizedContest('funnel-small-2019', 2);
      const large = await finalizedContest('funnel-large-2019', 20);
      const cost = async (contestId: string) => {
        graph.resetStatements();
        const rows = await funnel(contestId);
        return { rows, statements: graph.statements()['expert-review'] };
      };
      const two = await cost(small);
      const twenty = await cost(large);
      expect(two.rows).toEqual([{ round: { name: '初审' }, groupCode: null, entries: 2, advanced: 1, eliminated: 1, excellent: 0 }]);
      expect(twenty.rows).toEqual([{ round: { name: '初审' }, groupCode: null, entries: 20, advanced: 10, eliminated: 10, excellent: 0 }]);
      expect(twenty.statements).toBe(two.statements);
      expect(two.statements).toBeLessThanOrEqual(3);
    });
  });
});
