import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import { HttpError, type ServiceAuth, TokenRejected, bearerToken } from '@meritgraph/subgraph-kit';

/**
 * The caller's identity: anonymous without a token; 401 UNAUTHENTICATED for a bad, expired
 * or forged one — never silently anonymous.
 */
export async function authenticate(req: IncomingMessage, auth: ServiceAuth): Promise<Identity> {
  try {
    const token = bearerToken(req);
    return token ? await auth.client.verify(token) : ANONYMOUS;
  } catch (error) {
    if (error instanceof TokenRejected) throw new HttpError(401, 'UNAUTHENTICATED', `Unauthenticated: ${error.message}`);
    throw error;
  }
}
