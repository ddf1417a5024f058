import type { Server } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { closeServer, listen } from './http';

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
