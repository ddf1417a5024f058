import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { SERVICE_PORTS, type SubgraphName, loadConfig, subgraphEnv, subgraphUrls } from '@meritgraph/config';
import { type OpenDatabase, type SubgraphSchema, databaseIsReady, openDatabase } from '@meritgraph/db';
import type { DataSource } from 'typeorm';
import type { Role } from '@meritgraph/domain';
import { type Caller, type ServiceAuth, serviceAuth, subgraphCaller } from './auth';
import { PeerClient, type PeerUrls } from './peer';
import { createRequestContext } from './context';
import { createErrorFormatter } from './errors';
import { gatewayOnlyFieldsPlugin } from './exposure';
import {
  type AddressedContext,
  DEFAULT_DEMAND_CONTROL,
  DemandControl,
  type DemandControlOptions,
  budgetKey,
  demandControlFrom,
} from './demand';
import { snapshotFeed } from './feed';
import { type FileKit, fileKitFrom, temporaryFileKit } from './files';
import { type RouteHandler, createHttpServer } from './http';
import { developmentLandingPage, graphqlUrlOf } from './landing-page';
import { DEFAULT_LIMITS, type OperationLimits, limitsFrom } from './limits';
import { subgraphSdl } from './schema';
import { boundResolvers, stoppedWorkPlugin } from './result-bound';
import { type CorsOptions, corsFrom } from './security';
import { type Service, asService, runMain } from './service';
import { type Logger, ServiceTelemetry, operationPlugin, traceRootFields } from './telemetry';
import {
  BoundedLoaderRegistry,
  DEFAULT_WORK_BOUNDS,
  RequestWork,
  type SubgraphContext,
  type WorkBounds,
  guardStatements,
  requestedDeadline,
  withinWork,
  workFrom,
} from './work';

// Part of what a subgraph is built with, and what the gateway sends and sets to match.
export {
  DEADLINE_HEADER,
  DEFAULT_WORK_BOUNDS,
  RequestWork,
  type SubgraphContext,
  type WorkBounds,
  currentWork,
  deadlineHeaders,
  workFrom,
} from './work';
export { CORS_REQUEST_HEADERS, type CorsOptions, SECURITY_HEADERS, corsFrom } from './security';
export { GATEWAY_ONLY_FIELDS } from './exposure';

/** What every subgraph's createServer receives. */
export interface SubgraphDeps {
  db: OpenDatabase;
  auth: ServiceAuth;
  production?: boolean;
  /** URLs of the other subgraphs, for reads through their APIs. */
  peers?: PeerUrls;
  /** How long one read from another subgraph may take (10 s when absent); a bulk load's graph waits longer. */
  peerTimeoutMs?: number;
  /** The time rules are judged at; tests set it to check window edges. */
  clock?: () => Date;
  /** How long a request may run and how large its answer may be; the defaults when absent. */
  work?: WorkBounds;
  /** Browser origins allowed to read the answers; none when absent. */
  cors?: CorsOptions;
  /** What one operation of a caller from outside the graph may ask for; the defaults when absent. */
  limits?: OperationLimits;
  /** The cost budgets and hourly points of callers from outside the graph; the defaults when absent. */
  demand?: DemandControlOptions;
  /** Where its log lines go; the process's logger (LOG_LEVEL, standard output) when absent. */
  logger?: Logger;
  /** Where a subgraph that keeps files keeps them (FILES_*, S3_*); a temporary folder when absent. */
  files?: FileKit;
}

/** What a subgraph's schema is built from: its database and what it needs of the world. */
export interface SchemaDeps {
  dataSource: DataSource;
  peers: (target: string) => PeerClient;
  clock: () => Date;
  /** Its files, for a subgraph that keeps them; composition, which serves nothing, gives none. */
  files?: FileKit;
}

