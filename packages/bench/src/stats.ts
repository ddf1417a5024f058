/** The two gateways under load. */
export type Side = 'ours' | 'hive';

/** The processes whose CPU is read: the two gateways, the four subgraphs, and the load generator (this process). */
export const SUBGRAPH_PROCESSES = ['organizations', 'submissions', 'expert-review', 'honors'] as const;
export const GATEWAY_PROCESS: Record<Side, string> = { ours: 'gateway', hive: 'hive-gateway' };
export const LOAD_PROCESS = 'load generator';

/** One measurement: one side under load for the measured time. */
export interface Measurement {
  side: Side;
  /** 1 or 2: the first or second pass of the A B A B order. */
  pass: number;
  /** Responses received (answered requests, good or bad). */
  requests: number;
  seconds: number;
  /** Latency percentiles of the responses, ms. */
  p50: number;
  p95: number;
  /** Non-200 answers, answers with a GraphQL `errors` array, and requests that failed or timed out. */
  errors: number;
  /** What went wrong, with how often: "HTTP 429 RATE_LIMITED: …". */
  problems: [string, number][];
  /** CPU used by each process over the measurement, ms. */
  cpuMs: Record<string, number>;
  /** Bytes of the answers received, headers included. */
  bytes: number;
}

export const rps = (m: Measurement): number => (m.seconds > 0 ? m.requests / m.seconds : 0);

/** The nearest-rank percentile (p in 0..1) of values sorted ascending; NaN for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** p50 and p95 of latencies in any order. */
export function latencyPercentiles(latencies: readonly number[]): { p50: number; p95: number } {
  const sorted = Float64Array.from(latencies).sort();
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

/** CPU ms per request of the named processes together. */
export function cpuPerRequest(m: Measurement, processes: readonly string[]): number {
  if (m.requests === 0) return NaN;
  return processes.reduce((sum, name) => sum + (m.cpuMs[name] ?? 0), 0) / m.requests;
}

/** The better-defined of a side's passes: the one with the highest throughput, the least disturbed by anything else on the machine. */
export function bestPass(passes: readonly Measurement[]): Measurement | undefined {
  return passes.reduce<Measurement | undefined>((best, m) => (!best || rps(m) > rps(best) ? m : best), undefined);
}

/** The share of requests that errored (errors over answered-or-failed requests). */
export const errorShare = (m: Measurement): number => (m.requests + transportOnly(m) > 0 ? m.errors / (m.requests + transportOnly(m)) : 0);

/** Errors that got no response at all (connection errors, timeouts), counted in `errors` but not in `requests`. */
const transportOnly = (m: Measurement): number =>
  m.problems.filter(([what]) => what.startsWith('no response')).reduce((sum, [, n]) => sum + n, 0);

/**
 * What is wrong with one answer, or undefined when it is good: a status other than 200, a body
 * that is not JSON, or a GraphQL `errors` array (with the first error's code and message).
 * The body is only parsed when it may hold errors, to keep the load generator light.
 */
export function responseProblem(status: number, body: string): string | undefined {
  if (status === 200 && !body.includes('"errors"')) return undefined;
  let parsed: { errors?: { message?: string; extensions?: { code?: string } }[] } | undefined;
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return `HTTP ${status}: ${status === 200 ? 'a body that is not JSON' : body.slice(0, 120)}`;
  }
  const errors = parsed?.errors;
  if (status === 200 && !(Array.isArray(errors) && errors.length > 0)) return undefined;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  const what = first ? `${first.extensions?.code ?? 'no code'}: ${String(first.message).slice(0, 160)}` : body.slice(0, 120);
  return `${status === 200 ? 'GraphQL error' : `HTTP ${status}`} ${what}${Array.isArray(errors) && errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`;
}

/** Counts of each problem, most frequent first. */
export function tally(problems: Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
