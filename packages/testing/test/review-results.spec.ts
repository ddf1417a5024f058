import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import { type GraphClient, type TestGraph, startGraph } from '../src';
import { type Expert, MISSING, type ReviewFixtures, ext, overall, reviewFixtures } from './review-fixtures';

type Unit = { id: string; leaderId: string };
type Result = {
  referenceNumber: string;
  groupCode: string | null;
  scorecardCount: number;
  mean: number;
  trimmedMean: number;
  median: number;
  normalized: number;
  aggregate: number;
  topCriterion: number;
  passCount: number;
  recommendCount: number;
  eliminateCount: number;
  recommended: boolean;
  eliminationReasons: string[];
  rank: number | null;
  decidedBy: string | null;
  outcome: string;
  override: string | null;
  overrideReason: string | null;
};
type Preview = {
  finalizable: boolean;
  groups: { code: string; quota: number; candidates: number; advanced: number }[];
  ties: { groupCode: string; quota: number; seatsLeft: number; entries: { referenceNumber: string }[] }[];
  problems: { entry: { referenceNumber: string } | null; groupCode: string | null; message: string }[];
  results: Result[];
};
type Funnel = {
  round: { name: string };
  groupCode: string | null;
  entries: number;
  advanced: number;
  eliminated: number;
  excellent: number;
};
/** One scorecard a test has an expert hand in. */
type Card = { by: Expert; score: number; decision?: string; eliminationReason?: string };

const RESULT = `referenceNumber groupCode scorecardCount mean trimmedMean median normalized aggregate topCriterion passCount recommendCount eliminateCount
  recommended eliminationReasons rank decidedBy outcome override overrideReason`;
const PREVIEW = `finalizable groups { code quota candidates advanced } ties { groupCode quota seatsLeft entries { referenceNumber } }
  problems { entry { referenceNumber } groupCode message } results { ${RESULT} }`;
const FUNNEL = 'round { name } groupCode entries advanced eliminated excellent';

const byRef = <T extends { referenceNumber: string }>(rows: readonly T[]): Record<string, T> =>
  Object.fromEntries(rows.map((r) => [r.referenceNumber, r]));
const codeOf = (errors: { path?: (string | number)[]; extensions?: { code?: string } }[] | undefined, field: string) =>
  errors?.find((e) => e.path?.includes(field))?.extensions?.code;