export interface SubgraphServiceOptions {
  name: string;
  schema: GraphQLSchema;
  db: OpenDatabase;
  production?: boolean;
  work?: WorkBounds;
  cors?: CorsOptions;
  limits?: OperationLimits;
  demand?: DemandControlOptions;
  logger?: Logger;
  /** Resolves the caller (see subgraphCaller). */
  identify: (req: IncomingMessage) => Promise<Caller>;
  /** Gauges of the service's own on /metrics. */
  gauges?: readonly ServiceGauge[];
  /** Paths it serves beside GraphQL (its file uploads and downloads, its imports), by prefix. */
  routes?: Record<string, RouteHandler>;
}

/** A gauge a service adds to its /metrics (see ServiceMetrics.gauge). */
export interface ServiceGauge {
  name: string;
  help: string;
  label: string;
  read: () => Promise<Record<string, number>>;
}

/** A subgraph's request context, with where a caller from outside the graph calls from. */
type DirectContext = SubgraphContext & AddressedContext;

/** The body limit of a caller from outside the graph. */
export const PUBLIC_MAX_BODY_BYTES = 1024 * 1024;
/**
 * A representation the gateway sends in `_entities` (`{"__typename":…,"id":<uuid>}`) takes
 * under 100 bytes; 128 leaves room for the JSON around it.
 */
const REPRESENTATION_BYTES = 128;

/**
 * The body limit of the graph's own callers. The gateway's `_entities` requests carry one
 * representation per entity an earlier answer held, and no answer holds more than
 * `maxResponseObjects`; so they always fit, however far a query fans out.
 */
export const internalMaxBodyBytes = (work: WorkBounds): number => PUBLIC_MAX_BODY_BYTES + work.maxResponseObjects * REPRESENTATION_BYTES;

/** A subgraph as a service: Apollo with the shared error mapper, /health, /ready, and its database closed on stop. */
export function createSubgraphService(options: SubgraphServiceOptions): Service {
  const production = options.production ?? false;
  const bounds = options.work ?? DEFAULT_WORK_BOUNDS;
  guardStatements(options.db.dataSource);
  const telemetry = new ServiceTelemetry(options.name, { logger: options.logger });
  telemetry.watchDatabase(options.db.dataSource);
  for (const g of options.gauges ?? []) telemetry.metrics.gauge(g.name, g.help, g.label, g.read);
  // The graph's own callers were limited and budgeted at the gateway; callers from outside (an agency on the honors port) are here.
  const demand = new DemandControl<DirectContext>(options.demand ?? DEFAULT_DEMAND_CONTROL, budgetKey, (ctx) => ctx.internal).useSchema(
    options.schema,
    subgraphSdl(options.schema),
  );
  const apollo = new ApolloServer<DirectContext>({
    schema: traceRootFields(boundResolvers(options.schema)),
    formatError: createErrorFormatter(options.name, telemetry.errorLog),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    introspection: !production,
    csrfPrevention: true,
    plugins: [
      // Traces are for Apollo's hosted studio, which this platform does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      stoppedWorkPlugin,
      operationPlugin,
      demand.plugin(),
      ...(production
        ? [ApolloServerPluginLandingPageDisabled(), gatewayOnlyFieldsPlugin]
        : [developmentLandingPage<DirectContext>({ service: options.name, endpoint: (): string | undefined => graphqlUrlOf(http) })]),
    ],
  });
  // The caller is known from the headers, before the body is read: the graph's own callers may send more.
  const callers = new WeakMap<IncomingMessage, Promise<Caller>>();
  const callerOf = (req: IncomingMessage) => {
    let caller = callers.get(req);
    if (!caller) callers.set(req, (caller = options.identify(req)));
    return caller;
  };
  const limits = options.limits ?? DEFAULT_LIMITS;
  const http = createHttpServer<DirectContext>({
    apollo,
    context: async (req) => {
      const { identity, internal } = await callerOf(req);
      const work = RequestWork.start(bounds, requestedDeadline(req.headers));
      return {
        ...createRequestContext(identity),
        loaders: new BoundedLoaderRegistry(work),
        work,
        internal,
        clientAddress: req.socket.remoteAddress ?? 'unknown',
      };
    },
    limits: async (req) => ((await callerOf(req)).internal ? undefined : limits),
    ready: () => databaseIsReady(options.db.dataSource),
    maxBodyBytes: async (req) => ((await callerOf(req)).internal ? internalMaxBodyBytes(bounds) : PUBLIC_MAX_BODY_BYTES),
    cors: options.cors,
    telemetry,
    scope: (context, run) => withinWork(context.work, run).finally(() => context.work.finish()),
    routes: options.routes,
  });
  return asService(options.name, apollo, http, async () => {
    await demand.close();
    telemetry.close();
    if (options.db.dataSource.isInitialized) await options.db.dataSource.destroy();
  });
}

