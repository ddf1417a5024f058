import { type SchemaDeps, buildFederatedSchema, subgraphServer } from '@meritgraph/subgraph-kit';
import { honorReference } from './modules/honor/honor.reference';
import { HonorResolver, OrganizationHonorsResolver, SubmissionHonorsResolver } from './modules/honor/honor.resolver';
import { HonorService } from './modules/honor/honor.service';
import { SubmissionRef, OrganizationRef, ContestRef } from './modules/references/references';

export { schema as databaseSchema } from './database';

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export async function buildSchema({ dataSource }: SchemaDeps) {
  const honors = new HonorService(dataSource);
  return buildFederatedSchema({
    resolvers: [new HonorResolver(honors), new SubmissionHonorsResolver(honors), new OrganizationHonorsResolver(honors)],
    // Entity stubs this subgraph extends; some are reachable only as parents of field resolvers.
    orphanedTypes: [SubmissionRef, OrganizationRef, ContestRef],
    references: honorReference(honors),
  });
}

export const createServer = subgraphServer('honors', buildSchema, { acceptDirect: ['AGENCY'] });
