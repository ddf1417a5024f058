import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { type DatabaseLocation, databaseTarget, dropMysqlDatabase } from '@meritgraph/db';
import { type InProcessGraph as TestGraph, startGraph } from '@meritgraph/supergraph';
import { CONTEST_CODE, FIGURES_QUERY, type ReplayResult, expectedFigures, readFigures, replayInto } from '../src/replay';
import {
  ANALYSTS_HEADING,
  answersOf,
  callerFor,
  figuresExample,
  printed,
  readmeExamples,
  variablesOf,
} from '../src/replay/readme-examples';
import { type DocumentedCall, documentedCalls, errorPaths, makeCall, missingFrom, withNull } from './documented-calls';

const ROOT = join(__dirname, '..', '..', '..');
const README = () => readFileSync(join(ROOT, 'README.md'), 'utf8');
const GUIDE = () => readFileSync(join(ROOT, 'apps', 'honors', 'AGENCY-API.md'), 'utf8');

/** A documented answer with the fields the note says anonymous callers get as null. */
const anonymousView = (answer: unknown, paths: readonly string[]) => paths.reduce(withNull, answer);
const forbiddenAt = (paths: readonly string[]) => paths.map((p) => `${p} FORBIDDEN`).sort();

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
  }, 1_500_000);

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

    it('answers the README’s example queries, each with the token it names, as the README prints them (npm run docs:examples rewrites them)', async () => {
      const examples = readmeExamples(README());
      expect(examples.map((e) => e.name)).toEqual(['Leaderboard', 'Story', 'OrganizationHonors']);
      expect(examples.map((e) => e.note.token?.roles ?? 'none')).toEqual([['ANALYST'], ['ANALYST'], 'none']);
      expect(await answersOf(graph, examples)).toEqual(examples.map((e) => e.answer));
    });

    it('answers the README’s ten analysts’ questions as it prints them, once the read model has read the feeds', async () => {
      await graph.analytics.catchUp();
      const questions = readmeExamples(README(), ANALYSTS_HEADING);
      expect(questions).toHaveLength(10);
      expect(questions.every((q) => q.note.token?.roles.includes('ANALYST'))).toBe(true);
      expect(await answersOf(graph, questions)).toEqual(questions.map((q) => q.answer));
    });

    it('gives anonymous callers of the README’s examples what the README says: the same answer, with the fields it names null and FORBIDDEN', async () => {
      const examples = readmeExamples(README());
      expect(examples.map((e) => e.note.anonymousNull)).toEqual([
        ['contest.reviewRounds.results.nodes.submission'],
        ['contest.submissions'],
        [],
      ]);
      for (const e of examples) {
        const answer = await graph.anonymous.request(e.query, variablesOf(e.query));
        expect({ name: e.name, errors: errorPaths(answer.errors) }).toEqual({ name: e.name, errors: forbiddenAt(e.note.anonymousNull) });
        expect({ name: e.name, answer: printed(answer.data) }).toEqual({
          name: e.name,
          answer: printed(anonymousView(JSON.parse(e.answer), e.note.anonymousNull)),
        });
      }
    });

    it('answers the README’s figures query, with the token it names, with everything its abridged answer prints', async () => {
      const figures = figuresExample(README());
      expect(figures.query.trim()).toBe(FIGURES_QUERY.trim());
      expect(figures.note.token).toEqual({ roles: ['ANALYST'] });
      const answer = await (await callerFor(graph, figures.note)).data(figures.query, { code: CONTEST_CODE });
      expect(missingFrom(answer, JSON.parse(figures.answer))).toEqual([]);
    });

    it('gives anonymous callers of the figures query the public figures, with the expert pool and the submissions null and FORBIDDEN', async () => {
      const figures = figuresExample(README());
      expect(figures.note.anonymousNull).toEqual(['experts', 'contest.submissions']);
      const answer = await graph.anonymous.request(figures.query, { code: CONTEST_CODE });
      expect(errorPaths(answer.errors)).toEqual(forbiddenAt(figures.note.anonymousNull));
      expect(missingFrom(answer.data, anonymousView(JSON.parse(figures.answer), figures.note.anonymousNull))).toEqual([]);
    });

    /** Runs a document's curl calls in order, each with its token and without, a cursor passed on from the last page read. */
    async function runCalls(calls: DocumentedCall[]): Promise<string[]> {
      const problems: string[] = [];
      let cursor: string | null = null;
      for (const call of calls) {
        const withToken = await makeCall(graph, call, { cursor });
        problems.push(...missingFrom(withToken.body, call.printed).map((p) => `${call.title}: ${p}`));
        const anonymous = await makeCall(graph, call, { cursor, anonymous: true });
        const view = anonymousView(
          call.printed,
          call.note.anonymousNull.map((p) => `data.${p}`),
        );
        problems.push(...missingFrom(anonymous.body, view).map((p) => `${call.title}, anonymous: ${p}`));
        const forbidden = errorPaths(anonymous.body.errors).filter((e) => e.endsWith(' FORBIDDEN'));
        if (forbidden.join() !== forbiddenAt(call.note.anonymousNull).join())
          problems.push(`${call.title}, anonymous: ${forbidden.join()}`);
        const page = (withToken.body.data as { honors?: { pageInfo?: { endCursor?: string | null } } } | null | undefined)?.honors;
        if (page?.pageInfo?.endCursor) cursor = page.pageInfo.endCursor;
      }
      return problems;
    }

    it('answers the README’s curl call with the token its line makes, and anonymous callers as the README says', async () => {
      const calls = documentedCalls(README(), '## Roles and tokens', 'the README');
      expect(calls.map((c) => [c.service, c.title, c.note.token])).toEqual([
        ['gateway', 'query Totals($code: String!)', { roles: ['ANALYST'] }],
      ]);
      expect(await runCalls(calls)).toEqual([]);
    });

    it('answers each call of the agency guide, with its AGENCY token and without, with everything the guide prints', async () => {
      const calls = documentedCalls(GUIDE(), '## Examples', 'the agency guide');
      expect(calls.map((c) => [c.service, c.title, c.note.token])).toEqual([
        ['honors', 'query Medals($after: String)', { roles: ['AGENCY'], sub: 'agency-1' }],
        ['honors', 'query Medals($after: String)', { roles: ['AGENCY'], sub: 'agency-1' }],
        ['honors', 'query AllOf2019($after: String)', { roles: ['AGENCY'], sub: 'agency-1' }],
        ['honors', 'query OneOrganization', { roles: ['AGENCY'], sub: 'agency-1' }],
      ]);
      expect(await runCalls(calls)).toEqual([]);
    });

    it('pages through the guide’s medals with one filter as the guide says: 43 medals in pages of 20, 20 and 3, each once', async () => {
      // The guide's next-page call, as its reader repeats it: with no cursor first, then each page's endCursor.
      const [, nextPage] = documentedCalls(GUIDE(), '## Examples', 'the agency guide');
      const pages: number[] = [];
      const certificates = new Set<string>();
      type Page = { honors: { nodes: { certificateNumber: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      for (let cursor: string | null = null; pages.length < 10;) {
        const { body } = await makeCall(graph, nextPage!, { cursor });
        expect(body.errors).toBeUndefined();
        const { honors } = body.data as Page;
        pages.push(honors.nodes.length);
        honors.nodes.forEach((n) => certificates.add(n.certificateNumber));
        if (!honors.pageInfo.hasNextPage) break;
        cursor = honors.pageInfo.endCursor;
      }
      expect(pages).toEqual([20, 20, 3]);
      expect(certificates.size).toBe(43);
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
