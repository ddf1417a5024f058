import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { type DatabaseLocation, databaseTarget, dropMysqlDatabase } from '@meritgraph/db';
import { DEFAULT_DEMAND_CONTROL } from '@meritgraph/subgraph-kit';
import { startGraph as startMemoryGraph } from '@meritgraph/supergraph';
import { startGraph } from '@meritgraph/supergraph';
import { type GraphClient } from '@meritgraph/supergraph';
import { type ReplayRun, expectedFigures, figuresTable, plannedFigures, replay2019, replayInto, syntheticTable } from '../src/replay';
import { type CanonicalExport, canonicalExport } from '../src/replay/export';
import { buildLaterWorld } from '../src/replay/later-world';
import { syntheticSeason } from '../src/replay/season';
import { buildWorld } from '../src/replay/world';
import { replayMain } from '../src/replay-main';

interface Contest {
  id: string;
  code: string;
  name: string;
  theme: string;
  year: number;
  startsOn: string;
  milestones: { date: string; title: string }[];
}

/** Every enrolled unit of a contest, by organization id. */
async function participants(gateway: GraphClient, contestId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let after: string | null = null; ;) {
    const {
      participations,
    }: { participations: { nodes: { organization: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await gateway.data(
        `query($c: ID!, $after: String) { participations(contestId: $c, first: 100, after: $after) { nodes { organization { id } } pageInfo { hasNextPage endCursor } } }`,
        { c: contestId, after },
      );
    for (const p of participations.nodes) ids.add(p.organization.id);
    if (!participations.pageInfo.hasNextPage) return ids;
    after = participations.pageInfo.endCursor;
  }
}

/**
 * `npm run replay -- --years 2019,2020`: the 2019 contest, then a synthetic 2020 contest
 * through the same workflow, into databases of their own; and once more into a throwaway
 * in-memory platform with the same seed, to compare the 2020 contest's business data.
 */
describe('a synthetic 2020 contest replayed after 2019', () => {
  const location: DatabaseLocation = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, prefix: `mgtest_${randomBytes(4).toString('hex')}_`, dataDir: ':memory:', log: 'none' }
    : { prefix: '', dataDir: mkdtempSync(join(tmpdir(), 'mg-replay-years-')), log: 'none' };
  const lines: string[] = [];
  let run: ReplayRun;
  let contests: Contest[];
  let units: { 2019: Set<string>; 2020: Set<string> };
  let conferred: { conferredOn: string; certificateNumber: string; decisionNumber: string }[];
  let first: CanonicalExport;
  let second: CanonicalExport;

  beforeAll(async () => {
    run = await replayInto(location, { years: [2019, 2020], log: (line) => lines.push(line) });
    const graph = await startGraph({ location });
    try {
      ({
        contests: { nodes: contests },
      } = await graph.gateway.data<{ contests: { nodes: Contest[] } }>(
        `{ contests(first: 10) { nodes { id code name theme year startsOn milestones { date title } } } }`,
      ));
      const idOf = (code: string) => contests.find((c) => c.code === code)!.id;
      units = { 2019: await participants(graph.gateway, idOf('2019-sci-tech')), 2020: await participants(graph.gateway, idOf('2020-syn')) };
      ({
        honors: { nodes: conferred },
      } = await graph.gateway.data<{ honors: { nodes: typeof conferred } }>(
        `query($c: ID!) { honors(contestId: $c, status: CONFERRED, first: 100) { nodes { conferredOn certificateNumber decisionNumber } } }`,
        { c: idOf('2020-syn') },
      ));
      first = await canonicalExport(graph.gateway, '2020-syn');
    } finally {
      await graph.stop();
    }
    const memory = await startMemoryGraph({ subgraphTimeoutMs: 10 * 60_000, demand: { ...DEFAULT_DEMAND_CONTROL, mode: 'measure' } });
    try {
      await replay2019(memory, { years: [2019, 2020] });
      second = await canonicalExport(memory.gateway, '2020-syn');
    } finally {
      await memory.stop();
    }
  }, 1_500_000);

  afterAll(async () => {
    if (!location.url) return rmSync(location.dataDir, { recursive: true, force: true });
    for (const name of SUBGRAPH_NAMES) {
      const target = databaseTarget(name, location);
      if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
    }
  });

  it('still reaches every figure of the 2019 report', () => {
    expect(run.result!.figures).toEqual(expectedFigures(1));
    expect(figuresTable(run.result!.figures, 1).ok).toBe(true);
  });

  it('reaches, through the API, the figures its generator planned for 2020', () => {
    const season = syntheticSeason(2020, 2019);
    const planned = plannedFigures(season, buildLaterWorld(buildWorld(1, 2019), season, 2019).world);
    const [contest] = run.result!.synthetic;
    expect(contest).toMatchObject({ year: 2020, code: '2020-syn', planned });
    expect(contest!.figures).toEqual(planned);
    expect(syntheticTable(contest!).ok).toBe(true);
  });

  it('has other figures than 2019: entries within 15% of 294, and its own finalists, excellent and honors', () => {
    const { figures } = run.result!.synthetic[0]!;
    const report = expectedFigures(1);
    expect(figures.achievements).toBeGreaterThanOrEqual(Math.floor(294 * 0.85));
    expect(figures.achievements).toBeLessThanOrEqual(Math.ceil(294 * 1.15));
    expect([figures.achievements, figures.finalists, figures.excellent, figures.conferred]).not.toEqual([
      report.achievements,
      report.finalists,
      report.excellent,
      report.conferred,
    ]);
  });

  it('names the 2020 contest as synthetic (模拟) in its code, name, theme and milestones, and the log says so', () => {
    const contest = contests.find((c) => c.year === 2020)!;
    expect(contests.map((c) => c.code).sort()).toEqual(['2019-sci-tech', '2020-syn']);
    expect(contest.name).toMatch(/模拟.*synthetic/);
    expect(contest.theme).toContain('模拟');
    for (const m of contest.milestones) expect(m.title).toContain('（模拟）');
    expect(lines).toContain('\n2020-syn: a synthetic contest (模拟数据) for 2020, drawn from seed 2019; not in the report');
    expect(lines.filter((l) => l.startsWith('2020-syn '))).not.toHaveLength(0);
  });

  it('lives through 2020: its milestones fall in 2020 and the ceremony in January 2021, where its honors are conferred', () => {
    const contest = contests.find((c) => c.year === 2020)!;
    expect(contest.startsOn.slice(0, 4)).toBe('2020');
    expect(contest.milestones.slice(0, -1).map((m) => m.date.slice(0, 4))).toEqual(Array(7).fill('2020'));
    expect(contest.milestones.at(-1)!.date.slice(0, 7)).toBe('2021-01');
    expect(conferred.length).toBeGreaterThan(0);
    for (const h of conferred) {
      expect(h.conferredOn.slice(0, 7)).toBe('2021-01');
      expect(h.certificateNumber).toMatch(/^2020-/);
      expect(h.decisionNumber).toContain('〔2021〕');
    }
  });

  it('brings most 2019 units back, not all of them, and new units besides', () => {
    const back = [...units[2019]].filter((id) => units[2020].has(id));
    expect(back.length).toBeGreaterThan(0.7 * units[2019].size);
    expect(back.length).toBeLessThan(units[2019].size);
    expect(units[2020].size - back.length).toBeGreaterThan(0);
  });

  it('gives the same 2020 scorecards, results, schedule and honors when replayed again with the same seed', () => {
    expect(first.rounds.map((r) => r.stage)).toEqual(['SCREENING', 'EVALUATION', 'FINAL']);
    expect(first.rounds[1]!.scorecards).toHaveLength(run.result!.synthetic[0]!.figures.achievements * 5);
    expect(first.status).toBe('CLOSED');
    expect(second).toEqual(first);
  });
});

describe('npm run replay -- --years, refused', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mg-replay-years-usage-'));
  const output: string[] = [];
  const io = { log: (line: string) => output.push(line), error: (line: string) => output.push(`error: ${line}`) };

  beforeEach(() => {
    output.length = 0;
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['2019,2019', 'each year once: 2019 is named twice'],
    ['2020,2021', 'the years include 2019: later contests build on its organizations and experts'],
    ['2018,2019', 'years are from 2019 to 2026: 2018 is not'],
    ['2019,2020x', 'expected years separated by commas, such as 2019,2020,2021'],
  ])('--years %s exits 2 with a usage error and writes nothing', async (years, message) => {
    await expect(replayMain(['--years', years, '--fresh'], { DATA_DIR: dataDir }, io)).resolves.toBe(2);
    expect(output).toEqual([`error: --years: ${message}`]);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('--years with no years after it exits 2 too', async () => {
    await expect(replayMain(['--fresh', '--years'], { DATA_DIR: dataDir }, io)).resolves.toBe(2);
    expect(output).toEqual(['error: --years: expected years separated by commas, such as 2019,2020,2021']);
  });

  it('replayInto refuses the same years before touching the data', async () => {
    await expect(replayInto({ prefix: '', dataDir, log: 'none' }, { years: [2020], fresh: true })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'years',
    });
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
