import { DEFAULT_DEMAND_CONTROL } from '@meritgraph/subgraph-kit';
import { startGraph } from '@meritgraph/supergraph';
import { type CanonicalExport, canonicalExport } from '../src/replay/export';
import { replay2019 } from '../src/replay';

/** Replays the contest into a throwaway in-memory platform and reads back what the office sees. */
async function replayed(seed: number): Promise<CanonicalExport> {
  const graph = await startGraph({ subgraphTimeoutMs: 10 * 60_000, demand: { ...DEFAULT_DEMAND_CONTROL, mode: 'measure' } });
  try {
    await replay2019(graph, { seed });
    return await canonicalExport(graph.gateway);
  } finally {
    await graph.stop();
  }
}

describe('the 2019 replay is reproducible from its seed', () => {
  let first: CanonicalExport;
  let second: CanonicalExport;

  beforeAll(async () => {
    first = await replayed(2019);
    second = await replayed(2019);
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
