import { resolve } from 'node:path';
import { loadConfig, webEnv, withDevelopmentSecrets } from '@meritgraph/config';
import { ClientTokens, runMain } from '@meritgraph/subgraph-kit';
import { developmentIdentities } from './identities';
import { type SignInSettings, createServer } from './server';

void runMain('web', async () => {
  const env = loadConfig(webEnv, withDevelopmentSecrets(process.env));
  const signIn: SignInSettings = {};
  if (env.OIDC_ISSUER_URL) signIn.oidc = { issuer: env.OIDC_ISSUER_URL, clientId: env.OIDC_CLIENT_ID, scope: env.OIDC_SCOPE };
  else if (env.NODE_ENV !== 'production' && env.DEV_IDENTITIES) {
    const tokens = new ClientTokens(env);
    signIn.development = { identities: developmentIdentities(env.DEV_IDENTITIES), sign: (claims) => tokens.signDev(claims) };
  }
  const service = createServer({
    gatewayUrl: env.GATEWAY_URL,
    consoleDir: env.CONSOLE_DIR ?? resolve(__dirname, 'console'),
    signIn,
  });
  return { service, url: await service.start(env.PORT, env.HOST) };
});
