import { ANONYMOUS, type Identity } from '@meritgraph/domain';

/**
 * The caller a subgraph fetch is made for, as a header of the fetch. Hive Gateway merges
 * identical in-flight subgraph requests by URL and body, and by headers only when the
 * transport sets some of its own; the internal token is added later, by the auth plugin, so
 * without this header two callers' identical fetches would share one answer — the first
 * caller's. With it, only one caller's identical fetches are merged, as on the platform's
 * gateway. Subgraphs ignore it: they know the caller from the signed token alone.
 */
export const CALLER_HEADER = 'x-meritgraph-caller';

/** One caller's key: everything about its identity a subgraph could answer differently for. */
export const callerKey = (identity: Identity | undefined): string => {
  const who = identity ?? ANONYMOUS;
  return JSON.stringify([[...who.roles].sort(), who.sub ?? null, who.org ?? null, who.expert ?? null]);
};
