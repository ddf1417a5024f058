import { type GraphClient, type TestGraph, startGraph } from '../../src';

type Parent = { name: string; children: { totalCount: number; nodes: { name: string }[]; pageInfo: { hasNextPage: boolean } } };

/**
 * A connection under each of many parents (Organization.children) reads every parent's page
 * in one statement, however many parents the page holds: a few parents each with its own
 * LIMIT, many with one window. Both give every parent its own first children, in order.
 */
describe('child pages under few and many parents', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  const PARENTS = 55;

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    const pad = (i: number) => String(i).padStart(2, '0');
    const { createOrganizations: parents } = await admin.data<{ createOrganizations: { id: string }[] }>(
      `mutation($inputs: [CreateOrganizationInput!]!) { createOrganizations(inputs: $inputs) { id } }`,
      { inputs: Array.from({ length: PARENTS }, (_, i) => ({ name: `分页工会${pad(i)}`, kind: 'INDUSTRY_UNION' })) },
    );
    // Three children each, entered out of name order.
    await admin.data(`mutation($inputs: [CreateOrganizationInput!]!) { createOrganizations(inputs: $inputs) { id } }`, {
      inputs: parents.flatMap((p, i) =>
        ['丙', '甲', '乙'].map((suffix) => ({ name: `分页单位${pad(i)}${suffix}`, kind: 'ENTERPRISE', parentId: p.id })),
      ),
    });
  });
  afterAll(() => graph.stop());

  const page = async (first: number) => {
    graph.resetStatements();
    const { organizations } = await admin.data<{ organizations: { nodes: Parent[] } }>(
      `query($first: Int!) { organizations(nameContains: "分页工会", first: $first) {
        nodes { name children(first: 2) { totalCount nodes { name } pageInfo { hasNextPage } } } } }`,
      { first },
    );
    return { parents: organizations.nodes, statements: graph.statements().organizations };
  };

  it('gives each of many parents its own first children, in name order, as it does for a few', async () => {
    const few = await page(3);
    const many = await page(PARENTS);
    expect(many.parents).toHaveLength(PARENTS);
    const sorted = (name: string) => [...['丙', '甲', '乙']].map((s) => name.replace('工会', '单位') + s).sort();
    for (const parent of many.parents) {
      expect(parent.children).toEqual({
        totalCount: 3,
        nodes: sorted(parent.name)
          .slice(0, 2)
          .map((name) => ({ name })),
        pageInfo: { hasNextPage: true },
      });
    }
    expect(many.parents.slice(0, 3)).toEqual(few.parents);
    // One statement for the parents, one for their pages, one for their counts: whatever their number.
    expect(many.statements).toBe(few.statements);
  });
});
