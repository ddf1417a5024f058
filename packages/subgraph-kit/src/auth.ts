import type { IncomingMessage } from 'node:http';
import { type JWTPayload, type JWTVerifyGetKey, SignJWT, createRemoteJWKSet, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthChecker } from 'type-graphql';
import type { AuthEnv } from '@meritgraph/config';
import { ANONYMOUS, type Identity, ROLES, type Role, forbidden, hasRole, isAuthenticated } from '@meritgraph/domain';
import type { RequestContext } from './context';

/** Why a token was refused; the message is safe to show. */
export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';
}

const GATEWAY_ISSUER = 'meritgraph:gateway';
const SERVICE_ISSUER = 'meritgraph:service';
const audienceOf = (subgraph: string) => `meritgraph:${subgraph}`;

/** The Authorization header's bearer token, or null when there is none. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new TokenRejected('Authorization must be "Bearer <token>"');
  return match[1]!;
}

/**
 * Reads the identity claims, refusing any that are malformed rather than guessing. Only the
 * gateway may forward a caller with no role (an anonymous one); a client token names its roles.
 */
function identityFrom(payload: JWTPayload, options: { anonymous?: boolean } = {}): Identity {
  const { sub, roles, org, expert } = payload as JWTPayload & Record<string, unknown>;
  const empty = Array.isArray(roles) && roles.length === 0;
  if (!Array.isArray(roles) || (empty && !options.anonymous) || !roles.every((r): r is Role => (ROLES as readonly unknown[]).includes(r))) {
    throw new TokenRejected(`roles must list one or more of ${ROLES.join(', ')}`);
  }
  for (const [name, value] of Object.entries({ sub, org, expert })) {
    if (value !== undefined && (typeof value !== 'string' || value.length === 0 || value.length > 64)) {
      throw new TokenRejected(`${name} must be an id`);
    }
  }
  return {
    roles: [...new Set(roles)],
    ...(sub ? { sub } : {}),
    ...(org ? { org: org as string } : {}),
    ...(expert ? { expert: expert as string } : {}),
  };
}

const describe = (error: unknown): string => {
  if (error instanceof TokenRejected) return error.message;
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `token claim "${(error as { claim?: string }).claim}" is not valid here`;
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'token algorithm is not accepted';
    default:
      return 'token is not valid';
  }
};

/**
 * Tokens already verified, with what they said and when they stop being valid: a token
 * presented again (a client's on each request, the gateway's on each fetch) is not verified
 * again until it expires. Refused tokens are not kept. Bounded by count.
 */
class VerifiedTokens {
  private readonly known = new LRUCache<string, { identity: Identity; exp: number }>({ max: 10_000 });

  async get(key: string, verify: () => Promise<{ identity: Identity; exp: number }>): Promise<Identity> {
    const hit = this.known.get(key);
    if (hit && Math.floor(Date.now() / 1000) < hit.exp) return hit.identity;
    const fresh = await verify();
    this.known.set(key, fresh);
    return fresh.identity;
  }
}

/**
 * Verifies client tokens: signature, exp (required), nbf, iss and aud. Only one algorithm is
 * accepted — HS256 with the shared secret in development, RS256 from the JWKS in production —
 * so `alg: none` and algorithm confusion (an HS256 token "signed" with the public key) fail.
 */
