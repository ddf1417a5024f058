import { type SchemaDeps, buildFederatedSchema, subgraphServer } from '@meritgraph/subgraph-kit';
import { roundReference } from './modules/round/round.reference';
import { ContestRoundsResolver, RoundResolver, SubmissionReviewResolver } from './modules/round/round.resolver';
import { RoundService } from './modules/round/round.service';
import { SubmissionRef, ContestRef } from './modules/references/references';

export { schema as databaseSchema } from './database';

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export async function buildSchema({ dataSource }: SchemaDeps) {
  const rounds = new RoundService(dataSource);
  return buildFederatedSchema({
    resolvers: [new RoundResolver(rounds), new SubmissionReviewResolver(rounds), new ContestRoundsResolver(rounds)],
    // Entity stubs this subgraph extends; some are reachable only as parents of field resolvers.
    orphanedTypes: [SubmissionRef, ContestRef],
    references: roundReference(rounds),
  });
}

export const createServer = subgraphServer('expert-review', buildSchema);
