import type { IncomingMessage } from 'node:http';
import { type TestGraph, startGraph } from '../../src';
import { bringBack, hang, takeDown } from './outages';

const status = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000) }).then((r) => r.status);

/** Polls until `check` holds, checking `always` on every round, for up to `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, always: () => Promise<void>, timeoutMs = 8000): Promise<number> {
  const started = Date.now();
  for (;;) {
    await always();
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the gateway’s readiness', () => {
  let graph: TestGraph;
  let ready: string;
  let health: string;
  beforeAll(async () => {
    graph = await startGraph();
    const base = graph.gatewayUrl.replace(/\/graphql$/, '');
    ready = `${base}/ready`;
    health = `${base}/health`;
  });
  afterAll(() => graph?.stop());

  const alive = async () => expect(await status(health)).toBe(200);

  it('is 503 while a subgraph is down and 200 once it is back; /health stays 200 throughout', async () => {
    expect(await status(ready)).toBe(200);
    const port = await takeDown(graph.subgraphs.submissions);
    try {
      // The answer is kept for two seconds, so the change shows within a few.
      expect(await eventually(async () => (await status(ready)) === 503, alive)).toBeLessThan(5000);
    } finally {
      await bringBack(graph.subgraphs.submissions, port);
    }
    expect(await eventually(async () => (await status(ready)) === 200, alive)).toBeLessThan(5000);
  });

  it('counts a subgraph that does not answer its probe in time as not ready, and answers without waiting on it', async () => {
    await eventually(async () => (await status(ready)) === 200, alive);
    const release = hang(graph.subgraphs['expert-review'].service.http);
    try {
      let slowest = 0;
      await eventually(async () => {
        const started = Date.now();
        const answer = await status(ready);
        slowest = Math.max(slowest, Date.now() - started);
        return answer === 503;
      }, alive);
      // One probe waits a second at most; the machine may add some.
      expect(slowest).toBeLessThan(4000);
    } finally {
      release();
    }
    await eventually(async () => (await status(ready)) === 200, alive);
  });

  it('probes each subgraph once for many /ready calls in a row', async () => {
    const http = graph.subgraphs.honors.service.http;
    let probes = 0;
    const count = (req: IncomingMessage) => void (req.url === '/ready' && probes++);
    http.prependListener('request', count);
    try {
      await new Promise((r) => setTimeout(r, 2100));
      const answers = await Promise.all(Array.from({ length: 20 }, () => status(ready)));
      expect(answers).toEqual(Array(20).fill(200));
      expect(probes).toBe(1);
    } finally {
      http.off('request', count);
    }
  });

  it('is 503 while a subgraph cannot reach its database', async () => {
    await graph.subgraphs.honors.db.dataSource.destroy();
    expect(await eventually(async () => (await status(ready)) === 503, alive)).toBeLessThan(5000);
  });
});
