import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import type { ErrorCode } from '@meritgraph/domain';
import { LRUCache } from 'lru-cache';
import { keepConnectionsAlive } from './keep-alive';
import { LimitExceeded, type OperationLimits, checkBatch, checkOperation } from './limits';
import { type CorsOptions, applyCors, applySecurityHeaders } from './security';
import { ServiceTelemetry, currentRequest } from './telemetry';

export interface HttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; throwing an HttpError answers with its status. */
  context: (req: IncomingMessage) => Promise<TContext>;
  /** /ready answers 200 only while this resolves true (database reachable, …). */
  ready: () => Promise<boolean>;
  /** The largest body accepted; a function may allow some callers more (the gateway, whose own callers are bounded). */
  maxBodyBytes?: number | ((req: IncomingMessage) => Promise<number>);
  graphqlPath?: string;
  /** What one operation may ask for, checked before it is validated or run; per caller when a function (undefined: no limits). */
  limits?: OperationLimits | ((req: IncomingMessage) => Promise<OperationLimits | undefined>);
  /** Browser origins allowed to read the answers; none when absent. */
  cors?: CorsOptions;
  /**
   * Admits the request's operations as a whole before any of them runs (a batch's total cost);
   * throwing an HttpError refuses them all.
   */
  admit?: (context: TContext, operations: RequestedOperation[]) => Promise<void>;
  /** Its logger, metrics (served on /metrics) and traces; the process's logger and metrics of their own when absent. */
  telemetry?: ServiceTelemetry;
  /** Runs the operation within what the request may do (its deadline, its result bound). */
  scope?: <R>(context: TContext, run: () => Promise<R>) => Promise<R>;
  /** Paths served beside GraphQL, by prefix (e.g. `/export/`); each may run operations through the same pipeline as its caller. */
  routes?: Record<string, RouteHandler>;
}

/** A GraphQL answer as the pipeline gave it. */
export interface OperationAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/**
 * Runs one operation exactly as a POST to the GraphQL path from the same request would run:
 * its limits, the caller's identity and context, admission, demand control and the scope.
 */
export type RunOperation = (operation: RequestedOperation) => Promise<OperationAnswer>;

