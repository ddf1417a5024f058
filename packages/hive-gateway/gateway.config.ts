/**
 * Hive Gateway's configuration for the committed supergraph, with the platform's auth. From the
 * repository root, after `npm run build`:
 *   npx hive-gateway supergraph -c packages/hive-gateway/gateway.config.ts
 * It reads the gateway's environment (JWT_*, INTERNAL_TOKEN_*, the subgraph URLs,
 * SUBGRAPH_TIMEOUT_MS, SUPERGRAPH_PATH, PORT, HOST) and, outside production, the installation's
 * development secrets in DATA_DIR (data/ of the working folder), as `npm start` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineConfig } from '@graphql-hive/gateway';
import { gatewayEnv, loadConfig, subgraphUrls } from '@meritgraph/config';
import { serviceAuth } from '@meritgraph/subgraph-kit';
import { hiveGatewayOptions } from './src/index';

const env = loadConfig(gatewayEnv);

/** The committed supergraph: the nearest supergraph.graphql from the working folder up (the CLI loads this file as ESM, without __dirname). */
function committedSupergraph(from = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'supergraph.graphql'))) return join(dir, 'supergraph.graphql');
    if (dirname(dir) === dir) throw new Error(`No supergraph.graphql in ${from} or above it: set SUPERGRAPH_PATH`);
  }
}

/** What the runtime serves: the supergraph, the subgraphs' URLs and the platform's auth plugin. */
export const gatewayOptions = hiveGatewayOptions({
  supergraphSdl: readFileSync(env.SUPERGRAPH_PATH ?? committedSupergraph(), 'utf8'),
  auth: serviceAuth(env),
  subgraphUrls: subgraphUrls(env),
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  production: env.NODE_ENV === 'production',
});

export const gatewayConfig = defineConfig({ ...gatewayOptions, port: env.PORT, host: env.HOST });
