import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import { HttpError, type ServiceAuth, clientIdentity, deadlineHeaders } from '@meritgraph/subgraph-kit';
import { callerKey } from './caller';

/**
 * The parts of Hive Gateway's plugin hooks this plugin uses, by shape: the runtime is a
 * development dependency, and gateway.config.ts type-checks these against its own types.
 */
interface RequestPayload {
  request: Request;
  url: URL;
  fetchAPI: { Response: typeof Response };
  endResponse(response: Response): void;
}
interface ContextPayload {
  context: { request?: Request };
  extendContext(extension: { identity: Identity; callerKey: string }): void;
}
interface FetchPayload {
  options: { headers?: Record<string, string> };
  setOptions(options: FetchPayload['options']): void;
  executionRequest?: { subgraphName?: string; context?: { identity?: Identity } };
}

export interface AuthPluginOptions {
  auth: ServiceAuth;
  /** How long the router waits for a subgraph; the subgraph stops working on the request then too. */
  subgraphTimeoutMs: number;
  graphqlPath?: string;
}

export interface AuthPlugin {
  onRequest(payload: RequestPayload): Promise<void>;
  onContextBuilding(payload: ContextPayload): void;
  onFetch(payload: FetchPayload): Promise<void>;
}

const jsonError = (error: HttpError, fetchAPI: RequestPayload['fetchAPI']) =>
  new fetchAPI.Response(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }] }), {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/**
 * Auth for Hive Gateway exactly as the platform's gateway does it: the client's token is
 * verified by the same code (anonymous without one, 401 UNAUTHENTICATED for a bad one), and
 * every subgraph fetch carries an internal token minted for that subgraph alone by
 * InternalTokens, an anonymous caller's too. No client header is passed through.
 */
export function meritgraphAuth(options: AuthPluginOptions): AuthPlugin {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const identities = new WeakMap<Request, Identity>();
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== graphqlPath) return;
      try {
        identities.set(request, await clientIdentity(request.headers.get('authorization') ?? undefined, options.auth.client));
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        endResponse(jsonError(error, fetchAPI));
      }
    },
    onContextBuilding({ context, extendContext }) {
      const identity = (context.request && identities.get(context.request)) ?? ANONYMOUS;
      extendContext({ identity, callerKey: callerKey(identity) });
    },
    async onFetch({ options: init, setOptions, executionRequest }) {
      const subgraph = executionRequest?.subgraphName;
      // Only a fetch for a subgraph carries a token (not one for the supergraph or other internal work).
      if (!subgraph) return;
      const token = await options.auth.internal.forCaller(executionRequest?.context?.identity ?? ANONYMOUS, subgraph);
      setOptions({
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${token}`, ...deadlineHeaders(options.subgraphTimeoutMs) },
      });
    },
  };
}