describe('expert review results: aggregation, advancement, publication, visibility and schedules', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let fx: ReviewFixtures;
  const unit: Record<string, Unit> = {};
  /** Five experts from five universities, none related to any applicant unit. */
  const X: Expert[] = [];
  const expertClients = new Map<string, GraphClient>();

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    fx = reviewFixtures(graph);
    for (let i = 1; i <= 6; i++) unit[`app${i}`] = await fx.unit(`申报单位${i}`);
    for (const [i, name] of ['复旦大学', '上海交通大学', '同济大学', '华东师范大学', '上海大学'].entries()) {
      const university = (await fx.make.organization({ name, kind: 'UNIVERSITY' })).id;
      X.push(await fx.expert(`评审专家${i + 1}`, university, ['AI', 'BIOMED']));
    }
  });
  afterAll(() => graph?.stop());

  const clientOf = async (x: Expert) => {
    if (!expertClients.has(x.id)) expertClients.set(x.id, await fx.expertClient(x));
    return expertClients.get(x.id)!;
  };

  /** A contest whose entries (label → unit and track) are taken into one new round. */
  async function contestWithRound(code: string, entries: Record<string, [string, string]>, roundInput: Record<string, unknown>) {
    const c = await fx.contest(code, [...new Set(Object.values(entries).map(([, track]) => track))]);
    const ref: Record<string, string> = {};
    const sub: Record<string, string> = {};
    for (const [label, [unitKey, track]] of Object.entries(entries)) {
      const s = await fx.submission(c, track, unit[unitKey]!, `${code}成果${label}`);
      ref[label] = s.referenceNumber;
      sub[label] = s.id;
    }
    const round = await fx.round(c, roundInput);
    expect((await fx.intake(round)).errors).toBeUndefined();
    const ids = await fx.entryIds(round);
    const entry = Object.fromEntries(Object.entries(ref).map(([label, r]) => [label, ids[r]!]));
    return { contest: c, round, ref, sub, entry };
  }

  /** Assigns the experts, opens the round, has each hand in its scorecard, and closes it. */
  async function judge(round: string, cards: Record<string, Card[]>) {
    for (const [entryId, list] of Object.entries(cards))
      for (const card of list) expect((await fx.assign(entryId, card.by.id)).errors).toBeUndefined();
    expect((await fx.moveRound(round, 'OPEN')).errors).toBeUndefined();
    for (const [entryId, list] of Object.entries(cards)) {
      for (const { by, score, ...decision } of list) {
        expect((await fx.score(await clientOf(by), { entryId, scores: overall(score), ...decision })).errors).toBeUndefined();
      }
    }
    expect((await fx.moveRound(round, 'CLOSED')).errors).toBeUndefined();
  }

  const preview = (round: string, client: GraphClient = admin) =>
    client.request<{ reviewRoundPreview: Preview }>(`query($r: ID!) { reviewRoundPreview(id: $r) { ${PREVIEW} } }`, { r: round });
  const previewOf = async (round: string) => {
    const p = await preview(round);
    expect(p.errors).toBeUndefined();
    return p.data!.reviewRoundPreview;
  };
  const results = (round: string, client: GraphClient = admin) =>
    client.request<{ reviewRound: { results: { totalCount: number; nodes: Result[] } | null } }>(
      `query($r: ID!) { reviewRound(id: $r) { results(first: 100) { totalCount nodes { ${RESULT} } } } }`,
      {
        r: round,
      },
    );
  const resultsOf = async (round: string) => {
    const r = await results(round);
    expect(r.errors).toBeUndefined();
    return byRef(r.data!.reviewRound.results!.nodes);
  };
  const roundOf = async (round: string) =>
    (
      await admin.data<{
        reviewRound: {
          status: string;
          publishedAt: string | null;
          overrides: { outcome: string; reason: string }[];
          quotaRaises: { groupCode: string; quota: number; reason: string }[];
        };
      }>(
        `query($r: ID!) { reviewRound(id: $r) { status publishedAt overrides { outcome reason } quotaRaises { groupCode quota reason } } }`,
        { r: round },
      )
    ).reviewRound;
  const statesOf = async (round: string) => Object.fromEntries((await fx.entriesOf(round)).map((e) => [e.referenceNumber, e.state]));
  const funnel = async (contestId: string, client: GraphClient = admin) =>
    (
      await client.data<{ contest: { reviewFunnel: Funnel[] } }>(`query($c: ID!) { contest(id: $c) { reviewFunnel { ${FUNNEL} } } }`, {
        c: contestId,
      })
    ).contest.reviewFunnel;
  const override = (round: string, entryId: string, outcome: string, reason: string, client: GraphClient = admin) =>
    client.request<{ overrideRoundResult: { outcome: string; reason: string } }>(
      `mutation($r: ID!, $e: ID!, $o: OverrideOutcome!, $why: String!) { overrideRoundResult(roundId: $r, entryId: $e, outcome: $o, reason: $why) { outcome reason } }`,
      { r: round, e: entryId, o: outcome, why: reason },
    );
  const raiseQuota = (round: string, groupCode: string, quota: number, reason: string, client: GraphClient = admin) =>
    client.request<{ raiseQuota: { groupCode: string; quota: number } }>(
      `mutation($r: ID!, $g: String!, $q: Int!, $why: String!) { raiseQuota(roundId: $r, groupCode: $g, quota: $q, reason: $why) { groupCode quota } }`,
      { r: round, g: groupCode, q: quota, why: reason },
    );
  const publish = (round: string, client: GraphClient = admin) =>
    client.request<{ publishReviewRound: { publishedAt: string } }>(`mutation($r: ID!) { publishReviewRound(id: $r) { publishedAt } }`, {
      r: round,
    });

  /**
   * Five experts score three entries; the round ranks by its method. X1 scores A, B, C as
   * 95, 85, 75; X2 as 80, 70, 75; X3 as 78, 72, 75; X4 scores A and B as 76, 70; X5 as 10, 68.
   *
   *   A: 95 80 78 76 10  mean 339/5 = 67.8   trimmed (80+78+76)/3 = 78        median 78
   *   B: 85 70 72 70 68  mean 365/5 = 73     trimmed (70+72+70)/3 = 70.6667   median 70
   *   C: 75 75 75        mean 75             3 cards < trimMinimum 5: = mean  median 75
   *
   * Normalized: each expert's z-scores over its own cards. X1, X2 and X3 each score A
   * √1.5 = 1.2247 standard deviations above their mean; X1 puts B at its mean (0) and C
   * below (−1.2247), X2 and X3 the reverse (B −1.2247, C 0); X4 puts A at +1 and B at −1,
   * X5 A at −1 and B at +1. Mean z: A 3·1.2247/5 = 0.7348, B (−2·1.2247 − 1 + 1)/5 = −0.4899,
   * C −1.2247/3 = −0.4082; mapped to 50 + z·100/6: A 62.2474, B 41.8350, C 43.1959.
   */
  const FIGURES = {
    A: { scorecardCount: 5, mean: 67.8, trimmedMean: 78, median: 78, normalized: 62.2474, topCriterion: 67.8 },
    B: { scorecardCount: 5, mean: 73, trimmedMean: 70.6667, median: 70, normalized: 41.835, topCriterion: 73 },
    C: { scorecardCount: 3, mean: 75, trimmedMean: 75, median: 75, normalized: 43.1959, topCriterion: 75 },
  };
  const SCORES: Record<'A' | 'B' | 'C', number[]> = { A: [95, 80, 78, 76, 10], B: [85, 70, 72, 70, 68], C: [75, 75, 75] };

  /** Outside screening there are no decisions, recommendations, reasons or overrides. */
  const NO_DECISIONS = {
    passCount: 0,
    recommendCount: 0,
    eliminateCount: 0,
    recommended: false,
    eliminationReasons: [],
    override: null,
    overrideReason: null,
  };

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

  describe('quota groups: ties at the line, overrides and raised quotas', () => {
    let t: Awaited<ReturnType<typeof contestWithRound>>;
    /** An OPEN round of another contest, and its entry. */
    let openRound: string;
    let openEntry: string;
    const outcomes = (p: Preview) => Object.fromEntries(p.results.map((r) => [r.referenceNumber, r.outcome]));
    const label = (ref: string) => Object.entries(t.ref).find(([, r]) => r === ref)![0];
    const advancedIn = (p: Preview) =>
      p.results
        .filter((r) => r.outcome === 'ADVANCED')
        .map((r) => label(r.referenceNumber))
        .sort();

    beforeAll(async () => {
      // One expert scores A 80, B 70, C 70, D 60, E 50; two seats; the chain is the aggregate alone.
      t = await contestWithRound(
        'quota-2019',
        { A: ['app1', 'AI'], B: ['app2', 'AI'], C: ['app3', 'AI'], D: ['app4', 'AI'], E: ['app5', 'AI'] },
        { name: '第二轮评审', stage: 'EVALUATION', reviewersPerEntry: 1 },
      );
      expect(
        (
          await fx.updateRound(t.round, {
            tieBreaks: ['AGGREGATE'],
            quotaGroups: [{ code: 'AI', trackIds: [t.contest.tracks.AI], quota: 2 }],
          })
        ).errors,
      ).toBeUndefined();
      const marks = { A: 80, B: 70, C: 70, D: 60, E: 50 };
      await judge(t.round, Object.fromEntries(Object.entries(marks).map(([l, score]) => [t.entry[l]!, [{ by: X[0]!, score }]])));

      const other = await contestWithRound('quota-open-2019', { A: ['app6', 'AI'] }, {});
      [openRound, openEntry] = [other.round, other.entry.A!];
      expect((await fx.moveRound(openRound, 'OPEN')).errors).toBeUndefined();
    });

    const nothingDecided = async () => {
      expect(await roundOf(t.round)).toMatchObject({ status: 'CLOSED', overrides: [], quotaRaises: [] });
      for (const l of ['A', 'B', 'C', 'D', 'E']) expect((await fx.entryAudit(t.entry[l]!)).map((a) => a.action)).toEqual(['entry.take']);
      expect(await fx.roundAudit(t.round)).toEqual(['round.create', 'round.update', 'round.open', 'round.closed']);
    };

    it('entries level on the whole chain across the quota line are reported as a tie, and none of them advances', async () => {
      const p = await previewOf(t.round);
      expect(p.finalizable).toBe(false);
      expect(p.problems).toEqual([]);
      expect(p.ties).toHaveLength(1);
      expect(p.ties[0]).toMatchObject({ groupCode: 'AI', quota: 2, seatsLeft: 1 });
      expect(p.ties[0]!.entries.map((e) => label(e.referenceNumber)).sort()).toEqual(['B', 'C']);
      expect(p.groups).toEqual([{ code: 'AI', quota: 2, candidates: 5, advanced: 1 }]);
      const r = byRef(p.results);
      expect(['A', 'B', 'C', 'D', 'E'].map((l) => [l, r[t.ref[l]!]!.rank, r[t.ref[l]!]!.outcome])).toEqual([
        ['A', 1, 'ADVANCED'],
        ['B', 2, 'ELIMINATED'],
        ['C', 2, 'ELIMINATED'],
        ['D', 4, 'ELIMINATED'],
        ['E', 5, 'ELIMINATED'],
      ]);
      // Of B and C, the first listed is level with the next (nothing decided it); the second is ahead of D on the aggregate.
      expect([r[t.ref.B!]!.decidedBy, r[t.ref.C!]!.decidedBy].sort()).toEqual(['AGGREGATE', null]);
    });

    it('the tie blocks finalization with UNRESOLVED_TIE, writing nothing', async () => {
      const refused = await fx.moveRound(t.round, 'FINALIZED');
      expect(ext(refused)).toMatchObject({ code: 'UNRESOLVED_TIE', field: 'id' });
      const [tie] = (ext(refused)!.details as { ties: { groupCode: string; entryIds: string[]; seatsLeft: number }[] }).ties;
      expect({ ...tie, entryIds: [...tie!.entryIds].sort() }).toEqual({
        groupCode: 'AI',
        quota: 2,
        seatsLeft: 1,
        entryIds: [t.entry.B!, t.entry.C!].sort(),
      });
      expect(codeOf((await results(t.round)).errors, 'results')).toBe('FORBIDDEN');
      expect(Object.values(await statesOf(t.round))).toEqual(Array(5).fill('IN_REVIEW'));
      expect(await funnel(t.contest.id)).toEqual([expect.objectContaining({ groupCode: null, entries: 5, advanced: 0, eliminated: 0 })]);
      await nothingDecided();
    });

    it('overrides and raises are office decisions on a CLOSED round, each with a reason — every refusal names its field and writes nothing', async () => {
      const analyst = await graph.as('ANALYST');
      expect(ext(await override(t.round, t.entry.B!, 'ADVANCE', '并列复核', analyst))?.code).toBe('FORBIDDEN');
      expect(ext(await override(t.round, t.entry.B!, 'ADVANCE', '  '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(ext(await override(t.round, t.entry.B!, 'ADVANCE', '并列'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(ext(await override(t.round, MISSING, 'ADVANCE', '并列复核'))).toMatchObject({ code: 'NOT_FOUND', field: 'entryId' });
      expect(ext(await override(t.round, openEntry, 'ADVANCE', '并列复核'))).toMatchObject({ code: 'NOT_FOUND', field: 'entryId' });
      expect(ext(await override(MISSING, t.entry.B!, 'ADVANCE', '并列复核'))).toMatchObject({ code: 'NOT_FOUND', field: 'roundId' });
      expect(ext(await override(openRound, openEntry, 'ADVANCE', '并列复核'))).toMatchObject({
        code: 'ROUND_NOT_CLOSED',
        field: 'roundId',
      });

      expect(ext(await raiseQuota(t.round, 'AI', 3, '增加名额', analyst))?.code).toBe('FORBIDDEN');
      expect(ext(await raiseQuota(t.round, 'AI', 2, '增加晋级名额'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quota' });
      expect(ext(await raiseQuota(t.round, 'BIOMED', 3, '增加晋级名额'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupCode' });
      expect(ext(await raiseQuota(t.round, 'AI', 3, ''))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(ext(await raiseQuota(openRound, 'AI', 3, '增加晋级名额'))).toMatchObject({ code: 'ROUND_NOT_CLOSED', field: 'roundId' });

      await nothingDecided();
      expect((await roundOf(openRound)).overrides).toEqual([]);
      expect((await previewOf(t.round)).ties).toHaveLength(1);
    });

    it("an override settles the tie, and is on the entry's audit trail with its reason", async () => {
      const made = await override(t.round, t.entry.B!, 'ADVANCE', '  并列，经专家组复议推荐 ');
      expect(made.data?.overrideRoundResult).toEqual({ outcome: 'ADVANCE', reason: '并列，经专家组复议推荐' });
      const p = await previewOf(t.round);
      expect(p).toMatchObject({
        finalizable: true,
        ties: [],
        problems: [],
        groups: [{ code: 'AI', quota: 2, candidates: 5, advanced: 2 }],
      });
      expect(advancedIn(p)).toEqual(['A', 'B']);
      expect(byRef(p.results)[t.ref.B!]).toMatchObject({ override: 'ADVANCE', overrideReason: '并列，经专家组复议推荐' });
      expect(await fx.entryAudit(t.entry.B!)).toEqual([
        { action: 'entry.take', reason: null },
        { action: 'result.override', reason: '并列，经专家组复议推荐' },
      ]);
      expect(await roundOf(t.round)).toMatchObject({
        status: 'CLOSED',
        overrides: [{ outcome: 'ADVANCE', reason: '并列，经专家组复议推荐' }],
      });
    });

    it('an ADVANCE override within the quota takes the last normal seat: the quota still holds', async () => {
      expect((await override(t.round, t.entry.E!, 'ADVANCE', '重大推广价值')).errors).toBeUndefined();
      const p = await previewOf(t.round);
      expect(p).toMatchObject({
        finalizable: true,
        ties: [],
        problems: [],
        groups: [{ code: 'AI', quota: 2, candidates: 5, advanced: 2 }],
      });
      // B and E are forced in; A, first on the scores, loses the only normal seat.
      expect(advancedIn(p)).toEqual(['B', 'E']);
      expect(outcomes(p)[t.ref.A!]).toBe('ELIMINATED');
      expect(byRef(p.results)[t.ref.A!]!.rank).toBe(1);
    });

    it('forcing more entries than the quota blocks finalization (RESULTS_INCOMPLETE) until the quota is raised, with a reason', async () => {
      expect(await override(t.round, t.entry.D!, 'ADVANCE', '填补行业空白')).toMatchObject({
        data: { overrideRoundResult: { outcome: 'ADVANCE' } },
      });
      const blocked = await previewOf(t.round);
      expect(blocked.finalizable).toBe(false);
      expect(blocked.problems).toEqual([
        { entry: null, groupCode: 'AI', message: expect.stringMatching(/3 entries are forced to advance but the quota is 2/) },
      ]);
      expect(blocked.groups).toEqual([{ code: 'AI', quota: 2, candidates: 5, advanced: 3 }]);

      const refused = await fx.moveRound(t.round, 'FINALIZED');
      expect(ext(refused)).toMatchObject({ code: 'RESULTS_INCOMPLETE', field: 'id' });
      expect((await roundOf(t.round)).status).toBe('CLOSED');
      expect(codeOf((await results(t.round)).errors, 'results')).toBe('FORBIDDEN');
      expect(Object.values(await statesOf(t.round))).toEqual(Array(5).fill('IN_REVIEW'));

      const raised = await raiseQuota(t.round, 'AI', 4, '本组成果质量普遍较高，经评委会同意增加名额');
      expect(raised.data?.raiseQuota).toEqual({ groupCode: 'AI', quota: 4 });
      const p = await previewOf(t.round);
      expect(p).toMatchObject({
        finalizable: true,
        ties: [],
        problems: [],
        groups: [{ code: 'AI', quota: 4, candidates: 5, advanced: 4 }],
      });
      // Three forced seats and one normal seat, which A takes back from C.
      expect(advancedIn(p)).toEqual(['A', 'B', 'D', 'E']);
      expect(await roundOf(t.round)).toMatchObject({
        quotaRaises: [{ groupCode: 'AI', quota: 4, reason: '本组成果质量普遍较高，经评委会同意增加名额' }],
      });
      expect(await fx.roundAudit(t.round)).toEqual(['round.create', 'round.update', 'round.open', 'round.closed', 'round.raise-quota']);
    });

    it('finalizing then freezes the decided results, overrides and reasons included', async () => {
      expect((await fx.moveRound(t.round, 'FINALIZED')).errors).toBeUndefined();
      const r = await resultsOf(t.round);
      const row = (l: string) => {
        const x = r[t.ref[l]!]!;
        return [l, x.rank, x.aggregate, x.outcome, x.override, x.overrideReason];
      };
      expect(['A', 'B', 'C', 'D', 'E'].map(row)).toEqual([
        ['A', 1, 80, 'ADVANCED', null, null],
        ['B', 2, 70, 'ADVANCED', 'ADVANCE', '并列，经专家组复议推荐'],
        ['C', 2, 70, 'ELIMINATED', null, null],
        ['D', 4, 60, 'ADVANCED', 'ADVANCE', '填补行业空白'],
        ['E', 5, 50, 'ADVANCED', 'ADVANCE', '重大推广价值'],
      ]);
      expect(await statesOf(t.round)).toEqual({
        [t.ref.A!]: 'ADVANCED',
        [t.ref.B!]: 'ADVANCED',
        [t.ref.C!]: 'ELIMINATED',
        [t.ref.D!]: 'ADVANCED',
        [t.ref.E!]: 'ADVANCED',
      });
      expect(await funnel(t.contest.id)).toEqual([
        { round: { name: '第二轮评审' }, groupCode: 'AI', entries: 5, advanced: 4, eliminated: 1, excellent: 0 },
      ]);
      expect(await fx.entryAudit(t.entry.D!)).toEqual([
        { action: 'entry.take', reason: null },
        { action: 'result.override', reason: '填补行业空白' },
        { action: 'result.finalize', reason: '填补行业空白' },
      ]);
      expect(ext(await override(t.round, t.entry.C!, 'ADVANCE', '补充晋级'))).toMatchObject({ code: 'ROUND_CLOSED', field: 'roundId' });
      expect((await roundOf(t.round)).overrides).toHaveLength(3);
    });

    it('results page by group and rank, and filter by outcome and group', async () => {
      type Page = {
        reviewRound: {
          results: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            nodes: { referenceNumber: string; rank: number }[];
          };
        };
      };
      const page = (args: Record<string, unknown>) =>
        admin.data<Page>(
          `query($r: ID!, $after: String, $outcome: RoundOutcome, $group: String) {
            reviewRound(id: $r) { results(first: 2, after: $after, outcome: $outcome, groupCode: $group) { totalCount pageInfo { hasNextPage endCursor } nodes { referenceNumber rank } } } }`,
          { r: t.round, ...args },
        );
      const seen: { referenceNumber: string; rank: number }[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const p: Page['reviewRound']['results'] = (await page({ after })).reviewRound.results;
        expect(p.totalCount).toBe(5);
        seen.push(...p.nodes);
        after = p.pageInfo.endCursor;
        if (!p.pageInfo.hasNextPage) break;
      }
      expect(seen.map((n) => n.rank)).toEqual([1, 2, 2, 4, 5]);
      expect(seen.map((n) => label(n.referenceNumber)).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect((await page({ outcome: 'ELIMINATED' })).reviewRound.results.nodes.map((n) => label(n.referenceNumber))).toEqual(['C']);
      expect((await page({ group: 'AI', outcome: 'ADVANCED' })).reviewRound.results.totalCount).toBe(4);
      expect((await page({ group: 'BIOMED' })).reviewRound.results.totalCount).toBe(0);
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

  describe('from screening to the final', () => {
    let s: Awaited<ReturnType<typeof contestWithRound>>;
    let evaluation: string;
    let final: string;
    const LABELS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
    const unitOf: Record<string, string> = { S1: 'app1', S2: 'app2', S3: 'app3', S4: 'app4', S5: 'app5', S6: 'app6' };

    beforeAll(async () => {
      s = await contestWithRound('screen-final-2019', Object.fromEntries(LABELS.map((l) => [l, [unitOf[l]!, 'AI']])), {
        reviewersPerEntry: 3,
      });
      evaluation = await fx.round(s.contest, {
        name: '第二轮评审',
        stage: 'EVALUATION',
        order: 2,
        reviewersPerEntry: 1,
        quotaGroups: [{ code: 'AI', trackIds: [s.contest.tracks.AI], quota: 2 }],
      });
      final = await fx.round(s.contest, { name: '终评', stage: 'FINAL', order: 3, reviewersPerEntry: 1, threshold: 75 });
      const [x1, x2, x3] = X as [Expert, Expert, Expert];
      const pass = (by: Expert): Card => ({ by, score: 70, decision: 'PASS' });
      const out = (by: Expert, eliminationReason: string): Card => ({ by, score: 40, decision: 'ELIMINATE', eliminationReason });
      await judge(s.round, {
        [s.entry.S1!]: [pass(x1), pass(x2), out(x3, 'LOW_RELEVANCE')],
        [s.entry.S2!]: [pass(x1), out(x2, 'LOW_RELEVANCE'), out(x3, 'INCOMPLETE')],
        [s.entry.S3!]: [{ by: x1, score: 90, decision: 'RECOMMEND' }, pass(x2), pass(x3)],
        // Exactly half is not a majority.
        [s.entry.S4!]: [pass(x1), out(x2, 'DUPLICATE')],
        [s.entry.S5!]: [out(x1, 'INELIGIBLE'), out(x2, 'INELIGIBLE'), pass(x3)],
        [s.entry.S6!]: [pass(x1), pass(x2), pass(x3)],
      });
    });

    it('screening passes a strict majority of PASS and RECOMMEND, and keeps the distinct reasons of the eliminated', async () => {
      expect((await fx.moveRound(s.round, 'FINALIZED')).errors).toBeUndefined();
      const r = await resultsOf(s.round);
      const row = (l: string) => {
        const x = r[s.ref[l]!]!;
        return {
          outcome: x.outcome,
          passCount: x.passCount,
          recommendCount: x.recommendCount,
          eliminateCount: x.eliminateCount,
          recommended: x.recommended,
          eliminationReasons: x.eliminationReasons,
          rank: x.rank,
        };
      };
      expect(Object.fromEntries(LABELS.map((l) => [l, row(l)]))).toEqual({
        S1: {
          outcome: 'ADVANCED',
          passCount: 2,
          recommendCount: 0,
          eliminateCount: 1,
          recommended: false,
          eliminationReasons: [],
          rank: null,
        },
        S2: {
          outcome: 'ELIMINATED',
          passCount: 1,
          recommendCount: 0,
          eliminateCount: 2,
          recommended: false,
          eliminationReasons: ['INCOMPLETE', 'LOW_RELEVANCE'],
          rank: null,
        },
        S3: {
          outcome: 'ADVANCED',
          passCount: 3,
          recommendCount: 1,
          eliminateCount: 0,
          recommended: true,
          eliminationReasons: [],
          rank: null,
        },
        S4: {
          outcome: 'ELIMINATED',
          passCount: 1,
          recommendCount: 0,
          eliminateCount: 1,
          recommended: false,
          eliminationReasons: ['DUPLICATE'],
          rank: null,
        },
        S5: {
          outcome: 'ELIMINATED',
          passCount: 1,
          recommendCount: 0,
          eliminateCount: 2,
          recommended: false,
          eliminationReasons: ['INELIGIBLE'],
          rank: null,
        },
        S6: {
          outcome: 'ADVANCED',
          passCount: 3,
          recommendCount: 0,
          eliminateCount: 0,
          recommended: false,
          eliminationReasons: [],
          rank: null,
        },
      });
      // Screening ranks nobody but still keeps the figures: S3's cards were 90, 70, 70.
      expect(r[s.ref.S3!]).toMatchObject({ scorecardCount: 3, mean: 76.6667, median: 70, groupCode: null });
      expect((await publish(s.round)).errors).toBeUndefined();
    });

    it("the next round takes exactly the advanced entries; a screening recommendation stays with the entry and breaks the next round's tie", async () => {
      const intake = await fx.intake(evaluation);
      expect(intake.data?.takeEntries).toEqual({ taken: 3, alreadyIn: 0, skipped: [] });
      const taken = await fx.entriesOf(evaluation);
      expect(taken.map((e) => e.submission.id).sort()).toEqual([s.sub.S1!, s.sub.S3!, s.sub.S6!].sort());
      const ids = await fx.entryIds(evaluation);
      // S1 and S3 score the same; S3's recommendation in screening puts it ahead.
      await judge(evaluation, {
        [ids[s.ref.S1!]!]: [{ by: X[3]!, score: 80 }],
        [ids[s.ref.S3!]!]: [{ by: X[3]!, score: 80 }],
        [ids[s.ref.S6!]!]: [{ by: X[3]!, score: 70 }],
      });
      expect((await fx.moveRound(evaluation, 'FINALIZED')).errors).toBeUndefined();
      const r = await resultsOf(evaluation);
      expect(
        [s.ref.S3!, s.ref.S1!, s.ref.S6!].map((ref) => [
          r[ref]!.rank,
          r[ref]!.decidedBy,
          r[ref]!.outcome,
          r[ref]!.recommended,
          r[ref]!.recommendCount,
        ]),
      ).toEqual([
        [1, 'RECOMMEND_COUNT', 'ADVANCED', true, 1],
        [2, 'AGGREGATE', 'ADVANCED', false, 0],
        [3, null, 'ELIMINATED', false, 0],
      ]);
    });

    it('the final makes its advanced entries EXCELLENT, in the results, the entries and the submissions’ review status', async () => {
      expect((await fx.intake(final)).data?.takeEntries).toMatchObject({ taken: 2 });
      const ids = await fx.entryIds(final);
      await judge(final, { [ids[s.ref.S3!]!]: [{ by: X[4]!, score: 85 }], [ids[s.ref.S1!]!]: [{ by: X[4]!, score: 70 }] });
      expect((await fx.moveRound(final, 'FINALIZED')).errors).toBeUndefined();
      const r = await resultsOf(final);
      expect(r[s.ref.S3!]).toMatchObject({ outcome: 'EXCELLENT', aggregate: 85, recommended: true, recommendCount: 1 });
      expect(r[s.ref.S1!]).toMatchObject({ outcome: 'ELIMINATED', aggregate: 70, recommended: false });
      expect(await statesOf(final)).toEqual({ [s.ref.S3!]: 'EXCELLENT', [s.ref.S1!]: 'ELIMINATED' });

      const status = async (client: GraphClient, label: string) =>
        (
          await client.data<{ submission: { reviewStatus: { state: string; round: { name: string } } } }>(
            `query($s: ID!) { submission(id: $s) { reviewStatus { state round { name } } } }`,
            { s: s.sub[label] },
          )
        ).submission.reviewStatus;
      const own = (label: string) => graph.as('SUBMITTER', { org: unit[unitOf[label]!]!.id });
      expect(await status(admin, 'S3')).toEqual({ state: 'EXCELLENT', round: { name: '终评' } });
      expect(await status(await own('S3'), 'S3')).toEqual({ state: 'IN_REVIEW', round: { name: '终评' } });
      expect((await publish(final)).errors).toBeUndefined();
      expect(await status(await own('S3'), 'S3')).toEqual({ state: 'EXCELLENT', round: { name: '终评' } });
      // S6 went out in the unpublished evaluation round: its unit waits; the public sees its last published step.
      expect(await status(await own('S6'), 'S6')).toEqual({ state: 'IN_REVIEW', round: { name: '第二轮评审' } });
      expect(await status(admin, 'S6')).toEqual({ state: 'ELIMINATED', round: { name: '第二轮评审' } });
      const publicView = await (
        await fx.reviewSubgraphAs()
      ).data<{ _entities: { reviewStatus: { state: string; round: { name: string } } }[] }>(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Submission { reviewStatus { state round { name } } } } }`,
        { reps: ['S6', 'S3', 'S2'].map((l) => ({ __typename: 'Submission', id: s.sub[l] })) },
      );
      expect(publicView._entities.map((e) => e.reviewStatus)).toEqual([
        { state: 'ADVANCED', round: { name: '初审' } },
        { state: 'EXCELLENT', round: { name: '终评' } },
        { state: 'ELIMINATED', round: { name: '初审' } },
      ]);
    });

    it('the funnel shows every round to the office and analysts, and the published ones to everyone', async () => {
      const all = [
        { round: { name: '初审' }, groupCode: null, entries: 6, advanced: 3, eliminated: 3, excellent: 0 },
        { round: { name: '第二轮评审' }, groupCode: 'AI', entries: 3, advanced: 2, eliminated: 1, excellent: 0 },
        { round: { name: '终评' }, groupCode: null, entries: 2, advanced: 0, eliminated: 1, excellent: 1 },
      ];
      expect(await funnel(s.contest.id)).toEqual(all);
      expect(await funnel(s.contest.id, await graph.as('ANALYST'))).toEqual(all);
      const published = [all[0], all[2]];
      expect(await funnel(s.contest.id, graph.anonymous)).toEqual(published);
      expect(await funnel(s.contest.id, await graph.as('SUBMITTER', { org: unit.app6!.id }))).toEqual(published);
      expect(await funnel(s.contest.id, await clientOf(X[0]!))).toEqual(published);
    });
  });

  describe('the presentation schedule', () => {
    let f: Awaited<ReturnType<typeof contestWithRound>>;
    type Slot = {
      position: number;
      startsAt: string;
      endsAt: string;
      panel: { id: string; name: string };
      referenceNumber: string;
      presenter: { id: string } | null;
    };
    const SLOT = 'position startsAt endsAt panel { id name } referenceNumber presenter { id }';
    const SETTINGS = { startTime: '10:00', slotMinutes: 30, breakEvery: 2, breakMinutes: 15, lunchFrom: '12:00', lunchTo: '13:30' };
    const schedule = (round: string, input: Record<string, unknown> = SETTINGS) =>
      admin.request<{ schedulePresentations: { presentations: Slot[]; unscheduled: { entry: { id: string } | null; reason: string }[] } }>(
        `mutation($r: ID!, $input: ScheduleInput!) { schedulePresentations(roundId: $r, input: $input) { presentations { ${SLOT} } unscheduled { entry { id } reason } } }`,
        { r: round, input },
      );
    const presentations = async (round: string) =>
      (
        await admin.data<{ reviewRound: { presentations: Slot[] } }>(
          `query($r: ID!) { reviewRound(id: $r) { presentations { ${SLOT} } } }`,
          { r: round },
        )
      ).reviewRound.presentations;
    const minutes = (at: string) => Number(at.slice(11, 13)) * 60 + Number(at.slice(14, 16));
    /** The leader of each entry, by reference number: app1 leads an entry in each track. */
    const leaderOf: Record<string, string> = {};
    const trackOf: Record<string, string> = {};

    beforeAll(async () => {
      const entries: Record<string, [string, string]> = {
        AI1: ['app1', 'AI'],
        AI2: ['app2', 'AI'],
        AI3: ['app3', 'AI'],
        AI4: ['app4', 'AI'],
        AI5: ['app5', 'AI'],
        BIO1: ['app1', 'BIOMED'],
        BIO2: ['app5', 'BIOMED'],
        BIO3: ['app6', 'BIOMED'],
        IC1: ['app6', 'IC'],
      };
      f = await contestWithRound('final-day-2019', entries, { name: '终评答辩', stage: 'FINAL', threshold: 75, reviewersPerEntry: 2 });
      for (const [label, [u, track]] of Object.entries(entries)) {
        leaderOf[f.ref[label]!] = unit[u]!.leaderId;
        trackOf[f.ref[label]!] = track;
      }
    });

    it('is for a final round only, and is refused without a review date, without panels or with half a lunch break (BAD_USER_INPUT), writing nothing', async () => {
      const evaluation = await fx.round(f.contest, { name: '复评', stage: 'EVALUATION', order: 2, reviewDate: '2019-10-25' });
      const notFinal = await schedule(evaluation);
      expect(ext(notFinal)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundId' });
      expect(notFinal.errors![0]!.message).toMatch(/final round/);
      expect(await presentations(evaluation)).toEqual([]);

      const noDate = await schedule(f.round);
      expect(ext(noDate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundId' });
      expect(noDate.errors![0]!.message).toMatch(/reviewDate/);
      expect((await fx.updateRound(f.round, { reviewDate: '2019-10-24' })).errors).toBeUndefined();
      const noPanels = await schedule(f.round);
      expect(ext(noPanels)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundId' });
      expect(noPanels.errors![0]!.message).toMatch(/panels/);
      const { lunchTo: _, ...halfLunch } = SETTINGS;
      expect(ext(await schedule(f.round, halfLunch))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lunchTo' });
      expect(await presentations(f.round)).toEqual([]);
      expect(await fx.roundAudit(f.round)).not.toContain('round.schedule');
    });

    it('gives each entry one slot before the panel covering its track: no overlap in a room or for a presenter, lunch kept free, presented by its leader', async () => {
      const panel = (name: string, track: string, chair: Expert, member: Expert) =>
        admin.data(`mutation($input: CreatePanelInput!) { createPanel(input: $input) { id } }`, {
          input: { roundId: f.round, name, trackIds: [f.contest.tracks[track]], chairId: chair.id, memberIds: [member.id] },
        });
      await panel('人工智能组', 'AI', X[0]!, X[1]!);
      await panel('生物医药组', 'BIOMED', X[2]!, X[3]!);

      // Settings the schedule rules refuse are named by their input fields.
      expect(ext(await schedule(f.round, { ...SETTINGS, lunchFrom: '13:30', lunchTo: '12:00' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'lunchTo',
      });
      expect(ext(await schedule(f.round, { ...SETTINGS, slotMinutes: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slotMinutes' });
      expect(ext(await schedule(f.round, { ...SETTINGS, startTime: '9:00' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'startTime',
      });
      expect(await presentations(f.round)).toEqual([]);

      const made = await schedule(f.round);
      expect(made.errors).toBeUndefined();
      const { presentations: slots, unscheduled } = made.data!.schedulePresentations;
      // No panel covers IC: its entry is reported, not placed.
      expect(unscheduled).toEqual([{ entry: { id: f.entry.IC1 }, reason: expect.stringMatching(/no panel covers track/) }]);
      expect(slots.map((s) => s.referenceNumber).sort()).toEqual(
        Object.entries(f.ref)
          .filter(([l]) => l !== 'IC1')
          .map(([, r]) => r)
          .sort(),
      );

      const lunch = { start: 12 * 60, end: 13 * 60 + 30 };
      const rooms = new Map<string, Slot[]>();
      for (const s of slots) rooms.set(s.panel.id, [...(rooms.get(s.panel.id) ?? []), s]);
      expect(rooms.size).toBe(2);
      for (const room of rooms.values()) {
        const track = trackOf[room[0]!.referenceNumber]!;
        expect(room[0]!.panel.name).toBe(track === 'AI' ? '人工智能组' : '生物医药组');
        expect(room.map((s) => trackOf[s.referenceNumber])).toEqual(room.map(() => track));
        expect(room.map((s) => s.position)).toEqual(room.map((_, i) => i + 1));
        expect(room.map((s) => s.referenceNumber)).toEqual(room.map((s) => s.referenceNumber).sort());
        room.forEach((s, i) => {
          expect(s.startsAt.slice(0, 10)).toBe('2019-10-24');
          expect(minutes(s.endsAt) - minutes(s.startsAt)).toBe(30);
          expect(minutes(s.startsAt)).toBeGreaterThanOrEqual(10 * 60);
          // Clear of lunch: it ends by 12:00 or starts from 13:30.
          expect(minutes(s.endsAt) <= lunch.start || minutes(s.startsAt) >= lunch.end).toBe(true);
          if (i > 0) expect(minutes(s.startsAt)).toBeGreaterThanOrEqual(minutes(room[i - 1]!.endsAt));
        });
        // A break of at least 15 minutes after every two presentations since the last break (lunch counts as one).
        let since = 0;
        room.forEach((s, i) => {
          const gap = i > 0 ? minutes(s.startsAt) - minutes(room[i - 1]!.endsAt) : 0;
          if (since >= 2) expect(gap).toBeGreaterThanOrEqual(15);
          since = gap >= 15 ? 1 : since + 1;
        });
      }
      const ai = slots.filter((s) => s.panel.name === '人工智能组');
      // Five AI presentations of 30 minutes with a 15-minute break after the second cannot all fit before noon.
      expect(ai.some((s) => minutes(s.startsAt) >= lunch.end)).toBe(true);

      for (const s of slots) expect(s.presenter).toEqual({ id: leaderOf[s.referenceNumber] });
      const byPresenter = new Map<string, Slot[]>();
      for (const s of slots) byPresenter.set(s.presenter!.id, [...(byPresenter.get(s.presenter!.id) ?? []), s]);
      const twice = byPresenter.get(unit.app1!.leaderId)!;
      expect(twice).toHaveLength(2);
      const [early, late] = [...twice].sort((a, b) => minutes(a.startsAt) - minutes(b.startsAt));
      expect(minutes(late!.startsAt)).toBeGreaterThanOrEqual(minutes(early!.endsAt));
      for (const own of byPresenter.values()) {
        for (const a of own)
          for (const b of own)
            if (a !== b) expect(minutes(a.endsAt) <= minutes(b.startsAt) || minutes(b.endsAt) <= minutes(a.startsAt)).toBe(true);
      }
      expect(await presentations(f.round)).toEqual(slots);
    });

    it('running it again gives the same schedule', async () => {
      const before = await presentations(f.round);
      const again = await schedule(f.round);
      expect(again.errors).toBeUndefined();
      expect(again.data!.schedulePresentations.presentations).toEqual(before);
      expect(await presentations(f.round)).toEqual(before);
      expect((await fx.roundAudit(f.round)).filter((a) => a === 'round.schedule')).toHaveLength(2);
    });

    it('is refused once the round is CLOSED (ROUND_CLOSED), keeping the schedule', async () => {
      const before = await presentations(f.round);
      expect((await fx.moveRound(f.round, 'OPEN')).errors).toBeUndefined();
      expect((await fx.moveRound(f.round, 'CLOSED')).errors).toBeUndefined();
      expect(ext(await schedule(f.round, { ...SETTINGS, slotMinutes: 20 }))).toMatchObject({ code: 'ROUND_CLOSED', field: 'roundId' });
      expect(await presentations(f.round)).toEqual(before);
      expect((await fx.roundAudit(f.round)).filter((a) => a === 'round.schedule')).toHaveLength(2);
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
