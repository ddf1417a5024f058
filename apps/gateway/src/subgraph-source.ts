import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError, Kind, parse } from 'graphql';
import { ANONYMOUS } from '@meritgraph/domain';
import {
  REQUEST_ID_HEADER,
  type RequestContext,
  type ServiceAuth,
  ServiceTelemetry,
  deadlineHeaders,
  injectTrace,
  recordFailedSubgraph,
} from '@meritgraph/subgraph-kit';
import { type InflightFetches, fetchKey } from './inflight';

/** fetch with a deadline: @apollo/gateway sets none of its own. */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

export type OutageCode = 'SUBGRAPH_UNAVAILABLE' | 'SUBGRAPH_TIMEOUT';

// Failures of the connection itself, as Node's fetch (undici) reports them in `cause.code`.
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);
// What a proxy in front of a subgraph answers when the subgraph behind it is gone.
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * Whether a failed subgraph call means the subgraph is unavailable or too slow, rather than
 * that it answered with an error; null for anything else (that stays an internal error).
 */
export function outageCode(error: unknown): OutageCode | null {
  // Read by shape, not by class: fetch's errors may come from another realm (a test VM, a bundled undici).
  if (typeof error !== 'object' || error === null) return null;
  const { name, message, cause, extensions } = error as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; name?: unknown };
    extensions?: { response?: { status?: unknown } };
  };
  if (name === 'TimeoutError' || cause?.name === 'TimeoutError') return 'SUBGRAPH_TIMEOUT';
  if (typeof cause?.code === 'string' && CONNECTION_FAILURES.has(cause.code)) return 'SUBGRAPH_UNAVAILABLE';
  if (name === 'TypeError' && (message === 'fetch failed' || message === 'terminated')) return 'SUBGRAPH_UNAVAILABLE';
  const status = extensions?.response?.status;
  if (typeof status === 'number' && UNAVAILABLE_STATUSES.has(status)) return 'SUBGRAPH_UNAVAILABLE';
  return null;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<RequestContext>;
/** What a subgraph answers a fetch with. */
export type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource<RequestContext>['process']>>;
type ResponsePath = (string | number)[];

/**
 * Where in the response the missing data would have been. The planner's paths mark "every
 * element of this list" with `@`, which is no response path: the path stops at the list. A
 * root fetch for a single field points at that field; one for several points nowhere.
 */
export function outagePath(options: ProcessOptions): ResponsePath | undefined {
  // Only an operation a client sent has a place in a response (not a health check).
  if (!('incomingRequestContext' in options)) return undefined;
  const planned = (options.pathInIncomingRequest ?? []) as ResponsePath;
  const list = planned.indexOf('@');
  const path = list < 0 ? planned : planned.slice(0, list);
  if (path.length > 0) return path;
  // Parsed only when a fetch failed; the planner does not always hand over its document.
  const document = options.document ?? (options.request.query ? parse(options.request.query) : undefined);
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const fields = operation?.selectionSet.selections ?? [];
  const only = fields.length === 1 ? fields[0] : undefined;
  return only?.kind === Kind.FIELD ? [(only.alias ?? only.name).value] : undefined;
}

/**
 * A subgraph's error inside an entity fetch points into `_entities`; the gateway turns
 * `_entities.<n>…` into the entity's place in the response, but would leave any other path
 * as `…@._entities…`. Those lose their path instead.
 */
function entityErrorPath(error: GraphQLFormattedError, representations: number): GraphQLFormattedError {
  const [head, index] = error.path ?? [];
  if (error.path === undefined || (head === '_entities' && typeof index === 'number' && index < representations)) return error;
  const { path: _dropped, ...rest } = error;
  return rest;
}

/**
 * The gateway's link to one subgraph. It forwards the verified identity as a token the
 * gateway signs for that subgraph alone (no client header passes through), and turns a
 * subgraph that is down or too slow into one error naming it, so that the rest of the
 * answer still arrives. Each fetch is a span of the request's trace (sent on in `traceparent`),
 * carries the request's id (x-request-id), and is timed and counted by subgraph.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RequestContext> {
  constructor(
    private readonly subgraph: string,
    private readonly auth: ServiceAuth,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<RequestContext>>[0],
    /** How long the gateway waits for this subgraph: the subgraph stops working on the request then too. */
    private readonly timeoutMs = 10000,
    private readonly telemetry: ServiceTelemetry = new ServiceTelemetry('gateway'),
    /** Shares identical concurrent queries of one identity; every fetch is its own when absent. */
    private readonly inflight?: InflightFetches<SubgraphResponse>,
  ) {
    super(options);
  }

  // Every caller travels with the gateway's token, an anonymous one too: the subgraph then knows the graph sent it
  // (limited and budgeted here already) and serves it the gateway's fields (_entities) in production.
  override async willSendRequest({ request, context }: ProcessOptions) {
    const headers = request.http?.headers;
    headers?.set('authorization', `Bearer ${await this.auth.internal.forCaller(context.identity ?? ANONYMOUS, this.subgraph)}`);
    for (const [name, value] of Object.entries(deadlineHeaders(this.timeoutMs))) headers?.set(name, value);
    if (context.requestId) headers?.set(REQUEST_ID_HEADER, context.requestId);
    if (headers) injectTrace(headers);
  }

  override async process(options: ProcessOptions) {
    try {
      return await this.telemetry.fetch(
        this.subgraph,
        () => this.shared(options),
        (error) => outageCode(error) ?? 'OTHER',
      );
    } catch (error) {
      const code = outageCode(error);
      recordFailedSubgraph(this.subgraph);
      this.telemetry.logger.warn(
        { requestId: options.context?.requestId, subgraph: this.subgraph, code: code ?? 'OTHER', error: String(error) },
        `subgraph fetch failed: ${this.subgraph}`,
      );
      if (!code) throw error;
      const message =
        code === 'SUBGRAPH_TIMEOUT'
          ? `The ${this.subgraph} service did not answer in time; the data it provides is missing from this answer`
          : `The ${this.subgraph} service is unavailable; the data it provides is missing from this answer`;
      throw new GraphQLError(message, { path: outagePath(options), extensions: { code, service: this.subgraph } });
    }
  }

  /** The fetch, or the identical one already in flight (only for a client's operation: never a health check). */
  private shared(options: ProcessOptions): Promise<SubgraphResponse> {
    const key =
      this.inflight && 'incomingRequestContext' in options
        ? fetchKey(this.subgraph, options.request.query, options.request.variables, options.context.identity ?? ANONYMOUS)
        : null;
    return this.inflight ? this.inflight.run(key, () => super.process(options)) : super.process(options);
  }

  override didReceiveResponse({
    response,
    request,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<RequestContext>['didReceiveResponse']>>[0]) {
    const representations = request.variables?.representations;
    if (!response.errors || !Array.isArray(representations)) return response;
    return { ...response, errors: response.errors.map((error) => entityErrorPath(error, representations.length)) };
  }
}
