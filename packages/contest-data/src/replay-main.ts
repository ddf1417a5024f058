/**
 * npm run replay [-- --scale N] [--seed S] [--years 2019,2020,…] [--fresh | --if-empty]
 *
 * Replays the 2019 contest through the gateway into the platform's databases (embedded
 * SQLite in DATA_DIR, or MySQL/MariaDB when DATABASE_URL is set, each subgraph as its own
 * user where DATABASE_USER_<SUBGRAPH> is set), printing each step with its count and time,
 * then the figures reached against the report's. `--years` adds synthetic contests after
 * 2019 (codes `<year>-syn`, named 模拟数据), each with its own summary and its figures
 * checked against those its generator planned. Exits non-zero when any figure differs.
 * Data that already holds the contest is left alone: an error (2) unless `--if-empty`
 * says that is expected (0), as for a deployment's one-shot seed step.
 */
import { databaseEnv, databaseUrls, loadConfig } from '@meritgraph/config';
import type { DatabaseLocation } from '@meritgraph/db';
import { DomainError } from '@meritgraph/domain';
import { useShortKeepAliveClient } from '@meritgraph/subgraph-kit';
import { FIRST_YEAR, configuredLocation, figuresTable, parseYears, replayInto, syntheticTable } from './replay';

export interface ReplayMainIo {
  log: (line: string) => void;
  error: (line: string) => void;
}

const consoleIo: ReplayMainIo = { log: (line) => console.log(line), error: (line) => console.error(line) };

/** Where the replay writes: the services' location, with each subgraph's own user where one is given. */
export function replayLocation(env: NodeJS.ProcessEnv): DatabaseLocation {
  return { ...configuredLocation(env), urls: databaseUrls(loadConfig(databaseEnv, env)) };
}

const withoutCredentials = (url: string) => url.replace(/\/\/[^@]*@/, '//');

/** Runs the command line; resolves to the process's exit code. */
export async function replayMain(argv: readonly string[], env: NodeJS.ProcessEnv, io: ReplayMainIo = consoleIo): Promise<number> {
  const option = (name: string, fallback: number): number => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const value = Number(argv[i + 1]);
    if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} takes a positive whole number`);
    return value;
  };
  let scale: number, seed: number, years: number[];
  try {
    scale = option('scale', 1);
    seed = option('seed', 2019);
    years = argv.includes('--years') ? parseYears(argv[argv.indexOf('--years') + 1]) : [FIRST_YEAR];
    if (argv.includes('--fresh') && argv.includes('--if-empty')) throw new UsageError('--fresh and --if-empty exclude each other');
  } catch (error) {
    if (error instanceof DomainError && error.field === 'years') {
      io.error(`--years: ${error.message}`);
      return 2;
    }
    if (!(error instanceof UsageError)) throw error;
    io.error(error.message);
    return 2;
  }
  const later = years.filter((y) => y !== FIRST_YEAR);
  const fresh = argv.includes('--fresh');
  const location = replayLocation(env);
  const users = Object.entries(location.urls ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, url]) => `${name} as ${decodeURIComponent(new URL(url).username)}`);
  const where = location.url
    ? `MySQL ${withoutCredentials(location.url)} (databases ${location.prefix}*; ${users.join(', ')})`
    : `SQLite in ${location.dataDir}`;
  const also = later.length
    ? `, then synthetic contests (模拟数据, not in the report) for ${later.join(', ')} as ${later.map((y) => `${y}-syn`).join(', ')},`
    : '';
  io.log(`Replaying the 2019 contest${also} at scale ${scale} (seed ${seed}) into ${where}${fresh ? ', from scratch' : ''}\n`);
  const started = Date.now();
  const run = await replayInto(location, { scale, seed, fresh, years, log: io.log });
  if (!run.replayed) {
    if (argv.includes('--if-empty')) {
      io.log('The data already holds the 2019 contest; nothing to do.');
      return 0;
    }
    io.error(`The data already holds the 2019 contest; run with --fresh to replace it.`);
    return 2;
  }
  const { lines, ok } = figuresTable(run.result!.figures, scale);
  io.log(`\nFigures reached (scale ${scale}), in ${((Date.now() - started) / 1000).toFixed(1)} s:\n${lines.join('\n')}`);
  let planned = true;
  for (const contest of run.result!.synthetic) {
    const table = syntheticTable(contest);
    io.log(`\n${table.lines[0]}; planned against reached through the API:\n${table.lines.slice(1).join('\n')}`);
    if (!table.ok) io.error(`\nThe synthetic contest ${contest.code} did not reach the figures its generator planned.`);
    planned &&= table.ok;
  }
  if (!ok) {
    io.error('\nThe replay did not reach the report’s figures.');
    return 1;
  }
  return planned ? 0 : 1;
}

class UsageError extends Error {}

if (require.main === module) {
  useShortKeepAliveClient();
  replayMain(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
