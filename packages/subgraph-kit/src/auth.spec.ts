import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { DEV_JWT_SECRET, authEnv, loadConfig } from '@meritgraph/config';
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS } from '@meritgraph/domain';
import { ClientTokens, InternalTokens, TokenRejected, serviceAuth, subgraphCaller } from './auth';

const env = loadConfig(authEnv, {});
const secret = new TextEncoder().encode(DEV_JWT_SECRET);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** A token as a client might send it; every claim can be overridden. */
function token(claims: Record<string, unknown> = {}, key: Uint8Array = secret, alg = 'HS256') {
  const { iss = env.JWT_ISSUER, aud = env.JWT_AUDIENCE, exp = now() + 600, ...rest } = claims;
  const jwt = new SignJWT({ roles: ['ADMIN'], ...rest }).setProtectedHeader({ alg }).setSubject('p-1');
  if (iss) jwt.setIssuer(iss as string);
  if (aud) jwt.setAudience(aud as string);
  if (exp) jwt.setExpirationTime(exp as number);
  return jwt.sign(key);
}

const rejection = async (tokens: ClientTokens, jwt: string) => {
  try {
    await tokens.verify(jwt);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenRejected);
    return (error as Error).message;
  }
  throw new Error('token was accepted');
};

describe(ClientTokens.name, () => {
  const tokens = new ClientTokens(env);

  it('accepts a valid development token and reads its claims', async () => {
    await expect(tokens.verify(await token({ roles: ['SUBMITTER'], org: 'org-9' }))).resolves.toEqual({
      roles: ['SUBMITTER'],
      sub: 'p-1',
      org: 'org-9',
    });
  });

  it('refuses a token signed with another secret', async () => {
    expect(await rejection(tokens, await token({}, new TextEncoder().encode('x'.repeat(40))))).toBe('token is not valid');
  });

  it('refuses an expired token', async () => {
    expect(await rejection(tokens, await token({ exp: now() - 60 }))).toBe('token has expired');
  });

  it('refuses a token that is not valid yet', async () => {
    const early = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setExpirationTime(now() + 600)
      .setNotBefore(now() + 300)
      .sign(secret);
    expect(await rejection(tokens, early)).toMatch(/nbf/);
  });

  it('refuses a token without an expiry', async () => {
    expect(await rejection(tokens, await token({ exp: 0 }))).toMatch(/exp/);
  });

  it('refuses the wrong audience and the wrong issuer', async () => {
    expect(await rejection(tokens, await token({ aud: 'someone-else' }))).toMatch(/aud/);
    expect(await rejection(tokens, await token({ iss: 'https://evil.example' }))).toMatch(/iss/);
  });

  it('refuses alg "none"', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ roles: ['ADMIN'], iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE, exp: now() + 600 })}.`;
    await rejection(tokens, unsigned);
  });

  it('refuses unknown roles rather than ignoring them', async () => {
    expect(await rejection(tokens, await token({ roles: ['ADMIN', 'ROOT'] }))).toMatch(/roles/);
    expect(await rejection(tokens, await token({ roles: [] }))).toMatch(/roles/);
  });
});

describe(`${ClientTokens.name} with a JWKS (RS256)`, () => {
  let server: Server;
  let tokens: ClientTokens;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let publicPem: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    publicPem = await exportSPKI(pair.publicKey);
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), alg: 'RS256', use: 'sig', kid: 'k1' }] });
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    tokens = new ClientTokens({ ...env, JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const rs256 = () =>
    new SignJWT({ roles: ['AGENCY'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setExpirationTime(now() + 600)
      .sign(privateKey);

  it('accepts a token signed by a key of the set', async () => {
    await expect(tokens.verify(await rs256())).resolves.toEqual({ roles: ['AGENCY'] });
  });

  it('refuses algorithm confusion: an HS256 token keyed with the public key', async () => {
    const confused = await token({}, new TextEncoder().encode(publicPem));
    expect(await rejection(tokens, confused)).toBe('token algorithm is not accepted');
  });

  it('refuses HS256 tokens signed with the development secret once a JWKS is configured', async () => {
    expect(await rejection(tokens, await token())).toBe('token algorithm is not accepted');
  });
});

describe(InternalTokens.name, () => {
  const internal = new InternalTokens(env.INTERNAL_TOKEN_SECRET, 60);

  it('carries the identity to the one subgraph it is addressed to', async () => {
    const jwt = await internal.forCaller({ roles: ['EXPERT'], expert: 'e-1', sub: 'p-2' }, 'expert-review');
    await expect(internal.verify(jwt, 'expert-review')).resolves.toEqual({ roles: ['EXPERT'], expert: 'e-1', sub: 'p-2' });
    await expect(internal.verify(jwt, 'honors')).rejects.toThrow(/aud/);
  });

  it('marks a service identity as a service, with no roles', async () => {
    await expect(internal.verify(await internal.forService('submissions', 'organizations'), 'organizations')).resolves.toEqual({
      roles: [],
      service: 'submissions',
    });
  });

  it('refuses a client token presented as an internal one', async () => {
    await expect(internal.verify(await token(), 'honors')).rejects.toBeInstanceOf(TokenRejected);
  });
});

describe('tokens seen again', () => {
  afterEach(() => jest.useRealTimers());

  it('a client token verified once is still refused once it has expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const tokens = new ClientTokens(env);
    const jwt = await token({ exp: now() + 30 });
    await expect(tokens.verify(jwt)).resolves.toMatchObject({ roles: ['ADMIN'] });
    await expect(tokens.verify(jwt)).resolves.toMatchObject({ roles: ['ADMIN'] });
    jest.setSystemTime(new Date('2026-01-01T00:00:31Z'));
    expect(await rejection(tokens, jwt)).toBe('token has expired');
  });

  it('a refused token is refused again, not remembered as good', async () => {
    const tokens = new ClientTokens(env);
    const forged = await token({}, new TextEncoder().encode('y'.repeat(40)));
    expect(await rejection(tokens, forged)).toBe('token is not valid');
    expect(await rejection(tokens, forged)).toBe('token is not valid');
  });

  it('an internal token verified for one subgraph stays worthless at another', async () => {
    const internal = new InternalTokens(env.INTERNAL_TOKEN_SECRET, 60);
    const jwt = await internal.forCaller({ roles: ['ADMIN'], sub: 'p-1' }, 'submissions');
    await expect(internal.verify(jwt, 'submissions')).resolves.toMatchObject({ roles: ['ADMIN'] });
    await expect(internal.verify(jwt, 'honors')).rejects.toBeInstanceOf(TokenRejected);
  });

  it('the gateway signs one token per caller and subgraph for half its lifetime, then a fresh one', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const internal = new InternalTokens(env.INTERNAL_TOKEN_SECRET, 60);
    const caller = { roles: ['EXPERT' as const], expert: 'e-1', sub: 'p-2' };
    const first = await internal.forCaller(caller, 'expert-review');
    expect(await internal.forCaller({ ...caller }, 'expert-review')).toBe(first);
    expect(await internal.forCaller(caller, 'honors')).not.toBe(first);
    expect(await internal.forCaller({ ...caller, expert: 'e-2' }, 'expert-review')).not.toBe(first);
    jest.setSystemTime(new Date('2026-01-01T00:00:31Z'));
    const renewed = await internal.forCaller(caller, 'expert-review');
    expect(renewed).not.toBe(first);
    await expect(internal.verify(renewed, 'expert-review')).resolves.toEqual({ roles: ['EXPERT'], expert: 'e-1', sub: 'p-2' });
  });
});

describe('who calls a subgraph', () => {
  const auth = serviceAuth(env);
  const honors = subgraphCaller('honors', auth, ['AGENCY']);
  const request = (authorization?: string) => ({ headers: authorization ? { authorization } : {} }) as IncomingMessage;
  const bearer = (jwt: string) => `Bearer ${jwt}`;

  it('knows the gateway by its token, for a signed-in caller and for an anonymous one', async () => {
    await expect(honors(request(bearer(await auth.internal.forCaller({ roles: ['ANALYST'], sub: 'p-3' }, 'honors'))))).resolves.toEqual({
      identity: { roles: ['ANALYST'], sub: 'p-3' },
      internal: true,
    });
    await expect(honors(request(bearer(await auth.internal.forCaller(ANONYMOUS, 'honors'))))).resolves.toEqual({
      identity: { roles: [] },
      internal: true,
    });
  });

  it('knows another subgraph by its service token', async () => {
    await expect(honors(request(bearer(await auth.internal.forService('expert-review', 'honors'))))).resolves.toEqual({
      identity: { roles: [], service: 'expert-review' },
      internal: true,
    });
  });

  it('serves a client calling directly as what it is, never as the graph', async () => {
    await expect(honors(request(bearer(await auth.client.signDev({ roles: ['AGENCY'], sub: 'agency-1' }))))).resolves.toEqual({
      identity: { roles: ['AGENCY'], sub: 'agency-1' },
      internal: false,
    });
    const outsider = { identity: ANONYMOUS, internal: false };
    await expect(honors(request(bearer(await auth.client.signDev({ roles: ['ADMIN'] }))))).resolves.toEqual(outsider);
    await expect(honors(request(bearer(await auth.internal.forCaller({ roles: ['ADMIN'] }, 'organizations'))))).resolves.toEqual(outsider);
    await expect(honors(request(bearer(await token({}, new TextEncoder().encode('y'.repeat(40))))))).resolves.toEqual(outsider);
    await expect(honors(request('Basic abc'))).resolves.toEqual(outsider);
    await expect(honors(request())).resolves.toEqual(outsider);
  });
});
