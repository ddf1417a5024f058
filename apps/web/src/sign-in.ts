import type { webEnv, z } from '@meritgraph/config';
import { ClientTokens } from '@meritgraph/subgraph-kit';
import { developmentIdentities } from './identities';
import type { SignInSettings } from './server';

/**
 * How the console signs people in, from its settings: OpenID Connect when OIDC_ISSUER_URL is
 * set; otherwise, outside production only, the development picker of DEV_IDENTITIES with
 * tokens signed by JWT_SECRET. Production without a provider offers no sign-in at all (the
 * public pages still work).
 */
export function signInFrom(env: z.infer<typeof webEnv>): SignInSettings {
  if (env.OIDC_ISSUER_URL) return { oidc: { issuer: env.OIDC_ISSUER_URL, clientId: env.OIDC_CLIENT_ID, scope: env.OIDC_SCOPE } };
  if (env.NODE_ENV === 'production' || !env.DEV_IDENTITIES) return {};
  const tokens = new ClientTokens(env);
  return { development: { identities: developmentIdentities(env.DEV_IDENTITIES), sign: (claims) => tokens.signDev(claims) } };
}
