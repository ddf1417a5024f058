import { gatewayEnv, loadConfig, subgraphUrls } from '@meritgraph/config';
import { corsFrom, demandControlFrom, limitsFrom, runMain, serviceAuth } from '@meritgraph/subgraph-kit';
import { createServer } from './server';
import { readSupergraph } from './supergraph-file';

void runMain('gateway', async () => {
  const env = loadConfig(gatewayEnv);
  const service = await createServer({
    supergraphSdl: readSupergraph(env.SUPERGRAPH_PATH),
    auth: serviceAuth(env),
    subgraphUrls: subgraphUrls(env),
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    maxRequestBytes: env.MAX_REQUEST_BYTES,
    production: env.NODE_ENV === 'production',
    limits: limitsFrom(env),
    demand: demandControlFrom(env),
    cors: corsFrom(env),
    deduplicate: env.DEDUPLICATE_SUBGRAPH_FETCHES === 'on',
  });
  return { service, url: await service.start(env.PORT, env.HOST) };
});
