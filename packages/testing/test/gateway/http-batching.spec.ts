import { SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/config';
import { createServer, readSupergraph } from '@meritgraph/gateway';
import { CostModel, DEFAULT_DEMAND_CONTROL, DEFAULT_LIMITS, type Service, planCost } from '@meritgraph/subgraph-kit';
import { apiSchema } from '@meritgraph/supergraph';
import { parse } from 'graphql';
import { Factories, type TestGraph, startGraph } from '../../src';

/**
 * HTTP batching, as Apollo Client's BatchHttpLink sends it: a JSON array of operations in one
 * POST, answered by an array in the same order. The batch is limited as a whole: its number of
 * operations, and the sum of their estimated costs.
 */
const NAMES = 'query Names { organizations(first: 100) { nodes { name } } }';
const CREATE = 'mutation Create($name: String!) { createOrganization(input: { name: $name, kind: DISTRICT_UNION }) { id } }';
const FIND = 'query Find($name: String!) { organizations(nameContains: $name, first: 5) { totalCount } }';

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('HTTP operation batching', () => {
  let graph: TestGraph;
  let admin: string;
  let contestId: string;
  const extra: Service[] = [];

  beforeAll(async () => {
    graph = await startGraph();
    admin = `Bearer ${await graph.auth.client.signDev({ roles: ['ADMIN'], sub: 'batch-admin' })}`;
    const make = new Factories(graph.gateway);
    contestId = (await make.contest()).id;
    await make.organization({ kind: 'DISTRICT_UNION', name: '批量测试区总工会' });
  });
  afterAll(async () => {
    for (const service of extra) await service.stop();
    await graph?.stop();
  });

  async function post(url: string, body: unknown, authorization = admin): Promise<{ status: number; body: unknown }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  const organizationsNamed = async (name: string) =>
    (await graph.gateway.data<{ organizations: { totalCount: number } }>(FIND, { name })).organizations.totalCount;

  it('answers a batch with one answer per operation, in order, each with its own data and errors', async () => {
    const { status, body } = await post(graph.gateway.url, [
      { query: 'query Contest($id: ID!) { contest(id: $id) { id } }', variables: { id: contestId }, operationName: 'Contest' },
      { query: '{ organizations(first: 1000) { totalCount } }' },
      { query: FIND, variables: { name: '批量测试区总工会' }, operationName: 'Find' },
    ]);
    expect(status).toBe(200);
    const answers = body as Answer[];
    expect(answers).toHaveLength(3);
    expect(answers[0]).toEqual({ data: { contest: { id: contestId } } });
    expect(answers[1]?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(answers[2]).toEqual({ data: { organizations: { totalCount: 1 } } });
  });

  it('refuses a batch of more operations than allowed with MAX_BATCH_EXCEEDED, before any of them runs', async () => {
    const name = '超限批次工会';
    const batch = [
      { query: CREATE, variables: { name }, operationName: 'Create' },
      ...Array.from({ length: DEFAULT_LIMITS.maxBatchOperations }, () => ({ query: NAMES })),
    ];
    graph.resetStatements();
    const { status, body } = await post(graph.gateway.url, batch);
    expect(status).toBe(400);
    expect((body as Answer).errors?.[0]?.extensions).toEqual({
      code: 'MAX_BATCH_EXCEEDED',
      limit: DEFAULT_LIMITS.maxBatchOperations,
      actual: DEFAULT_LIMITS.maxBatchOperations + 1,
    });
    expect(Object.values(graph.statements()).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await organizationsNamed(name)).toBe(0);
  });

  it('refuses a batch whose summed estimated cost is over the caller’s maximum, though each operation alone is within it', async () => {
    const sdl = readSupergraph();
    const model = new CostModel(apiSchema(sdl), sdl);
    const one = planCost(model, parse(NAMES)).estimate({});
    const create = planCost(model, parse(CREATE)).estimate({ name: 'x' });
    // A maximum that admits any four of these operations, and not the five together.
    const maximum = create + 4 * one;
    const service = await createServer({
      supergraphSdl: sdl,
      auth: graph.auth,
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, graph.subgraphs[n].url])) as Record<SubgraphName, string>,
      demand: { ...DEFAULT_DEMAND_CONTROL, maxCost: { ...DEFAULT_DEMAND_CONTROL.maxCost, ADMIN: maximum } },
    });
    extra.push(service);
    const url = `${await service.start(0)}/graphql`;

    const name = '高成本批次工会';
    const batch = [{ query: CREATE, variables: { name }, operationName: 'Create' }, ...Array.from({ length: 5 }, () => ({ query: NAMES }))];
    graph.resetStatements();
    const refused = await post(url, batch);
    expect(refused.status).toBe(400);
    expect((refused.body as Answer).errors?.[0]?.extensions).toEqual({
      code: 'COST_ESTIMATED_TOO_EXPENSIVE',
      estimated: create + 5 * one,
      maximum,
    });
    expect(Object.values(graph.statements()).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await organizationsNamed(name)).toBe(0);

    // One operation fewer fits, and runs whole: the mutation too.
    const admitted = await post(url, batch.slice(0, 5));
    expect(admitted.status).toBe(200);
    expect((admitted.body as Answer[]).map((a) => a.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(await organizationsNamed(name)).toBe(1);
  });

  it('costs each caller against its own maximum: an anonymous batch is held to the anonymous budget', async () => {
    const anonymousMax = DEFAULT_DEMAND_CONTROL.maxCost.ANONYMOUS;
    const sdl = readSupergraph();
    const one = planCost(new CostModel(apiSchema(sdl), sdl), parse(NAMES)).estimate({});
    const count = DEFAULT_LIMITS.maxBatchOperations;
    // Each operation is far within the anonymous maximum; the whole batch is not.
    expect(one).toBeLessThan(anonymousMax / 2);
    expect(one * count).toBeGreaterThan(anonymousMax);
    graph.resetStatements();
    const { status, body } = await post(
      graph.gateway.url,
      Array.from({ length: count }, () => ({ query: NAMES })),
      '',
    );
    expect(status).toBe(400);
    expect((body as Answer).errors?.[0]?.extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', maximum: anonymousMax });
    expect(Object.values(graph.statements()).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
