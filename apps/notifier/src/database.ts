import type { SubgraphSchema } from '@meritgraph/db';
import { FeedCursor } from '@meritgraph/subgraph-kit';
import { KnownRecord, MailLog, ReminderSent } from './entities';
import { migrations as mysql } from './migrations/mysql';
import { migrations as sqlite } from './migrations/sqlite';

/**
 * The notifier's own database (`notifier.sqlite` under DATA_DIR, or the MySQL database
 * `<prefix>notifier`): its feed cursors, what it knows of the records it judges changes by,
 * the mail log and the reminders sent. It reads no other service's tables.
 */
export const schema: SubgraphSchema = {
  subgraph: 'notifier',
  entities: [FeedCursor, KnownRecord, MailLog, ReminderSent],
  migrations: { sqlite, mysql },
};
