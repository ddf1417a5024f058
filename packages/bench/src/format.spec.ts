import {
  type OperationRun,
  comparisonTable,
  fewVariantsLines,
  fmtMs,
  fmtRatio,
  fmtRps,
  passesTable,
  problemLines,
  scaleRatioLines,
  subgraphTable,
} from './format';
import type { Measurement } from './stats';

const m = (
  side: 'ours' | 'hive',
  pass: number,
  requests: number,
  cpu: Record<string, number>,
  over: Partial<Measurement> = {},
): Measurement => ({
  side,
  pass,
  requests,
  seconds: 10,
  p50: 4,
  p95: 12.5,
  errors: 0,
  problems: [],
  cpuMs: cpu,
  bytes: requests * 2048,
  ...over,
});

const subgraphs = (ms: number) => ({ organizations: ms, submissions: ms, 'expert-review': ms, honors: ms });

const list: OperationRun = {
  key: 'list',
  title: 'submissions list (20)',
  workload: 'identical',
  viaGateway: true,
  variants: 1,
  passes: [
    m('ours', 1, 9000, { gateway: 9000, ...subgraphs(4500), 'load generator': 900 }),
    m('hive', 1, 5000, { 'hive-gateway': 10000, ...subgraphs(2500) }),
    m('ours', 2, 10000, { gateway: 10000, ...subgraphs(5000), 'load generator': 1000 }, { p50: 3, p95: 8 }),
    m('hive', 2, 4000, { 'hive-gateway': 8000, ...subgraphs(2000) }),
  ],
};

const agency: OperationRun = {
  key: 'agency',
  title: 'agency honors list',
  workload: 'identical',
  viaGateway: false,
  variants: 1,
  passes: [m('ours', 1, 20000, { gateway: 0, ...subgraphs(0), honors: 10000 }), m('ours', 2, 19000, { honors: 9500 })],
};

const cells = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());

describe('the printed tables', () => {
  it('formats numbers for reading: whole RPS from 100, ms with fewer decimals as they grow, ratios with ×', () => {
    expect([fmtRps(1234.6), fmtRps(56.78), fmtRps(NaN)]).toEqual(['1235', '56.8', '—']);
    expect([fmtMs(1.234), fmtMs(12.34), fmtMs(123.4)]).toEqual(['1.23', '12.3', '123']);
    expect([fmtRatio(3, 2), fmtRatio(1, 0), fmtRatio(NaN, 1)]).toEqual(['1.50×', '—', '—']);
  });

  it('compares each side’s faster pass: RPS, latency, gateway and subgraph CPU per request, with ratios ours / Hive', () => {
    const [header, rule, row] = comparisonTable([list]);
    expect(cells(header!)).toEqual([
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
    ]);
    expect(rule).toMatch(/^\|(---\|){11}$/);
    // ours: pass 2 (1000 RPS), 1 ms gateway CPU, 4 × 0.5 ms subgraphs; Hive: pass 1 (500 RPS), 2 ms, 4 × 0.5 ms.
    expect(cells(row!)).toEqual([
      'submissions list (20)',
      '1000',
      '500',
      '2.00×',
      '3.00 / 8.00',
      '4.00 / 12.5',
      '1.00',
      '2.00',
      '0.50×',
      '2.00 / 2.00',
      '0 / 0',
    ]);
  });

  it('shows the agency list, sent to the honors subgraph directly, without a gateway or Hive figures', () => {
    const row = cells(comparisonTable([agency])[2]!);
    expect(row[0]).toBe('agency honors list (no Hive peer)');
    expect(row.slice(1, 4)).toEqual(['2000', '—', '—']);
    expect(row[6]).toBe('— (direct)');
    expect(row[9]).toBe('0.50 / —');
  });

  it('says why an operation was not measured', () => {
    const skipped: OperationRun = {
      ...list,
      workload: 'diverse',
      passes: [],
      variants: 0,
      skipped: 'one contest in the data: nothing to vary',
    };
    expect(cells(comparisonTable([skipped])[2]!).slice(0, 3)).toEqual([
      'submissions list (20)',
      '— (one contest in the data: nothing to vary)',
      '—',
    ]);
  });

  it('lists each subgraph’s CPU per request and the load generator’s, per side', () => {
    const rows = subgraphTable([list]).slice(2).map(cells);
    expect(rows).toEqual([
      ['submissions list (20)', 'ours', '0.50', '0.50', '0.50', '0.50', '2.00', '0.10'],
      ['submissions list (20)', 'Hive', '0.50', '0.50', '0.50', '0.50', '2.00', '0.00'],
    ]);
  });

  it('lists every pass in the order it ran and marks the chosen ones', () => {
    const [header, , ...lines] = passesTable([list]);
    const rows = lines.map(cells);
    expect(cells(header!)).toEqual([
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
    ]);
    expect(rows.every((r) => r.length === 12)).toBe(true);
    expect(rows.map((r) => [r[1], r[2], r[3], r[5], r[8], r[11]])).toEqual([
      ['1', 'ours', '1', '900', '2.0', ''],
      ['1', 'Hive', '1', '500', '2.0', '✓'],
      ['2', 'ours', '1', '1000', '2.0', '✓'],
      ['2', 'Hive', '1', '400', '2.0', ''],
    ]);
  });

  it('prints each problem of a pass with its count', () => {
    const failing: OperationRun = { ...list, passes: [m('hive', 1, 100, {}, { errors: 2, problems: [['HTTP 502: Bad Gateway', 2]] })] };
    expect(problemLines([failing])).toEqual(['submissions list (20) (identical), Hive pass 1: 2 × HTTP 502: Bad Gateway']);
  });

  it('gives our p95 at a larger scale over scale 1, or says scale 1 is missing', () => {
    const at100: OperationRun = { ...list, passes: [m('ours', 1, 100, {}, { p95: 25 })] };
    expect(
      scaleRatioLines(
        new Map([
          [1, [list]],
          [100, [at100, agency]],
        ]),
      ),
    ).toEqual(['- submissions list (20), identical: ours p95 25.0 ms at scale 100 vs 8.00 ms at scale 1 = 3.13×']);
    expect(scaleRatioLines(new Map([[100, [at100]]]))).toEqual([
      '- submissions list (20), identical: scale 1 was not measured in this run (add 1 to --scales)',
    ]);
  });
});

describe('the note on too few variants', () => {
  it('names diverse operations with fewer variants than connections', () => {
    const few: OperationRun = { ...list, workload: 'diverse', variants: 12 };
    const many: OperationRun = { ...list, title: 'story', workload: 'diverse', variants: 200 };
    expect(fewVariantsLines([few, many, { ...list, variants: 1 }], 20)).toEqual([
      'Note: submissions list (20) had 12 variants for 20 connections, so some requests in flight at once were the same (the data offers no more).',
    ]);
  });
});
