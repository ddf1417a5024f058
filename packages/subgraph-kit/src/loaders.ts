import DataLoader from 'dataloader';
import { type FindOptionsOrder, type FindOptionsWhere, In, type ObjectLiteral, type Repository } from 'typeorm';

/**
 * The per-request DataLoader registry. A loader is created on first use within a request
 * and shared by every resolver of that request, so N references cost one batched query.
 * It is never shared between requests: that would leak data across callers.
 *
 * `one` and `many` cover every batched read: one row per key (an entity by id, a profile by
 * person) and every row of each parent (a contest's tracks). `byId`, `byColumn` and
 * `groupedBy` are the same two over a TypeORM repository, for the common plain lookups.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** The loader named `name`, created from `batch` on first use in this request. */
  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** At most one row per key, null where there is none: `fetch` gets every key of the request at once. */
  one<K, R>(name: string, fetch: (keys: K[]) => Promise<readonly R[]>, keyOf: (row: R) => K): DataLoader<K, R | null> {
    return this.get<K, R | null>(name, async (keys) => byKey(keys, await fetch([...keys]), keyOf));
  }

  /** Every row of each key, in the order `fetch` returns them, an empty list where there is none. */
  many<K, R>(name: string, fetch: (keys: K[]) => Promise<readonly R[]>, keyOf: (row: R) => K): DataLoader<K, R[]> {
    return this.get<K, R[]>(name, async (keys) => groupByKey(keys, await fetch([...keys]), keyOf));
  }

  /** An entity by its primary key `id`. */
  byId<R extends ObjectLiteral & { id: string }>(repo: Repository<R>): DataLoader<string, R | null> {
    return this.byColumn(repo, 'id');
  }

  /** An entity by a column that is unique for it (`personId` of an expert profile, `code` of an award type). */
  byColumn<R extends ObjectLiteral, C extends keyof R & string>(repo: Repository<R>, column: C): DataLoader<R[C], R | null> {
    return this.one<R[C], R>(
      `${repo.metadata.name}.by.${column}`,
      (keys) => repo.findBy({ [column]: In(keys) } as FindOptionsWhere<R>),
      (row) => row[column],
    );
  }

  /** The rows of each parent, by the column that names it, in `order`. */
  groupedBy<R extends ObjectLiteral, C extends keyof R & string>(
    repo: Repository<R>,
    column: C,
    order?: FindOptionsOrder<R>,
  ): DataLoader<R[C], R[]> {
    return this.many<R[C], R>(
      `${repo.metadata.name}.grouped.${column}.${JSON.stringify(order ?? {})}`,
      (keys) => repo.find({ where: { [column]: In(keys) } as FindOptionsWhere<R>, order }),
      (row) => row[column],
    );
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
