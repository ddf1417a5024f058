/**
 * npm run bench:gateway [-- options] — our gateway side by side with Hive Gateway: the same
 * committed supergraph, the same four subgraph processes, on the 2019 contest replayed at each
 * scale. Every operation and workload runs ours, Hive, ours, Hive after a warm-up; the printout
 * gives throughput, latency, errors and CPU per request of every process. A benchmark, not a
 * test: its tables go to the README. `--help` lists the options.
 */
import { readFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName, authEnv, loadConfig, withDevelopmentSecrets } from '@meritgraph/config';
import { ClientTokens } from '@meritgraph/subgraph-kit';
import { type BenchOptions, USAGE, UsageError, parseArgs } from './args';
import { CONTEST_CODE, type DataSet, ROOT, elapsed, ensureData } from './data';
import { gatherFixtures } from './fixtures';
import {
  type OperationRun,
  comparisonTable,
  fewVariantsLines,
  fmtMs,
  fmtRps,
  passesTable,
  problemLines,
  scaleRatioLines,
  subgraphTable,
} from './format';
import { runLoad } from './load';
import { type Fixtures, OPERATIONS, type Operation, type Workload, requestBodies, variablesFor } from './operations';
import { type Parity, compareGateways } from './parity';
import { Service, waitUntilAnswers } from './processes';
import { clockTicksPerSecond, cpuMsBetween, readCpuTicks, readPeakRssMiB } from './proc';
import { validateOperations } from './schema-check';
import { GATEWAY_PROCESS, LOAD_PROCESS, type Measurement, type Side, errorShare, latencyPercentiles, rps } from './stats';

/** More errors than this share of a measurement's requests stops the run: a benchmark of errors measures nothing. */
const MAX_ERROR_SHARE = 0.001;
/** The hourly rate budget of the two roles the load uses: the schema's largest, far beyond any run, so nothing is throttled. */
const HUGE_RATE_POINTS = '1000000000';
const HEAP_MB = 512;

const out = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`[bench]         ${line}\n`);

const services: Service[] = [];
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    const force = setTimeout(() => services.forEach((s) => s.kill()), 12_000);
    await Promise.all(services.map((s) => s.stop().catch(() => s.kill())));
    clearTimeout(force);
  }
  process.exit(code);
}

interface Ports {
  gateway: number;
  hive: number;
  subgraphs: Record<SubgraphName, number>;
}

const portsFrom = (base: number): Ports => ({
  gateway: base,
  subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, base + 1 + i])) as Record<SubgraphName, number>,
  hive: base + 1 + SUBGRAPH_NAMES.length,
});

const graphqlUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** Variables a shell may hold that would change what is measured: the benchmark sets its own. */
const OVERRIDDEN =
  /^(DATABASE_|OTEL_|RATE_POINTS_|COST_BUDGET_|MAX_(TOKENS|DEPTH|ALIASES|ROOT_FIELDS|DIRECTIVES|FIELD_REPEATS|BATCH_OPERATIONS)$)|^(REDIS_URL|DEMAND_CONTROL|DEDUPLICATE_SUBGRAPH_FETCHES|LOG_LEVEL|PORT|HOST|NODE_ENV|SUPERGRAPH_PATH|DATA_DIR)$/;

/** The environment of every service of one scale: its data folder, its ports, the armor on with budgets that never throttle. */
function serviceEnv(dir: string, ports: Ports): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !OVERRIDDEN.test(key)));
  return withDevelopmentSecrets({
    ...env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    SUPERGRAPH_PATH: resolve(ROOT, 'supergraph.graphql'),
    DEMAND_CONTROL: 'enforce',
    DEDUPLICATE_SUBGRAPH_FETCHES: 'on',
    RATE_POINTS_ADMIN: HUGE_RATE_POINTS,
    RATE_POINTS_AGENCY: HUGE_RATE_POINTS,
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [SUBGRAPHS[name].urlVariable, graphqlUrl(ports.subgraphs[name])])),
  });
}