/** Serves a route; an HttpError thrown before it writes is answered as JSON with its status. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL, run: RunOperation) => Promise<void>;

/** An error answered with an HTTP status and a GraphQL-shaped body (e.g. 401 for a bad token). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** One operation of a GraphQL request, as sent: a batch holds several. */
export interface RequestedOperation {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The operations of a GraphQL request: the body's (one, or one per batched operation), or GET's `?query=`. */
function requestedOperations(method: string, url: URL, body: unknown): { operations: RequestedOperation[]; batch: boolean } {
  if (method === 'GET') return { operations: url.searchParams.getAll('query').map((query) => ({ query })), batch: false };
  const pieces = Array.isArray(body) ? body : [body];
  const operations = pieces.flatMap((op) =>
    isRecord(op) && typeof op.query === 'string'
      ? [
          {
            query: op.query,
            operationName: typeof op.operationName === 'string' ? op.operationName : undefined,
            variables: isRecord(op.variables) ? op.variables : undefined,
          },
        ]
      : [],
  );
  return { operations, batch: Array.isArray(body) };
}

/**
 * What the limits said of an operation text: nothing (within them, or a syntax error for the
 * parser to report when it runs), or the limit it exceeds. Kept per limits and text, so that
 * an operation sent again, accepted or refused, is not parsed again; bounded by the texts' size.
 */
const verdicts = new WeakMap<OperationLimits, LRUCache<string, { refused: LimitExceeded | null }>>();
const VERDICT_TEXT_BYTES = 8 * 1024 * 1024;

function verdictOf(text: string, limits: OperationLimits): LimitExceeded | null {
  let cache = verdicts.get(limits);
  if (!cache) verdicts.set(limits, (cache = new LRUCache({ maxSize: VERDICT_TEXT_BYTES, sizeCalculation: (_, key) => key.length || 1 })));
  const known = cache.get(text);
  if (known) return known.refused;
  let refused: LimitExceeded | null = null;
  try {
    checkOperation(text, limits);
  } catch (error) {
    if (error instanceof LimitExceeded) refused = error;
  }
  // A text longer than the whole cache is judged each time rather than evicting everything.
  if (text.length < VERDICT_TEXT_BYTES) cache.set(text, { refused });
  return refused;
}

/** Refuses, before anything else looks at them, batches and operations over the limits. */
function enforceLimits(operations: RequestedOperation[], batchSize: number, limits: OperationLimits): void {
  try {
    checkBatch(batchSize, limits);
  } catch (error) {
    if (error instanceof LimitExceeded) throw new HttpError(400, error.code, error.message, { limit: error.limit, actual: error.actual });
    throw error;
  }
  for (const { query: text } of operations) {
    const refused = verdictOf(text, limits);
    if (refused) throw new HttpError(400, refused.code, refused.message, { limit: refused.limit, actual: refused.actual });
  }
}

function headersOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves Apollo on node:http with /health (the process is up) and /ready (it can serve
 * traffic). Shared by the four subgraphs and the gateway.
 */
export function createHttpServer<TContext extends BaseContext>(options: HttpOptions<TContext>): Server {
  const path = options.graphqlPath ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const telemetry = options.telemetry ?? new ServiceTelemetry('http');
  /** Limits, context, admission and the scope around Apollo: the one pipeline of every operation. */
  const graphql = async (req: IncomingMessage, method: string, headers: HeaderMap, url: URL, body: unknown) => {
    const limits = typeof options.limits === 'function' ? await options.limits(req) : options.limits;
    const requested = requestedOperations(method, url, body);
    if (limits) enforceLimits(requested.operations, Array.isArray(body) ? body.length : 1, limits);
    const contextValue = await options.context(req);
    if (options.admit && requested.batch) await options.admit(contextValue, requested.operations);
    const execute = () =>
      options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: url.search, body },
        context: async () => contextValue,
      });
    return options.scope ? options.scope(contextValue, execute) : execute();
  };
  const handle = telemetry.observe(path, async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    applySecurityHeaders(res);
    try {
      if (applyCors(req, res, options.cors)) return;
      if (url.pathname === '/health') return json(res, 200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const ready = await options.ready().catch(() => false);
        return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
      }
      const route = Object.entries(options.routes ?? {}).find(([prefix]) => url.pathname.startsWith(prefix));
      if (route) {
        const run: RunOperation = async (operation) => {
          const headers = headersOf(req);
          headers.set('content-type', 'application/json');
          headers.set('accept', 'application/json');
          const response = await graphql(req, 'POST', headers, new URL(path, url), operation);
          let body = '';
          if (response.body.kind === 'complete') body = response.body.string;
          else for await (const chunk of response.body.asyncIterator) body += chunk;
          return { status: response.status ?? 200, headers: new Map(response.headers), body };
        };
        return await route[1](req, res, url, run);
      }
      if (url.pathname !== path) return json(res, 404, { error: 'not found' });

      const headers = headersOf(req);
      const limit = typeof maxBodyBytes === 'number' ? maxBodyBytes : await maxBodyBytes(req);
      const raw = req.method === 'POST' ? await readBody(req, limit) : '';
      let body: unknown = raw;
      if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, 'BAD_REQUEST', 'Request body is not valid JSON');
        }
      }
      const response = await graphql(req, req.method ?? 'GET', headers, url, body);
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof HttpError) {
        currentRequest()?.codes.add(error.code);
        return json(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }] });
      }
      telemetry.logger.error({ requestId: currentRequest()?.requestId, err: error }, 'http handler failed');
      if (!res.headersSent)
        json(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  });
  return createServer((req, res) => void handle(req, res));
}

/** How long a stopping server waits for the answers still in flight before it cuts their connections. */
const CLOSE_GRACE_MS = 5_000;

export async function listen(server: Server, port: number, host: string): Promise<string> {
  keepConnectionsAlive(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  await new Promise<void>((resolve) => {
    // A connection still busy at close ends when its answer is sent, and one left open past a grace is cut.
    const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
