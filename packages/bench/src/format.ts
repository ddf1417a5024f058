import type { OperationKey, Workload } from './operations';
import { GATEWAY_PROCESS, LOAD_PROCESS, type Measurement, SUBGRAPH_PROCESSES, type Side, bestPass, cpuPerRequest, rps } from './stats';

/** One operation in one workload at one scale: its passes in the order they ran (ours, Hive, ours, Hive). */
export interface OperationRun {
  key: OperationKey;
  title: string;
  workload: Workload;
  /** False for the agency list, sent to the honors subgraph directly: no gateway, no Hive peer. */
  viaGateway: boolean;
  /** How many different request bodies were sent in turn. */
  variants: number;
  passes: Measurement[];
  /** Why the operation was not measured, when it was not. */
  skipped?: string;
}

const DASH = '—';

export function fmtRps(n: number): string {
  if (!Number.isFinite(n)) return DASH;
  return n >= 100 ? String(Math.round(n)) : n.toFixed(1);
}

/** Milliseconds: two decimals under 10, one under 100, none above. */
export function fmtMs(n: number): string {
  if (!Number.isFinite(n)) return DASH;
  if (n < 10) return n.toFixed(2);
  if (n < 100) return n.toFixed(1);
  return n.toFixed(0);
}

export function fmtRatio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return DASH;
  return `${(a / b).toFixed(2)}×`;
}

const passesOf = (run: OperationRun, side: Side) => run.passes.filter((m) => m.side === side);
export const chosen = (run: OperationRun, side: Side): Measurement | undefined => bestPass(passesOf(run, side));

const gatewayCpu = (m: Measurement | undefined, side: Side, run: OperationRun) =>
  m && run.viaGateway ? cpuPerRequest(m, [GATEWAY_PROCESS[side]]) : NaN;
const subgraphCpu = (m: Measurement | undefined) => (m ? cpuPerRequest(m, SUBGRAPH_PROCESSES) : NaN);
const latency = (m: Measurement | undefined) => (m ? `${fmtMs(m.p50)} / ${fmtMs(m.p95)}` : DASH);
const errors = (m: Measurement | undefined) => (m ? String(m.errors) : DASH);

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/**
 * The side-by-side table of one scale and workload, from each side's better-defined pass (the
 * one with the higher throughput). Ratios are ours over Hive's: above 1 for RPS means ours
 * serves more, below 1 for CPU means ours spends less.
 */
export function comparisonTable(runs: readonly OperationRun[]): string[] {
  const header = [
    'operation',
    'ours RPS',
    'Hive RPS',
    'RPS ratio',
    'ours p50 / p95 ms',
    'Hive p50 / p95 ms',
    'ours gateway CPU ms/req',
    'Hive CPU ms/req',
    'CPU ratio',
    'subgraphs CPU ms/req (ours / Hive)',
    'errors (ours / Hive)',
  ];
  const rows = runs.map((run) => {
    if (run.skipped) return [run.title, ...header.slice(1).map(() => DASH)].map((c, i) => (i === 1 ? `${DASH} (${run.skipped})` : c));
    const ours = chosen(run, 'ours');
    const hive = chosen(run, 'hive');
    const oursRps = ours ? rps(ours) : NaN;
    const hiveRps = hive ? rps(hive) : NaN;
    const oursCpu = gatewayCpu(ours, 'ours', run);
    const hiveCpu = gatewayCpu(hive, 'hive', run);
    return [
      run.viaGateway ? run.title : `${run.title} (no Hive peer)`,
      fmtRps(oursRps),
      fmtRps(hiveRps),
      fmtRatio(oursRps, hiveRps),
      latency(ours),
      latency(hive),
      run.viaGateway ? fmtMs(oursCpu) : `${DASH} (direct)`,
      fmtMs(hiveCpu),
      fmtRatio(oursCpu, hiveCpu),
      `${fmtMs(subgraphCpu(ours))} / ${fmtMs(subgraphCpu(hive))}`,
      `${errors(ours)} / ${errors(hive)}`,
    ];
  });
  return table(header, rows);
}

