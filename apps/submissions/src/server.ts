import type { DataSource } from 'typeorm';
import { buildFederatedSchema, subgraphServer } from '@meritgraph/subgraph-kit';
import { submissionReference } from './modules/submission/submission.reference';
import {
  ContestSubmissionsResolver,
  OrganizationSubmissionsResolver,
  SubmissionResolver,
} from './modules/submission/submission.resolver';
import { SubmissionService } from './modules/submission/submission.service';
import { OrganizationRef, ContestRef } from './modules/references/references';

export { schema as databaseSchema } from './database';

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export async function buildSchema(dataSource: DataSource) {
  const submissions = new SubmissionService(dataSource);
  return buildFederatedSchema({
    resolvers: [
      new SubmissionResolver(submissions),
      new OrganizationSubmissionsResolver(submissions),
      new ContestSubmissionsResolver(submissions),
    ],
    // Entity stubs this subgraph extends; some are reachable only as parents of field resolvers.
    orphanedTypes: [OrganizationRef, ContestRef],
    references: submissionReference(submissions),
  });
}

export const createServer = subgraphServer('submissions', buildSchema);