interface Stack {
  env: NodeJS.ProcessEnv;
  ours: Service;
  hive: Service;
  subgraphs: Record<SubgraphName, Service>;
  stop(): Promise<void>;
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv, port: number): Service {
  const service = new Service({ name, script, env: { ...env, PORT: String(port) }, cwd: ROOT, heapMb: HEAP_MB }, (s) => {
    if (shuttingDown) return;
    const how = s.exited?.signal ?? `code ${s.exited?.code}`;
    const hint = /EADDRINUSE/.test(s.lastLines) ? '\nAnother process holds the port: choose others with --port-base.' : '';
    console.error(`\n${s.spec.name} exited (${how}) during the benchmark; its last lines:\n${s.lastLines}${hint}\nStopping.`);
    void shutdown(1);
  });
  services.push(service);
  service.start();
  return service;
}

/** The four subgraphs, then our gateway and Hive Gateway, each its own node process, all ready. */
async function startStack(dir: string, ports: Ports): Promise<Stack> {
  const env = serviceEnv(dir, ports);
  const subgraphs = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, launch(name, resolve(ROOT, 'apps', name, 'dist/main.js'), env, ports.subgraphs[name])]),
  ) as Record<SubgraphName, Service>;
  await Promise.all(SUBGRAPH_NAMES.map((name) => waitUntilAnswers(subgraphs[name], `http://127.0.0.1:${ports.subgraphs[name]}/ready`)));
  const ours = launch('gateway', resolve(ROOT, 'apps/gateway/dist/main.js'), env, ports.gateway);
  const hive = launch('hive-gateway', resolve(__dirname, 'hive-main.js'), env, ports.hive);
  const probe = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) };
  await Promise.all([
    waitUntilAnswers(ours, `http://127.0.0.1:${ports.gateway}/ready`),
    waitUntilAnswers(hive, graphqlUrl(ports.hive), probe),
  ]);
  const all = [ours, hive, ...Object.values(subgraphs)];
  return {
    env,
    ours,
    hive,
    subgraphs,
    async stop() {
      await Promise.all(all.map((s) => s.stop()));
      for (const s of all) if (services.includes(s)) services.splice(services.indexOf(s), 1);
    },
  };
}

/** The processes whose CPU each measurement reads, by the names the tables use. */
function processIds(stack: Stack): Record<string, number> {
  return {
    [GATEWAY_PROCESS.ours]: stack.ours.pid,
    [GATEWAY_PROCESS.hive]: stack.hive.pid,
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.subgraphs[name].pid])),
    [LOAD_PROCESS]: process.pid,
  };
}

interface Target {
  url: string;
  token: string;
}

class TooManyErrors extends Error {}

async function measure(
  what: string,
  side: Side,
  pass: number,
  target: Target,
  bodies: string[],
  seconds: number,
  connections: number,
  pids: Record<string, number>,
  ticksPerSecond: number,
): Promise<Measurement> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, readCpuTicks(pid)]));
  const load = await runLoad({ url: target.url, bodies, token: target.token, connections, seconds });
  const after = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, readCpuTicks(pid)]));
  const cpuMs = Object.fromEntries(Object.keys(pids).map((name) => [name, cpuMsBetween(before[name]!, after[name]!, ticksPerSecond)]));
  const m: Measurement = {
    side,
    pass,
    requests: load.requests,
    seconds: load.seconds,
    ...latencyPercentiles(load.latencies),
    errors: load.errors,
    problems: load.problems,
    cpuMs,
    bytes: load.bytes,
  };
  const label = `${what}: ${side === 'ours' ? 'ours' : 'Hive'} ${pass ? `pass ${pass}` : 'warm-up'}`;
  progress(`${label}: ${m.requests} requests, ${fmtRps(rps(m))} RPS, p50 ${fmtMs(m.p50)} ms, p95 ${fmtMs(m.p95)} ms, ${m.errors} errors`);
  for (const [problem, n] of m.problems.slice(0, 5)) progress(`  ${n} × ${problem}`);
  if (m.requests === 0 || errorShare(m) > MAX_ERROR_SHARE) {
    throw new TooManyErrors(
      `${label}: ${m.errors} of ${m.requests} requests errored (more than ${MAX_ERROR_SHARE * 100}%): the figures would measure errors, not the gateway.\n` +
        m.problems.map(([p, n]) => `  ${n} × ${p}`).join('\n'),
    );
  }
  return m;
}

