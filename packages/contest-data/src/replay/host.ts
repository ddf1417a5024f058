import type { Identity, Role } from '@meritgraph/domain';
import type { GraphClient } from '@meritgraph/supergraph';

export type { GraphClient };

/** What the replay drives: the gateway as the office, a client per actor, and the platform's clock. */
export interface ReplayHost {
  gateway: GraphClient;
  as(roles: Role | Role[], claims?: Omit<Identity, 'roles' | 'service'>): Promise<GraphClient>;
  /** The replay moves the platform's clock through 2019; null returns it to real time. */
  setNow(at: Date | null): void;
}

/** A moment of 2019, for the platform's clock. */
export const at = (iso: string) => new Date(iso);

/** A unit's submitter: the unit's own account. */
export const submitterOf = (host: ReplayHost, org: Map<string, string>, unit: string): Promise<GraphClient> =>
  host.as('SUBMITTER', { org: org.get(unit)!, sub: `submitter:${unit}` });

/** A mobilizing union's organizer. */
export const organizerOf = (host: ReplayHost, org: Map<string, string>, union: string): Promise<GraphClient> =>
  host.as('ORGANIZER', { org: org.get(union)!, sub: `organizer:${union}` });

/** An expert, scoring the assignments the office gave it. */
export const expertOf = (host: ReplayHost, expert: string): Promise<GraphClient> => host.as('EXPERT', { expert, sub: `expert:${expert}` });

/** One client per actor for the length of a stage, made the first time the actor acts. */
export function clientsOf(make: (key: string) => Promise<GraphClient>): (key: string) => Promise<GraphClient> {
  const cache = new Map<string, GraphClient>();
  return async (key) => {
    let client = cache.get(key);
    if (!client) {
      client = await make(key);
      cache.set(key, client);
    }
    return client;
  };
}
