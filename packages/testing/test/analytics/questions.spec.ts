import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { CONTEST_CODE, replayInto } from '@meritgraph/contest-data';
import { type DatabaseLocation, databaseTarget, dropMysqlDatabase } from '@meritgraph/db';
import { histogram, panelAgreement, relativeHarshness } from '@meritgraph/domain';
import { type GraphClient, type TestGraph, startGraph } from '../../src';
import { type Expert, overall, reviewFixtures } from '../expert-review/review-fixtures';
import { QUESTIONS } from './questions-queries';
import { rebuildThrough } from './rebuilt';
import {
  type ContestRow,
  type Id,
  OrgTree,
  assignmentsOf,
  competitionRanks,
  contests,
  finalistsAndExcellent,
  honoredOrganization,
  honorsOf,
  keyOf,
  mobilizers,
  ratingsOf,
  roundOf,
  scorecardsOf,
  submissionsOf,
  tally,
  unionOf,
} from './questions-transactional';

type Named = { id: string; name: string };
type Cell<G> = { group: G; records?: number | null; values: (number | null)[]; rank?: number };
type Cube<G> = { groups: number; records: number; cells: Cell<G>[] };

/** The level order of prior honors, highest first. */
const LEVELS = ['NATIONAL', 'PROVINCIAL_MINISTERIAL', 'MUNICIPAL', 'OTHER'];
const highest = (levels: readonly string[]) => LEVELS.find((l) => levels.includes(l)) ?? 'NONE';

/** Figures rounded as the read model reports them, for comparing with plain arithmetic. */
const close = (v: number | null | undefined) => (v == null ? v : Math.round(v * 1e4) / 1e4);

/**
 * The analysts' questions, each asked as one query of the analytics read model and checked
 * against the same figures counted from the transactional subgraphs' own lists, on 2019 and
 * the synthetic 2020 replayed once.
 */
