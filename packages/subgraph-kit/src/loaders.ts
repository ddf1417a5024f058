import DataLoader from 'dataloader';

/**
 * The per-request DataLoader registry. A loader is created on first use within a request
 * and shared by every resolver of that request, so N references cost one batched query.
 * It is never shared between requests: that would leak data across callers.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders `rows` by `keys`, with null where a key has no row, as DataLoader requires. */
export function byKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const index = new Map<K, R>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((k) => index.get(k) ?? null);
}

/** Groups `rows` by `keys`, with an empty list where a key has none. */
export function groupByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const index = new Map<K, R[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = index.get(k);
    if (list) list.push(row);
    else index.set(k, [row]);
  }
  return keys.map((k) => index.get(k) ?? []);
}
