import { type GraphClient, type TestGraph, startGraph } from '../../src';
import { type Expert, type ReviewFixtures, overall, reviewFixtures } from './review-fixtures';

/**
 * What every suite of review results runs on: a graph of its own with six applicant units and
 * five experts from universities, none related to any of them, and the readers of previews,
 * results and the funnel, and the office decisions on a closed round.
 */

export type Unit = { id: string; leaderId: string };
export type Result = {
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
export type Preview = {
  finalizable: boolean;
  groups: { code: string; quota: number; candidates: number; advanced: number }[];
  ties: { groupCode: string; quota: number; seatsLeft: number; entries: { referenceNumber: string }[] }[];
  problems: { entry: { referenceNumber: string } | null; groupCode: string | null; message: string }[];
  results: Result[];
};
export type Funnel = {
  round: { name: string };
  groupCode: string | null;
  entries: number;
  advanced: number;
  eliminated: number;
  excellent: number;
};
/** One scorecard a test has an expert hand in. */
export type Card = { by: Expert; score: number; decision?: string; eliminationReason?: string };

export const RESULT = `referenceNumber groupCode scorecardCount mean trimmedMean median normalized aggregate topCriterion passCount recommendCount eliminateCount
  recommended eliminationReasons rank decidedBy outcome override overrideReason`;
export const PREVIEW = `finalizable groups { code quota candidates advanced } ties { groupCode quota seatsLeft entries { referenceNumber } }
  problems { entry { referenceNumber } groupCode message } results { ${RESULT} }`;
export const FUNNEL = 'round { name } groupCode entries advanced eliminated excellent';

export const byRef = <T extends { referenceNumber: string }>(rows: readonly T[]): Record<string, T> =>
  Object.fromEntries(rows.map((r) => [r.referenceNumber, r]));
export const codeOf = (errors: { path?: (string | number)[]; extensions?: { code?: string } }[] | undefined, field: string) =>
  errors?.find((e) => e.path?.includes(field))?.extensions?.code;

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
export const FIGURES = {
  A: { scorecardCount: 5, mean: 67.8, trimmedMean: 78, median: 78, normalized: 62.2474, topCriterion: 67.8 },
  B: { scorecardCount: 5, mean: 73, trimmedMean: 70.6667, median: 70, normalized: 41.835, topCriterion: 73 },
  C: { scorecardCount: 3, mean: 75, trimmedMean: 75, median: 75, normalized: 43.1959, topCriterion: 75 },
};
export const SCORES: Record<'A' | 'B' | 'C', number[]> = { A: [95, 80, 78, 76, 10], B: [85, 70, 72, 70, 68], C: [75, 75, 75] };

/** Outside screening there are no decisions, recommendations, reasons or overrides. */
export const NO_DECISIONS = {
  passCount: 0,
  recommendCount: 0,
  eliminateCount: 0,
  recommended: false,
  eliminationReasons: [],
  override: null,
  overrideReason: null,
};

/** Starts the graph for the suite it is called in and hands out its units, experts and readers. */
export function resultsSuite() {
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

  return {
    /** What beforeAll made: for tests and hooks, as the suite is declared before it runs. */
    world: () => ({ graph, admin, fx }),
    unit,
    X,
    clientOf,
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
  };
}
