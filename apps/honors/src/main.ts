import { runSubgraphMain } from '@meritgraph/subgraph-kit';
import { createServer, databaseSchema } from './server';

void runSubgraphMain(databaseSchema, createServer);
