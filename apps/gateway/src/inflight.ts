import type { Identity } from '@meritgraph/domain';

/**
 * Identical subgraph fetches in flight at the same moment share one request, as Apollo Router
 * and Hive Gateway do by default. A fetch is identical when it goes to the same subgraph with
 * the same document and variables on behalf of the same identity, as the subgraph sees it.
 * Only queries are shared, never mutations.
 *
 * A shared fetch settles once for everyone already waiting: its answer (each waiter gets its
 * own copy, since the gateway merges answers into its response in place) or its failure. The
 * entry is gone as soon as it settles, so a later fetch never sees an earlier failure.
 */
export class InflightFetches<T> {
  private readonly pending = new Map<string, Promise<T>>();
  /** Fetches answered by another's request since the start. */
  shared = 0;

  constructor(private readonly copy: (value: T) => T = structuredClone) {}

  /** How many distinct fetches are in flight now. */
  get size(): number {
    return this.pending.size;
  }

  /** Runs `fetch`, or joins the identical one in flight; a null key never shares. */
  async run(key: string | null, fetch: () => Promise<T>): Promise<T> {
    if (key === null) return fetch();
    const inFlight = this.pending.get(key);
    if (inFlight) {
      this.shared += 1;
      return this.copy(await inFlight);
    }
    const started = fetch().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}

/** Whether a subgraph operation only reads: planners print `query …` or a bare selection set. */
export const isQuery = (document: string): boolean => /^\s*(?:query\b|\{)/.test(document);

/** The identity as the subgraph's token states it, in a fixed order. */
export const identityKey = (identity: Identity): string =>
  JSON.stringify([
    identity.sub ?? null,
    [...identity.roles].sort(),
    identity.org ?? null,
    identity.expert ?? null,
    identity.service ?? null,
  ]);

/** The key of a subgraph fetch that may be shared, or null for one that may not (a mutation). */
export function fetchKey(subgraph: string, document: string | undefined, variables: unknown, identity: Identity): string | null {
  if (!document || !isQuery(document)) return null;
  return JSON.stringify([subgraph, identityKey(identity), document, variables ?? null]);
}
