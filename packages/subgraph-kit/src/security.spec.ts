import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { ConfigError, corsEnv, loadConfig } from '@meritgraph/config';
import { closeServer, createHttpServer, listen } from './http';
import { corsFrom } from './security';

const OFFICE = 'https://office.example.org';
// No sniffing a JSON answer into a page, no framing, no referrer carrying a query string away.
const EXPECTED_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

describe('every response of a service', () => {
  let server: Server;
  let apollo: ApolloServer;
  let base: string;
  let ready = true;

  beforeAll(async () => {
    apollo = new ApolloServer({ schema: buildSchema('type Query { hello: String }'), rootValue: { hello: 'world' } });
    await apollo.start();
    server = createHttpServer({
      apollo,
      context: async () => ({}),
      ready: async () => ready,
      maxBodyBytes: 1024,
      cors: { origins: [OFFICE] },
    });
    base = await listen(server, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await closeServer(server);
    await apollo.stop();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('carries the security headers: answers, /health, /ready, unknown paths and refusals alike', async () => {
    const responses = [
      await post(JSON.stringify({ query: '{ hello }' })),
      await fetch(`${base}/health`),
      await fetch(`${base}/ready`),
      await fetch(`${base}/nowhere`),
      await post('{"query": '),
      await post(JSON.stringify({ query: `{ hello } # ${'x'.repeat(2000)}` })),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 404, 400, 413]);
    for (const response of responses) {
      for (const [name, value] of Object.entries(EXPECTED_HEADERS)) expect(response.headers.get(name)).toBe(value);
    }
    ready = false;
    const unready = await fetch(`${base}/ready`);
    ready = true;
    expect(unready.status).toBe(503);
    expect(unready.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a preflight from an allowed origin with what a GraphQL client sends', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: OFFICE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(OFFICE);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual([
      'content-type',
      'authorization',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-meritgraph-cost',
      'x-request-id',
      'traceparent',
    ]);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('refuses a preflight from any other origin, with no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example', 'null', `${OFFICE}.evil.example`, 'http://office.example.org']) {
      const response = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
    }
  });

  it('names an allowed origin on its answers and no other', async () => {
    const allowed = await post(JSON.stringify({ query: '{ hello }' }), { origin: OFFICE });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(OFFICE);
    expect(allowed.headers.get('access-control-expose-headers')).toBe(
      'x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after',
    );
    const other = await post(JSON.stringify({ query: '{ hello }' }), { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(await other.json()).toEqual({ data: { hello: 'world' } });
  });
});

describe('CORS_ORIGINS', () => {
  it('allows no origin by default', () => {
    expect(corsFrom(loadConfig(corsEnv, {}))).toEqual({ origins: [] });
  });

  it('reads a comma-separated list of origins', () => {
    expect(corsFrom(loadConfig(corsEnv, { CORS_ORIGINS: `${OFFICE}, http://localhost:3000` }))).toEqual({
      origins: [OFFICE, 'http://localhost:3000'],
    });
  });

  it('refuses a wildcard, a path or anything that is not an origin', () => {
    for (const value of ['*', `${OFFICE}/`, `${OFFICE}/app`, 'office.example.org']) {
      expect(() => loadConfig(corsEnv, { CORS_ORIGINS: value })).toThrow(ConfigError);
    }
  });
});
