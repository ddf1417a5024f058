import { SignJWT } from 'jose';
import { ANONYMOUS } from '@meritgraph/domain';
import { SUBGRAPH_MODULES, SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/supergraph';
import { Factories, GraphClient, type TestGraph, startGraph } from '../../src';

const OFFICE = 'https://office.example.org';

/** A field per subgraph that reads its database when `_entities` resolves it. */
const PROBES: Record<SubgraphName, (ids: { contestId: string; organizationId: string }) => string> = {
  organizations: ({ organizationId }) => `{ __typename: "Organization", id: "${organizationId}" }]) { ... on Organization { name } }`,
  submissions: ({ organizationId }) =>
    `{ __typename: "Organization", id: "${organizationId}" }]) { ... on Organization { submissions(first: 1) { totalCount } } }`,
  'expert-review': ({ contestId }) => `{ __typename: "Contest", id: "${contestId}" }]) { ... on Contest { reviewRounds { name } } }`,
  honors: ({ organizationId }) => `{ __typename: "Organization", id: "${organizationId}" }]) { ... on Organization { honors { status } } }`,
  // The read model extends no entity: a reference resolves to its key alone.
  analytics: ({ contestId }) => `{ __typename: "Contest", id: "${contestId}" }]) { ... on Contest { id } }`,
};

/**
 * In production a subgraph answers `_service` (its whole SDL) and `_entities` (any entity by
 * key) to the graph alone, shows no landing page, and every service sends security headers
 * and CORS headers for the configured origins only.
 */
describe('subgraphs in production', () => {
  let graph: TestGraph;
  let ids: { contestId: string; organizationId: string };
  const production = {} as Record<SubgraphName, { stop(): Promise<void>; client: GraphClient }>;

  beforeAll(async () => {
    graph = await startGraph();
    const make = new Factories(graph.gateway);
    ids = { contestId: (await make.contest()).id, organizationId: (await make.organization()).id };
    const peers = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, graph.subgraphs[name].url]));
    // The same databases as the graph's subgraphs, served as production serves them.
    for (const name of SUBGRAPH_NAMES) {
      // The read model reads the feeds only when asked, so no poll adds statements to the counts below.
      const deps = {
        db: graph.subgraphs[name].db,
        auth: graph.auth,
        peers,
        production: true,
        cors: { origins: [OFFICE] },
        analytics: { pollMs: null },
      };
      const service = await SUBGRAPH_MODULES[name].createServer(deps);
      production[name] = { stop: () => service.stop(), client: new GraphClient(`${await service.start(0)}/graphql`) };
    }
  });
  afterAll(async () => {
    for (const name of SUBGRAPH_NAMES) await production[name]?.stop();
    await graph?.stop();
  });

  const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });
  const entities = (name: SubgraphName) => `{ _entities(representations: [${PROBES[name](ids)} }`;

  /** Callers from outside the graph: none of them holds a token the graph signed for this subgraph. */
  async function outsiders(name: SubgraphName): Promise<[string, Record<string, string>][]> {
    const forged = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('meritgraph:gateway')
      .setAudience(`meritgraph:${name}`)
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode('a-secret-that-is-not-the-internal-one-000'));
    const elsewhere = SUBGRAPH_NAMES.find((other) => other !== name)!;
    return [
      ['no token', {}],
      ['a client ADMIN token', bearer(await graph.auth.client.signDev({ roles: ['ADMIN'] }))],
      ['a client AGENCY token', bearer(await graph.auth.client.signDev({ roles: ['AGENCY'], sub: 'agency-1' }))],
      ['a forged gateway token', bearer(forged)],
      [`the gateway's token for ${elsewhere}`, bearer(await graph.auth.internal.forCaller({ roles: ['ADMIN'] }, elsewhere))],
    ];
  }

  it('refuses _service to every caller from outside the graph, with FORBIDDEN and no SDL', async () => {
    for (const name of SUBGRAPH_NAMES) {
      for (const [who, headers] of await outsiders(name)) {
        const result = await production[name].client.with(headers).request('{ _service { sdl } }');
        expect([name, who, result.status, result.errors?.map((e) => e.extensions?.code)]).toEqual([name, who, 403, ['FORBIDDEN']]);
        expect(result.data).toBeUndefined();
        expect(JSON.stringify(result)).not.toMatch(/type Query|@key|extend schema/);
      }
    }
  });

  it('refuses _entities to every caller from outside the graph before any resolver runs: no entity, no SQL', async () => {
    for (const name of SUBGRAPH_NAMES) {
      for (const [who, headers] of await outsiders(name)) {
        graph.resetStatements();
        const result = await production[name].client.with(headers).request(entities(name));
        expect([name, who, result.errors?.map((e) => e.extensions?.code)]).toEqual([name, who, ['FORBIDDEN']]);
        expect(result.data).toBeUndefined();
        expect(graph.statements()[name]).toBe(0);
      }
    }
  });

  it('finds the gateway-only fields behind aliases and fragments too', async () => {
    const disguised = [
      '{ schema: _service { sdl } }',
      '{ ... on Query { _service { sdl } } }',
      'query { ...Sdl } fragment Sdl on Query { _service { sdl } }',
      `{ __typename e: _entities(representations: [{ __typename: "Organization", id: "${ids.organizationId}" }]) { __typename } }`,
    ];
    for (const query of disguised) {
      graph.resetStatements();
      const result = await production.organizations.client.request(query);
      expect([query, result.errors?.map((e) => e.extensions?.code), result.data]).toEqual([query, ['FORBIDDEN'], undefined]);
      expect(graph.statements().organizations).toBe(0);
    }
  });

  it('answers both to the gateway, whoever it forwards (anonymous callers too), and to another subgraph', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const peer = SUBGRAPH_NAMES.find((other) => other !== name)!;
      const callers = [
        await graph.auth.internal.forCaller({ roles: ['ADMIN'], sub: 'office-admin' }, name),
        await graph.auth.internal.forCaller(ANONYMOUS, name),
        await graph.auth.internal.forService(peer, name),
      ];
      for (const jwt of callers) {
        const client = production[name].client.with(bearer(jwt));
        const sdl = await client.data<{ _service: { sdl: string } }>('{ _service { sdl } }');
        expect(sdl._service.sdl).toMatch(/type Query/);
        const found = await client.request<{ _entities: unknown[] }>(entities(name));
        expect([name, found.data?._entities.length]).toEqual([name, 1]);
      }
      const admin = await production[name].client.with(bearer(callers[0]!)).data<{ _entities: object[] }>(entities(name));
      expect(Object.keys(admin._entities[0]!)).not.toHaveLength(0);
    }
  });

  it('still serves agencies their public honor records on the honors port', async () => {
    const agency = production.honors.client.with(bearer(await graph.auth.client.signDev({ roles: ['AGENCY'], sub: 'agency-1' })));
    const result = await agency.request<{ honors: { totalCount: number } }>('{ honors(year: 2019, first: 5) { totalCount } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.honors.totalCount).toEqual(expect.any(Number));
  });

  it('keeps both open in development, where tests and tools read them', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const sdl = await graph.direct(name).data<{ _service: { sdl: string } }>('{ _service { sdl } }');
      expect(sdl._service.sdl).toMatch(/type Query/);
    }
  });

  it('shows no landing page in production, where development shows one', async () => {
    const page = (url: string) => fetch(url, { headers: { accept: 'text/html' } });
    const developed = await page(graph.subgraphs.organizations.url);
    expect(developed.headers.get('content-type')).toMatch(/text\/html/);
    for (const name of SUBGRAPH_NAMES) {
      const response = await page(production[name].client.url);
      expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
      expect(await response.text()).not.toMatch(/<html|<script/i);
    }
  });
});

