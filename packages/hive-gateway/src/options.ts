import type { ServiceAuth } from '@meritgraph/subgraph-kit';
import { type AuthPlugin, meritgraphAuth } from './auth-plugin';
import { CALLER_HEADER } from './caller';

/** A subgraph's transport: where it answers, and the caller header, filled in from each request's context (callerKey). */
interface TransportEntry {
  location: string;
  headers: [string, string][];
}

export interface HiveGatewayDeps {
  /** The supergraph's SDL: the committed supergraph.graphql, unchanged. */
  supergraphSdl: string;
  auth: ServiceAuth;
  /** Where each subgraph answers; overrides the URLs recorded in the supergraph. */
  subgraphUrls: Readonly<Record<string, string>>;
  subgraphTimeoutMs?: number;
  production?: boolean;
}

/** The Hive Gateway options that serve the supergraph with the platform's auth (for defineConfig or createGatewayRuntime). */
export interface HiveGatewayOptions {
  supergraph: string;
  transportEntries: Record<string, TransportEntry>;
  plugins(): AuthPlugin[];
  upstreamTimeout: number;
  graphqlEndpoint: string;
  healthCheckEndpoint: string;
  landingPage: boolean;
  graphiql: boolean;
  /** Present in production only: introspection is off there, as on the platform's gateway. */
  disableIntrospection?: Record<string, never>;
}

export function hiveGatewayOptions(deps: HiveGatewayDeps): HiveGatewayOptions {
  const subgraphTimeoutMs = deps.subgraphTimeoutMs ?? 10000;
  const production = deps.production ?? false;
  return {
    supergraph: deps.supergraphSdl,
    transportEntries: Object.fromEntries(
      Object.entries(deps.subgraphUrls).map(([name, location]): [string, TransportEntry] => [
        name,
        { location, headers: [[CALLER_HEADER, '{context.callerKey}']] },
      ]),
    ),
    plugins: () => [meritgraphAuth({ auth: deps.auth, subgraphTimeoutMs })],
    upstreamTimeout: subgraphTimeoutMs,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: !production,
    graphiql: !production,
    ...(production ? { disableIntrospection: {} } : {}),
  };
}
