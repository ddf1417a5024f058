import { DomainError } from '@meritgraph/domain';
import type { InternalTokens } from './auth';

/** Where the other subgraphs answer; read at call time, so tests can start them in any order. */
export type PeerUrls = Partial<Record<string, string>>;

/**
 * One subgraph reading facts another owns, through that subgraph's GraphQL API with this
 * subgraph's service identity (DESIGN §2). It never touches the other's tables.
 */
export class PeerClient {
  constructor(
    private readonly self: string,
    private readonly target: string,
    private readonly urls: PeerUrls,
    private readonly tokens: InternalTokens,
    private readonly timeoutMs = 10000,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const url = this.urls[this.target];
    if (!url) throw new DomainError('UPSTREAM_UNAVAILABLE', `The ${this.target} service is not configured`);
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.tokens.forService(this.self, this.target)}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch {
      throw new DomainError('UPSTREAM_UNAVAILABLE', `The ${this.target} service did not answer; try again`);
    }
    if (body.errors?.length || !body.data) {
      // A peer's refusal is a fault of ours (a service reads everything), so it is not shown as the caller's.
      throw new Error(`${this.target} refused a service read: ${JSON.stringify(body.errors)}`);
    }
    return body.data;
  }

  /**
   * Records of one kind by id (`organization(id:)`, `person(id:)` …), as aliased fields in
   * batches of `chunk` per request. Ids the peer does not know are missing from the map.
   */
  async lookup<T extends { id: string }>(field: string, select: string, ids: readonly string[], chunk = 50): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += chunk) {
      const batch = unique.slice(start, start + chunk);
      const data = await this.request<Record<string, T | null>>(
        `query(${batch.map((_, i) => `$r${i}: ID!`).join(', ')}) { ${batch.map((_, i) => `r${i}: ${field}(id: $r${i}) { ${select} }`).join(' ')} }`,
        Object.fromEntries(batch.map((id, i) => [`r${i}`, id])),
      );
      for (const row of Object.values(data)) if (row) found.set(row.id, row);
    }
    return found;
  }
}
