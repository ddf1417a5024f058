import type { DataSource } from 'typeorm';
import { buildFederatedSchema, subgraphServer } from '@meritgraph/subgraph-kit';
import { contestReference } from './modules/contest/contest.reference';
import { ContestResolver } from './modules/contest/contest.resolver';
import { ContestService } from './modules/contest/contest.service';
import { organizationReference } from './modules/organization/organization.reference';
import { OrganizationResolver } from './modules/organization/organization.resolver';
import { OrganizationService } from './modules/organization/organization.service';
import { personReference } from './modules/person/person.reference';
import { PersonResolver } from './modules/person/person.resolver';
import { PersonService } from './modules/person/person.service';

export { schema as databaseSchema } from './database';

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export async function buildSchema(dataSource: DataSource) {
  const organizations = new OrganizationService(dataSource);
  const contests = new ContestService(dataSource);
  const people = new PersonService(dataSource);
  return buildFederatedSchema({
    resolvers: [new OrganizationResolver(organizations), new ContestResolver(contests), new PersonResolver(people, organizations)],
    references: {
      ...organizationReference(organizations),
      ...contestReference(contests),
      ...personReference(people),
    },
  });
}

export const createServer = subgraphServer('organizations', buildSchema);
