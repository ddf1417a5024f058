import { type GraphClient, type TestGraph } from '../../src';
import { type Expert, MISSING, type ReviewFixtures, ext } from './review-fixtures';
import { type Card, type Preview, byRef, codeOf, resultsSuite } from './results-fixtures';

/** Review results through the gateway: quota groups with ties, overrides and raised quotas, and the way from screening to the final. */
describe('expert review results: aggregation, advancement, publication, visibility and schedules', () => {
  const suite = resultsSuite();
  const {
    unit,
    X,
    clientOf,
    contestWithRound,
    judge,
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
});
