/**
 * The console's server: the built console's files with a deep link answered by the app, the
 * graph's paths passed to the gateway as they are (token, body, status, streamed answer), a
 * coded answer when the gateway is down, and sign-in settings that hand out development tokens
 * only outside production.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authEnv, loadConfig, webEnv } from '@meritgraph/config';
import { ClientTokens, type Service, closeServer, listen } from '@meritgraph/subgraph-kit';
import { createServer, signInFrom } from '../src';

const IDENTITIES = JSON.stringify([
  { role: 'ADMIN', label: '竞赛办公室', claims: { roles: ['ADMIN'], sub: 'office-admin' } },
  { role: 'EXPERT', label: '专家', claims: { roles: ['EXPERT'], expert: 'e-1', sub: 'p-1' } },
]);

describe('the console’s server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mg-console-'));
  let gateway: Server;
  let gatewayUrl: string;
  let web: Service;
  let url: string;
  const seen: { method?: string; url?: string; authorization?: string; body: string }[] = [];
  const env = loadConfig(webEnv, { DEV_IDENTITIES: IDENTITIES });

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log("app")');
    gateway = createHttpServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
        if (req.url?.startsWith('/export/')) {
          res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
          res.write('编号,reference\n');
          setTimeout(() => res.end('2019-AI-0001\n'), 20);
        } else {
          res.writeHead(req.headers.authorization === 'Bearer bad' ? 401 : 200, {
            'content-type': 'application/json',
            'x-request-id': 'r-1',
          });
          res.end(JSON.stringify({ data: { echo: body } }));
        }
      });
    });
    gatewayUrl = await listen(gateway, 0, '127.0.0.1');
    web = createServer({ gatewayUrl, consoleDir: dir, signIn: signInFrom(env) });
    url = await web.start(0);
  });
  afterAll(async () => {
    await web.stop();
    await closeServer(gateway);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console, and answers a deep link of any screen with the app itself', async () => {
    for (const path of ['/', '/unit/submissions/42', '/office']) {
      const response = await fetch(`${url}${path}`);
      expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: 'text/html; charset=utf-8',
      });
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('lets the page load nothing from another origin', async () => {
    const csp = (await fetch(url)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
  });

  it('serves hashed assets as immutable, and a missing one as 404 rather than the app', async () => {
    const asset = await fetch(`${url}/assets/app-1a2b.js`);
    expect([asset.status, asset.headers.get('content-type'), asset.headers.get('cache-control')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    const missing = await fetch(`${url}/assets/gone-9f8e.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
  });

  it('never serves a file outside the console, however the path is escaped', async () => {
    for (const path of ['/..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2F..%2Fpackage.json']) {
      const text = await (await fetch(`${url}${path}`)).text();
      expect({ path, leaked: text.includes('root:') || text.includes('"name"') }).toEqual({ path, leaked: false });
    }
    const malformed = await fetch(`${url}/%E0%A4%A`);
    expect(malformed.status).toBe(400);
    expect((await fetch(`${url}/health`)).status).toBe(200); // still up
  });

  it('passes /graphql to the gateway with the caller’s token and body, and its status and headers back', async () => {
    const body = JSON.stringify({ query: '{ contests { nodes { code } } }' });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t-1' },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(await response.json()).toEqual({ data: { echo: body } });
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/graphql', authorization: 'Bearer t-1', body });
    const refused = await fetch(`${url}/graphql`, { method: 'POST', headers: { authorization: 'Bearer bad' }, body });
    expect(refused.status).toBe(401);
  });

  it('streams an export from the gateway as it comes', async () => {
    const response = await fetch(`${url}/export/leaderboard.csv?round=r-1`, { headers: { authorization: 'Bearer t-2' } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await response.text()).toBe('编号,reference\n2019-AI-0001\n');
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/export/leaderboard.csv?round=r-1', authorization: 'Bearer t-2' });
  });

  it.each([
    ['an upload to a signed file URL', 'PUT', '/files/submissions/upload/t0k.en', '%PDF-1.7 bytes'],
    ['a download from a signed file URL', 'GET', '/files/submissions/download/t0k.en', ''],
    ['an import’s dry run', 'POST', '/imports/organizations?mode=dry-run', 'xlsx bytes'],
    ['an import template', 'GET', '/templates/people.xlsx', ''],
  ])('passes %s to the gateway as it is, body and token', async (_, method, path, body) => {
    const response = await fetch(`${url}${path}`, { method, headers: { authorization: 'Bearer t-3' }, ...(body ? { body } : {}) });
    expect(response.status).toBe(200);
    expect(seen.at(-1)).toEqual({ method, url: path, authorization: 'Bearer t-3', body });
  });

  it('answers a coded 502 when the gateway is down, and stays up', async () => {
    const down = createServer({ gatewayUrl: 'http://127.0.0.1:9', consoleDir: dir, signIn: {} });
    const downUrl = await down.start(0);
    try {
      const response = await fetch(`${downUrl}/graphql`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({
        errors: [{ message: 'The graph is unreachable', extensions: { code: 'GATEWAY_UNREACHABLE' } }],
      });
      expect((await fetch(downUrl)).status).toBe(200);
    } finally {
      await down.stop();
    }
  });

  it('offers the development identities with fresh tokens the graph accepts, bound to their records', async () => {
    const config = (await (await fetch(`${url}/console-config.json`)).json()) as {
      oidc: null;
      development: { role: string; label: string; token: string }[];
    };
    expect(config.oidc).toBeNull();
    expect(config.development.map((d) => [d.role, d.label])).toEqual([
      ['ADMIN', '竞赛办公室'],
      ['EXPERT', '专家'],
    ]);
    const tokens = new ClientTokens(loadConfig(authEnv, { JWT_SECRET: env.JWT_SECRET }));
    const expert = await tokens.verify(config.development[1]!.token);
    expect(expert).toMatchObject({ roles: ['EXPERT'], expert: 'e-1', sub: 'p-1' });
  });

  it('hands out no development token in production, and only OpenID Connect settings when a provider is set', () => {
    expect(signInFrom(loadConfig(webEnv, { NODE_ENV: 'production', DEV_IDENTITIES: IDENTITIES }))).toEqual({});
    expect(signInFrom(loadConfig(webEnv, { OIDC_ISSUER_URL: 'https://id.example.org/', DEV_IDENTITIES: IDENTITIES }))).toEqual({
      oidc: { issuer: 'https://id.example.org/', clientId: 'meritgraph-console', scope: 'openid profile' },
    });
  });

  it('refuses a development identity list with an unknown role at start', () => {
    const bad = JSON.stringify([{ role: 'ROOT', label: 'x', claims: { roles: ['ROOT'] } }]);
    expect(() => signInFrom(loadConfig(webEnv, { DEV_IDENTITIES: bad }))).toThrow('DEV_IDENTITIES[0]');
  });
});
