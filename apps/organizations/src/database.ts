import type { SubgraphSchema } from '@meritgraph/db';
import { Contest } from './modules/contest/contest.entity';
import { Organization } from './modules/organization/organization.entity';
import { Person } from './modules/person/person.entity';
import { migrations as mysql } from './migrations/mysql';
import { migrations as sqlite } from './migrations/sqlite';

export const schema: SubgraphSchema = {
  subgraph: 'organizations',
  entities: [Organization, Contest, Person],
  migrations: { sqlite, mysql },
};
