/**
 * How a normalized cache (Apollo Client's InMemoryCache, urql's Graphcache) identifies the
 * platform's objects. Every entity has a stable `id` and needs nothing here. A few kinds
 * of object have no `id` but a key of their own, and `Me` is a singleton; every other type
 * without an `id` (connections, edges, page info, figures, reports) is a value embedded in its
 * parent.
 *
 *   new InMemoryCache({ typePolicies: Object.fromEntries(
 *     Object.entries(KEY_FIELDS).map(([type, keyFields]) => [type, { keyFields: [...keyFields] }])) })
 */
export const KEY_FIELDS = {
  /** An award (a May Day medal, a Worker Pioneer title, …) is known by its code. */
  AwardType: ['code'],
  /** A year of the working-day calendar, by its number. */
  CalendarYear: ['year'],
  /** A day of the working-day calendar (a holiday, a working weekend), by its date. */
  CalendarDay: ['date'],
  /** How far the analytics read model has read one subgraph's change feed, by the subgraph's name. */
  FeedLag: ['feed'],
  /** A saved cube query of the analytics read model, by its unique name. */
  SavedCubeQuery: ['name'],
  /** The caller's own view (inbox, unread count, email choices): one a session, keyed by its type alone. */
  Me: [],
} as const satisfies Record<string, readonly string[]>;