/** One operation in one workload: a warm-up of each side, then ours, Hive, ours, Hive (ours twice for the agency list). */
async function runOperation(
  op: Operation,
  workload: Workload,
  fixtures: Fixtures,
  targets: Record<Side, Target> | { ours: Target },
  options: BenchOptions,
  pids: Record<string, number>,
  ticksPerSecond: number,
  scale: number,
): Promise<OperationRun> {
  const run: OperationRun = { key: op.key, title: op.title, workload, viaGateway: op.via === 'gateway', variants: 0, passes: [] };
  const variables = variablesFor(op.key, workload, fixtures);
  if (variables.length === 0) return { ...run, skipped: 'one contest in the data: nothing to vary' };
  const bodies = requestBodies(op, variables);
  run.variants = bodies.length;
  const sides = Object.keys(targets) as Side[];
  const what = `scale ${scale}, ${workload}, ${op.title}`;
  const target = (side: Side) => (targets as Record<Side, Target>)[side];
  for (const side of sides) await measure(what, side, 0, target(side), bodies, options.warmup, options.connections, pids, ticksPerSecond);
  for (const pass of [1, 2]) {
    for (const side of sides) {
      run.passes.push(await measure(what, side, pass, target(side), bodies, options.duration, options.connections, pids, ticksPerSecond));
    }
  }
  return run;
}

function hiveVersion(): string {
  try {
    const entry = require.resolve('@graphql-hive/gateway');
    for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
      try {
        const manifest = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (manifest.name === '@graphql-hive/gateway') return manifest.version ?? '?';
      } catch {
        // no package.json at this level
      }
    }
  } catch {
    // not resolvable
  }
  return '?';
}

function printHeader(options: BenchOptions, ticksPerSecond: number, ports: Ports): void {
  const cores = cpus();
  const workloads = options.workloads.map((w) =>
    w === 'identical' ? 'identical (every request the same)' : 'diverse (variables vary per request)',
  );
  out(`# Gateway benchmark: our gateway and Hive Gateway ${hiveVersion()}, side by side`);
  out();
  out(
    `- machine: ${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}, Node ${process.version}; CPU read from /proc/<pid>/stat (CLK_TCK ${ticksPerSecond})`,
  );
  out(
    `- settings: ${options.duration} s per measurement, ${options.warmup} s warm-up per side, ${options.connections} connections (autocannon 9.0.0, in the benchmark process), scales ${options.scales.join(', ')}, workloads ${workloads.join(' and ')}${options.quick ? ' — a --quick smoke run, not figures to publish' : ''}`,
  );
  out(
    `- both gateways: the committed supergraph.graphql, the same four subgraph processes (embedded SQLite in .bench/scale-<N>), LOG_LEVEL=warn everywhere; ports: ours ${ports.gateway}, Hive ${ports.hive}, subgraphs ${Object.values(ports.subgraphs).join(', ')}`,
  );
  out(
    `- ours: armor on (operation limits and demand control, DEMAND_CONTROL=enforce, default cost budgets), RATE_POINTS_ADMIN and RATE_POINTS_AGENCY = ${HUGE_RATE_POINTS} per hour so nothing is throttled; deduplication of identical in-flight subgraph fetches on (DEDUPLICATE_SUBGRAPH_FETCHES=on, the default)`,
  );
  out(
    `- Hive Gateway: createGatewayRuntime with hiveGatewayOptions (the platform's auth plugin), Hive's defaults otherwise: its in-flight deduplication of subgraph requests on, as it ships (merging one caller's identical fetches only: each carries its caller's key, x-meritgraph-caller); no operation limits or cost budgets`,
  );
  out(
    `- requests: as the office (an ADMIN token); the agency honors list with an AGENCY token, sent to the honors subgraph's own port (no gateway, so no Hive peer)`,
  );
  out(
    `- order: per operation and workload a warm-up of each side, then ours, Hive, ours, Hive; the tables give each side's pass with the higher RPS (the less disturbed one; every pass is in the passes table). A run stops if more than ${MAX_ERROR_SHARE * 100}% of a measurement's requests error.`,
  );
  out();
}

