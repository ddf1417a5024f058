/**
 * The paths the gateway passes on to one subgraph as they are, so that browsers and scripts use
 * the graph's one origin: a subgraph's signed file URLs (/files/<subgraph>/…), and the Excel
 * imports and their templates (/imports/<kind>, /templates/<kind>.xlsx) at the subgraph that owns
 * the kind. Bodies stream both ways. An import's caller is authenticated here and sent on with
 * the graph's own token for that subgraph, as a GraphQL call is; a file URL's signature is its
 * own permission, so it goes on with no token. The subgraph checks the signature and the limits.
 */
import type { ServerResponse } from 'node:http';
import type { SubgraphName } from '@meritgraph/config';
import { type Logger, type RouteHandler, type ServiceAuth, passThrough } from '@meritgraph/subgraph-kit';
import { authenticate } from './identity';
import { IMPORT_OWNERS } from './import-owners';

/** The subgraphs that keep files and mint their signed URLs. */
export const FILE_SUBGRAPHS: readonly SubgraphName[] = ['submissions', 'honors'];

const FILES = /^\/files\/([a-z-]+)(\/[^?]*)$/;
const IMPORT = /^\/imports\/([a-z-]+)$/;
const TEMPLATE = /^\/templates\/([a-z-]+)\.xlsx$/;

function notFound(res: ServerResponse, message: string): Promise<void> {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] }));
  return Promise.resolve();
}

export function passThroughRoutes(
  subgraphUrls: Readonly<Record<SubgraphName, string>>,
  auth: ServiceAuth,
  log: Logger,
): Record<string, RouteHandler> {
  const forward = (
    subgraph: SubgraphName,
    path: string,
    search: string,
    asCaller = false,
  ): ((req: Parameters<RouteHandler>[0], res: ServerResponse) => Promise<void>) => {
    const target = new URL(`${new URL(subgraphUrls[subgraph]).origin}${path}${search}`);
    const unreachable = { code: 'SUBGRAPH_UNAVAILABLE', message: `The ${subgraph} service is unavailable`, service: subgraph };
    return async (req, res) => {
      // A bad token is 401 here, before the body is read; an anonymous caller is sent on as one.
      const authorization = asCaller ? `Bearer ${await auth.internal.forCaller(await authenticate(req, auth), subgraph)}` : null;
      return passThrough(req, res, target, { log, unreachable, authorization });
    };
  };
  const owner = (kind: string): SubgraphName | undefined => (Object.hasOwn(IMPORT_OWNERS, kind) ? IMPORT_OWNERS[kind] : undefined);
  return {
    '/files/': (req, res, url) => {
      const [, subgraph, rest] = FILES.exec(url.pathname) ?? [];
      if (!subgraph || !rest || !FILE_SUBGRAPHS.includes(subgraph as SubgraphName)) return notFound(res, 'No such file path');
      return forward(subgraph as SubgraphName, `/files${rest}`, url.search)(req, res);
    },
    '/imports/': (req, res, url) => {
      const kind = IMPORT.exec(url.pathname)?.[1];
      const subgraph = kind ? owner(kind) : undefined;
      if (!subgraph) return notFound(res, `No import of that kind; there are: ${Object.keys(IMPORT_OWNERS).join(', ')}`);
      return forward(subgraph, url.pathname, url.search, true)(req, res);
    },
    '/templates/': (req, res, url) => {
      const kind = TEMPLATE.exec(url.pathname)?.[1];
      const subgraph = kind ? owner(kind) : undefined;
      if (!subgraph) return notFound(res, `No template of that name; there are: ${Object.keys(IMPORT_OWNERS).join(', ')}`);
      return forward(subgraph, url.pathname, url.search, true)(req, res);
    },
  };
}
