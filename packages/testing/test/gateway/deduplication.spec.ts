import { type Server, createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/config';
import { createServer, readSupergraph } from '@meritgraph/gateway';
import type { Service } from '@meritgraph/subgraph-kit';
import { Factories, GraphClient, type TestGraph, startGraph } from '../../src';

/**
 * In-flight deduplication: identical subgraph queries of one identity that are in flight at
 * the same moment share one fetch. A holding proxy in front of the honors subgraph keeps each
 * fetch open for a while and counts the fetches that reach it.
 */
const HOLD_MS = 400;
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'expect']);

interface HoldingProxy {
  url: string;
  fetches: number;
  close(): Promise<void>;
}

/** Forwards to `target` after holding each request for HOLD_MS, counting them. */
async function holdingProxy(target: string): Promise<HoldingProxy> {
  const proxy: HoldingProxy = { url: '', fetches: 0, close: async () => undefined };
  const server: Server = createHttpServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    proxy.fetches += 1;
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && !HOP_BY_HOP.has(e[0])),
    );
    const answer = await fetch(target, { method: req.method, headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  proxy.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return proxy;
}

describe('in-flight deduplication of subgraph fetches', () => {
  let graph: TestGraph;
  let proxy: HoldingProxy;
  const services: Service[] = [];
  const HONORS = 'query Honors($c: ID!) { honors(contestId: $c, first: 5) { totalCount nodes { awardTypeCode } } }';
  let contestId: string;

  beforeAll(async () => {
    graph = await startGraph();
    contestId = (await new Factories(graph.gateway).contest()).id;
    proxy = await holdingProxy(graph.subgraphs.honors.url);
  });
  afterAll(async () => {
    for (const service of services) await service.stop();
    await proxy?.close();
    await graph?.stop();
  });

  async function gateway(deduplicate: boolean): Promise<GraphClient> {
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, graph.subgraphs[n].url])) as Record<SubgraphName, string>;
    const service = await createServer({
      supergraphSdl: readSupergraph(),
      auth: graph.auth,
      subgraphUrls: { ...urls, honors: proxy.url },
      deduplicate,
    });
    services.push(service);
    return new GraphClient(`${await service.start(0)}/graphql`);
  }

  const as = async (client: GraphClient, role: 'ADMIN' | 'ANALYST', sub: string) =>
    client.with({ authorization: `Bearer ${await graph.auth.client.signDev({ roles: [role], sub })}` });

  it('sends five identical concurrent queries of one caller to the subgraph once, and answers each in full', async () => {
    const office = await as(await gateway(true), 'ADMIN', 'office-dedup');
    proxy.fetches = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => office.request(HONORS, { c: contestId })));
    expect(proxy.fetches).toBe(1);
    for (const answer of answers) expect(answer).toEqual({ status: 200, data: { honors: { totalCount: 0, nodes: [] } } });
  });

  it('never shares a fetch between two identities: each caller’s query reaches the subgraph with its own token', async () => {
    const client = await gateway(true);
    const [office, analyst] = [await as(client, 'ADMIN', 'office-a'), await as(client, 'ANALYST', 'analyst-b')];
    proxy.fetches = 0;
    await Promise.all([office, analyst, office, analyst].map((c) => c.request(HONORS, { c: contestId })));
    expect(proxy.fetches).toBe(2);
  });

  it('never shares a mutation: two identical concurrent mutations are two fetches', async () => {
    const office = await as(await gateway(true), 'ADMIN', 'office-mutations');
    // Refused by the honors subgraph (a year out of range), so it writes nothing, but it is sent there each time.
    const mutation = 'mutation { confirmCalendarYear(year: 1800, reason: "twice at once") { year } }';
    proxy.fetches = 0;
    const answers = await Promise.all([office.request(mutation), office.request(mutation)]);
    expect(proxy.fetches).toBe(2);
    for (const answer of answers) expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('can be turned off: then every request is its own fetch', async () => {
    const office = await as(await gateway(false), 'ADMIN', 'office-no-dedup');
    proxy.fetches = 0;
    await Promise.all(Array.from({ length: 3 }, () => office.request(HONORS, { c: contestId })));
    expect(proxy.fetches).toBe(3);
  });
});
