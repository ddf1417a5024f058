import { type TestGraph, startGraph } from '@meritgraph/testing';
import { type ReplayResult, expectedFigures, replay2019 } from '../src/replay';

describe('the 2019 contest replayed through the gateway', () => {
  let graph: TestGraph;
  let result: ReplayResult;
  const lines: string[] = [];

  beforeAll(async () => {
    graph = await startGraph();
    result = await replay2019(graph, { log: (line) => { lines.push(line); if (process.env.REPLAY_LOG) process.stdout.write(line + '\n'); } });
  }, 600_000);
  afterAll(() => graph?.stop());

  it('reaches the report’s review figures: 294 achievements from 210 units, 31 judges, 185 finalists and 90 excellent', () => {
    expect(result.figures).toEqual(expectedFigures(1));
    expect(result.figures.finalists).toEqual({ AI: 68, BIOMED: 68, 'IC+BIG_SCIENCE': 49, total: 185 });
    expect(result.figures.excellent).toEqual({ AI: 29, BIOMED: 35, 'IC+BIG_SCIENCE': 26, total: 90 });
  });

  it('reports each step with its count and time', () => {
    expect(lines.some((l) => l.startsWith('submissions, April to September') && l.includes('294'))).toBe(true);
    expect(result.steps.map((s) => s.step)).toContain('第二轮评审: scorecards');
  });
});
