/**
 * Hive Gateway as its own process, as the gateway benchmark runs it: the committed supergraph
 * with the platform's auth (hiveGatewayOptions), Hive's defaults otherwise (its in-flight
 * deduplication of subgraph requests on, as it ships). Reads the gateway's environment: PORT,
 * HOST, the secrets (or the development ones in DATA_DIR), the subgraph URLs, SUPERGRAPH_PATH,
 * SUBGRAPH_TIMEOUT_MS, and LOG_LEVEL.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { gatewayEnv, loadConfig, subgraphUrls, telemetryEnv } from '@meritgraph/config';
import { hiveGatewayOptions } from '@meritgraph/hive-gateway';
import { serviceAuth } from '@meritgraph/subgraph-kit';

const HIVE_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

async function main() {
  const env = loadConfig(gatewayEnv);
  const { LOG_LEVEL } = loadConfig(telemetryEnv, process.env);
  const level = HIVE_LEVELS.find((l) => l === LOG_LEVEL);
  const gateway = createGatewayRuntime({
    ...hiveGatewayOptions({
      supergraphSdl: readFileSync(env.SUPERGRAPH_PATH ?? resolve(__dirname, '../../../supergraph.graphql'), 'utf8'),
      auth: serviceAuth(env),
      subgraphUrls: subgraphUrls(env),
      subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
      production: env.NODE_ENV === 'production',
    }),
    // fatal and silent have no Hive level: both are "as quiet as it gets".
    logging: level ?? (LOG_LEVEL ? 'error' : 'info'),
  });
  const server = createServer(gateway);
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(env.PORT, env.HOST, ready);
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await gateway.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