export class ClientTokens {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly config: Pick<AuthEnv, 'JWT_SECRET' | 'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>) {
    if (config.JWT_JWKS_URL) {
      this.key = createRemoteJWKSet(new URL(config.JWT_JWKS_URL), { timeoutDuration: 5000, cooldownDuration: 30000 });
      this.algorithms = ['RS256'];
    } else {
      this.key = new TextEncoder().encode(config.JWT_SECRET);
      this.algorithms = ['HS256'];
    }
  }

  private readonly verified = new VerifiedTokens();

  verify(token: string): Promise<Identity> {
    return this.verified.get(token, async () => {
      try {
        const { payload } = await jwtVerify(token, this.key as Uint8Array, {
          algorithms: this.algorithms,
          issuer: this.config.JWT_ISSUER,
          audience: this.config.JWT_AUDIENCE,
          requiredClaims: ['exp'],
        });
        return { identity: identityFrom(payload), exp: payload.exp! };
      } catch (error) {
        throw new TokenRejected(describe(error));
      }
    });
  }

  /** A development token (HS256 with JWT_SECRET), as `npm run token` prints. */
  async signDev(identity: Omit<Identity, 'service'>, ttlSeconds = 12 * 3600): Promise<string> {
    if (this.config.JWT_JWKS_URL) throw new Error('Development tokens need JWT_SECRET mode; this deployment verifies tokens from a JWKS');
    return new SignJWT({
      roles: [...identity.roles],
      ...(identity.org ? { org: identity.org } : {}),
      ...(identity.expert ? { expert: identity.expert } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(identity.sub ?? `dev-${identity.roles.join('-').toLowerCase()}`)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key as Uint8Array);
  }
}

/**
 * The short-lived tokens inside the graph: the gateway signs the caller's verified identity
 * for one subgraph (the audience), and a subgraph signs its own service identity when it
 * reads facts from another. Raw client headers never travel past the gateway.
 */
export class InternalTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds = 60,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  private readonly verified = new VerifiedTokens();
  /** Tokens signed, by what they say: one is used again while more than half its lifetime is left. */
  private readonly signed = new LRUCache<string, { token: Promise<string>; renewAt: number }>({ max: 10_000 });

  private sign(claims: Record<string, unknown>, subject: string | undefined, issuer: string, subgraph: string): Promise<string> {
    const key = JSON.stringify([claims, subject ?? null, issuer, subgraph]);
    const now = Date.now();
    const kept = this.signed.get(key);
    if (kept && now < kept.renewAt) return kept.token;
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' });
    if (subject) jwt.setSubject(subject);
    const token = jwt
      .setIssuer(issuer)
      .setAudience(audienceOf(subgraph))
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
    this.signed.set(key, { token, renewAt: now + (this.ttlSeconds * 1000) / 2 });
    token.catch(() => this.signed.delete(key));
    return token;
  }

  /** The gateway forwarding a verified caller to `subgraph`; an anonymous caller too, so that the subgraph knows the gateway sent it. */
  forCaller(identity: Identity, subgraph: string): Promise<string> {
    return this.sign(
      {
        roles: [...identity.roles],
        ...(identity.org ? { org: identity.org } : {}),
        ...(identity.expert ? { expert: identity.expert } : {}),
      },
      identity.sub,
      GATEWAY_ISSUER,
      subgraph,
    );
  }

  /** A subgraph (`service`) reading from `subgraph` on its own behalf. */
  forService(service: string, subgraph: string): Promise<string> {
    return this.sign({ svc: service }, `service:${service}`, SERVICE_ISSUER, subgraph);
  }

  /** The identity in a token addressed to `subgraph`; throws TokenRejected otherwise. */
  verify(token: string, subgraph: string): Promise<Identity> {
    return this.verified.get(`${subgraph}\0${token}`, async () => {
      try {
        const { payload } = await jwtVerify(token, this.key, {
          algorithms: ['HS256'],
          issuer: [GATEWAY_ISSUER, SERVICE_ISSUER],
          audience: audienceOf(subgraph),
          requiredClaims: ['exp'],
        });
        if (payload.iss === SERVICE_ISSUER) {
          if (typeof payload.svc !== 'string' || !payload.svc) throw new TokenRejected('service token without a service');
          return { identity: { roles: [], service: payload.svc }, exp: payload.exp! };
        }
        return { identity: identityFrom(payload, { anonymous: true }), exp: payload.exp! };
      } catch (error) {
        throw new TokenRejected(describe(error));
      }
    });
  }
}

/** The two kinds of token a service deals with, built once from config. */
export interface ServiceAuth {
  client: ClientTokens;
  internal: InternalTokens;
}

export const serviceAuth = (env: AuthEnv): ServiceAuth => ({
  client: new ClientTokens(env),
  internal: new InternalTokens(env.INTERNAL_TOKEN_SECRET, env.INTERNAL_TOKEN_TTL_SECONDS),
});

/** Who is calling a subgraph, and whether through the graph itself. */
export interface Caller {
  identity: Identity;
  /** The caller holds a token the graph signed for this subgraph: the gateway's, or another subgraph's service token. */
  internal: boolean;
}

const OUTSIDER: Caller = Object.freeze({ identity: ANONYMOUS, internal: false });

/**
 * How a subgraph learns who is calling: the gateway's token addressed to it, or — where
 * `acceptDirect` allows it (the honors subgraph, for AGENCY) — a client token with that role.
 * Anything else, including a forged or expired token, is served as anonymous: a subgraph
 * called without a valid token serves only what the public may see.
 */
export function subgraphCaller(subgraph: string, auth: ServiceAuth, acceptDirect: readonly Role[] = []) {
  return async (req: IncomingMessage): Promise<Caller> => {
    let token: string | null;
    try {
      token = bearerToken(req);
    } catch {
      return OUTSIDER;
    }
    if (!token) return OUTSIDER;
    try {
      return { identity: await auth.internal.verify(token, subgraph), internal: true };
    } catch {
      // not the gateway's token for this subgraph; maybe a client calling directly
    }
    if (acceptDirect.length > 0) {
      try {
        const identity = await auth.client.verify(token);
        const roles = identity.roles.filter((r) => acceptDirect.includes(r));
        if (roles.length > 0) return { identity: { roles, ...(identity.sub ? { sub: identity.sub } : {}) }, internal: false };
      } catch {
        // fall through to anonymous
      }
    }
    return OUTSIDER;
  };
}

/** The identity alone of a subgraph's caller (see subgraphCaller). */
export function subgraphIdentity(subgraph: string, auth: ServiceAuth, acceptDirect: readonly Role[] = []) {
  const caller = subgraphCaller(subgraph, auth, acceptDirect);
  return async (req: IncomingMessage): Promise<Identity> => (await caller(req)).identity;
}

/**
 * The one AuthChecker: `@Authorized()` needs any authenticated caller, `@Authorized('ADMIN', …)`
 * one of the roles. A refusal is FORBIDDEN and says nothing more.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const { identity } = context;
  if (roles.length === 0 ? isAuthenticated(identity) : hasRole(identity, ...roles)) return true;
  throw forbidden();
};
