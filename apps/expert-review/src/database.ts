import type { SubgraphSchema } from '@meritgraph/db';
import { Entry, ReviewRound } from './modules/round/round.entity';
import { migrations as mysql } from './migrations/mysql';
import { migrations as sqlite } from './migrations/sqlite';

export const schema: SubgraphSchema = {
  subgraph: 'expert-review',
  entities: [ReviewRound, Entry],
  migrations: { sqlite, mysql },
};
