/**
 * What a cube may draw on follows the role rules: the office and analysts count every record,
 * a union its own subtree, and the public what is public, where a cell built from fewer records
 * than the minimum keeps its figures back.
 */
import { type TestGraph, startGraph } from '../../src';
import { reviewFixtures } from '../expert-review/review-fixtures';

interface Cell {
  group: { organization: { id: string } | null };
  records: number | null;
  values: (number | null)[];
  suppressed: boolean;
}
interface Cube {
  analytics: { cube: { records: number; suppressed: number; minimumCell: number; cells: Cell[] } };
}

const BY_UNIT = `query($contest: [ID!]) { analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }, { kind: MEAN, field: TEAM_SIZE }],
  groupBy: [ORGANIZATION], filter: { contest: $contest }) { records suppressed minimumCell cells { group { organization { id } } records values suppressed } } } }`;

let graph: TestGraph;
let contestId: string;
let unitA: string;
let unitB: string;
let otherUnion: string;

beforeAll(async () => {
  graph = await startGraph();
  const fx = reviewFixtures(graph);
  const contest = await fx.contest('visibility-2019', ['AI']);
  contestId = contest.id;
  const a = await fx.unit('甲公司');
  const b = await fx.unit('乙公司');
  [unitA, unitB] = [a.id, b.id];
  for (let i = 0; i < 2; i++) await fx.submission(contest, 'AI', a, `甲成果 ${i}`);
  for (let i = 0; i < 6; i++) await fx.submission(contest, 'AI', b, `乙成果 ${i}`);
  await fx.make.submission({ contestId, organizationId: unitB, title: '乙公司的草稿' });
  otherUnion = (await fx.make.organization({ kind: 'DISTRICT_UNION', name: '另一区总工会' })).id;
  await graph.analytics.catchUp();
});
afterAll(() => graph.stop());

const cellOf = (cube: Cube, unit: string) => cube.analytics.cube.cells.find((c) => c.group.organization?.id === unit);

it('gives the public submitted entries only, and keeps back the figures of a cell under 5 records', async () => {
  const cube = await graph.anonymous.data<Cube>(BY_UNIT, { contest: [contestId] });
  expect(cube.analytics.cube).toMatchObject({ records: 8, suppressed: 1, minimumCell: 5 });
  expect(cellOf(cube, unitA)).toMatchObject({ records: null, values: [null, null], suppressed: true });
  // Six submitted; the draft is not the public's to count.
  expect(cellOf(cube, unitB)).toMatchObject({ records: 6, values: [6, 0], suppressed: false });
});

it('gives analysts every record, drafts included, with nothing kept back', async () => {
  const cube = await (await graph.as('ANALYST')).data<Cube>(BY_UNIT, { contest: [contestId] });
  expect(cube.analytics.cube).toMatchObject({ records: 9, suppressed: 0 });
  expect(cellOf(cube, unitA)).toMatchObject({ records: 2, values: [2, 0] });
  expect(cellOf(cube, unitB)).toMatchObject({ records: 7, values: [7, 0] });
});

it('gives a union the records of its own units only', async () => {
  const { union } = await graph.gateway.data<{ union: { ancestors: { id: string }[] } }>(
    `query($id: ID!) { union: organization(id: $id) { ancestors { id } } }`,
    { id: unitA },
  );
  const own = await (await graph.as('ORGANIZER', { org: union.ancestors[0]!.id })).data<Cube>(BY_UNIT, { contest: [contestId] });
  expect(own.analytics.cube.records).toBe(9);
  const other = await (await graph.as('ORGANIZER', { org: otherUnion })).data<Cube>(BY_UNIT, { contest: [contestId] });
  expect(other.analytics.cube).toMatchObject({ records: 0, cells: [] });
});