describe('every service’s responses', () => {
  let graph: TestGraph;
  beforeAll(async () => (graph = await startGraph()));
  afterAll(() => graph?.stop());

  const HEADERS = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': "frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
  };

  it('carry the security headers: answers, /health, /ready, unknown paths and refusals', async () => {
    const urls = [graph.gatewayUrl, ...SUBGRAPH_NAMES.map((name) => graph.subgraphs[name].url)];
    for (const url of urls) {
      const base = url.replace(/\/graphql$/, '');
      const post = (body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const responses = [
        await post(JSON.stringify({ query: '{ __typename }' })),
        await post(JSON.stringify({ query: '{ nothing }' })),
        await post('{"query": '),
        await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(2 * 1024 * 1024)}` })),
        await fetch(`${base}/health`),
        await fetch(`${base}/ready`),
        await fetch(`${base}/elsewhere`),
      ];
      expect([url, responses.map((r) => r.status)]).toEqual([url, [200, 400, 400, 413, 200, 200, 404]]);
      for (const response of responses) {
        const sent = Object.fromEntries(Object.keys(HEADERS).map((name) => [name, response.headers.get(name)]));
        expect([url, response.status, sent]).toEqual([url, response.status, HEADERS]);
      }
    }
  });

  it('name no origin when none is configured: no other site’s page may read them', async () => {
    for (const url of [graph.gatewayUrl, graph.subgraphs.honors.url]) {
      const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: OFFICE, 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const answer = await fetch(url, {
        method: 'POST',
        headers: { origin: OFFICE, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('CORS on a subgraph configured for one origin', () => {
  let graph: TestGraph;
  let url: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    graph = await startGraph();
    const service = await SUBGRAPH_MODULES.honors.createServer({
      db: graph.subgraphs.honors.db,
      auth: graph.auth,
      production: true,
      cors: { origins: [OFFICE] },
    });
    stop = () => service.stop();
    url = `${await service.start(0)}/graphql`;
  });
  afterAll(async () => {
    await stop?.();
    await graph?.stop();
  });

  const preflight = (origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });

  it('answers the preflight of the allowed origin with the methods and headers a GraphQL client sends', async () => {
    const response = await preflight(OFFICE);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(OFFICE);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-meritgraph-cost, x-request-id, traceparent',
    );
  });

  it('refuses the preflight of any other origin with FORBIDDEN and no Access-Control-Allow-Origin', async () => {
    const response = await preflight('https://elsewhere.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
  });

  it('names the allowed origin on its answers, and no other', async () => {
    const ask = (origin: string) =>
      fetch(url, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await ask(OFFICE)).headers.get('access-control-allow-origin')).toBe(OFFICE);
    expect((await ask('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