describe('the analysts’ questions on the 2019 and 2020 contests', () => {
  const location: DatabaseLocation = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, prefix: `mgtest_${randomBytes(4).toString('hex')}_`, dataDir: ':memory:', log: 'none' }
    : { prefix: '', dataDir: mkdtempSync(join(tmpdir(), 'mg-questions-')), log: 'none' };
  let graph: TestGraph;
  let admin: GraphClient;
  let analyst: GraphClient;
  let all: ContestRow[];
  let c2019: ContestRow;
  let tree: OrgTree;

  beforeAll(async () => {
    await replayInto(location, { years: [2019, 2020] });
    graph = await startGraph({ location });
    await graph.analytics.catchUp();
    admin = graph.gateway;
    analyst = await graph.as('ANALYST', { sub: 'analyst-1' });
    all = await contests(admin);
    c2019 = all.find((c) => c.code === CONTEST_CODE)!;
    tree = await OrgTree.load(admin);
  }, 1_500_000);

  afterAll(async () => {
    await graph?.stop();
    if (!location.url) return rmSync(location.dataDir, { recursive: true, force: true });
    for (const name of SUBGRAPH_NAMES) {
      const target = databaseTarget(name, location);
      if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
    }
  });

  const ask = <T>(question: keyof typeof QUESTIONS, variables?: Record<string, unknown>) =>
    analyst.data<{ analytics: T }>(QUESTIONS[question].query, variables).then((d) => d.analytics);

  it('Q1: counts the 2019 submissions of each mobilizing union, track and status as the contest’s own lists do', async () => {
    const { cube } = await ask<{ cube: Cube<{ mobilizingUnion: Named | null; track: Id | null; status: string }> }>('Q1');
    const submissions = await submissionsOf(admin, c2019.id);
    const mobilized = await mobilizers(admin, c2019.id);
    const expected = tally(submissions, (s) => keyOf(unionOf(tree, mobilized, s.organization!.id), s.track?.id, s.status));

    const answered = new Map(cube.cells.map((c) => [keyOf(c.group.mobilizingUnion?.id, c.group.track?.id, c.group.status), c.values[0]]));
    expect(Object.fromEntries(answered)).toEqual(Object.fromEntries(expected));
    expect(cube.records).toBe(submissions.length);
    expect(cube.groups).toBe(cube.cells.length);
    expect(new Set(cube.cells.map((c) => c.group.mobilizingUnion?.id)).size).toBeGreaterThan(10);
    for (const c of cube.cells) expect(c.group.mobilizingUnion?.name).toBe(tree.byId.get(c.group.mobilizingUnion!.id)!.name);
  });

  it('Q2: gives each track’s and each district’s finalist and excellent rates as the rounds’ entries and results do', async () => {
    const answer = await ask<{
      byTrack: Cube<{ track: Id }>;
      byDistrict: Cube<{ district: string | null }>;
    }>('Q2');
    const submissions = await submissionsOf(admin, c2019.id);
    const { finalists, excellent } = await finalistsAndExcellent(admin, c2019);
    const rates = (key: (s: (typeof submissions)[number]) => string) => {
      const groups = new Map<string, (typeof submissions)[number][]>();
      for (const s of submissions) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
      return Object.fromEntries(
        [...groups].map(([k, list]) => [
          k,
          [
            list.length,
            list.length,
            close(list.filter((s) => finalists.has(s.id)).length / list.length),
            close(list.filter((s) => excellent.has(s.id)).length / list.length),
          ],
        ]),
      );
    };
    // Each cell: its records, then its measures (the count, the finalist rate, the excellent rate).
    const answered = <G>(cells: Cell<G>[], key: (g: G) => string) =>
      Object.fromEntries(cells.map((c) => [key(c.group), [c.records, ...c.values.map(close)]]));

    expect(answered(answer.byTrack.cells, (g) => keyOf(g.track.id))).toEqual(rates((s) => keyOf(s.track?.id)));
    expect(answered(answer.byDistrict.cells, (g) => keyOf(g.district))).toEqual(rates((s) => keyOf(tree.district(s.organization!.id))));
    // The report's figures: 185 finalists and 90 excellent of 294.
    expect([finalists.size, excellent.size, submissions.length]).toEqual([185, 90, 294]);
  });

  it('Q3: spreads the evaluation round’s scorecards over 10-point buckets per track as its scorecards do', async () => {
    const round = roundOf(c2019, 'EVALUATION');
    const { scoreHistogram } = await ask<{
      scoreHistogram: { track: Id; records: number; buckets: { from: number; to: number; count: number | null }[] }[];
    }>('Q3', { round: round.id });
    const cards = await scorecardsOf(admin, round.id);
    const totals = cards.map((c) => c.total);
    // Every track shares the round's buckets: from the 10 below its lowest total to its highest.
    const min = Math.floor(Math.min(...totals) / 10) * 10;
    const max = Math.max(...totals);
    const byTrack = new Map<string, number[]>();
    for (const c of cards) byTrack.set(c.entry.track!.id, [...(byTrack.get(c.entry.track!.id) ?? []), c.total]);
    const expected = Object.fromEntries(
      [...byTrack].map(([track, values]) => [track, { records: values.length, buckets: histogram(values, { width: 10, min, max }) }]),
    );

    expect(Object.fromEntries(scoreHistogram.map((s) => [s.track.id, { records: s.records, buckets: s.buckets }]))).toEqual(expected);
    expect(scoreHistogram.reduce((n, s) => n + s.records, 0)).toBe(cards.length);
  });

  it('Q4: names the five harshest and five most lenient judges of the evaluation round, with the figures its scorecards give', async () => {
    const round = roundOf(c2019, 'EVALUATION');
    type Judge = {
      expert: Id & { person: { name: string } };
      items: number;
      meanDeviation: number;
      stdDev: number;
      low: number;
      high: number;
      place: number;
    };
    const answer = await ask<{ harshest: Judge[]; mostLenient: Judge[] }>('Q4', { round: round.id });
    const ranked = relativeHarshness(ratingsOf(await scorecardsOf(admin, round.id))).filter((r) => r.meanDeviation !== null);
    const listed = (judges: typeof ranked) =>
      judges.slice(0, 5).map((r, i) => ({
        expert: r.raterId,
        items: r.items,
        meanDeviation: r.meanDeviation,
        stdDev: r.stdDev,
        low: r.low,
        high: r.high,
        place: i + 1,
      }));
    const shown = (judges: Judge[]) => judges.map(({ expert, ...figures }) => ({ ...figures, expert: expert.id }));

    expect(shown(answer.harshest)).toEqual(listed(ranked));
    expect(shown(answer.mostLenient)).toEqual(listed([...ranked].reverse()));
    expect(answer.harshest[0]!.meanDeviation).toBeLessThan(0);
    expect(answer.mostLenient[0]!.meanDeviation).toBeGreaterThan(0);
  });

  it('Q5: gives each final panel’s ICC and Kendall’s W as its members’ scorecards do', async () => {
    const round = roundOf(c2019, 'FINAL');
    type Agreement = { panel: Named; items: number; raters: number; ratersCompared: number; complete: boolean } & Record<
      'icc21' | 'icc31' | 'kendallsW',
      number | null
    >;
    const { panelAgreement: answer } = await ask<{ panelAgreement: Agreement[] }>('Q5', { round: round.id });
    const cards = (await assignmentsOf(admin, round.id)).filter((a) => a.scorecard);
    const byPanel = new Map<string, typeof cards>();
    for (const a of cards) byPanel.set(a.panel!.id, [...(byPanel.get(a.panel!.id) ?? []), a]);
    const expected = Object.fromEntries(
      [...byPanel].map(([panel, list]) => [
        panel,
        panelAgreement(list.map((a) => ({ raterId: a.expert.id, itemId: a.entry.id, score: a.scorecard!.total }))),
      ]),
    );

    expect(Object.fromEntries(answer.map(({ panel, ...figures }) => [panel.id, figures]))).toEqual(expected);
    expect(answer.map((a) => a.panel.name).sort()).toEqual(round.panels.map((p) => p.name).sort());
    expect(answer.every((a) => a.icc21 !== null && a.kendallsW !== null)).toBe(true);
  });

  it('Q6: counts each mobilizing union’s honors per award type, and those conferred, as the honor records do', async () => {
    const { cube } = await ask<{ cube: Cube<{ mobilizingUnion: Named | null; awardType: string }> }>('Q6');
    const honors = await honorsOf(admin, c2019.id);
    const mobilized = await mobilizers(admin, c2019.id);
    const keyOfHonor = (h: (typeof honors)[number]) => keyOf(unionOf(tree, mobilized, honoredOrganization(h)!), h.awardTypeCode);
    const counts = tally(honors, keyOfHonor);
    const conferred = tally(
      honors.filter((h) => h.status === 'CONFERRED'),
      keyOfHonor,
    );
    const expected = Object.fromEntries([...counts].map(([k, n]) => [k, [n, conferred.get(k) ?? 0]]));

    expect(Object.fromEntries(cube.cells.map((c) => [keyOf(c.group.mobilizingUnion?.id, c.group.awardType), c.values]))).toEqual(expected);
    expect(cube.records).toBe(honors.length);
    // The report's conferrals: 43 + 25 + 11 + 10 + 90.
    expect(cube.cells.reduce((n, c) => n + c.values[1]!, 0)).toBe(179);
  });

  it('Q7: sorts the 90 excellent achievements by their highest prior honor as their records do: 13 national, 50 provincial or ministerial', async () => {
    const { cube } = await ask<{ cube: Cube<{ priorHonorLevel: string }> }>('Q7');
    const submissions = await submissionsOf(admin, c2019.id);
    const { excellent } = await finalistsAndExcellent(admin, c2019);
    const expected = tally(
      submissions.filter((s) => excellent.has(s.id)),
      (s) => highest(s.priorHonors.map((p) => p.level)),
    );
    const { contest } = await admin.data<{ contest: { honorsSummary: { priorHonorLevels: { level: string; count: number }[] } } }>(
      `query($c: ID!) { contest(id: $c) { honorsSummary { priorHonorLevels { level count } } } }`,
      { c: c2019.id },
    );

    const answered = Object.fromEntries(cube.cells.map((c) => [c.group.priorHonorLevel, c.values[0]]));
    expect(answered).toEqual(Object.fromEntries(expected));
    expect(cube.records).toBe(90);
    expect(answered).toMatchObject({ NATIONAL: 13, PROVINCIAL_MINISTERIAL: 50 });
    // The honors subgraph counts the same of the conferred excellent achievements (verified prior honors).
    for (const { level, count } of contest.honorsSummary.priorHonorLevels) expect(answered[level] ?? 0).toBe(count);
  });

  it('Q8: reports each round’s, panel’s and expert’s assigned, scored, declined and conflicted entries as the assignments do', async () => {
    const { cube } = await ask<{ cube: Cube<{ round: Named; panel: Named | null; expert: Id }> }>('Q8');
    const expected = new Map<string, number[]>();
    for (const round of c2019.reviewRounds)
      for (const a of await assignmentsOf(admin, round.id)) {
        const key = keyOf(round.id, a.panel?.id, a.expert.id);
        const [n, scored, declined, conflict] = expected.get(key) ?? [0, 0, 0, 0];
        expected.set(key, [
          n! + 1,
          scored! + (a.scorecard ? 1 : 0),
          declined! + (a.status === 'DECLINED' ? 1 : 0),
          conflict! + (a.status === 'CONFLICT_DECLARED' ? 1 : 0),
        ]);
      }

    expect(cube.groups).toBe(cube.cells.length);
    expect(Object.fromEntries(cube.cells.map((c) => [keyOf(c.group.round.id, c.group.panel?.id, c.group.expert.id), c.values]))).toEqual(
      Object.fromEntries(expected),
    );
    expect(new Set(cube.cells.map((c) => c.group.round.name))).toEqual(new Set(c2019.reviewRounds.map((r) => r.name)));
  });

  it('Q9: gives the organizer evaluations’ mean per dimension and each organizer’s rank by total as the honors subgraph’s ranking does', async () => {
    const answer = await ask<{ overall: Cube<unknown>; ranking: Cube<{ organization: Named }> }>('Q9');
    type Ranked = { rank: number; total: number; evaluation: Record<string, number> & { organization: Id } };
    const { organizerEvaluations } = await admin.data<{ organizerEvaluations: Ranked[] }>(
      `query($c: ID!) { organizerEvaluations(contestId: $c, places: 10) { rank total evaluation { organization { id } leadership promotion performance incentive features } } }`,
      { c: c2019.id },
    );
    const dimensions = ['leadership', 'promotion', 'performance', 'incentive', 'features'];
    const figures = organizerEvaluations.map((r) => [...dimensions.map((d) => r.evaluation[d]!), r.total]);
    const ranks = competitionRanks(figures.map((f) => f[5]!));

    expect(answer.overall.records).toBe(organizerEvaluations.length);
    expect(answer.overall.cells[0]!.values.map(close)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => close(figures.reduce((s, f) => s + f[i]!, 0) / figures.length)),
    );
    expect(Object.fromEntries(answer.ranking.cells.map((c) => [c.group.organization.id, [...c.values.map(close), c.rank]]))).toEqual(
      Object.fromEntries(organizerEvaluations.map((r, i) => [r.evaluation.organization.id, [...figures[i]!.map(close), ranks[i]]])),
    );
    // Where totals differ, ranking by total is the office's ranking.
    const byOrganization = new Map(answer.ranking.cells.map((c) => [c.group.organization.id, c.rank]));
    for (const r of organizerEvaluations)
      if (figures.filter((f) => f[5] === r.total).length === 1) expect(byOrganization.get(r.evaluation.organization.id)).toBe(r.rank);
    const listed = answer.ranking.cells.map((c) => c.rank ?? 0);
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
  });

  it('Q10: gives every contest year’s submissions, finalists, excellent achievements and honors as each contest counts them', async () => {
    const answer = await ask<{ submissions: Cube<{ year: number }>; honors: Cube<{ year: number }> }>('Q10');
    const submissions: Record<number, number[]> = {};
    const honors: Record<number, number[]> = {};
    for (const contest of all) {
      const { finalists, excellent } = await finalistsAndExcellent(admin, contest);
      const { contest: counted } = await admin.data<{ contest: { submissions: { totalCount: number } } }>(
        `query($c: ID!) { contest(id: $c) { submissions(first: 1) { totalCount } } }`,
        { c: contest.id },
      );
      const records = await honorsOf(admin, contest.id);
      const [s, f, e] = submissions[contest.year] ?? [0, 0, 0];
      submissions[contest.year] = [s! + counted.submissions.totalCount, f! + finalists.size, e! + excellent.size];
      const [h, conferred] = honors[contest.year] ?? [0, 0];
      honors[contest.year] = [h! + records.length, conferred! + records.filter((r) => r.status === 'CONFERRED').length];
    }

    expect(all.map((c) => c.code).sort()).toEqual([CONTEST_CODE, '2020-syn']);
    expect(Object.fromEntries(answer.submissions.cells.map((c) => [c.group.year, c.values]))).toEqual(submissions);
    expect(Object.fromEntries(answer.honors.cells.map((c) => [c.group.year, c.values]))).toEqual(honors);
  });

  it('rebuilt from zero, the read model answers each of the ten questions exactly as before', async () => {
    const variables = (q: keyof typeof QUESTIONS) =>
      q === 'Q5'
        ? { round: roundOf(c2019, 'FINAL').id }
        : q === 'Q3' || q === 'Q4'
          ? { round: roundOf(c2019, 'EVALUATION').id }
          : undefined;
    const names = Object.keys(QUESTIONS) as (keyof typeof QUESTIONS)[];
    const before = await Promise.all(names.map((q) => ask(q, variables(q))));
    const rebuilt = await rebuildThrough(admin);
    expect(rebuilt.every((f) => f.lag === 0 && f.applied > 0 && f.lastError === null)).toBe(true);
    expect(await Promise.all(names.map((q) => ask(q, variables(q))))).toEqual(before);
  });

  describe('who may ask', () => {
    const SUBMISSIONS_BY_UNIT = `query { analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }], groupBy: [ORGANIZATION], filter: { year: [2019] }, first: 1000) {
      records cells { group { organization { id } } values } } } }`;
    const ASSIGNMENTS = `query { analytics { cube(fact: ASSIGNMENT, measures: [{ kind: COUNT }]) { records } } }`;

    /** The district union whose subtree filed the most 2019 submissions, and those submissions per unit. */
    async function busiestDistrictUnion() {
      const submissions = await submissionsOf(admin, c2019.id);
      const unions = [...tree.byId.values()].filter((o) => o.kind === 'DISTRICT_UNION');
      const within = (union: string) => submissions.filter((s) => tree.within(s.organization!.id, union));
      const union = unions.sort((a, b) => within(b.id).length - within(a.id).length)[0]!;
      return { union, perUnit: tally(within(union.id), (s) => s.organization!.id), total: submissions.length };
    }

    it('a union’s organizer counts only the submissions of its own subtree, unit by unit', async () => {
      const { union, perUnit, total } = await busiestDistrictUnion();
      const organizer = await graph.as('ORGANIZER', { org: union.id, sub: 'organizer-1' });
      const { analytics } = await organizer.data<{ analytics: { cube: Cube<{ organization: Id }> } }>(SUBMISSIONS_BY_UNIT);

      expect(Object.fromEntries(analytics.cube.cells.map((c) => [c.group.organization.id, c.values[0]]))).toEqual(
        Object.fromEntries(perUnit),
      );
      expect(analytics.cube.records).toBe([...perUnit.values()].reduce((a, b) => a + b, 0));
      expect(analytics.cube.records).toBeGreaterThan(0);
      expect(analytics.cube.records).toBeLessThan(total);
    });

    it('anonymous callers and organizers may not count assignments: FORBIDDEN, and no cube', async () => {
      const { union } = await busiestDistrictUnion();
      const callers = { anonymous: graph.anonymous, organizer: await graph.as('ORGANIZER', { org: union.id, sub: 'organizer-1' }) };
      for (const [who, client] of Object.entries(callers)) {
        const r = await client.request<{ analytics: { cube: unknown } | null }>(ASSIGNMENTS);
        expect({ who, code: r.errors?.[0]?.extensions?.code, path: r.errors?.[0]?.path }).toEqual({
          who,
          code: 'FORBIDDEN',
          path: ['analytics', 'cube'],
        });
        expect(r.data?.analytics?.cube ?? null).toBeNull();
      }
    });

    // A refused field is null with its error, and the query's other fields still answer.
    it('a refused cube is null on its own, and the other fields of the query still answer', async () => {
      const r = await graph.anonymous.request<{ contests: { totalCount: number }; analytics: { cube: unknown } | null }>(
        `query { contests(first: 1) { totalCount } analytics { cube(fact: ASSIGNMENT, measures: [{ kind: COUNT }]) { records } } }`,
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.data?.contests.totalCount).toBe(all.length);
      expect(r.data?.analytics).not.toBeNull();
      expect(r.data!.analytics!.cube).toBeNull();
    });
  });
});

