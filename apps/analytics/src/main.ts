import { analyticsEnv, loadConfig } from '@meritgraph/config';
import { runSubgraphMain } from '@meritgraph/subgraph-kit';
import { createServer, databaseSchema } from './server';

void runSubgraphMain(databaseSchema, createServer, () => {
  const env = loadConfig(analyticsEnv);
  return { analytics: { pollMs: env.ANALYTICS_POLL_MS, minimumCell: env.ANALYTICS_MIN_CELL } };
});
