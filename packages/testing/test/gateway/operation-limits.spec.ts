import type { SubgraphName } from '@meritgraph/config';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { DEFAULT_LIMITS } from '@meritgraph/subgraph-kit';
import { Factories, type GraphClient, type TestGraph, startGraph } from '../../src';

/**
 * Operations over the limits are refused before anything runs: no subgraph is asked, no SQL
 * is sent, and the refusal names the limit and what the operation had.
 */
describe('operation limits at the gateway', () => {
  let graph: TestGraph;
  let contestId: string;
  let unitId: string;
  let submitter: GraphClient;
  const subgraphRequests: Record<SubgraphName, number> = { organizations: 0, submissions: 0, 'expert-review': 0, honors: 0, analytics: 0 };

  beforeAll(async () => {
    graph = await startGraph();
    const make = new Factories(graph.gateway);
    contestId = (await make.contest()).id;
    unitId = (await make.organization()).id;
    await make.submission({ contestId, organizationId: unitId });
    submitter = await graph.as('SUBMITTER', { org: unitId, sub: 'contact-person' });
    for (const name of SUBGRAPH_NAMES) graph.subgraphs[name].service.http.on('request', () => (subgraphRequests[name] += 1));
  });
  afterAll(() => graph?.stop());

  /** Posts a query as `client` and returns the HTTP status, the first error, and what reached the subgraphs meanwhile. */
  async function attempt(client: GraphClient, query: string, variables: Record<string, unknown> = {}) {
    for (const name of SUBGRAPH_NAMES) subgraphRequests[name] = 0;
    graph.resetStatements();
    const response = await client.request(query, variables);
    const reached = Object.values(subgraphRequests).reduce((a, b) => a + b, 0);
    const statements = Object.values(graph.statements()).reduce((a, b) => a + b, 0);
    return { status: response.status, error: response.errors?.[0], data: response.data, reached, statements };
  }

  it('refuses the 6.6 KB query of 30 aliased fan-outs (submissions → organization → ancestors → descendants → submissions)', async () => {
    const fanOut = (i: number) =>
      `a${i}: contest(id: $c) { submissions(first: 100) { nodes { organization { ancestors { descendants(first: 100) {
        nodes { submissions(first: 100) { nodes { title organization { name } } } } } } } } } }`;
    const query = `query($c: ID!) { ${Array.from({ length: 30 }, (_, i) => fanOut(i)).join('\n')} }`;
    expect(query.length).toBeGreaterThan(6000);
    const result = await attempt(graph.anonymous, query, { c: contestId });
    expect(result.status).toBe(400);
    // Eleven levels deep, it passes the depth limit before its 30 aliases are counted.
    expect(result.error?.extensions).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', limit: DEFAULT_LIMITS.maxDepth, actual: 11 });
    expect(result.data).toBeUndefined();
    expect(result).toMatchObject({ reached: 0, statements: 0 });
  });

  it('refuses a submitter nesting its own unit’s submissions twelve levels deep', async () => {
    let query = 'id';
    for (let i = 0; i < 12; i++) query = `organization { submissions(first: 100) { nodes { ${query} } } }`;
    const result = await attempt(submitter, `query($id: ID!) { submission(id: $id) { ${query} } }`, { id: 'any' });
    expect(result.status).toBe(400);
    expect(result.error?.extensions).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', limit: DEFAULT_LIMITS.maxDepth, actual: 38 });
    expect(result).toMatchObject({ reached: 0, statements: 0 });
  });

  it('refuses 23,000 copies of __typename (230 KB, anonymous) at the parser, without blocking the gateway', async () => {
    const query = `{ ${'__typename '.repeat(23000)}}`;
    const started = Date.now();
    const result = await attempt(graph.anonymous, query);
    const elapsed = Date.now() - started;
    expect(result.status).toBe(400);
    expect(result.error?.extensions).toMatchObject({ code: 'MAX_TOKENS_EXCEEDED', limit: DEFAULT_LIMITS.maxTokens, actual: 23002 });
    expect(result.reached).toBe(0);
    // This document held the event loop for 15 s when validation saw it.
    expect(elapsed).toBeLessThan(2000);
  });

  it('refuses 1,000 copies of one field with conflicting arguments before validation compares them', async () => {
    const copies = Array.from({ length: 1000 }, (_, i) => `submissions(first: ${(i % 100) + 1}) { totalCount }`).join(' ');
    const result = await attempt(graph.anonymous, `query($c: ID!) { contest(id: $c) { ${copies} } }`, { c: contestId });
    expect(result.status).toBe(400);
    expect(['MAX_TOKENS_EXCEEDED', 'MAX_FIELD_REPEATS_EXCEEDED']).toContain(result.error?.extensions?.code);
    expect(result.reached).toBe(0);
  });

  it('refuses 1,000 aliases of a contest’s submissions page', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `c${i}: contest(id: $c) { submissions(first: 100) { nodes { title } } }`);
    const result = await attempt(graph.anonymous, `query($c: ID!) { ${aliases.join(' ')} }`, { c: contestId });
    expect(result.status).toBe(400);
    expect(result.error?.extensions?.code).toMatch(/^MAX_(TOKENS|ALIASES|ROOT_FIELDS)_EXCEEDED$/);
    expect(result).toMatchObject({ reached: 0, statements: 0 });
  });

  it('refuses limits in a GET request as in a POST', async () => {
    let query = 'name';
    for (let i = 0; i < DEFAULT_LIMITS.maxDepth; i++) query = `parent { ${query} }`;
    const url = `${graph.gatewayUrl}?query=${encodeURIComponent(`{ organization(id: "x") { ${query} } }`)}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': '1' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; actual: number } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', actual: DEFAULT_LIMITS.maxDepth + 2 });
  });

  it('refuses a query sent again just as the first time, reaching no subgraph either time', async () => {
    let query = 'name';
    for (let i = 0; i < DEFAULT_LIMITS.maxDepth; i++) query = `parent { ${query} }`;
    const deep = `{ organization(id: "x") { ${query} } }`;
    const first = await attempt(graph.gateway, deep);
    const again = await attempt(graph.gateway, deep);
    for (const refused of [first, again]) {
      expect(refused.status).toBe(400);
      expect(refused.error?.extensions).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', limit: DEFAULT_LIMITS.maxDepth });
      expect(refused.reached).toBe(0);
      expect(refused.statements).toBe(0);
    }
  });

  it('lets an ordinary query through and answers it', async () => {
    const result = await attempt(
      graph.gateway,
      'query($c: ID!) { contest(id: $c) { submissions(first: 5) { nodes { title organization { name } } } } }',
      {
        c: contestId,
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.reached).toBeGreaterThan(0);
  });

  it('keeps every service answering /health quickly during a burst of the two queries that took it down', async () => {
    const fanOut = (i: number) =>
      `a${i}: contest(id: $c) { submissions(first: 100) { nodes { organization { ancestors { descendants(first: 100) {
        nodes { submissions(first: 100) { nodes { title organization { name } } } } } } } } } }`;
    const wide = `query($c: ID!) { ${Array.from({ length: 30 }, (_, i) => fanOut(i)).join('\n')} }`;
    let deep = 'id';
    for (let i = 0; i < 12; i++) deep = `organization { submissions(first: 100) { nodes { ${deep} } } }`;
    const burst = Array.from({ length: 200 }, (_, i) =>
      i % 2
        ? graph.anonymous.request(wide, { c: contestId })
        : submitter.request(`query($id: ID!) { submission(id: $id) { ${deep} } }`, { id: 'x' }),
    );
    const urls = [graph.gatewayUrl, ...SUBGRAPH_NAMES.map((n) => graph.subgraphs[n].url)].map((u) => u.replace(/\/graphql$/, '/health'));
    const timings: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const url of urls) {
        const started = Date.now();
        expect((await fetch(url)).status).toBe(200);
        timings.push(Date.now() - started);
      }
    }
    const answers = await Promise.all(burst);
    expect(answers.every((a) => a.status === 400 && a.errors?.[0]?.extensions?.code === 'MAX_DEPTH_EXCEEDED')).toBe(true);
    timings.sort((a, b) => a - b);
    expect(timings[Math.floor(timings.length / 2)]).toBeLessThan(100);
  });
});