/**
 * A round of its own, open: the progress an analyst reads moves as scorecards come in, while
 * the scorecards themselves stay out of an analyst's cubes until the round is finalized.
 */
describe('review progress while a round is open', () => {
  let graph: TestGraph;
  let round: string;
  let entries: string[];
  const X: Expert[] = [];
  /** Assignment ids by entry and expert. */
  const made = new Map<string, string>();

  beforeAll(async () => {
    graph = await startGraph();
    const fx = reviewFixtures(graph);
    const c = await fx.contest('live-2019', ['AI']);
    for (const i of [1, 2]) await fx.submission(c, 'AI', await fx.unit(`申报单位${i}`), `实时进度成果${i}`);
    for (const [i, name] of ['复旦大学', '同济大学', '上海大学'].entries()) {
      const university = (await fx.make.organization({ name, kind: 'UNIVERSITY' })).id;
      X.push(await fx.expert(`评审专家${i + 1}`, university, ['AI']));
    }
    round = await fx.round(c, { name: '第二轮评审', stage: 'EVALUATION', reviewersPerEntry: 3, threshold: 60 });
    expect((await fx.intake(round)).errors).toBeUndefined();
    entries = (await fx.entriesOf(round)).map((e) => e.id);
    for (const entry of entries)
      for (const x of X) {
        const assigned = await fx.assign(entry, x.id);
        expect(assigned.errors).toBeUndefined();
        made.set(`${entry}@${x.id}`, assigned.data!.assignExpert.id);
      }
    expect((await fx.moveRound(round, 'OPEN')).errors).toBeUndefined();
    await graph.analytics.catchUp();
  }, 120_000);
  afterAll(() => graph?.stop());

  type Progress = { cube: Cube<{ round: Id; panel: Id | null; expert: Id }> };
  const progress = async () => {
    const analyst = await graph.as('ANALYST', { sub: 'analyst-1' });
    const { analytics } = await analyst.data<{ analytics: Progress }>(QUESTIONS.Q8.query);
    return Object.fromEntries(analytics.cube.cells.map((c) => [c.group.expert.id, c.values]));
  };
  const transactional = async () => {
    const rows = await assignmentsOf(graph.gateway, round);
    return Object.fromEntries(
      X.map((x) => {
        const own = rows.filter((a) => a.expert.id === x.id);
        const status = (s: string) => own.filter((a) => a.status === s).length;
        return [x.id, [own.length, own.filter((a) => a.scorecard).length, status('DECLINED'), status('CONFLICT_DECLARED')]];
      }),
    );
  };

  it('Q8 live: a scorecard, a decline and a declared conflict each move their expert’s progress by one while the round is open', async () => {
    const before = await progress();
    expect(before).toEqual(await transactional());
    for (const x of X) expect(before[x.id]).toEqual([2, 0, 0, 0]);

    const as = (x: Expert) => graph.as('EXPERT', { expert: x.id, sub: x.personId });
    const card = await (
      await as(X[0]!)
    ).request(`mutation($input: ScorecardInput!) { submitScorecard(input: $input) { id } }`, {
      input: { entryId: entries[0], scores: overall(82) },
    });
    expect(card.errors).toBeUndefined();
    const steppingBack = await as(X[2]!);
    const stepBack = (how: string, entry: string) =>
      steppingBack.request(`mutation($id: ID!, $why: String!) { ${how}(id: $id, reason: $why) { status } }`, {
        id: made.get(`${entry}@${X[2]!.id}`),
        why: '与申报团队曾有合作',
      });
    expect((await stepBack('declineAssignment', entries[0]!)).errors).toBeUndefined();
    expect((await stepBack('declareConflict', entries[1]!)).errors).toBeUndefined();
    await graph.analytics.catchUp();

    const after = await progress();
    expect(after).toEqual(await transactional());
    expect(after[X[0]!.id]).toEqual([2, 1, 0, 0]);
    expect(after[X[1]!.id]).toEqual(before[X[1]!.id]);
    expect(after[X[2]!.id]).toEqual([2, 0, 1, 1]);
    const { reviewRound } = await graph.gateway.data<{ reviewRound: { status: string } }>(
      `query($r: ID!) { reviewRound(id: $r) { status } }`,
      {
        r: round,
      },
    );
    expect(reviewRound.status).toBe('OPEN');
  });

  it('an analyst’s scorecard cube leaves out an open round, whose scorecards the office’s cube and the round itself count', async () => {
    const client = await graph.as('EXPERT', { expert: X[1]!.id, sub: X[1]!.personId });
    const card = await client.request(`mutation($input: ScorecardInput!) { submitScorecard(input: $input) { id } }`, {
      input: { entryId: entries[1], scores: overall(74) },
    });
    expect(card.errors).toBeUndefined();
    await graph.analytics.catchUp();
    const CARDS = `query($r: ID!) { analytics { cube(fact: SCORECARD, measures: [{ kind: COUNT }, { kind: MEAN, field: TOTAL }], filter: { round: [$r] }) { records cells { values } } } }`;
    const { reviewRound } = await graph.gateway.data<{ reviewRound: { status: string; scorecards: { totalCount: number } } }>(
      `query($r: ID!) { reviewRound(id: $r) { status scorecards(first: 1) { totalCount } } }`,
      { r: round },
    );
    const analyst = await graph.as('ANALYST', { sub: 'analyst-1' });
    const seen = await analyst.data<{ analytics: { cube: { records: number; cells: { values: (number | null)[] }[] } } }>(CARDS, {
      r: round,
    });
    const office = await graph.gateway.data<{ analytics: { cube: { records: number } } }>(CARDS, { r: round });

    expect(reviewRound.status).toBe('OPEN');
    expect(reviewRound.scorecards.totalCount).toBeGreaterThan(0);
    expect(office.analytics.cube.records).toBe(reviewRound.scorecards.totalCount);
    expect(seen.analytics.cube.records).toBe(0);
    expect(seen.analytics.cube.cells).toEqual([{ values: [0, null] }]);
  });
});
