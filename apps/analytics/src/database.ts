import type { SubgraphSchema } from '@meritgraph/db';
import { SavedCubeQuery } from './exports/saved-query.entity';
import { FeedCursor } from './feeds/consumer';
import { PROJECTED_ENTITIES } from './projection/projections';
import { migrations as mysql } from './migrations/mysql';
import { migrations as sqlite } from './migrations/sqlite';

/** The read model's own database: the star schema and the feed cursors. It keeps no audit log: it changes nothing of the contest. */
export const schema: SubgraphSchema = {
  subgraph: 'analytics',
  entities: [...PROJECTED_ENTITIES, FeedCursor, SavedCubeQuery],
  migrations: { sqlite, mysql },
};
