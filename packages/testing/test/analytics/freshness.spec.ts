/**
 * The analytics read model follows the change feeds: a write through the gateway shows in
 * analytics within two seconds; a read model rebuilt from zero answers as before; and a
 * reader that stops and starts again on its database resumes where it was, counting each
 * change once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnalyticsService, createServer as createAnalytics, databaseSchema as analyticsSchema } from '@meritgraph/analytics';
import { type DatabaseLocation, databaseTarget, dropMysqlDatabase, openDatabase } from '@meritgraph/db';
import { Factories, GraphClient, type TestGraph, startGraph, throwawayLocation } from '../../src';
import { rebuildThrough } from './rebuilt';

const CUBE = `query($contest: [ID!]) { analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }], groupBy: [STATUS, DISTRICT],
  filter: { contest: $contest }) { records cells { group { status district } records values } } } }`;

interface CubeAnswer {
  analytics: { cube: { records: number; cells: { group: { status: string; district: string }; records: number; values: number[] }[] } };
}

describe('a write through the gateway', () => {
  let graph: TestGraph;
  let make: Factories;

  beforeAll(async () => {
    graph = await startGraph({ analytics: { pollMs: 200 } });
    make = new Factories(graph.gateway);
  });
  afterAll(() => graph.stop());

  it('shows in analytics within 2 seconds, while the read model follows the feeds on its own', async () => {
    const contest = await make.contest();
    const unit = await make.organization({ district: '闵行区' });
    const analyst = await graph.as('ANALYST');
    const counted = async () => (await analyst.data<CubeAnswer>(CUBE, { contest: [contest.id] })).analytics.cube.records;
    const started = Date.now();
    await make.submission({ contestId: contest.id, organizationId: unit.id });
    let seen = 0;
    while (Date.now() - started < 2000 && (seen = await counted()) === 0) await new Promise((r) => setTimeout(r, 25));
    const elapsed = Date.now() - started;
    expect(seen).toBe(1);
    expect(elapsed).toBeLessThanOrEqual(2000);
    const { analytics } = await analyst.data<CubeAnswer>(CUBE, { contest: [contest.id] });
    expect(analytics.cube.cells).toEqual([{ group: { status: 'DRAFT', district: '闵行区' }, records: 1, values: [1] }]);
  });

  it('reports each feed’s lag, and none once it has caught up', async () => {
    await graph.analytics.catchUp();
    const { analyticsStatus } = await (
      await graph.as('ANALYST')
    ).data<{
      analyticsStatus: { feed: string; position: string; head: string; lag: number; lastError: string | null }[];
    }>(`{ analyticsStatus { feed position head lag lastError } }`);
    expect(analyticsStatus.map((s) => s.feed)).toEqual(['organizations', 'submissions', 'expert-review', 'honors']);
    for (const feed of analyticsStatus) expect(feed).toMatchObject({ lag: 0, lastError: null, position: feed.head });
    const refused = await (await graph.as('SUBMITTER')).request(`{ analyticsStatus { feed } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves the lag per feed on the analytics service’s /metrics', async () => {
    const metrics = await (await fetch(graph.subgraphs.analytics.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/meritgraph_analytics_feed_lag_changes\{feed="submissions"\} 0/);
  });
});

describe('the read model', () => {
  let graph: TestGraph;
  let make: Factories;
  let contestId: string;

  beforeAll(async () => {
    graph = await startGraph();
    make = new Factories(graph.gateway);
    contestId = (await make.contest()).id;
    for (const district of ['浦东新区', '浦东新区', '徐汇区']) {
      const unit = await make.organization({ district });
      await make.submission({ contestId, organizationId: unit.id });
    }
    await graph.analytics.catchUp();
  });
  afterAll(() => graph.stop());

  it('rebuilt from zero by the office answers exactly as before', async () => {
    const analyst = await graph.as('ANALYST');
    const before = await analyst.data<CubeAnswer>(CUBE, { contest: [contestId] });
    expect(before.analytics.cube.records).toBe(3);
    const rebuilt = await rebuildThrough(graph.gateway);
    expect(rebuilt.every((f) => f.lag === 0 && f.lastError === null && !f.rebuilding)).toBe(true);
    expect(await analyst.data<CubeAnswer>(CUBE, { contest: [contestId] })).toEqual(before);
  });

  it('is rebuilt by the office only: an analyst is FORBIDDEN, and the read model keeps its data', async () => {
    const analyst = await graph.as('ANALYST');
    const refused = await analyst.request(`mutation { rebuildAnalytics { feed } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { analyticsStatus } = await analyst.data<{ analyticsStatus: { applied: number }[] }>(`{ analyticsStatus { applied } }`);
    expect(analyticsStatus.reduce((sum, f) => sum + f.applied, 0)).toBeGreaterThan(0);
    expect((await analyst.data<CubeAnswer>(CUBE, { contest: [contestId] })).analytics.cube.records).toBe(3);
  });

  it('read again by a reader started on the same database resumes at its cursors and counts every change once', async () => {
    const location: DatabaseLocation = process.env.DATABASE_URL
      ? throwawayLocation()
      : { prefix: '', dataDir: mkdtempSync(join(tmpdir(), 'mg-analytics-')), log: 'none' };
    const peers = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, s]) => [name, s.url]));
    const reader = async () =>
      createAnalytics({ db: await openDatabase(analyticsSchema, location), auth: graph.auth, peers, analytics: { pollMs: null } });
    const submissionsFeed = async (service: AnalyticsService) => (await service.consumer.lag()).find((f) => f.feed === 'submissions')!;
    try {
      const first = await reader();
      await first.consumer.catchUp();
      const then = await submissionsFeed(first);
      await first.stop();

      const unit = await make.organization({ district: '徐汇区' });
      await make.submission({ contestId, organizationId: unit.id });

      const second = await reader();
      await second.consumer.catchUp();
      await second.consumer.catchUp();
      const now = await submissionsFeed(second);
      // It read on from its cursor: the one new change, applied once however often it reads.
      expect(Number(now.position) - Number(then.position)).toBe(1);
      expect(now.applied - then.applied).toBe(1);
      const url = `${await second.start(0)}/graphql`;
      const analyst = new GraphClient(url).with({
        authorization: `Bearer ${await graph.auth.internal.forCaller({ roles: ['ANALYST'], sub: 'analyst' }, 'analytics')}`,
      });
      const { analytics } = await analyst.data<CubeAnswer>(CUBE, { contest: [contestId] });
      expect(analytics.cube.records).toBe(4);
      await second.stop();
    } finally {
      const target = databaseTarget('analytics', location);
      if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
      else rmSync(location.dataDir, { recursive: true, force: true });
    }
  });
});
