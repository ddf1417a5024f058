import { type TestGraph, startGraph } from '@meritgraph/testing';
import { SAMPLE_QUERY, loadSample } from '../src/sample';

describe('the sample data set of npm start', () => {
  let graph: TestGraph;
  beforeAll(async () => (graph = await startGraph()));
  afterAll(() => graph?.stop());

  it('loads through the gateway, and a second load finds it and writes nothing', async () => {
    const first = await loadSample(graph.gateway);
    expect(first).toMatchObject({ created: true, submissions: 3 });
    graph.resetStatements();
    const second = await loadSample(graph.gateway);
    expect(second).toEqual({ ...first, created: false });
    // Only the lookup ran — the contest, the contact, its unit and union; the submissions count — and no write.
    expect(graph.statements()).toEqual({ organizations: 4, submissions: 1, 'expert-review': 0, honors: 0 });
  });

  it('answers the printed sample query across all four subgraphs', async () => {
    await loadSample(graph.gateway);
    const result = await graph.gateway.request<{
      contest: {
        reviewRounds: { stage: string }[];
        submissions: { totalCount: number; nodes: { title: string; organization: { parent: { name: string; honors: { awardTypeCode: string }[] } }; reviewStatus: { state: string } }[] };
      };
    }>(SAMPLE_QUERY);
    expect(result.errors).toBeUndefined();
    const contest = result.data!.contest;
    expect(contest.reviewRounds).toEqual([{ name: '初审', stage: 'SCREENING', status: 'DRAFT' }]);
    expect(contest.submissions.totalCount).toBe(3);
    expect(contest.submissions.nodes.map((n) => n.title)).toContain('隧道内镜技术治疗胃肠道及其腔外病变的新应用');
    for (const node of contest.submissions.nodes) {
      expect(node.organization.parent).toEqual({ name: '浦东新区总工会', honors: [{ awardTypeCode: 'EXCELLENT_ORGANIZATION', status: 'NOMINATED' }] });
      expect(node.reviewStatus).toEqual({ state: 'NOT_ENTERED' });
    }
  });
});
