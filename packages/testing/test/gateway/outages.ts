import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { GraphError, RunningSubgraph } from '../../src';

/** The subgraph's process gone, as the network sees it: its port refuses connections, open ones are cut. */
export async function takeDown(subgraph: RunningSubgraph): Promise<number> {
  const port = Number(new URL(subgraph.url).port);
  await new Promise<void>((done) => {
    subgraph.service.http.close(() => done());
    subgraph.service.http.closeAllConnections();
  });
  return port;
}

/** The subgraph back on its port, with the data it had. */
export const bringBack = (subgraph: RunningSubgraph, port: number) => subgraph.service.start(port);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Serves the subgraph's port with `handler` in place of the subgraph; returns the way back. */
function replaceHandler(http: Server, handler: Handler): () => void {
  const listeners = http.listeners('request') as Handler[];
  http.removeAllListeners('request');
  http.on('request', handler);
  return () => {
    http.removeAllListeners('request');
    for (const listener of listeners) http.on('request', listener);
  };
}

/** The subgraph's process alive but stuck: it accepts connections and never answers. Returns the release. */
export function hang(http: Server): () => void {
  const held: ServerResponse[] = [];
  const restore = replaceHandler(http, (_req, res) => held.push(res));
  return () => {
    restore();
    for (const res of held) res.destroy();
  };
}

/** The subgraph answering every operation with `answer(request body)`, as a faulty one might. Returns the way back. */
export function answerWith(http: Server, answer: (body: { query: string; variables?: Record<string, unknown> }) => unknown): () => void {
  return replaceHandler(http, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string })));
    });
  });
}

/** Whether an error's path leads to a place in the answer: no planner segment, every step there. */
export function pointsIntoData(data: unknown, path: GraphError['path']): boolean {
  if (!path) return true;
  let at = data;
  for (const segment of path) {
    if (segment === '@' || segment === '_entities' || at === null || typeof at !== 'object') return false;
    at = (at as Record<string | number, unknown>)[segment];
    if (at === undefined) return false;
  }
  return true;
}
