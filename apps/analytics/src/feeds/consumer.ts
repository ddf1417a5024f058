import type { DataSource } from 'typeorm';
import { FEED_READ_PAGE, FeedCursor, type FeedLagOf, FeedReader, type PeerClient } from '@meritgraph/subgraph-kit';
import { FEEDS, type FeedName, PROJECTED_ENTITIES, applyChanges } from '../projection/projections';

export { FeedCursor };

/** Changes per read: the largest page a feed serves. */
export const FEED_PAGE = FEED_READ_PAGE;

export interface ConsumerOptions {
  /** How often the feeds are read; null reads only when asked (catchUp), as tests do. */
  pollMs: number | null;
  /** Where a failed read is reported. */
  onError?: (feed: FeedName, error: unknown) => void;
}

export type FeedLag = FeedLagOf<FeedName>;

/**
 * Reads the four subgraphs' change feeds into the star schema, through their APIs, with a
 * persisted cursor per feed (the kit's FeedReader). Each page is applied and its cursor moved
 * in one transaction, so a restart (or a crash mid-page) resumes exactly where the last
 * committed page ended; and a page applied twice changes nothing. An empty database starts
 * from position zero.
 */
export class FeedConsumer extends FeedReader<FeedName> {
  constructor(dataSource: DataSource, feeds: (feed: FeedName) => PeerClient, clock: () => Date, options: ConsumerOptions) {
    super(dataSource, FEEDS, feeds, clock, { apply: (em, feed, changes) => applyChanges(em, feed, changes) }, options);
  }

  /** Empties the star schema and the cursors, then reads every feed again from zero. */
  async rebuild(): Promise<void> {
    await this.settle();
    await this.dataSource.transaction(async (em) => {
      for (const entity of [...PROJECTED_ENTITIES, FeedCursor]) await em.clear(entity);
    });
    await this.catchUp();
  }
}
