import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { SUBGRAPHS, authEnv, loadConfig, randomSecret } from '@meritgraph/config';
import { ClientTokens, InternalTokens } from '@meritgraph/subgraph-kit';

/**
 * The configuration `npx hive-gateway supergraph` loads: it reads the gateway's environment
 * (secrets, subgraph URLs, timeout), so Hive Gateway verifies the tokens the platform issues
 * and each subgraph receives the platform's internal token, addressed to it.
 */
describe('gateway.config.ts, as the Hive Gateway CLI loads it', () => {
  const secrets = { JWT_SECRET: randomSecret(), INTERNAL_TOKEN_SECRET: randomSecret() };
  const received: IncomingHttpHeaders[] = [];
  let honors: Server;
  let gateway: ReturnType<typeof createGatewayRuntime>;
  const saved = { ...process.env };

  beforeAll(async () => {
    // A stand-in honors subgraph that records what reaches it and answers the one field asked.
    honors = createServer((req, res) => {
      received.push(req.headers);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { awardTypes: [{ code: 'MAY_DAY_MEDAL' }] } }));
    });
    await new Promise<void>((resolve) => honors.listen(0, '127.0.0.1', resolve));
    const { port } = honors.address() as AddressInfo;
    Object.assign(process.env, secrets, {
      [SUBGRAPHS.honors.urlVariable]: `http://127.0.0.1:${port}/graphql`,
      SUBGRAPH_TIMEOUT_MS: '4000',
    });
    // Read at import, as the CLI imports it: after the environment is set.
    const { gatewayConfig, gatewayOptions } = jest.requireActual<typeof import('../gateway.config')>('../gateway.config');
    expect(gatewayConfig).toMatchObject({ ...gatewayOptions, port: expect.any(Number), host: expect.any(String) });
    gateway = createGatewayRuntime({ ...gatewayOptions, logging: 'error' });
  });
  afterAll(async () => {
    process.env = saved;
    await gateway?.dispose();
    await new Promise((resolve) => honors?.close(resolve));
  });

  const ask = (authorization?: string) =>
    gateway.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: '{ awardTypes { code } }' }),
    });

  it('forwards a caller verified with JWT_SECRET to the subgraph at its URL, as an internal token for that subgraph alone', async () => {
    const env = loadConfig(authEnv, secrets);
    const token = await new ClientTokens(env).signDev({ roles: ['ANALYST'], sub: 'analyst-1' });
    const response = await ask(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { awardTypes: [{ code: 'MAY_DAY_MEDAL' }] } });
    const headers = received.at(-1)!;
    // The client's own token never passes through.
    expect(headers.authorization).not.toContain(token);
    const internal = new InternalTokens(secrets.INTERNAL_TOKEN_SECRET);
    expect(await internal.verify(headers.authorization!.replace(/^Bearer /, ''), 'honors')).toEqual({
      roles: ['ANALYST'],
      sub: 'analyst-1',
    });
    await expect(internal.verify(headers.authorization!.replace(/^Bearer /, ''), 'organizations')).rejects.toThrow(/aud/);
    // The subgraph stops working when the router stops waiting: SUBGRAPH_TIMEOUT_MS from now.
    expect(Number(headers['x-meritgraph-deadline'])).toBeGreaterThan(Date.now() + 2000);
    expect(Number(headers['x-meritgraph-deadline'])).toBeLessThanOrEqual(Date.now() + 4000);
  });

  it('forwards an anonymous caller as anonymous, with the router token still on it', async () => {
    expect((await ask()).status).toBe(200);
    const token = received.at(-1)!.authorization!.replace(/^Bearer /, '');
    expect(await new InternalTokens(secrets.INTERNAL_TOKEN_SECRET).verify(token, 'honors')).toEqual({ roles: [] });
  });

  it('refuses a token signed with another secret with 401 UNAUTHENTICATED, and asks no subgraph', async () => {
    const before = received.length;
    const forged = await new ClientTokens(loadConfig(authEnv, { JWT_SECRET: randomSecret() })).signDev({ roles: ['ADMIN'] });
    const response = await ask(`Bearer ${forged}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Unauthenticated: token is not valid', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(received.length).toBe(before);
  });
});