function printLegend(): void {
  out('## Columns');
  out();
  out('- RPS: answered requests per second over the measurement. RPS ratio: ours / Hive (above 1: ours serves more).');
  out('- p50 / p95: latency of the answers in ms, as the load generator saw them.');
  out(
    '- gateway CPU ms/req: user + system CPU of the gateway process over the measurement, divided by the requests answered. CPU ratio: ours / Hive (below 1: ours spends less per request).',
  );
  out(
    '- subgraphs CPU ms/req: the four subgraph processes together, while ours ran / while Hive ran (the same processes). Per subgraph in the second table, with the load generator.',
  );
  out(
    '- errors: answers with a status other than 200 or a GraphQL errors array, and requests with no answer (connection error, timeout); any are listed under the tables.',
  );
  out(
    '- variants (passes table): how many different request bodies were sent in turn (1 in the identical workload). KiB/answer: bytes received per answer, headers included.',
  );
  out();
}

function printScale(data: DataSet, fixtures: Fixtures, parity: Parity, runs: OperationRun[], options: BenchOptions, rss: string): void {
  const { workloads } = options;
  out(
    `## Scale ${data.scale}: the 2019 contest ×${data.scale}, ${data.dir.replace(`${ROOT}/`, '')}, replayed ${data.replayedNow ? 'just now' : data.replayedAt} in ${data.replaySeconds.toFixed(0)} s${data.figuresOk ? ' (the report’s figures reached)' : ' — THE REPLAY DID NOT REACH THE REPORT’S FIGURES'}`,
  );
  out();
  out(
    `Identical workload: ${fixtures.identical}. Diverse variants gathered: ${fixtures.listPages.length} list pages (cursor pages of the whole list, of each track, of search words), ${fixtures.leaderboards.length} leaderboard pages (rounds × groups), ${fixtures.stories.length} submissions for the story, ${fixtures.agencyPages.length} agency list pages. ${rss}`,
  );
  out();
  out(
    parity.differences.length
      ? `THE GATEWAYS ANSWERED DIFFERENTLY in ${parity.differences.length} of ${parity.compared} requests compared before the load:\n${parity.differences.map((d) => `- ${d}`).join('\n')}`
      : `Both gateways gave the same data for the ${parity.compared} requests compared before the load (each operation's identical request and first diverse ones).`,
  );
  out();
  for (const workload of workloads) {
    const of = runs.filter((r) => r.workload === workload);
    out(
      `### Scale ${data.scale}, ${workload} workload${workload === 'identical' ? ' (the same variables for every request)' : ' (variables vary per request)'}`,
    );
    out();
    comparisonTable(of).forEach((l) => out(l));
    out();
    const few = fewVariantsLines(of, options.connections);
    if (few.length) {
      few.forEach((l) => out(l));
      out();
    }
    out('CPU ms per request of each process besides the gateways (the chosen passes):');
    out();
    subgraphTable(of).forEach((l) => out(l));
    out();
    out('Every pass, in the order it ran:');
    out();
    passesTable(of).forEach((l) => out(l));
    out();
    const problems = problemLines(of);
    out(problems.length ? `Errors:\n${problems.map((p) => `- ${p}`).join('\n')}` : 'Errors: none.');
    out();
  }
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  if (options.help) {
    out(USAGE);
    return;
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping every process`);
      void shutdown(130);
    });
  }
  // The replay runs the platform in this process: its access lines would bury the progress.
  process.env.LOG_LEVEL = 'warn';
  const ticksPerSecond = clockTicksPerSecond();
  const ops = OPERATIONS.filter((o) => options.only.includes(o.key));
  validateOperations(ops, readFileSync(resolve(ROOT, 'schema.graphql'), 'utf8'));
  const ports = portsFrom(options.portBase);
  const started = Date.now();

  // Every data set first, so that no replay runs between two measurements.
  const sets: DataSet[] = [];
  for (const scale of options.scales) sets.push(await ensureData(scale, options.fresh, progress));
  if (options.prepare) {
    out(
      sets
        .map(
          (d) => `- scale ${d.scale}: ${d.dir}, replayed ${d.replayedNow ? 'just now' : d.replayedAt} in ${d.replaySeconds.toFixed(0)} s`,
        )
        .join('\n'),
    );
    return;
  }
  printHeader(options, ticksPerSecond, ports);
  const byScale = new Map<number, OperationRun[]>();
  for (const data of sets) {
    const { scale } = data;
    progress(`scale ${scale}: starting the four subgraphs, our gateway and Hive Gateway`);
    const stack = await startStack(data.dir, ports);
    const tokens = new ClientTokens(loadConfig(authEnv, stack.env));
    const admin = await tokens.signDev({ roles: ['ADMIN'], sub: 'bench-office' });
    const agency = await tokens.signDev({ roles: ['AGENCY'], sub: 'bench-agency' });
    progress(`scale ${scale}: gathering real ids and cursors`);
    const fixtures = await gatherFixtures(graphqlUrl(ports.gateway), graphqlUrl(ports.subgraphs.honors), admin, agency, CONTEST_CODE);
    const parity = await compareGateways(ops, fixtures, graphqlUrl(ports.gateway), graphqlUrl(ports.hive), admin);
    const pids = processIds(stack);
    const runs: OperationRun[] = [];
    for (const workload of options.workloads) {
      for (const op of ops) {
        const token = op.role === 'ADMIN' ? admin : agency;
        const targets =
          op.via === 'honors'
            ? { ours: { url: graphqlUrl(ports.subgraphs.honors), token } }
            : { ours: { url: graphqlUrl(ports.gateway), token }, hive: { url: graphqlUrl(ports.hive), token } };
        runs.push(await runOperation(op, workload, fixtures, targets, options, pids, ticksPerSecond, scale));
      }
    }
    const mib = (pid: number) => `${readPeakRssMiB(pid)?.toFixed(0) ?? '?'} MiB`;
    const rss = `Peak resident memory over the scale's run: our gateway ${mib(stack.ours.pid)}, Hive Gateway ${mib(stack.hive.pid)}.`;
    await stack.stop();
    byScale.set(scale, runs);
    printScale(data, fixtures, parity, runs, options, rss);
  }
  if (options.scales.some((s) => s > 1) && ops.some((o) => o.key === 'list' || o.key === 'leaderboard')) {
    out('## How p95 grows with the data (ours)');
    out();
    scaleRatioLines(byScale).forEach((l) => out(l));
    out();
  }
  printLegend();
  out(`Finished in ${elapsed(started)}.`);
}

main().then(
  () => shutdown(0),
  (error: unknown) => {
    // Stopping on a signal fails whatever was running; that is no news.
    if (shuttingDown) return;
    console.error(
      `\n${error instanceof TooManyErrors ? 'Too many errors' : 'The benchmark failed'}: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (!(error instanceof TooManyErrors) && error instanceof Error && error.stack) console.error(error.stack);
    void shutdown(1);
  },
);
