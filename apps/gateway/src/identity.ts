import type { IncomingMessage } from 'node:http';
import type { Identity } from '@meritgraph/domain';
import { type ServiceAuth, clientIdentity } from '@meritgraph/subgraph-kit';

/**
 * The caller's identity: anonymous without a token; 401 UNAUTHENTICATED for a bad, expired
 * or forged one — never silently anonymous.
 */
export function authenticate(req: IncomingMessage, auth: ServiceAuth): Promise<Identity> {
  return clientIdentity(req.headers.authorization, auth.client);
}
