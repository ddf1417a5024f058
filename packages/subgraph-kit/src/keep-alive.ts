/**
 * Keep-alive on both ends of every connection between the platform's processes (the console's
 * server, the gateway, the subgraphs, their peers and the tests' clients). A client must drop an
 * idle connection well before the server closes it: a request sent on a connection the server is
 * closing meets a reset (ECONNRESET, "fetch failed"), and on a loaded machine the two timers,
 * Node's 5 s on the server and undici's 4 s on the client, came close enough to meet.
 */
import type { Server } from 'node:http';
import { Agent, setGlobalDispatcher } from 'undici';

/** How long a server keeps an idle connection open for the next request. */
export const SERVER_KEEP_ALIVE_MS = 65_000;
/** The longest a client reuses an idle connection, whatever the server's Keep-Alive header offers. */
export const CLIENT_KEEP_ALIVE_MS = 10_000;

export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  // A request's headers must arrive within this; Node wants it above the keep-alive timeout.
  server.headersTimeout = SERVER_KEEP_ALIVE_MS + 1_000;
}

/** Makes the process's fetch give up idle connections long before any server of ours closes them. */
export function useShortKeepAliveClient(): void {
  setGlobalDispatcher(new Agent({ keepAliveTimeout: 4_000, keepAliveMaxTimeout: CLIENT_KEEP_ALIVE_MS }));
}
