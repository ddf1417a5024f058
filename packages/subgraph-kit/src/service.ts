import type { Server } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { closeServer, listen } from './http';
import { useShortKeepAliveClient } from './keep-alive';
import { defaultLogger } from './telemetry/logger';
import { startTracing } from './telemetry/sdk';

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
 * The body of every main.ts: start tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set), start
 * the service, log the URL, and on SIGINT/SIGTERM stop accepting requests, finish those in
 * flight, close the database, flush the traces and exit.
 */
export async function runMain(name: string, start: () => Promise<{ service: Service; url: string }>): Promise<void> {
  const log = defaultLogger().child({ service: name });
  useShortKeepAliveClient();
  try {
    const stopTracing = await startTracing(name);
    const { service, url } = await start();
    log.info({ url: `${url}/graphql`, metrics: `${url}/metrics` }, `${name} listening`);
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, `${name} stopping`);
      const timer = setTimeout(() => process.exit(1), 10000);
      timer.unref();
      await service.stop();
      await stopTracing().catch(() => undefined);
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    // The one line a service that cannot start prints, whatever LOG_LEVEL says.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
