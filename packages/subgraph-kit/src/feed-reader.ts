import { Column, type DataSource, Entity, type EntityManager, PrimaryColumn } from 'typeorm';
import type { PeerClient } from './peer';

/** How far a reader has read one subgraph's feed. */
@Entity('feed_cursor')
export class FeedCursor {
  @PrimaryColumn('varchar', { length: 40 }) feed: string;
  /** The last position applied. */
  @Column('bigint') position: string;
  /** The feed's last committed position when it was last read. */
  @Column('bigint') head: string;
  /** Changes applied since the reader started from zero. */
  @Column('int') applied: number;
  @Column('datetime') readAt: Date;
  /** Why the last read failed; null once one succeeds. */
  @Column('varchar', { length: 500, nullable: true }) lastError: string | null;
}

/** Changes per read: the largest page a feed serves. */
export const FEED_READ_PAGE = 500;

const FEED_QUERY = `query ChangeFeed($after: ID, $first: Int) { changes(after: $after, first: $first) {
  changes { position entityType entityId version change at state } endCursor head hasMore } }`;

/** One change as a feed serves it. */
export interface FeedRecord {
  position: string;
  entityType: string;
  entityId: string;
  version: number;
  change: string;
  at: string;
  state: Record<string, unknown> | null;
}

interface FeedPageRead {
  changes: FeedRecord[];
  endCursor: string;
  head: string;
  hasMore: boolean;
}

/** What a reader does with each page of a feed. */
export interface FeedPageHandler<F extends string = string> {
  /**
   * Work done with a page before its cursor moves, outside the cursor's transaction (the
   * notifier delivers and mails here). A failure leaves the cursor where it was, so the page
   * is read again: the work must be idempotent.
   */
  process?(feed: F, changes: readonly FeedRecord[]): Promise<void>;
  /** Writes made in the cursor's own transaction; returns how many changes they applied. */
  apply?(em: EntityManager, feed: F, changes: readonly FeedRecord[]): Promise<number>;
}

export interface FeedReaderOptions<F extends string = string> {
  /** How often the feeds are read; null reads only when asked (catchUp), as tests do. */
  pollMs: number | null;
  /** Where a failed read is reported. */
  onError?: (feed: F, error: unknown) => void;
  /** Changes per read (1 to 500). */
  pageSize?: number;
}

export interface FeedLagOf<F extends string = string> {
  feed: F;
  position: string;
  head: string;
  lag: number;
  applied: number;
  readAt: Date | null;
  lastError: string | null;
}

/**
 * Reads subgraphs' change feeds through their APIs (`changes(after, first)` with the reader's
 * service identity), with a persisted cursor per feed. Each page is handled and its cursor
 * moved in one transaction, so a restart (or a crash mid-page) resumes exactly where the last
 * committed page ended; the handler makes a page read twice change nothing. An empty database
 * starts from position zero. The analytics read model and the notifier read the feeds this way.
 */
export class FeedReader<F extends string = string> {
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  protected stopped = false;

  constructor(
    protected readonly dataSource: DataSource,
    readonly feeds: readonly F[],
    private readonly peers: (feed: F) => PeerClient,
    protected readonly clock: () => Date,
    private readonly handler: FeedPageHandler<F>,
    protected readonly options: FeedReaderOptions<F>,
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

  /** Waits for a pass under way, if any. */
  protected async settle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  async lag(): Promise<FeedLagOf<F>[]> {
    const cursors = new Map((await this.dataSource.getRepository(FeedCursor).find()).map((c) => [c.feed, c]));
    return this.feeds.map((feed) => {
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

  /** Reads every feed once to its head; the first failure is thrown after every feed was tried. */
  protected async readAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const feed of this.feeds) {
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

  private async readFeed(feed: F): Promise<void> {
    const cursors = this.dataSource.getRepository(FeedCursor);
    for (;;) {
      if (this.stopped && this.options.pollMs !== null) return;
      const cursor = await cursors.findOneBy({ feed });
      const after = String(cursor?.position ?? '0');
      const { changes: page } = await this.peers(feed).request<{ changes: FeedPageRead }>(FEED_QUERY, {
        after,
        first: this.options.pageSize ?? FEED_READ_PAGE,
      });
      if (this.handler.process && page.changes.length) await this.handler.process(feed, page.changes);
      await this.dataSource.transaction(async (em) => {
        const applied = this.handler.apply ? await this.handler.apply(em, feed, page.changes) : page.changes.length;
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

  private async noteFailure(feed: F, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    await this.dataSource
      .getRepository(FeedCursor)
      .update({ feed }, { lastError: message })
      .catch(() => undefined);
  }
}
