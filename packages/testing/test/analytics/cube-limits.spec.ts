/**
 * A cube's cost grows with the cells it may return, and the armor's cost rules apply to it
 * like any field: a cube over the caller's budget is refused before the analytics subgraph
 * reads anything. Questions a fact cannot answer are refused with the argument named, and
 * nothing read either.
 */
import { DEFAULT_DEMAND_CONTROL } from '@meritgraph/subgraph-kit';
import { Factories, type TestGraph, startGraph } from '../../src';

let graph: TestGraph;

beforeAll(async () => {
  graph = await startGraph();
  const make = new Factories(graph.gateway);
  const contest = await make.contest();
  await make.submission({ contestId: contest.id, organizationId: (await make.organization({ district: '黄浦区' })).id });
  await graph.analytics.catchUp();
});
afterAll(() => graph.stop());

const cube = (first: number) => `{ analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }], groupBy: [ORGANIZATION, TRACK],
  first: ${first}) { records cells { group { organization { id name } track { id } } values } } } }`;

async function estimate(first: number): Promise<{ estimated: number; errors?: { extensions?: Record<string, unknown> }[] }> {
  const token = await graph.auth.client.signDev({ roles: ['ANALYST'], sub: `cost-${first}` });
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-meritgraph-cost': 'on' },
    body: JSON.stringify({ query: cube(first) }),
  });
  const body = (await response.json()) as {
    extensions?: { cost?: { estimated: number } };
    errors?: { extensions?: Record<string, unknown> }[];
  };
  return { estimated: body.extensions?.cost?.estimated ?? Number(body.errors?.[0]?.extensions?.estimated), errors: body.errors };
}

describe('the cost of a cube', () => {
  it('grows with the number of cells asked for: each cell and each entity in its group counts', async () => {
    const [ten, hundred] = [await estimate(10), await estimate(100)];
    expect(ten.errors).toBeUndefined();
    // Query.analytics 1 + cube 50 + first × (cell 1 + group 1 + organization 1 + track 1).
    expect(ten.estimated).toBe(1 + 50 + 10 * 4);
    expect(hundred.estimated).toBe(1 + 50 + 100 * 4);
  });

  it('over the caller’s budget is refused before the analytics subgraph reads anything', async () => {
    // 1,000 cells are 4,051 points: over the 1,000 an anonymous caller may spend on one operation.
    graph.resetStatements();
    const refused = await graph.anonymous.request(cube(1000));
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_ESTIMATED_TOO_EXPENSIVE',
      estimated: 1 + 50 + 1000 * 4,
      maximum: DEFAULT_DEMAND_CONTROL.maxCost.ANONYMOUS,
    });
    expect(refused.data ?? null).toBeNull();
    expect(graph.statements().analytics).toBe(0);
  });
});

describe('a question the fact cannot answer', () => {
  const refusals: [string, string, string][] = [
    [
      'a dimension the fact lacks',
      `{ analytics { cube(fact: HONOR, measures: [{ kind: COUNT }], groupBy: [PANEL]) { records } } }`,
      'groupBy',
    ],
    ['a measure without its field', `{ analytics { cube(fact: ENTRY, measures: [{ kind: MEAN }]) { records } } }`, 'measures[0].field'],
    [
      'a field of another fact',
      `{ analytics { cube(fact: SUBMISSION, measures: [{ kind: SUM, field: TOTAL }]) { records } } }`,
      'measures[0].field',
    ],
    [
      'more cells than a cube returns',
      `{ analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }], first: 1001) { records } } }`,
      'first',
    ],
    [
      'a percentile out of range',
      `{ analytics { cube(fact: ENTRY, measures: [{ kind: PERCENTILE, field: AGGREGATE, percentile: 101 }]) { records } } }`,
      'measures[0].percentile',
    ],
    [
      'an order by a dimension it is not grouped by',
      `{ analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }], groupBy: [STATUS], orderBy: [{ dimension: TRACK }]) { records } } }`,
      'orderBy[0].dimension',
    ],
  ];

  it.each(refusals)('is refused for %s, naming the argument, with nothing read', async (_what, query, field) => {
    const analyst = await graph.as('ANALYST');
    graph.resetStatements();
    const refused = await analyst.request(query);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((refused.data?.analytics as { cube?: unknown } | null)?.cube ?? null).toBeNull();
    expect(graph.statements().analytics).toBe(0);
  });
});
