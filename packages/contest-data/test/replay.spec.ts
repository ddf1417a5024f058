import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { type DatabaseLocation, databaseTarget, dropMysqlDatabase } from '@meritgraph/db';
import { type TestGraph, startGraph } from '@meritgraph/testing';
import { CONTEST_CODE, FIGURES_QUERY, type ReplayResult, expectedFigures, readFigures, replayInto } from '../src/replay';
import { answersOf, readmeExamples } from '../src/replay/readme-examples';

/**
 * What `printed` shows that `actual` lacks, by path: objects need every printed key, and each
 * element of a printed list must be in the actual list (an abridged answer leaves fields and
 * rows out, and must not show any that are not there).
 */
function missingFrom(actual: unknown, printed: unknown, path = '$'): string[] {
  if (Array.isArray(printed)) {
    if (!Array.isArray(actual)) return [`${path} is not a list`];
    return printed.flatMap((item, i) =>
      actual.some((a) => missingFrom(a, item).length === 0) ? [] : [`${path}[${i}] ${JSON.stringify(item)}`],
    );
  }
  if (printed && typeof printed === 'object') {
    if (!actual || typeof actual !== 'object') return [`${path} is not an object`];
    return Object.entries(printed).flatMap(([k, v]) => missingFrom((actual as Record<string, unknown>)[k], v, `${path}.${k}`));
  }
  return Object.is(actual, printed) ? [] : [`${path}: ${JSON.stringify(actual)} where the README prints ${JSON.stringify(printed)}`];
}

/**
 * The replay as `npm start` and `npm run replay` run it: into databases of their own (SQLite
 * files, or MySQL when DATABASE_URL is set), which the platform then serves.
 */
describe('the 2019 contest replayed through the gateway', () => {
  const location: DatabaseLocation = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, prefix: `mgtest_${randomBytes(4).toString('hex')}_`, dataDir: ':memory:', log: 'none' }
    : { prefix: '', dataDir: mkdtempSync(join(tmpdir(), 'mg-replay-')), log: 'none' };
  let result: ReplayResult;
  const lines: string[] = [];

  beforeAll(async () => {
    const run = await replayInto(location, { log: (line) => lines.push(line) });
    expect(run.replayed).toBe(true);
    result = run.result!;
  }, 600_000);

  afterAll(async () => {
    if (!location.url) return rmSync(location.dataDir, { recursive: true, force: true });
    for (const name of SUBGRAPH_NAMES) {
      const target = databaseTarget(name, location);
      if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
    }
  });

  it('reaches the report’s review figures: 294 achievements from 210 units, 31 judges, 185 finalists and 90 excellent', () => {
    expect(result.figures).toEqual(expectedFigures(1));
    expect(result.figures).toMatchObject({ units: 210, achievements: 294, judges: 31 });
    expect(result.figures.experts).toBeGreaterThanOrEqual(100);
    expect(result.figures.finalists).toEqual({ AI: 68, BIOMED: 68, 'IC+BIG_SCIENCE': 49, total: 185 });
    expect(result.figures.excellent).toEqual({ AI: 29, BIOMED: 35, 'IC+BIG_SCIENCE': 26, total: 90 });
  });

  it('confers the report’s honors: 43 medals, 25 Worker Pioneer titles, 11 unit awards, 10 organization awards and 90 excellent achievements', () => {
    expect(result.figures.conferred).toEqual({
      MAY_DAY_MEDAL: 43,
      WORKER_PIONEER: 25,
      MAY_DAY_AWARD: 11,
      EXCELLENT_ORGANIZATION: 10,
      EXCELLENT_ACHIEVEMENT: 90,
    });
  });

  it('of the 90 excellent achievements, 13 hold national and 50 provincial or ministerial honors', () => {
    expect(result.figures.excellentWithPriorHonors).toEqual({ national: 13, provincialMinisterial: 50 });
  });

  it('names the report’s three achievements among the 90 excellent: the BeiDou satellites, the powertrain platform and the tunnel endoscopy', () => {
    expect(result.figures.reportedExcellent).toEqual({
      新一代北斗导航卫星首发星及北斗全球系统MEO卫星组批研制: 'EXCELLENT',
      汽车动力总成国产化高端加工装备与智能制造系统验证示范平台: 'EXCELLENT',
      隧道内镜技术治疗胃肠道及其腔外病变的新应用: 'EXCELLENT',
    });
  });

  it('keeps the eight milestones of the report, from the launch on 2019-03-29 to the ceremony in January 2020', () => {
    expect(result.figures.milestones).toEqual([
      '2019-03-29',
      '2019-08-30',
      '2019-09-19',
      '2019-10-09',
      '2019-10-24',
      '2019-11-21',
      '2019-11-29',
      '2020-01-15',
    ]);
  });

  it('reports each step with its count and time', () => {
    expect(lines.some((l) => l.startsWith('submissions, April to September') && l.includes('294'))).toBe(true);
    expect(result.steps.map((s) => s.step)).toContain('第二轮评审: scorecards');
  });

  describe('afterwards', () => {
    let graph: TestGraph;
    beforeAll(async () => (graph = await startGraph({ location })));
    afterAll(() => graph?.stop());

    it('answers the README’s example queries as the README prints them (npm run docs:examples rewrites them)', async () => {
      const examples = readmeExamples(readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8'));
      expect(examples.map((e) => /query \w+/.exec(e.query)?.[0])).toEqual(['query Leaderboard', 'query Story', 'query OrganizationHonors']);
      expect(await answersOf(graph.gateway, examples)).toEqual(examples.map((e) => e.answer));
    });

    it('answers the README’s figures query with everything its abridged answer prints', async () => {
      const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
      const from = readme.indexOf('## The 2019 contest in one query');
      const block = /```graphql\n([\s\S]*?)```[\s\S]*?```json\n([\s\S]*?)```/.exec(readme.slice(from));
      expect(block).not.toBeNull();
      const [, query, printed] = block!;
      expect(query!.trim()).toBe(FIGURES_QUERY.trim());
      const answer = await graph.gateway.data(query!, { code: CONTEST_CODE });
      expect(missingFrom(answer, JSON.parse(printed!))).toEqual([]);
    });

    it('the data keeps the contest, closed after its ceremony: the platform serves the same figures, and replaying again leaves it alone', async () => {
      expect(await readFigures(graph.gateway, result.contestId)).toEqual(result.figures);
      const { contest } = await graph.anonymous.data<{ contest: { name: string; status: string } }>(
        `query($code: String!) { contest(code: $code) { name status } }`,
        { code: CONTEST_CODE },
      );
      expect(contest.name).toContain('聚力新科技');
      expect(contest.status).toBe('CLOSED');
      await graph.stop();
      expect(await replayInto(location)).toEqual({ replayed: false });
      graph = await startGraph({ location });
      expect((await readFigures(graph.gateway, result.contestId)).achievements).toBe(294);
    });
  });
});
