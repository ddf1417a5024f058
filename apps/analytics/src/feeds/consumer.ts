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

  private rebuildPass: Promise<void> | null = null;

  /**
   * Empties the star schema and the cursors, and starts reading every feed again from zero;
   * it resolves once the pass has started, not when it ends, since reading a large contest's
   * feeds takes longer than a request may run. `rebuilding` says whether the pass is still
   * under way; `catchUp()` waits for it. A failed read is kept in its cursor's lastError.
   */
  async rebuild(): Promise<void> {
    await this.settle();
    await this.dataSource.transaction(async (em) => {
      for (const entity of [...PROJECTED_ENTITIES, FeedCursor]) await em.clear(entity);
    });
    const pass: Promise<void> = this.catchUp()
      .catch(() => undefined)
      .finally(() => {
        if (this.rebuildPass === pass) this.rebuildPass = null;
      });
    this.rebuildPass = pass;
  }

  /** Whether a rebuild is still reading the feeds: until it ends, the read model's figures are partial. */
  get rebuilding(): boolean {
    return this.rebuildPass !== null;
  }
}
