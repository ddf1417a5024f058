import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  type ImportFailure,
  type ImportKind,
  type ImportOutcome,
  failuresOf,
  importTransaction,
  recordImport,
} from '@meritgraph/subgraph-kit';
import { MAX_BATCH, distinct } from '../bulk';
import { Organization } from '../organization/organization.entity';

/** What the import kinds of this subgraph share: reading cells, finding the organizations rows name, judging rows in chunks. */

/**
 * One import of this subgraph, of one kind: its rows judged inside one transaction, which is
 * rolled back on a dry run or when any row is refused; a clean commit records the import
 * (its kind, file digest and counts) once. `judge` pushes every refusal onto `failures` and
 * gives how many records it made.
 */
export async function judgedImport(
  dataSource: DataSource,
  clock: () => Date,
  run: Parameters<ImportKind['run']>[0],
  kind: string,
  judge: (em: EntityManager, failures: ImportFailure[]) => Promise<number>,
): Promise<ImportOutcome> {
  const { identity, rows, commit, sha256 } = run;
  const failures: ImportFailure[] = [];
  const created = await importTransaction(
    dataSource,
    () => commit && failures.length === 0,
    async (em) => {
      const made = await judge(em, failures);
      if (commit && failures.length === 0) await recordImport(em, identity, clock(), { kind, sha256, rows: rows.length, created: made });
      return made;
    },
  );
  return { created: failures.length ? 0 : created, failures };
}

/** A cell's text, trimmed; null when empty. */
export const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** Values per IN list: well inside SQLite's and MySQL's limits on bound parameters. */
const IN_CHUNK = 500;

async function findIn(em: EntityManager, column: 'creditCode' | 'name', values: readonly string[]): Promise<Organization[]> {
  const found: Organization[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) {
    found.push(...(await em.findBy(Organization, { [column]: In(values.slice(i, i + IN_CHUNK)) })));
  }
  return found;
}

/** The registered organizations a sheet names, by credit code and by name (several may share a name). */
export interface Registry {
  byCode: ReadonlyMap<string, Organization>;
  byName: ReadonlyMap<string, readonly Organization[]>;
}

/** Reads, in the import's transaction, the organizations with these credit codes and these names. */
export async function registryOf(
  em: EntityManager,
  codes: readonly (string | null)[],
  names: readonly (string | null)[],
): Promise<Registry> {
  const byCode = new Map((await findIn(em, 'creditCode', distinct(codes))).map((o) => [o.creditCode!, o] as const));
  const byName = new Map<string, Organization[]>();
  for (const o of await findIn(em, 'name', distinct(names))) {
    const same = byName.get(o.name);
    if (same) same.push(o);
    else byName.set(o.name, [o]);
  }
  return { byCode, byName };
}

/** A refusal of a row's reference, before any service judges it; its index is filled in by the caller. */
export type Refusal = Omit<ImportFailure, 'index'>;

export const isRefusal = (x: unknown): x is Refusal => !!x && typeof x === 'object' && 'code' in x && 'message' in x;

/**
 * The organization a row names by its credit code (in `codeColumn`) or, when it gives none,
 * by its name (in `nameColumn`, refused when several share it). When both are given, the
 * name must be the one registered with the code.
 */
export function findOrganization(
  registry: Registry,
  row: { code: string | null; name: string | null },
  columns: { code: string; name: string },
): Organization | Refusal {
  if (row.code) {
    const found = registry.byCode.get(row.code);
    if (!found) return { field: columns.code, code: 'NOT_FOUND', message: `No organization has the credit code ${row.code}` };
    if (row.name && row.name !== found.name) {
      return {
        field: columns.name,
        code: 'BAD_USER_INPUT',
        message: `The credit code ${row.code} is registered to ${found.name}, not ${row.name}`,
      };
    }
    return found;
  }
  if (!row.name) return { field: columns.code, code: 'BAD_USER_INPUT', message: 'give the credit code, or the name of one without' };
  const named = registry.byName.get(row.name) ?? [];
  if (named.length === 1) return named[0]!;
  return named.length
    ? { field: columns.name, code: 'BAD_USER_INPUT', message: `${named.length} organizations are named ${row.name}: give the credit code` }
    : { field: columns.name, code: 'NOT_FOUND', message: `No organization is named ${row.name}` };
}

/** One row on its way to a service: its place among the rows judged, and the service's input. */
export interface Item<I> {
  index: number;
  input: I;
}

/**
 * Gives the items to a bulk service method in lists of MAX_BATCH, each list all or nothing. A
 * refused list is given again without its refused items, so that the rows after it are judged
 * with those made, as a commit would make them. `refused` hears each refusal with the item it
 * names; the items made are returned with what was made of them.
 */
export async function judgeInChunks<I, R>(
  items: readonly Item<I>[],
  create: (inputs: I[]) => Promise<R[]>,
  refused: (item: Item<I>, failure: ImportFailure) => void,
): Promise<{ item: Item<I>; made: R }[]> {
  const made: { item: Item<I>; made: R }[] = [];
  for (let start = 0; start < items.length; start += MAX_BATCH) {
    let list = items.slice(start, start + MAX_BATCH);
    while (list.length) {
      try {
        const results = await create(list.map((item) => item.input));
        results.forEach((result, k) => made.push({ item: list[k]!, made: result }));
        break;
      } catch (error) {
        const failures = failuresOf(error);
        const bad = new Set<number>();
        for (const failure of failures) {
          const item = list[failure.index];
          if (!item) continue;
          bad.add(failure.index);
          refused(item, { ...failure, index: item.index });
        }
        // A refusal naming no item of the list refuses them all.
        if (bad.size === 0) {
          for (const item of list) refused(item, { ...failures[0]!, index: item.index, field: failures[0]?.field ?? null });
          break;
        }
        list = list.filter((_, k) => !bad.has(k));
      }
    }
  }
  return made;
}
