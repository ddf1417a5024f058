import { Factories, type GraphClient, type TestGraph, startGraph } from '../../src';

type Stat = { track: { code: string } | null; status: string; count: number };

/** A contest's submission counts tell each caller only about the submissions it may read, as its lists do. */
describe('submissions: what the counts reveal', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let contestId: string;
  let union: string;
  let unitA: string;
  let unitB: string;
  let outsider: string;

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    const make = new Factories(admin);
    contestId = (await make.contest()).id;
    await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: contestId });
    union = (await make.organization({ name: '统计区总工会', kind: 'DISTRICT_UNION' })).id;
    unitA = (await make.organization({ name: '统计单位甲', parentId: union })).id;
    unitB = (await make.organization({ name: '统计单位乙', parentId: union })).id;
    outsider = (await make.organization({ name: '外区单位', parentId: (await make.organization({ kind: 'DISTRICT_UNION' })).id })).id;
    for (const [unit, drafts] of [
      [unitA, 2],
      [unitB, 3],
      [outsider, 4],
    ] as const) {
      for (let i = 0; i < drafts; i++) await make.submission({ contestId, organizationId: unit });
    }
  });
  afterAll(() => graph?.stop());

  const stats = async (client: GraphClient) => {
    const result = await client.request<{ contest: { submissionStats: Stat[] } }>(
      `query($c: ID!) { contest(id: $c) { submissionStats { track { code } status count } } }`,
      { c: contestId },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.contest.submissionStats;
  };
  const drafts = (rows: Stat[]) => rows.filter((r) => r.status === 'DRAFT').reduce((n, r) => n + r.count, 0);
  const listed = async (client: GraphClient) =>
    (
      await client.data<{ submissions: { totalCount: number } }>(`query($c: ID!) { submissions(contestId: $c) { totalCount } }`, {
        c: contestId,
      })
    ).submissions.totalCount;

  it("counts a submitter's own unit's drafts only, as many as its list shows", async () => {
    const submitter = await graph.as('SUBMITTER', { org: unitA });
    expect(drafts(await stats(submitter))).toBe(2);
    expect(await listed(submitter)).toBe(2);
  });

  it('counts for an organizer the drafts of its union and the units it mobilized, not of other unions', async () => {
    const organizer = await graph.as('ORGANIZER', { org: union });
    expect(drafts(await stats(organizer))).toBe(5);
    expect(await listed(organizer)).toBe(5);
  });

  it('counts nothing for the public, an expert or an agency, whose lists are refused', async () => {
    for (const client of [graph.anonymous, await graph.as('EXPERT', { expert: 'x' }), await graph.as('AGENCY')]) {
      expect(await stats(client)).toEqual([]);
    }
  });

  it('counts every unit for the office and analysts', async () => {
    expect(drafts(await stats(admin))).toBe(9);
    expect(drafts(await stats(await graph.as('ANALYST')))).toBe(9);
  });
});
