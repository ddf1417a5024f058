import type { SubgraphSchema } from '@meritgraph/db';
import { Honor } from './modules/honor/honor.entity';
import { migrations as mysql } from './migrations/mysql';
import { migrations as sqlite } from './migrations/sqlite';

export const schema: SubgraphSchema = {
  subgraph: 'honors',
  entities: [Honor],
  migrations: { sqlite, mysql },
};
