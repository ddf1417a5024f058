import {
  Column,
  type DataSource,
  Entity,
  type EntityManager,
  EventSubscriber,
  type EntitySubscriberInterface,
  type EntityTarget,
  In,
  Index,
  type ObjectLiteral,
  PrimaryColumn,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { insertRows } from '@meritgraph/db';

/**
 * One change, as a subgraph's change feed serves it: the entity's type and id, its version
 * (1 for the first change of that entity, then one more per change), what was done, when, and
 * the entity's state after the change, in the fields readers of the feed need. Written in the
 * transaction of the change, in the order changes commit; never summarized or truncated. This
 * is a feed, not the audit log: the audit log keeps who did it and the record before.
 */
@Entity('change_feed')
@Index(['entityType', 'entityId', 'version'])
export class FeedChange {
  /** Commit order: every change of a later transaction has a higher position. */
  @PrimaryColumn('bigint')
  position: string;

  @Column('varchar', { length: 40 })
  entityType: string;

  @Column('varchar', { length: 36 })
  entityId: string;

  @Column('int')
  version: number;

  /** What was done, as the audit log names it: submission.submit, honor.announce… */
  @Column('varchar', { length: 60 })
  change: string;

  /** The platform's time of the change (the service's clock). */
  @Column('datetime')
  at: Date;

  /** JSON of the state after the change; null when the entity was removed or its type keeps no state here. */
  @Column('text', { nullable: true })
  state: string | null;
}

/**
 * The last position handed out. Writers take it with an UPDATE just before they commit, so on
 * MySQL its row lock orders them: a transaction gets its positions only once every transaction
 * with lower ones has committed, and a reader can never pass a position that commits later.
 * (SQLite runs one write transaction at a time, so the order holds there by itself.)
 */
@Entity('change_feed_head')
export class FeedHead {
  @PrimaryColumn('int')
  id: number;

  @Column('bigint')
  position: string;
}

/**
 * How the feed reads an entity type's state: the entity to load by its key (`id` unless
 * given), and the fields to keep; or a loader of its own, for a state read from more than one
 * table.
 */
export interface FeedSource<T extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<T>;
  /** The key the audit log names the entity by; `id` when absent. */
  key?: keyof T & string;
  /** The fields readers need; all of the row's columns when absent. Contact data never goes here. */
  state?(row: T): Record<string, unknown>;
  /** Reads the states itself, by key, in place of loading the entity and keeping `state` of each row. */
  load?(em: EntityManager, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>>;
}

/** The entity types, by the name the audit log gives them, whose state the feed carries. */
export type FeedStates = Readonly<Record<string, FeedSource>>;

/** A change noted in a transaction, written to the feed when it commits. */
export interface NotedChange {
  entityType: string;
  entityId: string;
  change: string;
  at: Date;
}

interface Pending extends NotedChange {
  depth: number;
}

const PENDING = 'meritgraph.feed';
/** Changes per write of a snapshot, so a large database's is not held in memory at once. */
const SNAPSHOT_CHUNK = 5000;
/** Ids per SELECT … IN (…). */
const IDS_PER_READ = 500;

const depthOf = (runner: QueryRunner): number => (runner as unknown as { transactionDepth: number }).transactionDepth ?? 0;
const pendingOf = (runner: QueryRunner): Pending[] => ((runner.data as Record<string, Pending[]>)[PENDING] ??= []);
const takePending = (runner: QueryRunner): Pending[] => {
  const pending = pendingOf(runner);
  (runner.data as Record<string, Pending[]>)[PENDING] = [];
  return pending;
};

/** The feed writer of a database, if its subgraph keeps a feed. */
const writerOf = (dataSource: DataSource | undefined): FeedWriter | undefined =>
  dataSource?.subscribers?.find((subscriber): subscriber is FeedWriter => subscriber instanceof FeedWriter);

/**
 * Notes changes for the feed. Inside a transaction they are written when it commits, with
 * the state the entities have then, and dropped if it rolls back; outside one, at once.
 * A database whose subgraph keeps no feed ignores them.
 */
export async function noteChanges(em: EntityManager, changes: readonly NotedChange[]): Promise<void> {
  const writer = writerOf(em.connection);
  if (!writer || changes.length === 0) return;
  const runner = em.queryRunner;
  if (runner?.isTransactionActive) {
    const depth = depthOf(runner);
    pendingOf(runner).push(...changes.map((change) => ({ ...change, depth })));
    return;
  }
  await em.connection.transaction((tx) => writer.write(tx, changes));
}

/**
 * Writes a transaction's noted changes as it commits: one feed row per change, in the order
 * noted, each with its entity's state as committed.
 */
export class FeedWriter implements EntitySubscriberInterface {
  constructor(readonly sources: FeedStates) {}

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // A savepoint released inside a transaction commits nothing yet.
    if (depthOf(event.queryRunner) > 1) return;
    const pending = takePending(event.queryRunner);
    if (pending.length) await this.write(event.manager, pending);
  }

  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    const depth = depthOf(event.queryRunner);
    const pending = takePending(event.queryRunner);
    if (depth > 1) pendingOf(event.queryRunner).push(...pending.filter((change) => change.depth < depth));
  }

  async write(em: EntityManager, changes: readonly NotedChange[]): Promise<void> {
    await em.query('UPDATE change_feed_head SET position = position + ? WHERE id = 1', [changes.length]);
    const [head] = (await em.query('SELECT position FROM change_feed_head WHERE id = 1')) as { position: string | number }[];
    let position = BigInt(head!.position) - BigInt(changes.length);
    const states = new Map<string, Map<string, string>>();
    const versions = new Map<string, number>();
    for (const [entityType, ids] of idsByType(changes)) {
      states.set(entityType, await this.statesOf(em, entityType, ids));
      for (const [id, version] of await lastVersions(em, entityType, ids)) versions.set(`${entityType}:${id}`, version);
    }
    const rows = changes.map((change): FeedChange => {
      const key = `${change.entityType}:${change.entityId}`;
      const version = (versions.get(key) ?? 0) + 1;
      versions.set(key, version);
      return {
        position: String(++position),
        entityType: change.entityType,
        entityId: change.entityId,
        version,
        change: change.change,
        at: change.at,
        state: states.get(change.entityType)?.get(change.entityId) ?? null,
      };
    });
    await insertRows(em, FeedChange, rows);
  }

  private async statesOf(em: EntityManager, entityType: string, ids: readonly string[]): Promise<Map<string, string>> {
    const source = this.sources[entityType];
    const found = new Map<string, string>();
    if (!source) return found;
    for (let i = 0; i < ids.length; i += IDS_PER_READ) {
      const slice = ids.slice(i, i + IDS_PER_READ);
      if (source.load) {
        for (const [id, state] of await source.load(em, slice)) found.set(id, JSON.stringify(state));
        continue;
      }
      const key = source.key ?? 'id';
      const rows = await em.findBy(source.entity, { [key]: In(slice) });
      for (const row of rows) found.set(String(row[key]), JSON.stringify(source.state ? source.state(row) : { ...row }));
    }
    return found;
  }
}

