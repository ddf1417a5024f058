import type { Server } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { SERVICE_PORTS, type SubgraphName, loadConfig, subgraphEnv, subgraphUrls } from '@meritgraph/config';
import { type SubgraphSchema, openDatabase } from '@meritgraph/db';
import { serviceAuth } from './auth';
import { closeServer, listen } from './http';
import type { SubgraphDeps } from './subgraph';

/** A running HTTP service as tests and main() see it: start on a port, stop cleanly. */
export interface Service {
  name: string;
  http: Server;
  start(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Wraps an Apollo server and its HTTP server with start/stop; `onStop` closes the rest (databases…). */
export function asService<TContext extends BaseContext>(
  name: string,
  apollo: ApolloServer<TContext>,
  http: Server,
  onStop: () => Promise<void> = async () => {},
): Service {
  let started = false;
  return {
    name,
    http,
    async start(port, host = '127.0.0.1') {
      if (!started) {
        await apollo.start();
        started = true;
      }
      return listen(http, port, host);
    },
    async stop() {
      await closeServer(http);
      if (started) await apollo.stop();
      started = false;
      await onStop();
    },
  };
}

/**
 * The body of every main.ts: start, log the URL, and on SIGINT/SIGTERM stop accepting
 * requests, finish those in flight, close the database and exit.
 */
export async function runMain(start: () => Promise<{ service: Service; url: string }>): Promise<void> {
  try {
    const { service, url } = await start();
    console.log(JSON.stringify({ level: 'info', message: `${service.name} listening`, url: `${url}/graphql` }));
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(JSON.stringify({ level: 'info', message: `${service.name} stopping`, signal }));
      const timer = setTimeout(() => process.exit(1), 10000);
      timer.unref();
      await service.stop();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
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
