import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { type DatabaseLocation, databaseTarget, dropMysqlDatabase } from '@meritgraph/db';
import { DEFAULT_DEMAND_CONTROL } from '@meritgraph/subgraph-kit';
import { startGraph } from '@meritgraph/supergraph';
import { type CanonicalExport, canonicalExport } from '../src/replay/export';
import { replay2019 } from '../src/replay';
import { replayCopy } from '../src/replay/template';

const OPTIONS = { subgraphTimeoutMs: 10 * 60_000, demand: { ...DEFAULT_DEMAND_CONTROL, mode: 'measure' as const } };

/** Replays the contest into a throwaway in-memory platform and reads back what the office sees. */
async function replayed(): Promise<CanonicalExport> {
  const graph = await startGraph(OPTIONS);
  try {
    await replay2019(graph);
    return await canonicalExport(graph.gateway);
  } finally {
    await graph.stop();
  }
}

/**
 * The same replay as the run's other tests get it: copied from the run's template (replayed
 * into databases of its own, SQLite files or MySQL), so that the copy is checked against a
 * fresh replay too.
 */
async function copied(): Promise<CanonicalExport> {
  const location: DatabaseLocation = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, prefix: `mgdet_${randomBytes(4).toString('hex')}_`, dataDir: ':memory:', log: 'none' }
    : { prefix: '', dataDir: mkdtempSync(join(tmpdir(), 'mg-determinism-')), log: 'none' };
  try {
    await replayCopy(location);
    const graph = await startGraph({ ...OPTIONS, location });
    try {
      return await canonicalExport(graph.gateway);
    } finally {
      await graph.stop();
    }
  } finally {
    if (!location.url) rmSync(location.dataDir, { recursive: true, force: true });
    for (const name of SUBGRAPH_NAMES) {
      const target = databaseTarget(name, location);
      if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
    }
  }
}

describe('the 2019 replay is reproducible from its seed', () => {
  let first: CanonicalExport;
  let second: CanonicalExport;

  beforeAll(async () => {
    first = await copied();
    second = await replayed();
  }, 1_500_000);

  it('gives the same scorecards, per entry and expert, in every round', () => {
    expect(first.rounds.map((r) => r.stage)).toEqual(['SCREENING', 'EVALUATION', 'FINAL']);
    expect(first.rounds[1]!.scorecards).toHaveLength(294 * 5);
    for (const [i, round] of first.rounds.entries()) expect(second.rounds[i]!.scorecards).toEqual(round.scorecards);
  });

  it('closes the contest after the ceremony, both times', () => {
    expect([first.status, second.status]).toEqual(['CLOSED', 'CLOSED']);
  });

  it('gives the same results: aggregates, ranks and outcomes', () => {
    for (const [i, round] of first.rounds.entries()) expect(second.rounds[i]!.results).toEqual(round.results);
  });

  it('gives the same final-round schedule', () => {
    expect(first.rounds[2]!.schedule).toHaveLength(185);
    expect(second.rounds[2]!.schedule).toEqual(first.rounds[2]!.schedule);
  });

  it('confers the same honors with the same certificate and decision numbers', () => {
    expect(first.honors.filter((h) => h.includes(' CONFERRED '))).toHaveLength(43 + 25 + 11 + 10 + 90);
    expect(second.honors).toEqual(first.honors);
  });
});
