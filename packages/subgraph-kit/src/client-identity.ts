import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import { type ClientTokens, TokenRejected, bearerToken } from './auth';
import { HttpError } from './http';

/**
 * The caller of a graph entry point (the gateway, or another router serving the supergraph)
 * from the value of its Authorization header: anonymous without one; 401 UNAUTHENTICATED for
 * a bad, expired or forged token, never silently anonymous.
 */
export async function clientIdentity(authorization: string | undefined, tokens: ClientTokens): Promise<Identity> {
  try {
    // The header alone is what bearerToken reads, whichever server received the request.
    const token = bearerToken({ headers: { authorization } } as IncomingMessage);
    return token ? await tokens.verify(token) : ANONYMOUS;
  } catch (error) {
    if (error instanceof TokenRejected) throw new HttpError(401, 'UNAUTHENTICATED', `Unauthenticated: ${error.message}`);
    throw error;
  }
}
