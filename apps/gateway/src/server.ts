import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { DEFAULT_MAX_REQUEST_BYTES, type SubgraphName } from '@meritgraph/config';
import {
  type RequestContext,
  type Service,
  asService,
  createErrorFormatter,
  createHttpServer,
  createRequestContext,
} from '@meritgraph/subgraph-kit';

export interface GatewayDeps {
  supergraphSdl: string;
  /** Where each subgraph answers; overrides the URLs recorded in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs?: number;
  maxRequestBytes?: number;
  production?: boolean;
}

/** fetch with a deadline: @apollo/gateway sets none of its own. */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

export async function createServer(deps: GatewayDeps): Promise<Service> {
  const fetcher = fetchWithTimeout(deps.subgraphTimeoutMs ?? 10000);
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<RequestContext>({
        url: deps.subgraphUrls[name as SubgraphName] ?? url,
        // The global fetch satisfies the gateway's (node-fetch shaped) Fetcher at run time.
        fetcher: fetcher as unknown as RemoteGraphQLDataSource['fetcher'],
      }),
  });
  const production = deps.production ?? false;
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    formatError: createErrorFormatter('gateway'),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    introspection: !production,
    csrfPrevention: true,
  });
  let ready = false;
  const http = createHttpServer<RequestContext>({
    apollo,
    context: async () => createRequestContext(),
    ready: async () => ready,
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
