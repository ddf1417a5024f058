import { randomUUID } from 'node:crypto';
import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import { LoaderRegistry } from './loaders';
import { currentRequest } from './telemetry/request';

/** What every resolver of a subgraph receives. */
export interface RequestContext {
  requestId: string;
  identity: Identity;
  loaders: LoaderRegistry;
}

/** A request's context; its id is that of the HTTP request being served (see ServiceTelemetry), or a new one. */
export function createRequestContext(
  identity: Identity = ANONYMOUS,
  requestId: string = currentRequest()?.requestId ?? randomUUID(),
): RequestContext {
  return { requestId, identity, loaders: new LoaderRegistry() };
}
