import { ApolloGateway, type RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { DEFAULT_MAX_REQUEST_BYTES, type SubgraphName } from '@meritgraph/config';
import {
  type AddressedContext,
  type CorsOptions,
  budgetKey,
  DEFAULT_DEMAND_CONTROL,
  DEFAULT_LIMITS,
  DemandControl,
  type DemandControlOptions,
  type Logger,
  type OperationLimits,
  type Service,
  ServiceTelemetry,
  type ServiceAuth,
  asService,
  createErrorFormatter,
  createHttpServer,
  createRequestContext,
  developmentLandingPage,
  graphqlUrlOf,
  operationPlugin,
} from '@meritgraph/subgraph-kit';
import { exportRoute } from './export/export-route';
import { passThroughRoutes } from './pass-through-routes';
import { authenticate } from './identity';
import { type ReadinessOptions, subgraphReadiness } from './readiness';
import { InflightFetches } from './inflight';
import { SubgraphDataSource, type SubgraphResponse, fetchWithTimeout } from './subgraph-source';

export interface GatewayDeps {
  supergraphSdl: string;
  auth: ServiceAuth;
  /** Where each subgraph answers; overrides the URLs recorded in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs?: number;
  maxRequestBytes?: number;
  production?: boolean;
  /** What one operation may ask for; the defaults when absent, none when false (only to measure what the limits cost). */
  limits?: OperationLimits | false;
  /** How /ready probes the subgraphs; the defaults when absent. */
  readiness?: ReadinessOptions;
  /** Cost budgets per operation and points per hour, per role; the defaults when absent, none when false. */
  demand?: DemandControlOptions | false;
  /** Browser origins allowed to read the answers; none when absent. */
  cors?: CorsOptions;
  /** Where its log lines go; the process's logger (LOG_LEVEL, standard output) when absent. */
  logger?: Logger;
  /** Whether identical concurrent subgraph queries of one identity share one fetch (on when absent). */
  deduplicate?: boolean;
}

/** The gateway's request context: the caller, and where it calls from (anonymous callers are budgeted per address). */
export type GatewayContext = AddressedContext;

export async function createServer(deps: GatewayDeps): Promise<Service> {
  const fetcher = fetchWithTimeout(deps.subgraphTimeoutMs ?? 10000);
  const telemetry = new ServiceTelemetry('gateway', { logger: deps.logger });
  const inflight = deps.deduplicate === false ? undefined : new InflightFetches<SubgraphResponse>();
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(
        name,
        deps.auth,
        {
          url: deps.subgraphUrls[name as SubgraphName] ?? url,
          // The global fetch satisfies the gateway's (node-fetch shaped) Fetcher at run time.
          fetcher: fetcher as unknown as RemoteGraphQLDataSource['fetcher'],
        },
        deps.subgraphTimeoutMs ?? 10000,
        telemetry,
        inflight,
      ),
  });
  const production = deps.production ?? false;
  const demand = deps.demand === false ? undefined : new DemandControl<GatewayContext>(deps.demand ?? DEFAULT_DEMAND_CONTROL, budgetKey);
  if (demand) gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => demand.useSchema(apiSchema, coreSupergraphSdl));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      operationPlugin,
      ...(demand ? [demand.plugin()] : []),
      // Development's landing page is the graph's own, self-contained one (Apollo's Sandbox loads from a CDN).
      production
        ? ApolloServerPluginLandingPageDisabled()
        : developmentLandingPage<GatewayContext>({ service: 'gateway', endpoint: (): string | undefined => graphqlUrlOf(http) }),
    ],
    formatError: createErrorFormatter('gateway', telemetry.errorLog),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    introspection: !production,
    csrfPrevention: true,
    // Apollo Client's BatchHttpLink and other batching clients: the batch is limited and costed as a whole.
    allowBatchedHttpRequests: true,
  });
  let ready = false;
  const subgraphsReady = subgraphReadiness(deps.subgraphUrls, { logger: telemetry.logger, ...deps.readiness });
  const http = createHttpServer<GatewayContext>({
    apollo,
    context: async (req) => ({
      ...createRequestContext(await authenticate(req, deps.auth)),
      clientAddress: req.socket.remoteAddress ?? 'unknown',
    }),
    ready: async () => ready && (await subgraphsReady()),
    maxBodyBytes: deps.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    limits: deps.limits === false ? undefined : (deps.limits ?? DEFAULT_LIMITS),
    cors: deps.cors,
    telemetry,
    admit: demand?.admitBatch,
    routes: { '/export/': exportRoute(telemetry.logger), ...passThroughRoutes(deps.subgraphUrls, deps.auth, telemetry.logger, demand) },
  });
  const service = asService('gateway', apollo, http);
  return {
    ...service,
    async start(port, host) {
      const url = await service.start(port, host);
      ready = true;
      return url;
    },
    async stop() {
      ready = false;
      await service.stop();
      await demand?.close();
    },
  };
}
