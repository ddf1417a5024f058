import { Column, DataSource, Entity, PrimaryColumn, type Repository } from 'typeorm';
import { LoaderRegistry, byKey, groupByKey } from './loaders';

describe('LoaderRegistry', () => {
  it('batches every load of one request into a single call', async () => {
    const calls: (readonly string[])[] = [];
    const registry = new LoaderRegistry();
    const batch = async (keys: readonly string[]) => {
      calls.push(keys);
      return keys.map((k) => k.toUpperCase());
    };
    const results = await Promise.all(['a', 'b', 'a', 'c'].map((k) => registry.get('letters', batch).load(k)));
    expect(results).toEqual(['A', 'B', 'A', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
  });

  it('keeps loaders of different requests apart', async () => {
    let calls = 0;
    const batch = async (keys: readonly string[]) => {
      calls += 1;
      return keys;
    };
    await new LoaderRegistry().get('x', batch).load('k');
    await new LoaderRegistry().get('x', batch).load('k');
    expect(calls).toBe(2);
  });
});

describe('byKey and groupByKey', () => {
  const rows = [
    { id: '2', parent: 'p' },
    { id: '1', parent: 'q' },
    { id: '3', parent: 'p' },
  ];

  it('orders rows by the requested keys, with null for missing ones', () => {
    expect(byKey(['1', 'x', '2'], rows, (r) => r.id)).toEqual([rows[1], null, rows[0]]);
  });

  it('groups rows per key, with an empty list for keys without rows', () => {
    expect(groupByKey(['p', 'z', 'q'], rows, (r) => r.parent)).toEqual([[rows[0], rows[2]], [], [rows[1]]]);
  });
});

@Entity('shelf_book')
class Book {
  @PrimaryColumn('varchar') id: string;
  @Column('varchar') shelfId: string;
  @Column('varchar') isbn: string;
  @Column('varchar') title: string;
}

describe('repository loaders', () => {
  let dataSource: DataSource;
  const books = (): Repository<Book> => dataSource.getRepository(Book);

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Book], synchronize: true }).initialize();
    await books().insert([
      { id: 'b1', shelfId: 's1', isbn: '978-1', title: 'Canals' },
      { id: 'b2', shelfId: 's1', isbn: '978-2', title: 'Bridges' },
      { id: 'b3', shelfId: 's2', isbn: '978-3', title: 'Aqueducts' },
    ]);
  });
  afterAll(() => dataSource.destroy());

  it('loads entities by id with one query for the whole request, null for a missing id', async () => {
    const findBy = jest.spyOn(books(), 'findBy');
    const registry = new LoaderRegistry();
    const found = await Promise.all(['b3', 'nope', 'b1'].map((id) => registry.byId(books()).load(id)));
    expect(found.map((b) => b?.title ?? null)).toEqual(['Aqueducts', null, 'Canals']);
    expect(findBy).toHaveBeenCalledTimes(1);
    findBy.mockRestore();
  });

  it('loads by a unique column other than the id', async () => {
    const registry = new LoaderRegistry();
    expect((await registry.byColumn(books(), 'isbn').load('978-2'))?.id).toBe('b2');
  });

  it('groups children by their parent in the requested order, with one query for every parent', async () => {
    const find = jest.spyOn(books(), 'find');
    const registry = new LoaderRegistry();
    const [s1, none, s2] = await Promise.all(
      ['s1', 'empty', 's2'].map((s) => registry.groupedBy(books(), 'shelfId', { title: 'ASC' }).load(s)),
    );
    expect(s1.map((b) => b.title)).toEqual(['Bridges', 'Canals']);
    expect(none).toEqual([]);
    expect(s2.map((b) => b.title)).toEqual(['Aqueducts']);
    expect(find).toHaveBeenCalledTimes(1);
    find.mockRestore();
  });

  it('keeps loaders with different orders apart', async () => {
    const registry = new LoaderRegistry();
    const asc = await registry.groupedBy(books(), 'shelfId', { title: 'ASC' }).load('s1');
    const desc = await registry.groupedBy(books(), 'shelfId', { title: 'DESC' }).load('s1');
    expect(asc.map((b) => b.id)).toEqual(['b2', 'b1']);
    expect(desc.map((b) => b.id)).toEqual(['b1', 'b2']);
  });
});