/** CPU ms per request of each subgraph and of the load generator, for each side's chosen pass. */
export function subgraphTable(runs: readonly OperationRun[]): string[] {
  const header = ['operation', 'side', ...SUBGRAPH_PROCESSES, 'subgraphs total', LOAD_PROCESS];
  const rows: string[][] = [];
  for (const run of runs) {
    for (const side of ['ours', 'hive'] as const) {
      const m = chosen(run, side);
      if (!m) continue;
      rows.push([
        run.title,
        side === 'ours' ? 'ours' : 'Hive',
        ...SUBGRAPH_PROCESSES.map((name) => fmtMs(cpuPerRequest(m, [name]))),
        fmtMs(subgraphCpu(m)),
        fmtMs(cpuPerRequest(m, [LOAD_PROCESS])),
      ]);
    }
  }
  return table(header, rows);
}

/** Every pass, in the order it ran, with the one chosen for the comparison marked. */
export function passesTable(runs: readonly OperationRun[]): string[] {
  const header = [
    'operation',
    'pass',
    'side',
    'variants',
    'requests',
    'RPS',
    'p50 / p95 ms',
    'errors',
    'KiB/answer',
    'gateway CPU ms/req',
    'subgraphs CPU ms/req',
    'chosen',
  ];
  const rows: string[][] = [];
  for (const run of runs) {
    const picks = new Set([chosen(run, 'ours'), chosen(run, 'hive')]);
    for (const m of run.passes) {
      rows.push([
        run.title,
        String(m.pass),
        m.side === 'ours' ? 'ours' : 'Hive',
        String(run.variants),
        String(m.requests),
        fmtRps(rps(m)),
        latency(m),
        String(m.errors),
        m.requests ? (m.bytes / m.requests / 1024).toFixed(1) : DASH,
        run.viaGateway ? fmtMs(cpuPerRequest(m, [GATEWAY_PROCESS[m.side]])) : DASH,
        fmtMs(subgraphCpu(m)),
        picks.has(m) ? '✓' : '',
      ]);
    }
  }
  return table(header, rows);
}

/** Each distinct problem of each pass that had errors: "submissions list, ours pass 1: 3 × HTTP 429 …". */
export function problemLines(runs: readonly OperationRun[]): string[] {
  return runs.flatMap((run) =>
    run.passes.flatMap((m) =>
      m.problems.map(
        ([what, n]) => `${run.title} (${run.workload}), ${m.side === 'ours' ? 'ours' : 'Hive'} pass ${m.pass}: ${n} × ${what}`,
      ),
    ),
  );
}

/** p95 of our gateway at a larger scale over its p95 at scale 1, for the operations whose work grows with the data. */
export function scaleRatioLines(
  byScale: ReadonlyMap<number, readonly OperationRun[]>,
  keys: readonly OperationKey[] = ['list', 'leaderboard'],
): string[] {
  const base = byScale.get(1);
  const lines: string[] = [];
  for (const [scale, runs] of byScale) {
    if (scale === 1) continue;
    for (const run of runs) {
      if (!keys.includes(run.key) || run.skipped) continue;
      const at1 = base?.find((r) => r.key === run.key && r.workload === run.workload);
      const big = chosen(run, 'ours');
      const small = at1 && chosen(at1, 'ours');
      lines.push(
        big && small
          ? `- ${run.title}, ${run.workload}: ours p95 ${fmtMs(big.p95)} ms at scale ${scale} vs ${fmtMs(small.p95)} ms at scale 1 = ${fmtRatio(big.p95, small.p95)}`
          : `- ${run.title}, ${run.workload}: scale 1 was not measured in this run (add 1 to --scales)`,
      );
    }
  }
  return lines;
}

/** Diverse operations with fewer variants than connections: some requests in flight at once repeat, so deduplication can still help a little. */
export function fewVariantsLines(runs: readonly OperationRun[], connections: number): string[] {
  return runs
    .filter((r) => r.workload === 'diverse' && !r.skipped && r.variants < connections)
    .map(
      (r) =>
        `Note: ${r.title} had ${r.variants} variants for ${connections} connections, so some requests in flight at once were the same (the data offers no more).`,
    );
}
