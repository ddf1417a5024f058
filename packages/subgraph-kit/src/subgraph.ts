import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { SERVICE_PORTS, type SubgraphName, loadConfig, subgraphEnv, subgraphUrls } from '@meritgraph/config';
import { type OpenDatabase, type SubgraphSchema, databaseIsReady, openDatabase } from '@meritgraph/db';
import type { DataSource } from 'typeorm';
import type { Role } from '@meritgraph/domain';
import { type ServiceAuth, serviceAuth, subgraphIdentity } from './auth';
import { PeerClient, type PeerUrls } from './peer';
import { type RequestContext, createRequestContext } from './context';
import { createErrorFormatter } from './errors';
import { createHttpServer } from './http';
import { type Service, asService, runMain } from './service';

/** What every subgraph's createServer receives. */
export interface SubgraphDeps {
  db: OpenDatabase;
  auth: ServiceAuth;
  production?: boolean;
  /** URLs of the other subgraphs, for reads through their APIs. */
  peers?: PeerUrls;
  /** The time rules are judged at; tests set it to check window edges. */
  clock?: () => Date;
}

/** What a subgraph's schema is built from: its database and what it needs of the world. */
export interface SchemaDeps {
  dataSource: DataSource;
  peers: (target: string) => PeerClient;
  clock: () => Date;
}

export interface SubgraphServiceOptions {
  name: string;
  schema: GraphQLSchema;
  db: OpenDatabase;
  production?: boolean;
  /** Resolves the caller (see subgraphIdentity). */
  identify: (req: IncomingMessage) => Promise<RequestContext['identity']>;
}

/** A subgraph as a service: Apollo with the shared error mapper, /health, /ready, and its database closed on stop. */
export function createSubgraphService(options: SubgraphServiceOptions): Service {
  const production = options.production ?? false;
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: createErrorFormatter(options.name),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    introspection: !production,
    csrfPrevention: true,
    // Traces are for Apollo's hosted studio, which this platform does not report to.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const http = createHttpServer<RequestContext>({
    apollo,
    context: async (req) => createRequestContext(await options.identify(req)),
    ready: () => databaseIsReady(options.db.dataSource),
  });
  return asService(options.name, apollo, http, async () => {
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
  options: { acceptDirect?: readonly Role[] } = {},
): (deps: SubgraphDeps) => Promise<Service> {
  return async (deps) =>
    createSubgraphService({
      name,
      schema: await buildSchema({
        dataSource: deps.db.dataSource,
        peers: (target) => new PeerClient(name, target, deps.peers ?? {}, deps.auth.internal),
        clock: deps.clock ?? (() => new Date()),
      }),
      db: deps.db,
      production: deps.production,
      identify: subgraphIdentity(name, deps.auth, options.acceptDirect),
    });
}

/**
 * main() of a subgraph: typed config, its own database (created and migrated), the server,
 * and graceful shutdown.
 */
export function runSubgraphMain(schema: SubgraphSchema, createServer: (deps: SubgraphDeps) => Promise<Service>): Promise<void> {
  return runMain(async () => {
    const env = loadConfig(subgraphEnv(SERVICE_PORTS[schema.subgraph as SubgraphName]));
    const db = await openDatabase(schema, {
      url: env.DATABASE_URL,
      prefix: env.DATABASE_PREFIX,
      dataDir: env.DATA_DIR,
      log: env.DATABASE_LOG,
    });
    const service = await createServer({ db, auth: serviceAuth(env), peers: subgraphUrls(env), production: env.NODE_ENV === 'production' });
    return { service, url: await service.start(env.PORT, env.HOST) };
  });
}