/**
 * A subgraph's createServer: its schema on its database, with callers identified by the
 * gateway's token (and, where `acceptDirect` lists roles, by client tokens with those roles).
 */
export function subgraphServer(
  name: string,
  buildSchema: (deps: SchemaDeps) => Promise<GraphQLSchema>,
  options: {
    acceptDirect?: readonly Role[];
    gauges?: readonly ServiceGauge[];
    /** Paths served beside GraphQL, built on the same deps as the schema. */
    routes?: (deps: SchemaDeps & { files: FileKit; identify: (req: IncomingMessage) => Promise<Caller> }) => Record<string, RouteHandler>;
  } = {},
): (deps: SubgraphDeps) => Promise<Service> {
  return async (deps) => {
    // A database with records from before its feed (or seeded by its migrations) gives the feed its first changes.
    await snapshotFeed(deps.db.dataSource, (deps.clock ?? (() => new Date()))());
    const schemaDeps = {
      dataSource: deps.db.dataSource,
      peers: (target: string) => new PeerClient(name, target, deps.peers ?? {}, deps.auth.internal, deps.peerTimeoutMs),
      clock: deps.clock ?? (() => new Date()),
      files: deps.files ?? temporaryFileKit(),
    };
    const identify = subgraphCaller(name, deps.auth, options.acceptDirect);
    return createSubgraphService({
      name,
      schema: await buildSchema(schemaDeps),
      routes: options.routes?.({ ...schemaDeps, identify }),
      db: deps.db,
      production: deps.production,
      work: deps.work,
      cors: deps.cors,
      limits: deps.limits,
      demand: deps.demand,
      logger: deps.logger,
      identify,
      gauges: options.gauges,
    });
  };
}

/**
 * main() of a subgraph: typed config, its own database (created and migrated), the server,
 * and graceful shutdown.
 */
export function runSubgraphMain<Extra extends object = object>(
  schema: SubgraphSchema,
  createServer: (deps: SubgraphDeps & Extra) => Promise<Service>,
  /** What this subgraph's server takes besides every subgraph's deps, read from its own settings. */
  extra: () => Extra = () => ({}) as Extra,
): Promise<void> {
  return runMain(schema.subgraph, async () => {
    const env = loadConfig(subgraphEnv(SERVICE_PORTS[schema.subgraph as SubgraphName]));
    const db = await openDatabase(schema, {
      url: env.DATABASE_URL,
      prefix: env.DATABASE_PREFIX,
      dataDir: env.DATA_DIR,
      log: env.DATABASE_LOG,
    });
    const service = await createServer({
      db,
      auth: serviceAuth(env),
      peers: subgraphUrls(env),
      production: env.NODE_ENV === 'production',
      limits: limitsFrom(env),
      demand: demandControlFrom(env),
      work: workFrom(env),
      cors: corsFrom(env),
      files: fileKitFrom(env, schema.subgraph),
      ...extra(),
    });
    return { service, url: await service.start(env.PORT, env.HOST) };
  });
}
