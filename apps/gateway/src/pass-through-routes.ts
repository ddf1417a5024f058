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
import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import {
  type AddressedContext,
  type DemandControl,
  type Logger,
  type RouteHandler,
  type ServiceAuth,
  createRequestContext,
  passThrough,
} from '@meritgraph/subgraph-kit';
import { authenticate } from './identity';
import { IMPORT_OWNERS } from './import-owners';

/** The subgraphs that keep files and mint their signed URLs. */
export const FILE_SUBGRAPHS: readonly SubgraphName[] = ['submissions', 'honors', 'organizations'];

const FILES = /^\/files\/([a-z-]+)(\/[^?]*)$/;
const IMPORT = /^\/imports\/([a-z-]+)$/;
const TEMPLATE = /^\/templates\/([a-z-]+)\.xlsx$/;

function notFound(res: ServerResponse, message: string): Promise<void> {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] }));
  return Promise.resolve();
}

/**
 * Points of the caller's hourly budget a request passed on spends, before it goes on: an import
 * as much as a query of 5,000 objects, a template one, a file one and one more per megabyte sent.
 */
export const PASS_THROUGH_POINTS = {
  import: 50,
  template: 1,
  file: (bytes: number) => 1 + Math.ceil(bytes / (1024 * 1024)),
} as const;

export function passThroughRoutes(
  subgraphUrls: Readonly<Record<SubgraphName, string>>,
  auth: ServiceAuth,
  log: Logger,
  demand?: DemandControl<AddressedContext>,
): Record<string, RouteHandler> {
  /** Spends the request's points of its caller's budget: the signed-in caller's, else its address's. */
  const spend = async (req: Parameters<RouteHandler>[0], identity: Identity, points: number) =>
    demand?.spendOutside({ ...createRequestContext(identity), clientAddress: req.socket.remoteAddress ?? 'unknown' }, points);
  const forward = (
    subgraph: SubgraphName,
    path: string,
    search: string,
    points: number,
    asCaller = false,
  ): ((req: Parameters<RouteHandler>[0], res: ServerResponse) => Promise<void>) => {
    const target = new URL(`${new URL(subgraphUrls[subgraph]).origin}${path}${search}`);
    const unreachable = { code: 'SUBGRAPH_UNAVAILABLE', message: `The ${subgraph} service is unavailable`, service: subgraph };
    return async (req, res) => {
      if (asCaller) {
        // A bad token is 401 here, before the body is read; an anonymous caller is sent on as one.
        const identity = await authenticate(req, auth);
        await spend(req, identity, points);
        const authorization = `Bearer ${await auth.internal.forCaller(identity, subgraph)}`;
        return passThrough(req, res, target, { log, unreachable, authorization });
      }
      // A signed URL needs no token; one given only says whose budget the transfer spends.
      await spend(req, await authenticate(req, auth).catch(() => ANONYMOUS), points);
      return passThrough(req, res, target, { log, unreachable, authorization: null });
    };
  };
  const owner = (kind: string): SubgraphName | undefined => (Object.hasOwn(IMPORT_OWNERS, kind) ? IMPORT_OWNERS[kind] : undefined);
  return {
    '/files/': (req, res, url) => {
      const [, subgraph, rest] = FILES.exec(url.pathname) ?? [];
      if (!subgraph || !rest || !FILE_SUBGRAPHS.includes(subgraph as SubgraphName)) return notFound(res, 'No such file path');
      const bytes = Number(req.headers['content-length'] ?? 0) || 0;
      return forward(subgraph as SubgraphName, `/files${rest}`, url.search, PASS_THROUGH_POINTS.file(bytes))(req, res);
    },
    '/imports/': (req, res, url) => {
      const kind = IMPORT.exec(url.pathname)?.[1];
      const subgraph = kind ? owner(kind) : undefined;
      if (!subgraph) return notFound(res, `No import of that kind; there are: ${Object.keys(IMPORT_OWNERS).join(', ')}`);
      return forward(subgraph, url.pathname, url.search, PASS_THROUGH_POINTS.import, true)(req, res);
    },
    '/templates/': (req, res, url) => {
      const kind = TEMPLATE.exec(url.pathname)?.[1];
      const subgraph = kind ? owner(kind) : undefined;
      if (!subgraph) return notFound(res, `No template of that name; there are: ${Object.keys(IMPORT_OWNERS).join(', ')}`);
      return forward(subgraph, url.pathname, url.search, PASS_THROUGH_POINTS.template, true)(req, res);
    },
  };
}
