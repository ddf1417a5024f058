/**
 * A real OpenID Connect provider (node-oidc-provider) in the test process, on loopback, as an
 * organization's identity provider would be: one public client, the console (authorization
 * code with PKCE, no secret), access tokens as RS256 JWTs for the graph's audience carrying the
 * account's roles and bindings, a JWKS the gateway fetches, and a login and consent of its own.
 */
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { Role } from '@meritgraph/domain';
import { consentPage, loginPage, readForm, sendPage } from './pages';

/** Someone who may sign in at the provider, and what their access token says to the graph. */
export interface OidcAccount {
  sub: string;
  login: string;
  password: string;
  /** The name the provider gives the console (the id token's `name`). */
  name: string;
  roles: Role[];
  org?: string;
  expert?: string;
}

/** The office's administrator, as the organization's provider knows them. */
export const OFFICE_ADMIN: OidcAccount = {
  sub: 'oidc-office-admin',
  login: 'office.admin',
  password: randomBytes(9).toString('base64url'),
  name: '王主任（竞赛办公室）',
  roles: ['ADMIN'],
};

export const CONSOLE_CLIENT_ID = 'meritgraph-console';
/** The graph as a resource server: every access token the console gets is for it. */
export const GRAPH_RESOURCE = 'urn:meritgraph:graph';

export interface TestProvider {
  /** The issuer (http://127.0.0.1:port), the `iss` of its tokens. */
  issuer: string;
  jwksUrl: string;
  clientId: string;
  /** The `aud` of its access tokens. */
  audience: string;
  accounts: OidcAccount[];
  /** A JWT signed with the provider's own key, saying what the caller gives (to show what the graph checks besides the signature). */
  sign(payload: Record<string, unknown>, claims: { iss?: string; aud?: string; sub?: string; ttlSeconds?: number }): Promise<string>;
  /** The console whose redirect URI (<url>/auth/callback) the client has; the provider answers once it knows it. */
  allow(consoleUrl: string): void;
  stop(): Promise<void>;
}

// The provider is an ES module: Node's own require (which loads ES modules) brings it in, past
// jest's module registry (which runs CommonJS only).
interface ProviderModule {
  Provider: new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;
  errors: { InvalidTarget: new (description?: string) => Error };
}
interface InteractionDetails {
  uid: string;
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}
interface OidcProvider {
  proxy: boolean;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: Record<string, unknown>,
  ): Promise<void>;
  Grant: { new (init: { accountId?: string; clientId: unknown }): Grant; find(id: string): Promise<Grant | undefined> };
  on(event: string, listener: (...args: unknown[]) => void): void;
}

/**
 * The provider checks its settings are plain objects of its own realm, which jest's sandboxed
 * objects are not: the settings, and what their functions answer, are copied into Node's main
 * realm.
 */
const mainRealm = (process.getBuiltinModule('node:vm') as typeof import('node:vm')).runInThisContext('globalThis') as typeof globalThis;

function inMainRealm<T>(value: T): T {
  if (Array.isArray(value)) return mainRealm.Array.from(value as unknown[], (item) => inMainRealm(item)) as T;
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => {
      const answer = fn(...args);
      return answer instanceof Promise ? answer.then((resolved) => inMainRealm(resolved)) : inMainRealm(answer);
    }) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy = new mainRealm.Object() as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) copy[key] = inMainRealm(item);
  return copy as T;
}

const loadProvider = (): ProviderModule => {
  const { createRequire } = process.getBuiltinModule('node:module') as typeof import('node:module');
  return createRequire(__filename)('oidc-provider') as ProviderModule;
};

function configuration(
  consoleUrl: string,
  accounts: Map<string, OidcAccount>,
  audience: string,
  jwk: Record<string, unknown>,
  errors: ProviderModule['errors'],
) {
  const consoleOrigin = new URL(consoleUrl).origin;
  return {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${consoleUrl}/auth/callback`],
        post_logout_redirect_uris: [`${consoleUrl}/`],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 900, IdToken: 900 },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      return account && { accountId: account.sub, claims: async () => ({ sub: account.sub, name: account.name }) };
    },
    claims: { openid: ['sub'], profile: ['name'] },
    // The id token carries the name itself: the console reads no userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // The console's origin alone may call the token endpoint and discovery from the browser.
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === consoleOrigin,
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => GRAPH_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
          if (indicator !== GRAPH_RESOURCE) throw new errors.InvalidTarget();
          return { scope: 'graph', audience, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // What the graph reads from an access token: the roles and the records they are bound to.
    async extraTokenClaims(_ctx: unknown, token: { kind: string; accountId?: string }) {
      const account = token.kind === 'AccessToken' && token.accountId ? accounts.get(token.accountId) : undefined;
      if (!account) return undefined;
      return { roles: account.roles, ...(account.org ? { org: account.org } : {}), ...(account.expert ? { expert: account.expert } : {}) };
    },
  };
}

/** Login, then consent: the provider's own pages, as an organization's would ask. */
async function interaction(provider: OidcProvider, accounts: OidcAccount[], req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  const action = new URL(req.url ?? '/', 'http://provider').pathname.split('/')[3];
  if (req.method === 'GET') {
    return sendPage(
      res,
      details.prompt.name === 'login' ? loginPage(details.uid) : consentPage(details.uid, String(details.params.client_id)),
    );
  }
  const form = await readForm(req);
  if (action === 'login' && details.prompt.name === 'login') {
    const account = accounts.find((a) => a.login === form.get('login') && a.password === form.get('password'));
    if (!account) return sendPage(res, loginPage(details.uid, true), 401);
    return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
  }
  if (action === 'confirm' && details.prompt.name === 'consent') {
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) as Grant)
      : new provider.Grant({ accountId: details.session?.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  res.writeHead(400, { 'content-type': 'text/plain' });
  res.end('Unexpected step');
}

/** Starts the provider on a free loopback port; it answers once `allow(consoleUrl)` names the console. */
export async function startProvider(options: { accounts?: OidcAccount[]; audience?: string } = {}): Promise<TestProvider> {
  const accounts = options.accounts ?? [OFFICE_ADMIN];
  const bySub = new Map(accounts.map((a) => [a.sub, a]));
  const audience = options.audience ?? 'meritgraph';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: `test-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };
  const module = loadProvider();
  let provider: OidcProvider | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (!provider || !handle) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      return void res.end('The provider knows no console yet');
    }
    if (req.url?.startsWith('/interaction/')) {
      interaction(provider, accounts, req, res).catch((error: Error) => {
        if (res.headersSent) return void res.destroy();
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Sign-in failed: ${error.message}`);
      });
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId: CONSOLE_CLIENT_ID,
    audience,
    accounts,
    sign: (payload, claims) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.kid })
        .setIssuer(claims.iss ?? issuer)
        .setAudience(claims.aud ?? audience)
        .setSubject(claims.sub ?? OFFICE_ADMIN.sub)
        .setIssuedAt()
        .setExpirationTime(`${claims.ttlSeconds ?? 600}s`)
        .sign(privateKey),
    allow(consoleUrl) {
      provider = new module.Provider(issuer, inMainRealm(configuration(consoleUrl, bySub, audience, jwk, module.errors)));
      handle = provider.callback();
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