/**
 * A feed's first changes, on a database that holds records from before it kept one (or
 * records its migrations seeded): every record of the types the feed keeps state for, as a
 * `feed.snapshot` change, so a reader that starts from zero still sees them all. Runs once:
 * the head's lock makes a second replica starting at the same time find the snapshot made.
 */
export async function snapshotFeed(dataSource: DataSource, at: Date): Promise<number> {
  const writer = writerOf(dataSource);
  if (!writer) return 0;
  return dataSource.transaction(async (em) => {
    await em.query('UPDATE change_feed_head SET position = position WHERE id = 1');
    const [head] = (await em.query('SELECT position FROM change_feed_head WHERE id = 1')) as { position: string | number }[];
    if (Number(head!.position) > 0) return 0;
    let written = 0;
    for (const [entityType, source] of Object.entries(writer.sources)) {
      const key = source.key ?? 'id';
      const rows = (await em
        .getRepository(source.entity)
        .createQueryBuilder('r')
        .select(`r.${key}`, 'key')
        .orderBy(`r.${key}`)
        .getRawMany()) as {
        key: string;
      }[];
      for (let i = 0; i < rows.length; i += SNAPSHOT_CHUNK) {
        const chunk = rows.slice(i, i + SNAPSHOT_CHUNK);
        await writer.write(
          em,
          chunk.map((row) => ({ entityType, entityId: String(row.key), change: 'feed.snapshot', at })),
        );
        written += chunk.length;
      }
    }
    return written;
  });
}

function idsByType(changes: readonly NotedChange[]): Map<string, string[]> {
  const byType = new Map<string, Set<string>>();
  for (const change of changes) {
    let ids = byType.get(change.entityType);
    if (!ids) byType.set(change.entityType, (ids = new Set()));
    ids.add(change.entityId);
  }
  return new Map([...byType].map(([type, ids]) => [type, [...ids]]));
}

async function lastVersions(em: EntityManager, entityType: string, ids: readonly string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (let i = 0; i < ids.length; i += IDS_PER_READ) {
    const rows = (await em
      .createQueryBuilder(FeedChange, 'c')
      .select('c.entityId', 'id')
      .addSelect('MAX(c.version)', 'version')
      .where('c.entityType = :entityType', { entityType })
      .andWhere('c.entityId IN (:...ids)', { ids: ids.slice(i, i + IDS_PER_READ) })
      .groupBy('c.entityId')
      .getRawMany()) as { id: string; version: string | number }[];
    for (const row of rows) versions.set(row.id, Number(row.version));
  }
  return versions;
}

/**
 * A subgraph's change feed: its tables, and the writer that fills them as transactions
 * commit. `states` names the entity types whose state the feed carries.
 */
export function changeFeed(states: FeedStates): { entities: [typeof FeedChange, typeof FeedHead]; subscribers: [new () => FeedWriter] } {
  // TypeORM instantiates only subscribers registered with @EventSubscriber.
  @EventSubscriber()
  class SubgraphFeedWriter extends FeedWriter {
    constructor() {
      super(states);
    }
  }
  return { entities: [FeedChange, FeedHead], subscribers: [SubgraphFeedWriter] };
}
