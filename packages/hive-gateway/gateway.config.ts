/**
 * Hive Gateway's configuration for the committed supergraph, with the platform's auth:
 * `npx hive-gateway supergraph` in this folder (after `npm run build`). It reads the gateway's
 * environment (JWT_*, INTERNAL_TOKEN_*, the subgraph URLs, SUBGRAPH_TIMEOUT_MS, PORT, HOST).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@graphql-hive/gateway';
import { gatewayEnv, loadConfig, subgraphUrls } from '@meritgraph/config';
import { serviceAuth } from '@meritgraph/subgraph-kit';
import { hiveGatewayOptions } from './src';

const env = loadConfig(gatewayEnv);

/** What the runtime serves: the supergraph, the subgraphs' URLs and the platform's auth plugin. */
export const gatewayOptions = hiveGatewayOptions({
  supergraphSdl: readFileSync(env.SUPERGRAPH_PATH ?? resolve(__dirname, '../../supergraph.graphql'), 'utf8'),
  auth: serviceAuth(env),
  subgraphUrls: subgraphUrls(env),
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  production: env.NODE_ENV === 'production',
});

export const gatewayConfig = defineConfig({ ...gatewayOptions, port: env.PORT, host: env.HOST });
