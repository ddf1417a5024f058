import { randomBytes } from 'node:crypto';
import { SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/config';
import { createServer, readSupergraph } from '@meritgraph/gateway';
import { CostModel, DEFAULT_DEMAND_CONTROL, type DemandControlOptions, type Service, planCost } from '@meritgraph/subgraph-kit';
import { apiSchema } from '@meritgraph/supergraph';
import { parse } from 'graphql';
import { Factories, GraphClient, type TestGraph, startGraph } from '../../src';

/** Over the ten levels of the depth limit it would be refused anyway; this fan-out stays within every static limit. */
const FAN_OUT = `query($c: ID!) { contest(id: $c) { submissions(first: 100) { nodes { organization { ancestors {
  descendants(first: 100) { nodes { name } } } } } } } }`;
/** 1 + 100 × (1 + 1 + 100): too much for an anonymous caller, within an analyst's budget. */
const TREE = '{ organizations(first: 100) { nodes { name children(first: 100) { nodes { name } } } } }';
const SMALL = 'query($c: ID!) { contest(id: $c) { name submissions(first: 5) { nodes { title } } } }';
/** 1 + 1 × 1: what any caller may read. */
const PUBLIC = '{ organizations(first: 1) { nodes { name } } }';

describe('demand control and rate budgets', () => {
  let graph: TestGraph;
  let contestId: string;
  const extraGateways: Service[] = [];

  beforeAll(async () => {
    graph = await startGraph();
    const make = new Factories(graph.gateway);
    contestId = (await make.contest()).id;
    const unit = await make.organization();
    for (let i = 0; i < 3; i++) await make.submission({ contestId, organizationId: unit.id });
  });
  afterAll(async () => {
    for (const gateway of extraGateways) await gateway.stop();
    await graph?.stop();
  });

  /** Another gateway on the same subgraphs, with budgets of its own. */
  async function gatewayWith(demand: Partial<DemandControlOptions>): Promise<GraphClient> {
    const service = await createServer({
      supergraphSdl: readSupergraph(),
      auth: graph.auth,
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, graph.subgraphs[n].url])) as Record<SubgraphName, string>,
      demand: { ...DEFAULT_DEMAND_CONTROL, ...demand },
    });
    extraGateways.push(service);
    return new GraphClient(`${await service.start(0)}/graphql`);
  }

  const withToken = async (client: GraphClient, roles: Parameters<TestGraph['as']>[0], sub: string) =>
    client.with({ authorization: `Bearer ${await graph.auth.client.signDev({ roles: [roles].flat(), sub })}` });

  it('refuses an operation whose estimated cost is over the caller’s maximum, before any subgraph works on it', async () => {
    graph.resetStatements();
    const result = await graph.gateway.request(FAN_OUT, { c: contestId });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_ESTIMATED_TOO_EXPENSIVE',
      // Five ancestors at most (@listSize) and descendants weighed 5 (@cost), as the organizations subgraph declares.
      estimated: 2 + 100 * (1 + 1 + 5 * (1 + 5 + 100)),
      maximum: DEFAULT_DEMAND_CONTROL.maxCost.ADMIN,
    });
    expect(result.data ?? null).toBeNull();
    expect(Object.values(graph.statements()).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('prices the 6.6 KB query of 30 aliased fan-outs that took the platform down at 303,096,060, as the README says', () => {
    const fanOut = (i: number) =>
      `a${i}: contest(id: $c) { submissions(first: 100) { nodes { organization { ancestors { descendants(first: 100) {
        nodes { submissions(first: 100) { nodes { title organization { name } } } } } } } } } }`;
    const sdl = readSupergraph();
    const plan = planCost(
      new CostModel(apiSchema(sdl), sdl),
      parse(`query($c: ID!) { ${Array.from({ length: 30 }, (_, i) => fanOut(i)).join(' ')} }`),
    );
    expect(plan.estimate({ c: 'any' })).toBe(303_096_060);
  });

  it('gives each role its own maximum: the analyst runs what an anonymous caller may not', async () => {
    const anonymous = await graph.anonymous.request(TREE);
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_ESTIMATED_TOO_EXPENSIVE',
      estimated: 1 + 100 * (1 + 1 + 100),
      maximum: DEFAULT_DEMAND_CONTROL.maxCost.ANONYMOUS,
    });
    const analyst = await (await graph.as('ANALYST', { sub: 'analyst-1' })).request(TREE);
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data).toHaveProperty('organizations.nodes');
  });

  it('reports the estimated and actual cost when the client asks for it', async () => {
    const admin = `Bearer ${await graph.auth.client.signDev({ roles: ['ADMIN'], sub: 'cost-reader' })}`;
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: admin, 'x-meritgraph-cost': 'on' },
      body: JSON.stringify({ query: SMALL, variables: { c: contestId } }),
    });
    const body = (await response.json()) as { extensions?: { cost?: Record<string, number> } };
    // contest 1 + submissions 1 + 5 × 1 estimated; three submissions came back.
    expect(body.extensions?.cost).toEqual({ estimated: 7, actual: 5, maximum: DEFAULT_DEMAND_CONTROL.maxCost.ADMIN, points: 1 });
    const plain = (await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: admin },
      body: JSON.stringify({ query: SMALL, variables: { c: contestId } }),
    }).then((r) => r.json())) as { extensions?: unknown };
    expect(plain.extensions).toBeUndefined();
  });

  it('answers with the rate budget in RateLimit headers, spending a point per hundred of estimated cost', async () => {
    const client = await gatewayWith({});
    const call = async () => {
      const response = await fetch(client.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await graph.auth.client.signDev({ roles: ['ANALYST'], sub: 'headers' })}`,
        },
        body: JSON.stringify({ query: TREE }),
      });
      expect(response.status).toBe(200);
      return {
        limit: Number(response.headers.get('ratelimit-limit')),
        remaining: Number(response.headers.get('ratelimit-remaining')),
        reset: Number(response.headers.get('ratelimit-reset')),
      };
    };
    const first = await call();
    const second = await call();
    expect(first.limit).toBe(DEFAULT_DEMAND_CONTROL.pointsPerHour.ANALYST);
    expect(first.remaining).toBe(first.limit - 103);
    expect(second.remaining).toBe(first.remaining - 103);
    expect(first.reset).toBeGreaterThan(3500);
    expect(first.reset).toBeLessThanOrEqual(3600);
  });

  it('refuses with 429 RATE_LIMITED and the reset time once the hour’s points are spent, running nothing', async () => {
    const client = await withToken(
      await gatewayWith({ pointsPerHour: { ...DEFAULT_DEMAND_CONTROL.pointsPerHour, SUBMITTER: 3 } }),
      'SUBMITTER',
      'spender',
    );
    for (let i = 0; i < 3; i++) expect((await client.request(PUBLIC)).errors).toBeUndefined();
    graph.resetStatements();
    const refused = await client.request(PUBLIC);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Date.parse(String(refused.errors?.[0]?.extensions?.resetAt))).toBeGreaterThan(Date.now());
    expect(Object.values(graph.statements()).reduce((a, b) => a + b, 0)).toBe(0);
    // Another caller still has its own budget.
    const other = await withToken(client, 'SUBMITTER', 'someone-else');
    expect((await other.request(PUBLIC)).errors).toBeUndefined();
  });

  it('budgets anonymous callers by their address', async () => {
    const client = await gatewayWith({ pointsPerHour: { ...DEFAULT_DEMAND_CONTROL.pointsPerHour, ANONYMOUS: 1 } });
    expect((await client.request(PUBLIC)).status).toBe(200);
    const refused = await client.request(PUBLIC);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('shares budgets in Redis between gateway replicas', async () => {
    const shared = {
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      keyPrefix: `mgtest:${randomBytes(6).toString('hex')}`,
      pointsPerHour: { ...DEFAULT_DEMAND_CONTROL.pointsPerHour, EXPERT: 2 },
    };
    const one = await withToken(await gatewayWith(shared), 'EXPERT', 'replica-expert');
    const two = await withToken(await gatewayWith(shared), 'EXPERT', 'replica-expert');
    expect((await one.request(PUBLIC)).status).toBe(200);
    expect((await two.request(PUBLIC)).status).toBe(200);
    const refused = await one.request(PUBLIC);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('in measure mode runs an operation over its maximum instead of refusing it', async () => {
    const client = await gatewayWith({ mode: 'measure' });
    const result = await client.request(TREE);
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('organizations.nodes');
  });
});
