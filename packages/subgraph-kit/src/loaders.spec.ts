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
