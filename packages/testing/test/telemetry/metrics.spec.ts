import { SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/config';
import { createServer, readSupergraph } from '@meritgraph/gateway';
import { type Service } from '@meritgraph/subgraph-kit';
import { GraphClient, type TestGraph, startGraph } from '../../src';
import { FIGURES, capturedLogs, figuresContest, scrape, sample } from './telemetry';

const FIGURES_OK = 'meritgraph_requests_total{operation="Figures",outcome="ok"}';

describe('/metrics', () => {
  let graph: TestGraph;
  let code: string;
  const extra: Service[] = [];

  beforeAll(async () => {
    graph = await startGraph();
    code = await figuresContest(graph);
  });
  afterAll(async () => {
    for (const service of extra) await service.stop();
    await graph?.stop();
  });

  it('counts and times the gateway’s requests by operation and outcome, its subgraph fetches, the estimated cost and the process', async () => {
    const before = await scrape(graph.gatewayUrl);
    expect((await graph.gateway.request(FIGURES, { code })).errors).toBeUndefined();
    const after = await scrape(graph.gatewayUrl);

    expect(sample(after, FIGURES_OK) - sample(before, FIGURES_OK)).toBe(1);
    const timed = 'meritgraph_request_duration_seconds_count{operation="Figures",outcome="ok"}';
    expect(sample(after, timed) - sample(before, timed)).toBe(1);
    expect(sample(after, 'meritgraph_request_duration_seconds_sum{operation="Figures",outcome="ok"}')).toBeGreaterThan(0);
    for (const subgraph of SUBGRAPH_NAMES) {
      const series = `meritgraph_subgraph_fetch_duration_seconds_count{subgraph="${subgraph}"}`;
      expect({ subgraph, fetched: sample(after, series) - sample(before, series) > 0 }).toEqual({ subgraph, fetched: true });
    }
    expect(sample(after, 'meritgraph_estimated_cost_count') - sample(before, 'meritgraph_estimated_cost_count')).toBe(1);
    expect(sample(after, 'meritgraph_estimated_cost_sum') - sample(before, 'meritgraph_estimated_cost_sum')).toBeGreaterThan(0);
    expect(sample(after, 'meritgraph_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(after.has('meritgraph_nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('shows each subgraph’s requests, SQL statement durations and database pool', async () => {
    await graph.gateway.request(FIGURES, { code });
    const name: SubgraphName = 'organizations';
    const samples = await scrape(graph.subgraphs[name].url);
    const served = [...samples].filter(([series]) =>
      /^meritgraph_requests_total\{operation="Figures__organizations__\d+",outcome="ok"\}$/.test(series),
    );
    expect(served.length).toBe(1);
    expect(served[0]![1]).toBeGreaterThanOrEqual(2);
    expect(sample(samples, 'meritgraph_db_query_duration_seconds_count{statement="select",outcome="ok"}')).toBeGreaterThan(0);
    expect(sample(samples, 'meritgraph_db_query_duration_seconds_count{statement="insert",outcome="ok"}')).toBeGreaterThan(0);
    const open = sample(samples, 'meritgraph_db_pool_connections{state="open"}');
    const max = sample(samples, 'meritgraph_db_pool_connections{state="max"}');
    if (graph.subgraphs[name].db.dataSource.options.type === 'better-sqlite3') {
      // Embedded SQLite: one connection, open.
      expect([open, max]).toEqual([1, 1]);
    } else {
      // MySQL: the pool of ten opens connections as they are needed; the figures query needed at least one.
      expect(max).toBe(10);
      expect(open).toBeGreaterThanOrEqual(1);
      expect(open).toBeLessThanOrEqual(max);
      expect(sample(samples, 'meritgraph_db_pool_connections{state="idle"}')).toBeLessThanOrEqual(open);
    }
    expect(samples.has('meritgraph_process_resident_memory_bytes')).toBe(true);
  });

  it('counts an armor refusal by its reason, as a rejected request', async () => {
    const reason = 'meritgraph_armor_rejections_total{reason="MAX_DEPTH_EXCEEDED"}';
    const rejected = 'meritgraph_requests_total{operation="(anonymous)",outcome="rejected"}';
    const before = await scrape(graph.gatewayUrl);
    const deep = `{ ${'organizations(first: 1) { nodes { children(first: 1) { nodes { '.repeat(3)}name${' } } } }'.repeat(3)} }`;
    const result = await graph.gateway.request(deep);
    expect(result.errors?.[0]?.extensions?.code).toBe('MAX_DEPTH_EXCEEDED');
    const after = await scrape(graph.gatewayUrl);
    expect(sample(after, reason) - sample(before, reason)).toBe(1);
    expect(sample(after, rejected) - sample(before, rejected)).toBe(1);

    const expensive = '{ organizations(first: 100) { nodes { name children(first: 100) { nodes { name } } } } }';
    expect((await graph.anonymous.request(expensive)).errors?.[0]?.extensions?.code).toBe('COST_ESTIMATED_TOO_EXPENSIVE');
    const cost = await scrape(graph.gatewayUrl);
    expect(sample(cost, 'meritgraph_armor_rejections_total{reason="COST_ESTIMATED_TOO_EXPENSIVE"}')).toBe(1);
  });

  it('keeps the operation label set bounded: past the first hundred names, operations count as (other)', async () => {
    const client = graph.anonymous;
    for (let i = 0; i < 130; i++) await client.request(`query Random${i}x${Math.random().toString(36).slice(2)} { __typename }`);
    const samples = await scrape(graph.gatewayUrl);
    const operations = new Set(
      [...samples.keys()].filter((s) => s.startsWith('meritgraph_requests_total{')).map((s) => /operation="([^"]*)"/.exec(s)?.[1]),
    );
    expect(operations.size).toBeLessThanOrEqual(100 + 2);
    expect(sample(samples, 'meritgraph_requests_total{operation="(other)",outcome="ok"}')).toBeGreaterThanOrEqual(30);
  });

  it('times and counts a subgraph fetch that fails by subgraph and code, and names the subgraph in the access line', async () => {
    const { logger, lines } = capturedLogs();
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, graph.subgraphs[n].url])) as Record<SubgraphName, string>;
    const service = await createServer({
      supergraphSdl: readSupergraph(),
      auth: graph.auth,
      // Nothing listens on port 9 (discard) of this host.
      subgraphUrls: { ...urls, honors: 'http://127.0.0.1:9/graphql' },
      logger,
    });
    extra.push(service);
    const url = `${await service.start(0)}/graphql`;
    const token = await graph.auth.client.signDev({ roles: ['ADMIN'], sub: 'office-admin' });
    const result = await new GraphClient(url, { authorization: `Bearer ${token}`, 'x-request-id': 'honors-down' }).request(FIGURES, {
      code,
    });
    expect(result.errors?.map((e) => e.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');

    const samples = await scrape(url);
    expect(sample(samples, 'meritgraph_subgraph_fetch_errors_total{subgraph="honors",code="SUBGRAPH_UNAVAILABLE"}')).toBe(1);
    expect(sample(samples, 'meritgraph_subgraph_fetch_errors_total{subgraph="organizations",code="SUBGRAPH_UNAVAILABLE"}')).toBe(0);
    expect(sample(samples, 'meritgraph_subgraph_fetch_duration_seconds_count{subgraph="honors"}')).toBe(1);
    expect(sample(samples, 'meritgraph_requests_total{operation="Figures",outcome="partial"}')).toBe(1);
    expect(lines.find((l) => l.msg === 'request' && l.requestId === 'honors-down')).toMatchObject({
      failedSubgraphs: ['honors'],
      outcome: 'partial',
      errorCodes: ['SUBGRAPH_UNAVAILABLE'],
    });
    expect(lines.find((l) => l.msg === 'subgraph fetch failed: honors')).toMatchObject({
      level: 'warn',
      subgraph: 'honors',
      requestId: 'honors-down',
    });
  });
});
