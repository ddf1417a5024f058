import * as gateway from '@meritgraph/gateway';
import { SUBGRAPH_MODULES, SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/supergraph';
import type { Service } from '@meritgraph/subgraph-kit';
import { type TestGraph, startGraph } from '../../src';

/** What a browser gets at GET /graphql. */
const browse = async (url: string) => {
  const response = await fetch(url, { headers: { accept: 'text/html' } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
};

/** Every address the page would load or link to that is not on the page itself. */
const outsideReferences = (html: string) =>
  [...html.matchAll(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);

/**
 * In development GET /graphql in a browser answers the graph's own page, which needs nothing
 * from the network (Apollo's Sandbox loads from a CDN that the machines running the platform
 * often cannot reach): it names the endpoint, shows how to POST a query, where the web console
 * is and how to get a token. In production no service shows a landing page.
 */
describe('the landing page at GET /graphql', () => {
  let graph: TestGraph;
  const production: Service[] = [];
  const productionUrls = {} as Record<SubgraphName | 'gateway', string>;

  beforeAll(async () => {
    graph = await startGraph();
    const peers = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, graph.subgraphs[name].url]));
    for (const name of SUBGRAPH_NAMES) {
      // The read model reads the feeds only when asked.
      const deps = { db: graph.subgraphs[name].db, auth: graph.auth, peers, production: true, analytics: { pollMs: null } };
      const service = await SUBGRAPH_MODULES[name].createServer(deps);
      production.push(service);
      productionUrls[name] = `${await service.start(0)}/graphql`;
    }
    const service = await gateway.createServer({
      supergraphSdl: gateway.readSupergraph(),
      subgraphUrls: peers as Record<SubgraphName, string>,
      auth: graph.auth,
      production: true,
    });
    production.push(service);
    productionUrls.gateway = `${await service.start(0)}/graphql`;
  });
  afterAll(async () => {
    for (const service of production) await service.stop();
    await graph?.stop();
  });

  it('in development, the gateway answers a self-contained page: the endpoint, a curl line, the console and how to get a token', async () => {
    const page = await browse(graph.gatewayUrl);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain(`<code>${graph.gatewayUrl}</code>`);
    expect(page.body).toContain(`curl -s ${graph.gatewayUrl} -H &#39;content-type: application/json&#39;`);
    expect(page.body).toContain('http://127.0.0.1:3000');
    expect(page.body).toContain('npm run token -- --role ADMIN');
    // Nothing to fetch: no script at all, no stylesheet, font or image from anywhere, and no CDN named.
    expect(page.body).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(page.body).not.toMatch(/(?:src|href)\s*=\s*["']?https?:/i);
    expect(page.body).not.toMatch(/cdn|apollographql\.com|embeddable-sandbox|googleapis/i);
    expect(outsideReferences(page.body)).toEqual([]);
    // Its own policy lets nothing load or run; its one inline style is allowed by hash.
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page.body)?.[1];
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });

  it('in development, every subgraph answers the same kind of page, naming itself and pointing clients at the gateway', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const page = await browse(graph.subgraphs[name].url);
      expect(page.type).toMatch(/^text\/html/);
      expect(page.body).toContain(`MeritGraph ${name}: GraphQL endpoint`);
      expect(page.body).toContain(`<code>${graph.subgraphs[name].url}</code>`);
      expect(page.body).toContain('http://127.0.0.1:4000/graphql');
      expect(page.body).not.toMatch(/<script|<link|<img|cdn/i);
      expect(outsideReferences(page.body)).toEqual([]);
    }
  });

  it('a query still answers as before beside the page', async () => {
    expect(await graph.anonymous.data<{ __typename: string }>('{ __typename }')).toEqual({ __typename: 'Query' });
  });

  it('in production, neither the gateway nor any subgraph shows a landing page', async () => {
    for (const name of ['gateway', ...SUBGRAPH_NAMES] as const) {
      const page = await browse(productionUrls[name]);
      expect(page.type).not.toMatch(/text\/html/);
      expect(page.body).not.toMatch(/<html|<script|GraphQL endpoint/i);
    }
  });
});
