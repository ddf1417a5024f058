import autocannon from 'autocannon';
import { responseProblem, tally } from './stats';

export interface LoadOptions {
  /** The GraphQL endpoint. */
  url: string;
  /** The request bodies, sent in turn (one for the identical workload). */
  bodies: readonly string[];
  token: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  latencies: number[];
  /** Bytes received, headers included. */
  bytes: number;
  errors: number;
  problems: [string, number][];
}

/**
 * Puts one endpoint under load with autocannon for `seconds`: `connections` connections, each
 * sending the next body as soon as its previous answer is in. Every answer is checked: a status
 * other than 200 or a GraphQL `errors` array counts as an error, as does a request that got no
 * answer (connection error or timeout).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let bytes = 0;
  const problems: string[] = [];
  let requests = 0;
  let next = 0;
  const { bodies } = options;
  const onResponse = (status: number, body: string) => {
    requests++;
    const problem = responseProblem(status, body);
    if (problem) problems.push(problem);
  };
  const request: autocannon.Request = {
    method: 'POST',
    path: new URL(options.url).pathname,
    body: bodies[0],
    onResponse,
    // With several bodies, each request takes the next one in turn (shared by all connections).
    ...(bodies.length > 1 ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length] }) } : {}),
  };
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        requests: [request],
      },
      (error: unknown, done: autocannon.Result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    // autocannon's tracker emits (client, statusCode, bytes, responseTime).
    instance.on('response', (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
      bytes += resBytes;
      latencies.push(responseTime);
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const failed = result.errors; // connection errors, timeouts included
  if (failed > 0)
    problems.push(...Array.from({ length: failed }, () => `no response (connection error or timeout; ${result.timeouts} timeouts)`));
  return { requests, seconds, latencies, bytes, errors: problems.length, problems: tally(problems) };
}
