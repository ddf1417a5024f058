/**
 * The web console's server: the built console's files, and the graph's paths (/graphql,
 * /export/, /files/, /imports/, /templates/) passed through to the gateway, so that the browser talks to one origin and sends
 * its token to nothing else. It serves the console's sign-in settings too: OpenID Connect, or
 * outside production the development identities with fresh tokens.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { type ServerResponse, createServer as createHttpServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Identity } from '@meritgraph/domain';
import { type Logger, type Service, closeServer, defaultLogger, listen, passThrough } from '@meritgraph/subgraph-kit';

/** One identity of the development picker: a role bound to a real record of the data. */
export interface DevelopmentIdentity {
  role: string;
  /** Who this is, in words (浦东新区总工会, a professor of the AI judges). */
  label: string;
  claims: Omit<Identity, 'service'>;
}

export interface SignInSettings {
  /** OpenID Connect: the provider (issuer URL) and this console's client. */
  oidc?: { issuer: string; clientId: string; scope: string };
  /** Development sign-in: who may be picked, and how their tokens are signed. */
  development?: { identities: DevelopmentIdentity[]; sign(claims: Omit<Identity, 'service'>): Promise<string> };
}

export interface WebDeps {
  /** The gateway's origin (http://127.0.0.1:4000): /graphql and /export/ go there. */
  gatewayUrl: string;
  /** The built console (index.html and assets/). */
  consoleDir: string;
  signIn: SignInSettings;
  logger?: Logger;
}

/** The gateway's paths, passed through as they are: the graph, exports, attachments, imports and their templates. */
const PROXIED = [/^\/graphql(\?|$)/, /^\/(export|files|imports|templates)\//];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Nothing loads from another origin but the identity provider's endpoints the console calls. */
function securityHeaders(signIn: SignInSettings): Record<string, string> {
  const connect = ["'self'", ...(signIn.oidc ? [new URL(signIn.oidc.issuer).origin] : [])].join(' ');
  return {
    'content-security-policy': `default-src 'self'; connect-src ${connect}; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  };
}

/** What the console reads at start: how to sign in. Development tokens are minted per request, never stored. */
async function consoleConfig(signIn: SignInSettings): Promise<unknown> {
  const development = signIn.development
    ? await Promise.all(
        signIn.development.identities.map(async ({ role, label, claims }) => ({
          role,
          label,
          token: await signIn.development!.sign(claims),
        })),
      )
    : null;
  return { oidc: signIn.oidc ?? null, development };
}

function sendFile(res: ServerResponse, path: string, headers: Record<string, string>, immutable: boolean): void {
  res.writeHead(200, {
    ...headers,
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': statSync(path).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(path).pipe(res);
}

/** The request's path, decoded; null when it cannot be (a malformed %-escape). */
function pathOf(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, 'http://console').pathname);
  } catch {
    return null;
  }
}

export function createServer(deps: WebDeps): Service {
  const log = (deps.logger ?? defaultLogger()).child({ service: 'web' });
  const root = resolve(deps.consoleDir);
  const index = join(root, 'index.html');
  const headers = securityHeaders(deps.signIn);
  const http = createHttpServer((req, res) => {
    const url = req.url ?? '/';
    if (PROXIED.some((pattern) => pattern.test(url))) {
      // The path is appended to the gateway's origin, never resolved against it: no request can aim the proxy elsewhere.
      const target = new URL(`${new URL(deps.gatewayUrl).origin}${url}`);
      return void passThrough(req, res, target, { log, unreachable: { code: 'GATEWAY_UNREACHABLE', message: 'The graph is unreachable' } });
    }
    const path = pathOf(url);
    if (path === null) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return void res.end('Bad request path');
    }
    if (path === '/health' || path === '/ready') {
      const ready = path === '/health' || existsSync(index);
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ status: ready ? 'ok' : 'console not built' }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return void res.end();
    }
    if (path === '/console-config.json') {
      consoleConfig(deps.signIn).then(
        (config) => {
          res.writeHead(200, { ...headers, 'content-type': TYPES['.json']!, 'cache-control': 'no-store' });
          res.end(JSON.stringify(config));
        },
        (error: Error) => {
          log.error({ err: error.message }, 'sign-in settings failed');
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'sign-in settings unavailable' }));
        },
      );
      return;
    }
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile())
      return sendFile(res, file, headers, path.startsWith('/assets/'));
    // Unknown files under assets/ are missing files; any other path is a screen of the console.
    if (path.startsWith('/assets/') || extname(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('Not found');
    }
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('The console is not built: npm run build');
    }
    sendFile(res, index, headers, false);
  });
  return {
    name: 'web',
    http,
    start: (port, host = '127.0.0.1') => listen(http, port, host),
    stop: () => closeServer(http),
  };
}
