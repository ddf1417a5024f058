import { Factories, type TestGraph, startGraph } from '../../src';

describe('cursor connections', () => {
  let graph: TestGraph;
  let make: Factories;

  beforeAll(async () => {
    graph = await startGraph();
    make = new Factories(graph.gateway);
    const union = await make.organization({ name: '浦东新区总工会', kind: 'DISTRICT_UNION' });
    for (let i = 0; i < 7; i++) await make.organization({ name: `Park ${i}`, kind: 'PARK', parentId: union.id });
    await make.organization({ name: 'Lone Enterprise', kind: 'ENTERPRISE' });
  });
  afterAll(() => graph?.stop());

  type Page = {
    organizations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { name: string }[] };
  };
  const page = (variables: Record<string, unknown>) =>
    graph.gateway.request<Page>(
      `query($first: Int, $after: String, $kind: OrganizationKind, $nameContains: String) {
        organizations(first: $first, after: $after, kind: $kind, nameContains: $nameContains) {
          totalCount pageInfo { hasNextPage endCursor } nodes { name }
        }
      }`,
      variables,
    );

  it('walks every matching organization exactly once, in name order, page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: Awaited<ReturnType<typeof page>> = await page({ first: 3, after, kind: 'PARK' });
      const connection = result.data!.organizations;
      expect(connection.totalCount).toBe(7);
      seen.push(...connection.nodes.map((n) => n.name));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['Park 0', 'Park 1', 'Park 2', 'Park 3', 'Park 4', 'Park 5', 'Park 6']);
  });

  it('filters by a case-insensitive name substring', async () => {
    const result = await page({ nameContains: 'lone' });
    expect(result.data!.organizations.nodes.map((n) => n.name)).toEqual(['Lone Enterprise']);
  });

  it('treats % and _ in a name filter as plain characters', async () => {
    expect((await page({ nameContains: '%' })).data!.organizations.totalCount).toBe(0);
    await make.organization({ name: 'Growth 50% Lab', kind: 'RESEARCH_INSTITUTE' });
    await make.organization({ name: 'Growth 500 Lab', kind: 'RESEARCH_INSTITUTE' });
    await make.organization({ name: 'Growth_1 Lab', kind: 'RESEARCH_INSTITUTE' });
    const named = async (nameContains: string) => (await page({ nameContains })).data!.organizations.nodes.map((n) => n.name);
    expect(await named('50%')).toEqual(['Growth 50% Lab']);
    expect(await named('h_1')).toEqual(['Growth_1 Lab']);
    expect(await named('growth')).toHaveLength(3);
  });

  it('refuses a page size above 100, naming first', async () => {
    const result = await page({ first: 101 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses a forged cursor, naming after', async () => {
    const result = await page({ first: 2, after: 'bm90IGEgY3Vyc29y' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
