import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

/** The figures query as the README prints it under "The 2019 contest in one query". */
function readmeFiguresQuery(): string {
  const readme = readFileSync(resolve(__dirname, '../../../../README.md'), 'utf8');
  const from = readme.indexOf('\n## The 2019 contest in one query\n');
  const block = /```graphql\n([\s\S]*?)```/.exec(readme.slice(from));
  if (from < 0 || !block) throw new Error('the README prints no figures query');
  return block[1]!;
}

type Figures = {
  contest: {
    id: string;
    participantCount: number;
    milestones: { date: string; kind: string; title: string }[];
    submissions: { totalCount: number } | null;
    reviewRounds: { stage: string; name: string; reviewDate: string | null; judgeCount: number }[] | null;
    reviewFunnel:
      | { round: { stage: string }; groupCode: string | null; entries: number; advanced: number; eliminated: number; excellent: number }[]
      | null;
    honorsSummary: {
      counts: { awardType: { code: string; nameZh: string }; status: string; count: number }[];
      priorHonorLevels: { level: string; count: number }[];
    } | null;
  } | null;
  experts: { totalCount: number } | null;
};

/**
 * One refusal nulls one field, not the answer: the README's figures query, run by a caller
 * who may read only part of it, answers the public parts as data and names each refused path
 * in a coded error.
 */
