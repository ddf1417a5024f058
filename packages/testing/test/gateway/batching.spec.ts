import type { SubgraphName } from '@meritgraph/config';
import { Factories, type TestGraph, startGraph } from '../../src';

/**
 * One GraphQL request costs a fixed number of SQL statements per subgraph, whatever the
 * page size: every reference and cross-entity field is batched.
 */
describe('statements per request', () => {
  let graph: TestGraph;
  let contestId: string;

  beforeAll(async () => {
    graph = await startGraph();
    const make = new Factories(graph.gateway);
    contestId = (await make.contest()).id;
    const parent = await make.organization({ kind: 'DISTRICT_UNION' });
    // 50 submissions from 25 units, so organizations repeat across the page.
    const units = [];
    for (let i = 0; i < 25; i++) units.push(await make.organization({ parentId: parent.id }));
    for (let i = 0; i < 50; i++) await make.submission({ contestId, organizationId: units[i % 25]!.id });
  });
  afterAll(() => graph?.stop());

  async function cost(query: string, first: number): Promise<Record<SubgraphName, number>> {
    graph.resetStatements();
    const result = await graph.gateway.request<{ submissions: { nodes: unknown[] } }>(query, { contestId, first });
    expect(result.errors).toBeUndefined();
    expect(result.data?.submissions.nodes).toHaveLength(first);
    return graph.statements();
  }

  it('listing submissions with their organizations costs the same for 5 and for 50', async () => {
    const query = `query($contestId: ID!, $first: Int) {
      submissions(contestId: $contestId, first: $first) {
        nodes { title organization { name kind parent { name } } }
      }
    }`;
    const five = await cost(query, 5);
    const fifty = await cost(query, 50);
    expect(fifty).toEqual(five);
    // submissions: the page; organizations: the units, then their parents.
    expect(five).toEqual({ submissions: 1, organizations: 2, 'expert-review': 0, honors: 0, analytics: 0 });
  });

  it('a page crossing all four subgraphs, with nested connections and counts, costs the same for 5 and for 50', async () => {
    const query = `query($contestId: ID!, $first: Int) {
      submissions(contestId: $contestId, first: $first) {
        totalCount
        nodes {
          title
          reviewStatus { state round { name } }
          honors { status }
          organization { name honors { status } submissions(first: 3) { totalCount nodes { title } } }
        }
      }
    }`;
    const five = await cost(query, 5);
    const fifty = await cost(query, 50);
    expect(fifty).toEqual(five);
    expect(five).toEqual({ submissions: 4, organizations: 1, 'expert-review': 1, honors: 2, analytics: 0 });
  });
});
