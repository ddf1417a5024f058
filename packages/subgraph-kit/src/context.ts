import { randomUUID } from 'node:crypto';
import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import { LoaderRegistry } from './loaders';

/** What every resolver of a subgraph receives. */
export interface RequestContext {
  requestId: string;
  identity: Identity;
  loaders: LoaderRegistry;
}

export function createRequestContext(identity: Identity = ANONYMOUS, requestId: string = randomUUID()): RequestContext {
  return { requestId, identity, loaders: new LoaderRegistry() };
}
