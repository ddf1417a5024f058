/**
 * One Apollo Client for the console: same-origin /graphql, the signed-in caller's token on each
 * request, and a cache keyed as packages/client's KEY_FIELDS says. Signing in or out clears it.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { KEY_FIELDS } from '@meritgraph/client';
import { currentSession } from './session';

export function createClient(): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const session = currentSession();
    return session ? { headers: { ...prev.headers, authorization: `Bearer ${session.token}` } } : {};
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({
      typePolicies: Object.fromEntries(Object.entries(KEY_FIELDS).map(([type, keyFields]) => [type, { keyFields: [...keyFields] }])),
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
