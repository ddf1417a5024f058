/**
 * npm run bench:gateway [-- options] — our gateway side by side with Hive Gateway: the same
 * committed supergraph, the same four subgraph processes, on the 2019 contest replayed at each
 * scale. Every operation and workload runs ours, Hive, ours, Hive after a warm-up; the printout
 * gives throughput, latency, errors and CPU per request of every process. A benchmark, not a
 * test: its tables go to the README. `--help` lists the options.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName, authEnv, loadConfig, withDevelopmentSecrets } from '@meritgraph/config';
import { ClientTokens } from '@meritgraph/subgraph-kit';
import { type BenchOptions, USAGE, UsageError, parseArgs } from './args';
import { CONTEST_CODE, type DataSet, ROOT, elapsed, ensureData } from './data';
import { gatherFixtures } from './fixtures';
import { type OperationRun, fmtMs, fmtRps, scaleRatioLines } from './format';
import { runLoad } from './load';
import { type Fixtures, OPERATIONS, type Operation, type Workload, requestBodies, variablesFor } from './operations';
import { compareGateways } from './parity';
import { Service, waitUntilAnswers } from './processes';
import { clockTicksPerSecond, cpuMsBetween, readCpuTicks, readPeakRssMiB } from './proc';
import { HUGE_RATE_POINTS, MAX_ERROR_SHARE, type Ports, printHeader, printLegend, printScale } from './report';
import { validateOperations } from './schema-check';
import { GATEWAY_PROCESS, LOAD_PROCESS, type Measurement, type Side, errorShare, latencyPercentiles, rps } from './stats';

/** The hourly rate budget of the two roles the load uses: the schema's largest, far beyond any run, so nothing is throttled. */
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
