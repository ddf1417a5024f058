import { graphql } from './fixtures';
import { type Fixtures, type Operation, WORKLOADS, variablesFor } from './operations';

export interface Parity {
  compared: number;
  /** One line per request whose data differed between the two gateways. */
  differences: string[];
}

/** Where two answers' data first differ, as a path and the two values; undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = 'data'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * Asks both gateways the same requests before the load (the identical workload's and the first
 * few of the diverse one's): a comparison is only fair when both answer the same data.
 */
export async function compareGateways(
  ops: readonly Operation[],
  fixtures: Fixtures,
  ours: string,
  hive: string,
  token: string,
  perWorkload = 3,
): Promise<Parity> {
  const parity: Parity = { compared: 0, differences: [] };
  for (const op of ops.filter((o) => o.via === 'gateway')) {
    for (const workload of WORKLOADS) {
      for (const variables of variablesFor(op.key, workload, fixtures).slice(0, perWorkload)) {
        const [a, b] = await Promise.all([graphql(ours, token, op.query, variables), graphql(hive, token, op.query, variables)]);
        parity.compared++;
        const difference = firstDifference(a, b);
        if (difference) parity.differences.push(`${op.title} ${JSON.stringify(variables)}: ${difference}`);
      }
    }
  }
  return parity;
}
