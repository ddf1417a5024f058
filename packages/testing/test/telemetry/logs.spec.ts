import { SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/config';
import { type TestGraph, startGraph } from '../../src';
import { FIGURES, capturedLogs, figuresContest } from './telemetry';

describe('access and error logs', () => {
  let graph: TestGraph;
  let code: string;
  const { logger, lines } = capturedLogs();
  const accessLines = (requestId: string) => lines.filter((l) => l.msg === 'request' && l.requestId === requestId);

  beforeAll(async () => {
    graph = await startGraph({ logger });
    code = await figuresContest(graph);
  });
  afterAll(() => graph?.stop());

  it('writes one access line per request on the gateway and on every subgraph it fetched from, all with the caller’s x-request-id', async () => {
    const result = await graph.gateway.with({ 'x-request-id': 'abc' }).request(FIGURES, { code });
    expect(result.errors).toBeUndefined();

    const access = accessLines('abc');
    const gateway = access.filter((l) => l.service === 'gateway');
    expect(gateway).toHaveLength(1);
    expect(gateway[0]).toMatchObject({
      level: 'info',
      operation: 'Figures',
      status: 200,
      outcome: 'ok',
      cost: expect.any(Number),
      durationMs: expect.any(Number),
      failedSubgraphs: [],
      errorIds: [],
    });
    expect(gateway[0]!.cost).toBeGreaterThan(0);
    expect(new Set(access.map((l) => l.service))).toEqual(new Set(['gateway', ...SUBGRAPH_NAMES]));
    for (const line of access.filter((l) => l.service !== 'gateway')) {
      expect(line).toMatchObject({ status: 200, outcome: 'ok', operation: expect.stringMatching(/^Figures__/) });
    }
  });

  it('logs the read model’s polls of the change feeds at debug level, so that they do not drown the other requests', async () => {
    const before = lines.length;
    await graph.analytics.catchUp();
    const polls = lines.slice(before).filter((l) => l.msg === 'request' && l.operation === 'ChangeFeed');
    // The captured log is at info: answered polls leave no line.
    expect(polls).toEqual([]);
    const debug = capturedLogs('debug');
    const quiet = await startGraph({ logger: debug.logger });
    try {
      await quiet.analytics.catchUp();
      const logged = debug.lines.filter((l) => l.msg === 'request' && l.operation === 'ChangeFeed');
      expect(new Set(logged.map((l) => l.service))).toEqual(new Set(['organizations', 'submissions', 'expert-review', 'honors']));
      expect(logged.every((l) => l.level === 'debug' && l.outcome === 'ok')).toBe(true);
    } finally {
      await quiet.stop();
    }
  });

  it('echoes the request id, and answers one of its own for an id that is too long or has other characters', async () => {
    const post = (id: string) =>
      fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await post('trace-7.a:b_c')).headers.get('x-request-id')).toBe('trace-7.a:b_c');
    for (const bad of ['x'.repeat(129), 'has space', '<script>', 'a/../b']) {
      const echoed = (await post(bad)).headers.get('x-request-id');
      expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
      expect(accessLines(echoed!)).toHaveLength(1);
    }
  });

  it('logs a masked error with its errorId and request id, and the access lines of the subgraph and the gateway carry the errorId', async () => {
    const organizations = graph.subgraphs.organizations.db.dataSource;
    const table = organizations.getMetadata('Organization').tableName;
    const quote = (name: string) => organizations.driver.escape(name);
    await organizations.query(`ALTER TABLE ${quote(table)} RENAME TO ${quote(`${table}_away`)}`);
    let result;
    try {
      result = await graph.gateway
        .with({ 'x-request-id': 'masked-1' })
        .request('query Units { organizations(first: 1) { nodes { name } } }');
    } finally {
      await organizations.query(`ALTER TABLE ${quote(`${table}_away`)} RENAME TO ${quote(table)}`);
    }
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const errorId = error?.extensions?.errorId;
    expect(errorId).toEqual(expect.any(String));
    // SQLite says "no such table", MySQL "Table … doesn't exist".
    const missingTable = /no such table|doesn't exist/;
    expect(JSON.stringify(result)).not.toMatch(/SELECT/);
    expect(JSON.stringify(result)).not.toMatch(missingTable);

    const logged = lines.find((l) => l.msg === 'unexpected error' && l.errorId === errorId);
    expect(logged).toMatchObject({ level: 'error', service: 'organizations' satisfies SubgraphName, requestId: 'masked-1' });
    // The log keeps what the answer hides.
    expect(JSON.stringify(logged)).toMatch(missingTable);
    const access = accessLines('masked-1');
    expect(access.find((l) => l.service === 'organizations')).toMatchObject({ errorIds: [errorId], outcome: 'partial' });
    expect(access.find((l) => l.service === 'gateway')).toMatchObject({ errorIds: [errorId], operation: 'Units' });
  });
});
