import { type Factories, type GraphClient, type TestGraph } from '../../src';
import { MISSING, ext, honorsSuite } from './fixtures';

/** Honors through the gateway: the assessment of organizing units (优秀组织奖). */
describe('honors', () => {
  const suite = honorsSuite();
  const { contest } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let union: string;
  let otherUnion: string;
  let unitA: string;
  beforeAll(() => {
    ({ graph, admin, make, union, otherUnion, unitA } = suite.world());
  });

  describe('the assessment of organizing units (优秀组织奖)', () => {
    const scores = (base: number, performance = base) => ({
      leadership: base,
      promotion: base,
      performance,
      incentive: base,
      features: base,
    });
    const evaluate = (contestId: string, organizationId: string, s: Record<string, number>) =>
      admin.request<{ evaluateOrganizer: { id: string; leadership: number } }>(
        `mutation($input: EvaluationInput!) { evaluateOrganizer(input: $input) { id leadership } }`,
        {
          input: { contestId, organizationId, ...s },
        },
      );
    const ranking = (client: GraphClient, contestId: string, places: number) =>
      client.request<{
        organizerEvaluations: {
          evaluation: { organization: { name: string }; performance: number };
          total: number;
          rank: number;
          candidate: boolean;
        }[];
      }>(
        `query($c: ID!, $p: Int!) { organizerEvaluations(contestId: $c, places: $p) { evaluation { organization { name } performance } total rank candidate } }`,
        { c: contestId, p: places },
      );

    it('scores each dimension from 0 to 20: 21 is BAD_USER_INPUT naming the dimension; a unit that is not a union is BAD_USER_INPUT on organizationId; nothing is written', async () => {
      const c = await contest();
      expect(ext(await evaluate(c, union, { ...scores(18), performance: 21 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'performance',
      });
      expect(ext(await evaluate(c, union, { ...scores(18), leadership: -1 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'leadership',
      });
      expect(ext(await evaluate(c, unitA, scores(18)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
      expect(ext(await evaluate(c, MISSING, scores(18)))).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
      expect(ext(await evaluate(MISSING, union, scores(18)))).toMatchObject({ code: 'NOT_FOUND', field: 'contestId' });
      expect((await ranking(admin, c, 10)).data?.organizerEvaluations).toEqual([]);
    });

    it('ranks the units by total and marks the first places as candidates; a revision replaces the scores; analysts read it, submitters may not', async () => {
      const c = await contest();
      const third = (await make.organization({ name: '市科技工会', kind: 'INDUSTRY_UNION' })).id;
      expect((await evaluate(c, union, scores(19))).errors).toBeUndefined();
      expect((await evaluate(c, otherUnion, scores(15))).errors).toBeUndefined();
      expect((await evaluate(c, third, scores(16))).errors).toBeUndefined();
      // Revised: 徐汇 now beats the industry union on total.
      expect((await evaluate(c, otherUnion, { ...scores(17), performance: 18.5 })).errors).toBeUndefined();
      const analyst = await graph.as('ANALYST');
      const ranked = await ranking(analyst, c, 2);
      expect(ranked.errors).toBeUndefined();
      expect(ranked.data?.organizerEvaluations.map((r) => [r.evaluation.organization.name, r.total, r.rank, r.candidate])).toEqual([
        ['浦东新区总工会', 95, 1, true],
        ['徐汇区总工会', 86.5, 2, true],
        ['市科技工会', 80, 3, false],
      ]);
      const submitter = await ranking(await graph.as('SUBMITTER', { org: unitA }), c, 2);
      expect(ext(submitter)).toMatchObject({ code: 'FORBIDDEN' });
      expect(submitter.data?.organizerEvaluations ?? null).toBeNull();
    });
  });
});
