import { DEFAULT_DEMAND_CONTROL, DEFAULT_LIMITS } from '@meritgraph/subgraph-kit';
import { type GraphClient, type TestGraph, startGraph } from '../../src';

/**
 * Agencies call the honors port directly, past the gateway: the port enforces the same
 * operation limits and budgets on them by itself. The graph's own callers (the gateway, the
 * other subgraphs) were limited at the gateway and are not limited again.
 */
describe('limits and budgets on the honors port', () => {
  let graph: TestGraph;
  let agency: GraphClient;
  let honorsRequests = 0;

  beforeAll(async () => {
    graph = await startGraph();
    const token = await graph.auth.client.signDev({ roles: ['AGENCY'], sub: 'press-office' });
    agency = graph.direct('honors').with({ authorization: `Bearer ${token}` });
    graph.subgraphs.honors.service.http.on('request', () => (honorsRequests += 1));
  });
  afterAll(() => graph?.stop());

  it('answers an agency’s ordinary list of public honors, with its rate budget in the headers', async () => {
    const response = await fetch(agency.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await graph.auth.client.signDev({ roles: ['AGENCY'], sub: 'press-office' })}`,
      },
      body: JSON.stringify({ query: '{ honors(first: 10) { totalCount nodes { recipientName } } }' }),
    });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('ratelimit-limit'))).toBe(DEFAULT_DEMAND_CONTROL.pointsPerHour.AGENCY);
    expect(Number(response.headers.get('ratelimit-remaining'))).toBeLessThan(DEFAULT_DEMAND_CONTROL.pointsPerHour.AGENCY);
  });

  it('refuses an agency’s operation over a limit, before it runs, with the limit and the value found', async () => {
    graph.resetStatements();
    const aliases = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `h${i}: honors(first: 1) { totalCount }`).join(' ');
    const result = await agency.request(`{ ${aliases} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'MAX_ALIASES_EXCEEDED',
      limit: DEFAULT_LIMITS.maxAliases,
      actual: DEFAULT_LIMITS.maxAliases + 1,
    });
    expect(graph.statements().honors).toBe(0);
  });

  it('refuses an agency’s operation over its cost budget, before any SQL', async () => {
    graph.resetStatements();
    // A hundred honors, each with its award type, objections (ten assumed) and a hundred audit entries.
    const result = await agency.request(
      '{ honors(first: 100) { nodes { recipientName awardType { nameZh } objections { id } auditTrail(first: 100) { nodes { action } } } } }',
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_ESTIMATED_TOO_EXPENSIVE',
      estimated: 1 + 100 * (1 + 1 + 10 + (1 + 100)),
      maximum: DEFAULT_DEMAND_CONTROL.maxCost.AGENCY,
    });
    expect(graph.statements().honors).toBe(0);
  });

  it('does not limit the graph’s own callers again: a subgraph reading honors with its service token', async () => {
    honorsRequests = 0;
    const token = await graph.auth.internal.forService('expert-review', 'honors');
    const aliases = Array.from({ length: DEFAULT_LIMITS.maxAliases + 5 }, (_, i) => `h${i}: honors(first: 1) { totalCount }`).join(' ');
    const result = await graph
      .direct('honors')
      .with({ authorization: `Bearer ${token}` })
      .request(`{ ${aliases} }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('h0.totalCount', 0);
    expect(honorsRequests).toBe(1);
  });
});