describe('partial data: the README figures query for a caller who may read part of it', () => {
  const CODE = 'figures-2019';
  const QUERY = readmeFiguresQuery();
  let graph: TestGraph;
  let admin: GraphClient;
  let contestId: string;

  const figures = (client: GraphClient) => client.request<Figures>(QUERY, { code: CODE });
  const refusals = (r: GraphResponse<unknown>) =>
    (r.errors ?? []).map((e) => ({ path: e.path?.join('.'), code: e.extensions?.code })).sort((a, b) => (a.path! < b.path! ? -1 : 1));

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    const make = new Factories(admin);
    contestId = (await make.contest({ code: CODE, name: '聚力新科技，奋进新时代' })).id;
    const { createTrack } = await admin.data<{ createTrack: { id: string } }>(
      `mutation($c: ID!) { createTrack(input: { contestId: $c, code: "AI", name: "人工智能" }) { id } }`,
      { c: contestId },
    );
    await admin.data(
      `mutation($c: ID!) { createMilestone(input: { contestId: $c, date: "2019-03-29", kind: LAUNCH, title: "竞赛启动" }) { id } }`,
      { c: contestId },
    );
    // Like 2019, the contest checks its entries' form: the figures count the accepted ones.
    await admin.data(`mutation($c: ID!) { updateContest(id: $c, input: { requiresFormCheck: true }) { id } }`, { c: contestId });
    await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: contestId });

    // Two units submit one achievement each.
    const entries: { submission: string; unit: string }[] = [];
    for (const title of ['隧道内镜技术的新应用', '北斗导航卫星']) {
      const unit = (await make.organization()).id;
      const { createPerson } = await admin.data<{ createPerson: { id: string } }>(
        `mutation($o: ID!) { createPerson(input: { name: "成果负责人", organizationId: $o }) { id } }`,
        { o: unit },
      );
      await make.enrol(contestId, unit);
      const { createSubmission } = await admin.data<{ createSubmission: { id: string } }>(
        `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
        {
          input: {
            contestId,
            organizationId: unit,
            title,
            trackId: createTrack.id,
            summary: '一项用于测试的创新成果。',
            achievementKind: 'TECHNOLOGY',
            keywords: ['测试'],
            applicationEffect: '已推广应用。',
            leaderId: createPerson.id,
          },
        },
      );
      await admin.data(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { id } }`, { id: createSubmission.id });
      await admin.data(`mutation($id: ID!) { acceptSubmissions(inputs: [{ id: $id, expectedVersion: 2 }]) { id } }`, {
        id: createSubmission.id,
      });
      entries.push({ submission: createSubmission.id, unit });
    }

    // A final round, decided by the office (one EXCELLENT, one eliminated) and published.
    const { createReviewRound } = await admin.data<{ createReviewRound: { id: string } }>(
      `mutation($c: ID!) { createReviewRound(input: { contestId: $c, name: "终评", stage: FINAL, order: 1, threshold: 75, reviewDate: "2019-11-21" }) { id } }`,
      { c: contestId },
    );
    const round = createReviewRound.id;
    await admin.data(`mutation($r: ID!) { takeEntries(roundId: $r) { taken } }`, { r: round });
    const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: { id: string; submission: { id: string } }[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { entries(first: 10) { nodes { id submission { id } } } } }`,
      { r: round },
    );
    const move = (status: string) =>
      admin.data(`mutation($r: ID!, $s: RoundStatus!) { changeReviewRoundStatus(id: $r, status: $s) { status } }`, { r: round, s: status });
    await move('OPEN');
    await move('CLOSED');
    for (const entry of reviewRound.entries.nodes) {
      await admin.data(
        `mutation($r: ID!, $e: ID!, $o: OverrideOutcome!) { overrideRoundResult(roundId: $r, entryId: $e, outcome: $o, reason: "终评会议决定") { id } }`,
        { r: round, e: entry.id, o: entry.submission.id === entries[0]!.submission ? 'ADVANCE' : 'ELIMINATE' },
      );
    }
    await move('FINALIZED');
    await admin.data(`mutation($r: ID!) { publishReviewRound(id: $r) { id } }`, { r: round });

    // The excellent achievement is nominated, proposed and announced: a public record.
    const { id: honor } = await make.honor({
      contestId,
      awardTypeCode: 'EXCELLENT_ACHIEVEMENT',
      recipientKind: 'SUBMISSION',
      recipientId: entries[0]!.submission,
    });
    await admin.data(`mutation($ids: [ID!]!) { proposeHonors(ids: $ids) { id } }`, { ids: [honor] });
    await admin.data(`mutation($ids: [ID!]!) { announceHonors(ids: $ids) { id } }`, { ids: [honor] });

    // One expert in the pool, whom only the office and analysts may count.
    const { createPerson } = await admin.data<{ createPerson: { id: string } }>(
      `mutation($o: ID!) { createPerson(input: { name: "评审专家", organizationId: $o }) { id } }`,
      { o: entries[1]!.unit },
    );
    await admin.data(`mutation($p: ID!) { createExpert(input: { personId: $p, title: PROFESSOR, expertise: ["AI"] }) { id } }`, {
      p: createPerson.id,
    });
  });
  afterAll(() => graph?.stop());

  it('the office reads every figure of the query without an error', async () => {
    const result = await figures(admin);
    expect(result.errors).toBeUndefined();
    expect(result.data!.contest!.submissions).toEqual({ totalCount: 2 });
    expect(result.data!.experts).toEqual({ totalCount: 1 });
  });

  it('an anonymous caller gets the public figures as data, and FORBIDDEN at the submissions count and the expert pool only', async () => {
    const result = await figures(graph.anonymous);
    expect(result.status).toBe(200);
    expect(refusals(result)).toEqual([
      { path: 'contest.submissions', code: 'FORBIDDEN' },
      { path: 'experts', code: 'FORBIDDEN' },
    ]);
    expect(result.data).not.toBeNull();
    const { contest, experts } = result.data!;
    expect(experts).toBeNull();
    expect(contest).toEqual({
      id: contestId,
      participantCount: 2,
      milestones: [{ date: '2019-03-29', kind: 'LAUNCH', title: '竞赛启动' }],
      submissions: null,
      reviewRounds: [{ stage: 'FINAL', name: '终评', reviewDate: '2019-11-21', judgeCount: 0 }],
      reviewFunnel: [{ round: { stage: 'FINAL' }, groupCode: null, entries: 2, advanced: 0, eliminated: 1, excellent: 1 }],
      honorsSummary: {
        counts: [{ awardType: { code: 'EXCELLENT_ACHIEVEMENT', nameZh: '优秀创新成果' }, status: 'ANNOUNCED', count: 1 }],
        priorHonorLevels: expect.arrayContaining([{ level: 'NATIONAL', count: 0 }]),
      },
    });
  });
});
