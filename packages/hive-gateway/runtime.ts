/**
 * Hive Gateway in this process, serving the supergraph with the platform's auth: what the
 * parity test runs. Outside src/ because the runtime is a development dependency.
 */
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { closeServer, listen } from '@meritgraph/subgraph-kit';
import { type HiveGatewayDeps, hiveGatewayOptions } from './src';

export interface RunningHiveGateway {
  /** The GraphQL endpoint. */
  url: string;
  stop(): Promise<void>;
}

export async function startHiveGateway(deps: HiveGatewayDeps, port = 0, host = '127.0.0.1'): Promise<RunningHiveGateway> {
  const gateway = createGatewayRuntime({ ...hiveGatewayOptions(deps), logging: 'error' });
  const server = createServer(gateway);
  const base = await listen(server, port, host);
  return {
    url: `${base}/graphql`,
    async stop() {
      await closeServer(server);
      await gateway.dispose();
    },
  };
}
