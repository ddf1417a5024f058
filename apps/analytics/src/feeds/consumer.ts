import { Column, type DataSource, Entity, PrimaryColumn } from 'typeorm';
import type { PeerClient } from '@meritgraph/subgraph-kit';
import { FEEDS, type FeedChange, type FeedName, PROJECTED_ENTITIES, applyChanges } from '../projection/projections';

/** How far the projection has read one subgraph's feed. */
@Entity('feed_cursor')
export class FeedCursor {
  @PrimaryColumn('varchar', { length: 40 }) feed: string;
  /** The last position applied. */
  @Column('bigint') position: string;
  /** The feed's last committed position when it was last read. */
  @Column('bigint') head: string;
  /** Changes applied to the star schema since the projection started from zero. */
  @Column('int') applied: number;
  @Column('datetime') readAt: Date;
  /** Why the last read failed; null once one succeeds. */
  @Column('varchar', { length: 500, nullable: true }) lastError: string | null;
}

/** Changes per read: the largest page a feed serves. */
export const FEED_PAGE = 500;

const FEED_QUERY = `query ChangeFeed($after: ID, $first: Int) { changes(after: $after, first: $first) {
  changes { position entityType entityId version change state } endCursor head hasMore } }`;

interface FeedPage {
  changes: FeedChange[];
  endCursor: string;
  head: string;
  hasMore: boolean;
}

export interface ConsumerOptions {
  /** How often the feeds are read; null reads only when asked (catchUp), as tests do. */
  pollMs: number | null;
  /** Where a failed read is reported. */
  onError?: (feed: FeedName, error: unknown) => void;
}

export interface FeedLag {
  feed: FeedName;
  position: string;
  head: string;
  lag: number;
  applied: number;
  readAt: Date | null;
  lastError: string | null;
}

/**
 * Reads the four subgraphs' change feeds into the star schema, through their APIs, with a
 * persisted cursor per feed. Each page is applied and its cursor moved in one transaction, so
 * a restart (or a crash mid-page) resumes exactly where the last committed page ended; and a
 * page applied twice changes nothing. An empty database starts from position zero.
 */
export class FeedConsumer {
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly feeds: (feed: FeedName) => PeerClient,
    private readonly clock: () => Date,
    private readonly options: ConsumerOptions,
  ) {}

  start(): void {
    if (this.options.pollMs === null || this.timer) return;
    this.stopped = false;
    const tick = () => {
      this.timer = setTimeout(() => {
        // A failed read is kept in its cursor's lastError and tried again at the next tick.
        void this.catchUp()
          .catch(() => undefined)
          .finally(() => {
            if (!this.stopped) tick();
          });
      }, this.options.pollMs!);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Reads every feed to its head; callers at the same time share one pass. Resolves when done. */
  catchUp(): Promise<void> {
    this.running ??= this.readAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Empties the star schema and the cursors, then reads every feed again from zero. */
  async rebuild(): Promise<void> {
    await this.running?.catch(() => undefined);
    await this.dataSource.transaction(async (em) => {
      for (const entity of [...PROJECTED_ENTITIES, FeedCursor]) await em.clear(entity);
    });
    await this.catchUp();
  }

  async lag(): Promise<FeedLag[]> {
    const cursors = new Map((await this.dataSource.getRepository(FeedCursor).find()).map((c) => [c.feed, c]));
    return FEEDS.map((feed) => {
      const cursor = cursors.get(feed);
      const position = String(cursor?.position ?? '0');
      const head = String(cursor?.head ?? '0');
      return {
        feed,
        position,
        head,
        lag: Math.max(0, Number(head) - Number(position)),
        applied: cursor?.applied ?? 0,
        readAt: cursor?.readAt ?? null,
        lastError: cursor?.lastError ?? null,
      };
    });
  }

  private async readAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const feed of FEEDS) {
      try {
        await this.readFeed(feed);
      } catch (error) {
        failures.push(error);
        this.options.onError?.(feed, error);
        await this.noteFailure(feed, error);
      }
    }
    if (failures.length) throw failures[0];
  }

  private async readFeed(feed: FeedName): Promise<void> {
    const cursors = this.dataSource.getRepository(FeedCursor);
    for (;;) {
      if (this.stopped && this.options.pollMs !== null) return;
      const cursor = await cursors.findOneBy({ feed });
      const after = String(cursor?.position ?? '0');
      const { changes: page } = await this.feeds(feed).request<{ changes: FeedPage }>(FEED_QUERY, { after, first: FEED_PAGE });
      await this.dataSource.transaction(async (em) => {
        const applied = await applyChanges(em, feed, page.changes);
        await em.upsert(
          FeedCursor,
          {
            feed,
            position: page.endCursor,
            head: page.head,
            applied: (cursor?.applied ?? 0) + applied,
            readAt: this.clock(),
            lastError: null,
          },
          ['feed'],
        );
      });
      if (!page.hasMore) return;
    }
  }

  private async noteFailure(feed: FeedName, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    await this.dataSource
      .getRepository(FeedCursor)
      .update({ feed }, { lastError: message })
      .catch(() => undefined);
  }
}
