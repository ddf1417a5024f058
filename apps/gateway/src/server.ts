import { ApolloGateway, type RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { DEFAULT_MAX_REQUEST_BYTES, type SubgraphName } from '@meritgraph/config';
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import {
  HttpError,
  type RequestContext,
  type Service,
  type ServiceAuth,
  TokenRejected,
  asService,
  bearerToken,
  createErrorFormatter,
  createHttpServer,
  createRequestContext,
} from '@meritgraph/subgraph-kit';
import { type ReadinessOptions, subgraphReadiness } from './readiness';
import { SubgraphDataSource, fetchWithTimeout, namingServices } from './subgraph-source';

export interface GatewayDeps {
  supergraphSdl: string;
  auth: ServiceAuth;
  /** Where each subgraph answers; overrides the URLs recorded in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs?: number;
  maxRequestBytes?: number;
  production?: boolean;
  /** How /ready probes the subgraphs; the defaults when absent. */
  readiness?: ReadinessOptions;
}

/**
 * The caller's identity: anonymous without a token; 401 UNAUTHENTICATED for a bad, expired
 * or forged one — never silently anonymous.
 */
export async function authenticate(req: IncomingMessage, auth: ServiceAuth): Promise<Identity> {
  try {
    const token = bearerToken(req);
    return token ? await auth.client.verify(token) : ANONYMOUS;
  } catch (error) {
    if (error instanceof TokenRejected) throw new HttpError(401, 'UNAUTHENTICATED', `Unauthenticated: ${error.message}`);
    throw error;
  }
}

export async function createServer(deps: GatewayDeps): Promise<Service> {
  const fetcher = fetchWithTimeout(deps.subgraphTimeoutMs ?? 10000);
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, deps.auth, {
        url: deps.subgraphUrls[name as SubgraphName] ?? url,
        // The global fetch satisfies the gateway's (node-fetch shaped) Fetcher at run time.
        fetcher: fetcher as unknown as RemoteGraphQLDataSource['fetcher'],
      }),
  });
  const production = deps.production ?? false;
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    formatError: namingServices(createErrorFormatter('gateway')),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    introspection: !production,
    csrfPrevention: true,
  });
  let ready = false;
  const subgraphsReady = subgraphReadiness(deps.subgraphUrls, deps.readiness);
  const http = createHttpServer<RequestContext>({
    apollo,
    context: async (req) => createRequestContext(await authenticate(req, deps.auth)),
    ready: async () => ready && (await subgraphsReady()),
    maxBodyBytes: deps.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
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
    },
  };
}
