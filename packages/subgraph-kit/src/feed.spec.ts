import 'reflect-metadata';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { FeedChange, changeFeed, noteChanges, snapshotFeed } from './feed';

@Entity('feed_spec_thing')
class Thing {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 60 }) name: string;
  @Column('varchar', { length: 60, nullable: true }) secret: string | null;
}

const AT = new Date('2019-06-01T08:00:00Z');
const feed = changeFeed({ Thing: { entity: Thing, state: ({ secret: _secret, ...kept }: Thing) => kept } });

let db: DataSource;

beforeEach(async () => {
  db = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: [Thing, ...feed.entities],
    subscribers: feed.subscribers,
    synchronize: true,
  });
  await db.initialize();
  await db.query('INSERT INTO change_feed_head (id, position) VALUES (1, 0)');
});
afterEach(() => db.destroy());

const rows = () => db.getRepository(FeedChange).find({ order: { position: 'ASC' } });
const note = (id: string, change: string) => ({ entityType: 'Thing', entityId: id, change, at: AT });

describe('the feed writer', () => {
  it('writes a committed transaction’s changes with the state the records have when it commits, and versions per record', async () => {
    await db.transaction(async (em) => {
      await em.insert(Thing, { id: 'a', name: 'first', secret: 's3cret' });
      await noteChanges(em, [note('a', 'thing.create')]);
      await em.update(Thing, { id: 'a' }, { name: 'renamed in the same transaction' });
    });
    await db.transaction(async (em) => {
      await em.update(Thing, { id: 'a' }, { name: 'second' });
      await noteChanges(em, [note('a', 'thing.update')]);
    });
    const written = await rows();
    expect(written.map((r) => [String(r.position), r.version, r.change])).toEqual([
      ['1', 1, 'thing.create'],
      ['2', 2, 'thing.update'],
    ]);
    expect(JSON.parse(written[0]!.state!)).toEqual({ id: 'a', name: 'renamed in the same transaction' });
    expect(JSON.parse(written[1]!.state!)).toEqual({ id: 'a', name: 'second' });
  });

  it('writes nothing of a transaction that rolls back, and the next one starts where the last commit ended', async () => {
    await expect(
      db.transaction(async (em) => {
        await em.insert(Thing, { id: 'b', name: 'never', secret: null });
        await noteChanges(em, [note('b', 'thing.create')]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await rows()).toEqual([]);
    await db.transaction(async (em) => {
      await em.insert(Thing, { id: 'c', name: 'kept', secret: null });
      await noteChanges(em, [note('c', 'thing.create')]);
    });
    expect((await rows()).map((r) => [String(r.position), r.entityId])).toEqual([['1', 'c']]);
  });

  it('drops what a rolled-back savepoint noted and keeps what its transaction noted before it', async () => {
    await db.transaction(async (em) => {
      await em.insert(Thing, { id: 'd', name: 'outer', secret: null });
      await noteChanges(em, [note('d', 'thing.create')]);
      await expect(
        em.transaction(async (inner) => {
          await noteChanges(inner, [note('d', 'thing.inner')]);
          throw new Error('inner refused');
        }),
      ).rejects.toThrow('inner refused');
    });
    expect((await rows()).map((r) => r.change)).toEqual(['thing.create']);
  });

  it('gives a removed record a change without state', async () => {
    await db.transaction(async (em) => {
      await noteChanges(em, [note('gone', 'thing.remove')]);
    });
    expect((await rows()).map((r) => [r.entityId, r.state])).toEqual([['gone', null]]);
  });
});

describe('a snapshot', () => {
  it('gives a database’s records from before its feed their first changes, once', async () => {
    await db.getRepository(Thing).insert([
      { id: 'x', name: 'old', secret: 'hidden' },
      { id: 'y', name: 'older', secret: null },
    ]);
    expect(await snapshotFeed(db, AT)).toBe(2);
    expect(await snapshotFeed(db, AT)).toBe(0);
    const written = await rows();
    expect(written.map((r) => [r.entityId, r.version, r.change])).toEqual([
      ['x', 1, 'feed.snapshot'],
      ['y', 1, 'feed.snapshot'],
    ]);
    expect(written.map((r) => r.state).join()).not.toMatch(/hidden/);
  });
});
