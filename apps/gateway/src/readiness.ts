import { type Logger, defaultLogger } from '@meritgraph/subgraph-kit';

export interface ReadinessOptions {
  /** How long one answer stands, so that a load balancer polling /ready does not multiply into probes. */
  cacheMs?: number;
  /** How long a subgraph may take to answer its /ready; slower counts as not ready. */
  probeTimeoutMs?: number;
  /** Where a change of answer is reported (which subgraphs are not ready); the process's logger when absent. */
  logger?: Logger;
}

export const DEFAULT_READINESS: Required<Omit<ReadinessOptions, 'logger'>> = { cacheMs: 2000, probeTimeoutMs: 1000 };

/** A subgraph's /ready beside its GraphQL endpoint (…/graphql → …/ready). */
export const readyUrl = (graphqlUrl: string): string => new URL('ready', graphqlUrl).toString();

async function probe(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Whether every subgraph the gateway routes to answers its own /ready: the gateway is only
 * ready to serve the whole schema when they all are. One round of probes runs at a time and
 * its answer is kept for `cacheMs`.
 */
export function subgraphReadiness(urls: Record<string, string>, options: ReadinessOptions = {}): () => Promise<boolean> {
  const { cacheMs, probeTimeoutMs } = { ...DEFAULT_READINESS, ...options };
  const log = options.logger ?? defaultLogger().child({ service: 'gateway' });
  let answer: { ready: boolean; at: number } | undefined;
  let round: Promise<boolean> | undefined;
  let reported = '';

  const probeAll = async (): Promise<boolean> => {
    const results = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => [name, await probe(readyUrl(url), probeTimeoutMs)] as const),
    );
    const unready = results.filter(([, ok]) => !ok).map(([name]) => name);
    const summary = unready.join(',');
    if (summary !== reported) {
      if (unready.length) log.warn({ subgraphs: unready }, 'gateway not ready: subgraphs not ready');
      else log.info('gateway ready: every subgraph is ready');
      reported = summary;
    }
    return unready.length === 0;
  };

  return () => {
    if (answer && Date.now() - answer.at < cacheMs) return Promise.resolve(answer.ready);
    round ??= probeAll()
      .then((ready) => {
        answer = { ready, at: Date.now() };
        return ready;
      })
      .finally(() => {
        round = undefined;
      });
    return round;
  };
}
