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

  it('confers the report’s honors: 43 medals, 25 Worker Pioneer titles, 11 unit awards, 10 organization awards and 90 excellent achievements', () => {
    expect(result.figures.conferred).toEqual({ MAY_DAY_MEDAL: 43, WORKER_PIONEER: 25, MAY_DAY_AWARD: 11, EXCELLENT_ORGANIZATION: 10, EXCELLENT_ACHIEVEMENT: 90 });
  });

  it('of the 90 excellent achievements, 13 hold national and 50 provincial or ministerial honors', () => {
    expect(result.figures.excellentWithPriorHonors).toEqual({ national: 13, provincialMinisterial: 50 });
  });

  it('keeps the eight milestones of the report, from the launch on 2019-03-29 to the ceremony in January 2020', () => {
    expect(result.figures.milestones).toEqual(['2019-03-29', '2019-08-30', '2019-09-19', '2019-10-09', '2019-10-24', '2019-11-21', '2019-11-29', '2020-01-15']);
  });

  it('reports each step with its count and time', () => {
    expect(lines.some((l) => l.startsWith('submissions, April to September') && l.includes('294'))).toBe(true);
    expect(result.steps.map((s) => s.step)).toContain('第二轮评审: scorecards');
  });
});
