import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchWithTimeout } from '@meritgraph/gateway';
import { Factories, type TestGraph, startGraph } from '../../src';

const get = (url: string) => fetch(url).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

describe('health and readiness', () => {
  let graph: TestGraph;
  beforeAll(async () => (graph = await startGraph()));
  afterAll(() => graph?.stop());

  it('every service answers /health and /ready', async () => {
    const bases = [graph.gatewayUrl, ...Object.values(graph.subgraphs).map((s) => s.url)].map((u) => u.replace(/\/graphql$/, ''));
    for (const base of bases) {
      expect(await get(`${base}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await get(`${base}/ready`)).toEqual({ status: 200, body: { status: 'ready' } });
    }
  });

  it('refuses a request body over the limit with 413, before parsing it', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ contests { totalCount } } # ${'x'.repeat(300 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
  });
});

describe('when parts of the system fail', () => {
  let graph: TestGraph;
  let submissionId: string;

  beforeAll(async () => {
    graph = await startGraph();
    const make = new Factories(graph.gateway);
    const contest = await make.contest();
    const unit = await make.organization({ name: '中国科学院上海光学精密机械研究所', kind: 'RESEARCH_INSTITUTE' });
    submissionId = (await make.submission({ contestId: contest.id, organizationId: unit.id, title: '超强超短激光装置' })).id;
  });
  afterAll(() => graph?.stop());

  it('a database failure is masked: the client gets a reference, never SQL, and the service reports itself unready', async () => {
    await graph.subgraphs['expert-review'].db.dataSource.destroy();
    const result = await graph.gateway.request<{ submission: { title: string; reviewStatus: unknown } }>(
      `query($id: ID!) { submission(id: $id) { title reviewStatus { state } } }`,
      { id: submissionId },
    );
    expect(result.data?.submission).toEqual({ title: '超强超短激光装置', reviewStatus: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0]?.message).toMatch(/^Internal server error \(reference [0-9a-f-]{36}\)$/);
    expect(JSON.stringify(result.errors)).not.toMatch(/SELECT|entry|sqlite|mysql|at .*\.ts/i);
    const ready = await get(graph.subgraphs['expert-review'].url.replace(/\/graphql$/, '/ready'));
    expect(ready.status).toBe(503);
  });

  it('a subgraph that is down leaves the rest of the answer intact, with an error for the missing part', async () => {
    await graph.subgraphs.honors.service.stop();
    const result = await graph.gateway.request<{ submission: { title: string; organization: { name: string }; honors: unknown } }>(
      `query($id: ID!) { submission(id: $id) { title organization { name } honors { status } } }`,
      { id: submissionId },
    );
    expect(result.data?.submission).toEqual({
      title: '超强超短激光装置',
      organization: { name: '中国科学院上海光学精密机械研究所' },
      honors: null,
    });
    expect(result.errors).toEqual([
      {
        message: expect.stringMatching(/honors service is unavailable/),
        path: ['submission'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'honors' },
      },
    ]);
    expect(JSON.stringify(result.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
  });
});

describe('subgraph calls have a deadline', () => {
  it('a subgraph that never answers is abandoned after the timeout', async () => {
    const hanging = createServer(() => {
      /* never responds */
    });
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const { port } = hanging.address() as AddressInfo;
    const started = Date.now();
    await expect(fetchWithTimeout(300)(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).rejects.toThrow(
      /timeout|aborted/i,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    hanging.closeAllConnections();
    await new Promise((r) => hanging.close(r));
  });
});
