import { rmSync } from 'node:fs';
import { SUBGRAPH_NAMES, databaseEnv, loadConfig } from '@meritgraph/config';
import { type DatabaseLocation, databaseTarget, dropMysqlDatabase } from '@meritgraph/db';
import { DEFAULT_DEMAND_CONTROL } from '@meritgraph/subgraph-kit';
import { startGraph } from '@meritgraph/supergraph';
import { CONTEST_CODE, type ReplayResult, type ReviewFigures, type SyntheticContest, expectedFigures, replay2019 } from './replay';
import { FIRST_YEAR, checkYears } from './season';

/** Where the platform keeps its data, as its services read it from the environment. */
export function configuredLocation(env: NodeJS.ProcessEnv = process.env): DatabaseLocation {
  const config = loadConfig(databaseEnv, env);
  return { url: config.DATABASE_URL, prefix: config.DATABASE_PREFIX, dataDir: config.DATA_DIR, log: 'errors' };
}

async function wipe(location: DatabaseLocation): Promise<void> {
  for (const name of SUBGRAPH_NAMES) {
    const target = databaseTarget(name, location);
    if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
    else if (target.file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) rmSync(`${target.file}${suffix}`, { force: true });
  }
}

export interface ReplayRun {
  /** False when the data already held the contest and nothing was replayed. */
  replayed: boolean;
  result?: ReplayResult;
}

/**
 * Replays the 2019 contest into the platform's own databases, then the synthetic contests of
 * any later `years` (default `[2019]`; 2019 must be among them). The platform runs in this
 * process for the length of the replay, on one clock the replay moves through each contest's
 * year (a historical contest cannot be lived on today's date); its data stays for the
 * services to serve afterwards. Data that already holds the 2019 contest is left alone,
 * unless `fresh`. Years that cannot be replayed are refused (BAD_USER_INPUT on `years`)
 * before the data is touched.
 */
export async function replayInto(
  location: DatabaseLocation,
  options: { scale?: number; seed?: number; fresh?: boolean; log?: (line: string) => void; years?: readonly number[] } = {},
): Promise<ReplayRun> {
  checkYears(options.years ?? [FIRST_YEAR]);
  if (options.fresh) await wipe(location);
  // One intake or assignment at scale 100 handles tens of thousands of entries in one request.
  // The office's own bulk load: its demand is measured, not refused (at scale 100 it spends far more than an hour's points).
  const graph = await startGraph({ location, subgraphTimeoutMs: 30 * 60_000, demand: { ...DEFAULT_DEMAND_CONTROL, mode: 'measure' } });
  try {
    const { contest } = await graph.gateway.data<{ contest: { id: string } | null }>(
      `query($code: String!) { contest(code: $code) { id } }`,
      { code: CONTEST_CODE },
    );
    if (contest) return { replayed: false };
    return { replayed: true, result: await replay2019(graph, options) };
  } finally {
    await graph.stop();
  }
}

/** The figures reached against the report's, one line each; `ok` is false when any differs. */
export function figuresTable(reached: ReviewFigures, scale: number): { lines: string[]; ok: boolean } {
  return compareFigures(expectedFigures(scale), reached);
}

/**
 * A synthetic contest's summary (submissions, finalists, excellent, honors) and its figures
 * as the API reports them against those its generator planned; `ok` is false when any differs.
 */
export function syntheticTable(contest: SyntheticContest): { lines: string[]; ok: boolean } {
  const { figures: f } = contest;
  const honors = Object.values(f.conferred).reduce((a, b) => a + b, 0);
  const summary =
    `${contest.code} (synthetic, 模拟数据): ${f.achievements} submissions from ${f.units} units, ` +
    `${f.finalists.total} finalists, ${f.excellent.total} excellent, ${honors} honors conferred`;
  const { lines, ok } = compareFigures(contest.planned, f);
  return { lines: [summary, ...lines], ok };
}

/** Figures reached against those expected, one line each; the expert pool only needs to be at least as large. */
export function compareFigures(expected: ReviewFigures, reached: ReviewFigures): { lines: string[]; ok: boolean } {
  const rows: [string, unknown, unknown][] = [
    ['participating units', expected.units, reached.units],
    ['achievements submitted', expected.achievements, reached.achievements],
    ['expert pool (at least)', expected.experts, reached.experts],
    ['second-round judges', expected.judges, reached.judges],
    ['finalists AI / BIOMED / IC+big science', fmt(expected.finalists), fmt(reached.finalists)],
    ['excellent AI / BIOMED / IC+big science', fmt(expected.excellent), fmt(reached.excellent)],
    ['excellent with national prior honors', expected.excellentWithPriorHonors.national, reached.excellentWithPriorHonors.national],
    [
      '… with provincial/ministerial ones',
      expected.excellentWithPriorHonors.provincialMinisterial,
      reached.excellentWithPriorHonors.provincialMinisterial,
    ],
    ...Object.entries(expected.conferred).map(([code, n]): [string, unknown, unknown] => [
      `conferred ${code}`,
      n,
      reached.conferred[code as keyof ReviewFigures['conferred']],
    ]),
    ['milestones', expected.milestones.join(' '), reached.milestones.join(' ')],
    ...Object.entries(expected.reportedExcellent).map(([title, outcome]): [string, unknown, unknown] => [
      `named: ${title.slice(0, 16)}…`,
      outcome,
      reached.reportedExcellent[title] ?? 'NOT_IN_FINAL',
    ]),
  ];
  let ok = true;
  const lines = rows.map(([name, want, got]) => {
    const pass = name.startsWith('expert pool') ? Number(got) >= Number(want) : String(want) === String(got);
    ok &&= pass;
    return `${pass ? '✓' : '✗'} ${name.padEnd(42)} ${String(got).padStart(18)}${pass ? '' : `   expected ${String(want)}`}`;
  });
  return { lines, ok };
}

const fmt = (f: ReviewFigures['finalists']) => `${f.total} = ${f.AI}/${f.BIOMED}/${f['IC+BIG_SCIENCE']}`;
