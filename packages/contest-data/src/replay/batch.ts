import type { GraphClient } from '@meritgraph/supergraph';

/** One field of a batched operation: `field(arg: value …) { select }`. */
export interface Call {
  field: string;
  /** Argument name → [GraphQL type, value]. */
  args: Record<string, [string, unknown]>;
  select?: string;
}

/**
 * Runs calls as aliased fields, `size` per request (within the gateway's root-field and alias
 * limits): how a client sends many small writes without a request each. Mutation fields run one after another, in order; a failure
 * stops the replay with the GraphQL error.
 */
export async function many<R = Record<string, unknown>>(
  client: GraphClient,
  kind: 'mutation' | 'query',
  calls: readonly Call[],
  size = 15,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < calls.length; start += size) {
    const chunk = calls.slice(start, start + size);
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    const fields = chunk.map((call, i) => {
      const args = Object.entries(call.args).map(([name, [type, value]]) => {
        const variable = `v${i}_${name}`;
        declarations.push(`$${variable}: ${type}`);
        variables[variable] = value;
        return `${name}: $${variable}`;
      });
      return `c${i}: ${call.field}${args.length ? `(${args.join(', ')})` : ''}${call.select ? ` { ${call.select} }` : ''}`;
    });
    const data = await client.data<Record<string, R>>(
      `${kind}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${fields.join('\n')} }`,
      variables,
    );
    chunk.forEach((_, i) => results.push(data[`c${i}`]!));
  }
  return results;
}

/** Items grouped by a key, in their original order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Items in consecutive groups of at most `size`. */
export const groupsOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Runs `work` on each item, at most `limit` at a time: how independent actors (units entering
 * their own achievements) act at once. Resolves when all are done; the first failure rejects.
 */
export async function inParallel<T>(items: Iterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}
