/** The benchmark's printout around its tables: the header with the machine and settings, each scale's section, the legend. */
import { readFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { SubgraphName } from '@meritgraph/config';
import { type BenchOptions } from './args';
import { type DataSet, ROOT } from './data';
import { type OperationRun, comparisonTable, fewVariantsLines, passesTable, problemLines, subgraphTable } from './format';
import { type Fixtures } from './operations';
import { type Parity } from './parity';

/** The hourly points the benchmark gives the office and agencies, out of reach of any run. */
export const HUGE_RATE_POINTS = '1000000000';

/** The ports of the six processes. */
export interface Ports {
  gateway: number;
  hive: number;
  subgraphs: Record<SubgraphName, number>;
}

/** More errors than this share of a measurement's requests stops the run: a benchmark of errors measures nothing. */
export const MAX_ERROR_SHARE = 0.001;

const out = (line = '') => process.stdout.write(`${line}\n`);

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

export function printHeader(options: BenchOptions, ticksPerSecond: number, ports: Ports): void {
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

export function printLegend(): void {
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

export function printScale(
  data: DataSet,
  fixtures: Fixtures,
  parity: Parity,
  runs: OperationRun[],
  options: BenchOptions,
  rss: string,
): void {
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
