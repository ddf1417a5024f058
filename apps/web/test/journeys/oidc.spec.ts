import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import type { Page } from 'playwright-core';
import { type ConsoleRun, startConsole } from '../console';
import { OFFICE_ADMIN, type TestProvider, startProvider } from '../oidc/provider';

jest.setTimeout(300_000);

/** Only the office and analysts may list the expert pool: anyone else gets FORBIDDEN. */
const OFFICE_QUERY = '{ experts(first: 1) { totalCount } }';

interface GraphAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

/** A query through the console's own /graphql (its proxy to the gateway), with this bearer token or none. */
async function graphThroughConsole(url: string, token: string | null, query: string): Promise<GraphAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as GraphAnswer['body'] };
}

/** The one identity of the development picker here. */
const PICKED = { role: 'ADMIN', label: '竞赛办公室（开发身份）', claims: { roles: ['ADMIN' as const], sub: 'dev-office-admin' } };

const codes = (answer: GraphAnswer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);

/**
 * Production sign-in: the console sends the office's administrator to the organization's
 * OpenID provider, they log in and consent there, come back to /auth/callback, and the
 * console calls the graph with the provider's access token, which the gateway verifies
 * against the provider's JWKS. Tokens the provider did not issue for the graph are refused.
 */
describe('signing in through OpenID Connect', () => {
  let idp: TestProvider;
  let run: ConsoleRun;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    idp = await startProvider();
    run = await startConsole({
      replay: false,
      graph: { auth: { JWT_JWKS_URL: idp.jwksUrl, JWT_ISSUER: idp.issuer, JWT_AUDIENCE: idp.audience } },
      signIn: {
        oidc: { issuer: idp.issuer, clientId: idp.clientId, scope: 'openid profile' },
        // The development picker beside it, its token signed here by the provider's key so that this graph accepts it.
        development: {
          identities: [PICKED],
          sign: ({ sub, ...claims }) => idp.sign(claims, { sub }),
        },
      },
    });
    idp.allow(run.url);
  });
  afterAll(async () => {
    await run?.stop();
    await idp?.stop();
  });

  it('offers the provider on the sign-in screen, accessibly, beside the development picker', async () => {
    page = await run.open('/sign-in');
    await page.locator('[data-testid="oidc-sign-in"]').waitFor();
    expect(await page.locator('button[data-role]').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    await run.screenshot(page, 'oidc-sign-in');
    expect(await run.accessibility(page)).toEqual([]);
  });

  it('logs in at the provider, returns through /auth/callback and lands on the office signed in as the provider’s user', async () => {
    await page.locator('[data-testid="oidc-sign-in"]').click();
    await page.waitForURL((u) => u.origin === idp.issuer && u.pathname.startsWith('/interaction/'));
    // The provider checks the password: a wrong one is refused there, and nothing comes back to the console.
    await page.locator('#login').fill(OFFICE_ADMIN.login);
    await page.locator('#password').fill('not-the-password');
    await page.locator('[data-testid="provider-login"]').click();
    await page.locator('[data-testid="login-failed"]').waitFor();
    await page.locator('#login').fill(OFFICE_ADMIN.login);
    await page.locator('#password').fill(OFFICE_ADMIN.password);
    await page.locator('[data-testid="provider-login"]').click();
    await page.locator('[data-testid="provider-consent"]').waitFor();
    // The console's first graph request after the return carries the provider's token.
    const graphRequest = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST' && !!r.request().headers().authorization,
      { timeout: 60_000 },
    );
    const callback = page.waitForURL((u) => u.origin === run.url && u.pathname === '/auth/callback');
    await page.locator('[data-testid="provider-consent"]').click();
    await callback;
    await page.waitForURL((u) => u.origin === run.url && u.pathname === '/office');
    const signedIn = page.locator('[data-testid="signed-in-as"]');
    await signedIn.waitFor();
    expect(await signedIn.textContent()).toContain(OFFICE_ADMIN.name);

    const session = JSON.parse((await page.evaluate(() => sessionStorage.getItem('meritgraph.session'))) ?? 'null') as {
      token: string;
      via: string;
      roles: string[];
      sub: string;
    };
    expect(session).toMatchObject({ via: 'oidc', roles: ['ADMIN'], sub: OFFICE_ADMIN.sub });
    token = session.token;
    // The access token is the provider's RS256 JWT for the graph, with the account's roles.
    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    expect(decodeJwt(token)).toMatchObject({ iss: idp.issuer, aud: idp.audience, sub: OFFICE_ADMIN.sub, roles: ['ADMIN'] });

    // The office's own screen asked the graph with it, and the gateway accepted it.
    const response = await graphRequest;
    expect(response.request().headers().authorization).toBe(`Bearer ${token}`);
    expect(response.status()).toBe(200);
    expect(JSON.stringify(await response.json())).not.toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it('the provider’s token is the office’s at the graph: what only the office may read, it reads', async () => {
    // From the console's page, as the console calls the graph.
    const fromPage = await page.evaluate(
      async ({ query, bearer }) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
          body: JSON.stringify({ query }),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      { query: OFFICE_QUERY, bearer: token },
    );
    expect(fromPage).toEqual({ status: 200, body: { data: { experts: { totalCount: 0 } } } });
    // Without it the same question is refused.
    expect(codes(await graphThroughConsole(run.url, null, OFFICE_QUERY))).toEqual(['FORBIDDEN']);
  });

  it('refuses, as UNAUTHENTICATED, every token the provider did not issue for the graph', async () => {
    const claims = { roles: ['ADMIN'] };
    const { privateKey: otherKey } = await generateKeyPair('RS256');
    const forgedTokens: Record<string, string> = {
      // Another key, under the provider's name.
      'another key': await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(token).kid })
        .setIssuer(idp.issuer)
        .setAudience(idp.audience)
        .setSubject(OFFICE_ADMIN.sub)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(otherKey),
      // The provider's key, but not its issuer name, or not the graph's audience.
      'another issuer': await idp.sign(claims, { iss: 'https://idp.example.org' }),
      'another audience': await idp.sign(claims, { aud: 'another-api' }),
      // A development token: the graph trusting a provider takes no shared-secret tokens.
      'a shared secret': await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(idp.issuer)
        .setAudience(idp.audience)
        .setSubject(OFFICE_ADMIN.sub)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode('a-secret-of-at-least-thirty-two-characters')),
      // The real token, altered to say more.
      'an altered payload': [
        token.split('.')[0],
        Buffer.from(JSON.stringify({ ...decodeJwt(token), sub: 'someone-else' })).toString('base64url'),
        token.split('.')[2],
      ].join('.'),
      expired: await idp.sign(claims, { ttlSeconds: -60 }),
    };
    const refused: Record<string, unknown> = {};
    for (const [why, forged] of Object.entries(forgedTokens)) {
      const answer = await graphThroughConsole(run.url, forged, OFFICE_QUERY);
      refused[why] = { status: answer.status, codes: codes(answer), data: answer.body.data ?? null };
    }
    const expected = { status: 401, codes: ['UNAUTHENTICATED'], data: null };
    expect(refused).toEqual(Object.fromEntries(Object.keys(forgedTokens).map((why) => [why, expected])));
    // The provider's own token, signed alike, is still accepted: the refusals are the tokens', not the graph's.
    const genuine = await idp.sign(claims, {});
    expect(await graphThroughConsole(run.url, genuine, OFFICE_QUERY)).toEqual({
      status: 200,
      body: { data: { experts: { totalCount: 0 } } },
    });
  });

  it('still signs in through the development picker beside the provider, as before', async () => {
    const office = await run.open('/office', 'ADMIN');
    const signedIn = office.locator('[data-testid="signed-in-as"]');
    await signedIn.waitFor();
    expect(await signedIn.textContent()).toContain(PICKED.label);
    expect(new URL(office.url()).pathname).toBe('/office');
    const session = JSON.parse((await office.evaluate(() => sessionStorage.getItem('meritgraph.session'))) ?? 'null') as {
      via: string;
      sub: string;
    };
    expect(session).toMatchObject({ via: 'development', sub: PICKED.claims.sub });
  });

  it('a return to /auth/callback that no sign-in here started signs no one in, and says so', async () => {
    const stray = await run.open('/auth/callback?code=stolen-code&state=not-ours');
    await stray.locator('[data-testid="oidc-callback-failed"]').waitFor();
    expect(await stray.evaluate(() => sessionStorage.getItem('meritgraph.session'))).toBeNull();
    expect(await stray.locator('[data-testid="signed-in-as"]').count()).toBe(0);
    expect(await run.accessibility(stray)).toEqual([]);
  });
});
