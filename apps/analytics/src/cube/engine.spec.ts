import { answerCube, type CubeQuery } from './engine';
import type { CubeRecord } from './records';

const record = (track: string, district: string, aggregate: number | null, excellent: boolean): CubeRecord => ({
  organizationId: null,
  dims: { TRACK: track, DISTRICT: district },
  fields: { AGGREGATE: aggregate, EXCELLENT: excellent ? 1 : 0 },
});

const RECORDS = [
  record('AI', '浦东新区', 90, true),
  record('AI', '浦东新区', 80, false),
  record('AI', '徐汇区', 70, false),
  record('IC', '浦东新区', 85, true),
  record('IC', '徐汇区', null, false),
];

const query = (over: Partial<CubeQuery>): CubeQuery => ({
  fact: 'ENTRY',
  measures: [{ kind: 'COUNT' }],
  groupBy: [],
  filter: { values: {}, flags: {} },
  orderBy: [],
  first: 100,
  ...over,
});

describe('a cube', () => {
  it('groups by its dimensions, takes each measure of each group, and orders by the groups when told nothing else', () => {
    const answer = answerCube(
      RECORDS,
      query({
        groupBy: ['TRACK'],
        measures: [{ kind: 'COUNT' }, { kind: 'MEAN', field: 'AGGREGATE' }, { kind: 'RATE', field: 'EXCELLENT' }],
      }),
      false,
      5,
    );
    // AI: (90 + 80 + 70) / 3 = 80, 1 of 3 excellent; IC: the one aggregate 85 (a missing figure is left out), 1 of 2.
    expect(answer.cells.map((c) => [c.group.TRACK, ...c.values])).toEqual([
      ['AI', 3, 80, 0.3333],
      ['IC', 2, 85, 0.5],
    ]);
    expect(answer).toMatchObject({ groups: 2, records: 5, suppressed: 0 });
  });

  it('ranks cells by the first order key with ties sharing a rank, and keeps the first `first`', () => {
    const answer = answerCube(
      RECORDS,
      query({ groupBy: ['TRACK', 'DISTRICT'], orderBy: [{ measure: 0, direction: 'DESC' }], first: 3 }),
      false,
      5,
    );
    expect(answer.cells.map((c) => [c.group.TRACK, c.group.DISTRICT, c.values[0], c.rank])).toEqual([
      ['AI', '浦东新区', 2, 1],
      ['AI', '徐汇区', 1, 2],
      ['IC', '徐汇区', 1, 2],
    ]);
    expect(answer.groups).toBe(4);
  });

  it('counts only the records its filter keeps', () => {
    const answer = answerCube(RECORDS, query({ filter: { values: { DISTRICT: ['浦东新区'] }, flags: { EXCELLENT: true } } }), false, 5);
    expect(answer.cells.map((c) => c.values)).toEqual([[2]]);
  });

  it('keeps back the figures of a cell under the minimum when asked to, and says how many it kept back', () => {
    const suppressed = answerCube(RECORDS, query({ groupBy: ['TRACK'] }), true, 3);
    expect(suppressed.cells.map((c) => [c.group.TRACK, c.records, c.values, c.suppressed])).toEqual([
      ['AI', 3, [3], false],
      ['IC', null, [null], true],
    ]);
    expect(suppressed.suppressed).toBe(1);
    expect(answerCube(RECORDS, query({ groupBy: ['TRACK'] }), true, 2).suppressed).toBe(0);
  });

  it('is one cell of zero records when nothing matches and nothing groups it', () => {
    const answer = answerCube([], query({}), false, 5);
    expect(answer.cells.map((c) => [c.records, c.values])).toEqual([[0, [0]]]);
  });
});
