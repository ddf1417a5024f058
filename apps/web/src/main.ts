import { resolve } from 'node:path';
import { loadConfig, webEnv, withDevelopmentSecrets } from '@meritgraph/config';
import { runMain } from '@meritgraph/subgraph-kit';
import { createServer } from './server';
import { signInFrom } from './sign-in';

void runMain('web', async () => {
  const env = loadConfig(webEnv, withDevelopmentSecrets(process.env));
  const service = createServer({
    gatewayUrl: env.GATEWAY_URL,
    consoleDir: env.CONSOLE_DIR ?? resolve(__dirname, 'console'),
    signIn: signInFrom(env),
  });
  return { service, url: await service.start(env.PORT, env.HOST) };
});
