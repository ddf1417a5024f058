import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsEnv } from '@meritgraph/config';

/**
 * Sent with every response of every service, errors and /health included: no content
 * sniffing (a JSON answer is never run as a script or page), no framing (no clickjacking of
 * the development landing page), and no Referer leaking URLs with query strings onwards.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** Browser origins allowed to read a service's answers; none by default. */
export interface CorsOptions {
  origins: readonly string[];
}

export const corsFrom = (env: CorsEnv): CorsOptions => ({ origins: env.CORS_ORIGINS });

/** What a GraphQL client sends: JSON, a bearer token, Apollo's CSRF header, and the cost header. */
export const CORS_REQUEST_HEADERS = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-meritgraph-cost',
  'x-request-id',
  'traceparent',
];
const CORS_METHODS = 'GET, POST, OPTIONS';
// Browsers cap it (Chromium: 2 hours); 10 minutes keeps a narrowed allowlist effective soon.
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS from the allowlist only: an allowed origin gets `Access-Control-Allow-Origin` naming it
 * (never `*`, and no credentials: tokens travel in Authorization, not cookies), any other gets
 * none, so its page cannot read the answer. Answers preflight requests itself and says so by
 * returning true; other requests go on.
 */
/** Answer headers a browser page may read: the request's id and its rate budget. */
const CORS_RESPONSE_HEADERS = ['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'];

export function applyCors(req: IncomingMessage, res: ServerResponse, cors: CorsOptions | undefined): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && (cors?.origins.includes(origin) ?? false);
  res.setHeader('vary', 'Origin');
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', CORS_RESPONSE_HEADERS.join(', '));
  }
  if (req.method !== 'OPTIONS') return false;
  if (origin !== undefined && !allowed) {
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ errors: [{ message: 'This origin may not call the service', extensions: { code: 'FORBIDDEN' } }] }));
    return true;
  }
  if (allowed) {
    res.setHeader('access-control-allow-methods', CORS_METHODS);
    res.setHeader('access-control-allow-headers', CORS_REQUEST_HEADERS.join(', '));
    res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }
  res.writeHead(204, { allow: CORS_METHODS });
  res.end();
  return true;
}
