import { Factories, type GraphResponse, type TestGraph, startGraph } from '../../src';

type PageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
type Connection = { totalCount: number; pageInfo: PageInfo; edges: { cursor: string; node: { name: string } }[] };

/** A cursor continues the list that made it, with the same filter and order, and no other. */
describe('cursors through the gateway', () => {
  let graph: TestGraph;
  let make: Factories;
  let pudong: { id: string };
  let minhang: { id: string };

  beforeAll(async () => {
    graph = await startGraph();
    make = new Factories(graph.gateway);
    pudong = await make.organization({ name: '浦东新区总工会', kind: 'DISTRICT_UNION', district: '浦东新区' });
    minhang = await make.organization({ name: '闵行区总工会', kind: 'DISTRICT_UNION', district: '闵行区' });
    for (let i = 0; i < 7; i++) await make.organization({ name: `园区 ${i}`, kind: 'PARK', parentId: pudong.id, district: '浦东新区' });
    for (let i = 0; i < 5; i++)
      await make.organization({ name: `企业 ${i}`, kind: 'ENTERPRISE', parentId: minhang.id, district: '闵行区' });
  });
  afterAll(() => graph?.stop());

  const CONNECTION = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } }';

  const organizations = (variables: { first?: number; after?: string | null; kind?: string; district?: string }) =>
    graph.gateway.request<{ organizations: Connection | null }>(
      `query($first: Int, $after: String, $kind: OrganizationKind, $district: String) {
        organizations(first: $first, after: $after, kind: $kind, district: $district) { ${CONNECTION} }
      }`,
      variables,
    );

  const children = (id: string, variables: { first?: number; after?: string | null }) =>
    graph.gateway.request<{ organization: { children: Connection | null } | null }>(
      `query($id: ID!, $first: Int, $after: String) { organization(id: $id) { children(first: $first, after: $after) { ${CONNECTION} } } }`,
      { id, ...variables },
    );

  const refusal = (result: GraphResponse<unknown>) => result.errors?.[0]?.extensions;

  /** Every page of a list, two by two, and the whole list at once, to compare. */
  async function walk(read: (after: string | null) => Promise<Connection>) {
    const pages: Connection[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await read(after);
      pages.push(page);
      if (!page.pageInfo.hasNextPage) return pages;
      after = page.pageInfo.endCursor;
    }
  }

  describe('a cursor reused with another filter, order or list', () => {
    let parkCursor: string;

    beforeAll(async () => {
      const first = await organizations({ first: 2, kind: 'PARK' });
      expect(first.errors).toBeUndefined();
      parkCursor = first.data!.organizations!.pageInfo.endCursor!;
    });

    it('is refused with BAD_USER_INPUT naming after when the filter changes', async () => {
      for (const variables of [{ kind: 'ENTERPRISE' }, { kind: 'PARK', district: '浦东新区' }, {}]) {
        const result = await organizations({ first: 2, after: parkCursor, ...variables });
        expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
        expect(result.errors![0]!.message).toContain('another list, filter or order');
      }
    });

    it('returns nothing of the other list: no rows, no count', async () => {
      const result = await organizations({ first: 2, after: parkCursor, kind: 'ENTERPRISE' });
      expect(result.errors).toHaveLength(1);
      expect(result.data?.organizations ?? null).toBeNull();
      expect(JSON.stringify(result.data ?? null)).not.toContain('企业');
    });

    it("is refused in another list: a parent's children, and the children of another parent", async () => {
      const fromRoot = await children(pudong.id, { first: 2, after: parkCursor });
      expect(refusal(fromRoot)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(fromRoot.data?.organization?.children ?? null).toBeNull();

      const pudongPage = await children(pudong.id, { first: 2 });
      const pudongCursor = pudongPage.data!.organization!.children!.pageInfo.endCursor!;
      const elsewhere = await children(minhang.id, { first: 2, after: pudongCursor });
      expect(refusal(elsewhere)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(elsewhere.data?.organization?.children ?? null).toBeNull();
      const root = await organizations({ first: 2, after: pudongCursor, kind: 'PARK' });
      expect(refusal(root)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('a cursor with the same filter', () => {
    it('continues exactly after the last row: a full walk meets every row once, in order', async () => {
      const all = (await organizations({ first: 100, kind: 'PARK' })).data!.organizations!;
      expect(all.totalCount).toBe(7);
      const pages = await walk(async (after) => (await organizations({ first: 2, after, kind: 'PARK' })).data!.organizations!);
      expect(pages).toHaveLength(4);
      expect(pages.flatMap((p) => p.edges.map((e) => e.node.name))).toEqual(all.edges.map((e) => e.node.name));
      expect(pages.flatMap((p) => p.edges.map((e) => e.cursor))).toEqual(all.edges.map((e) => e.cursor));
    });

    it('says where each page starts and ends, and whether rows come before or after it', async () => {
      const pages = await walk(async (after) => (await organizations({ first: 3, after, kind: 'PARK' })).data!.organizations!);
      expect(pages.map((p) => [p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage])).toEqual([
        [false, true],
        [true, true],
        [true, false],
      ]);
      for (const page of pages) {
        expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      }
      const empty = (await organizations({ first: 3, kind: 'GOVERNMENT_AGENCY' })).data!.organizations!;
      expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    });

    it("walks a parent's children and its descendants the same way", async () => {
      const kids = await walk(async (after) => (await children(pudong.id, { first: 3, after })).data!.organization!.children!);
      expect(kids.flatMap((p) => p.edges.map((e) => e.node.name))).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `园区 ${i}`));

      const descendants = async (after: string | null) =>
        (
          await graph.gateway.data<{ organization: { descendants: Connection } }>(
            `query($id: ID!, $after: String) { organization(id: $id) { descendants(first: 2, after: $after) { ${CONNECTION} } } }`,
            { id: minhang.id, after },
          )
        ).organization.descendants;
      const below = await walk(descendants);
      expect(below.flatMap((p) => p.edges.map((e) => e.node.name))).toEqual([0, 1, 2, 3, 4].map((i) => `企业 ${i}`));
      const foreign = await graph.gateway.request<{ organization: { descendants: Connection | null } | null }>(
        `query($id: ID!, $after: String) { organization(id: $id) { descendants(first: 2, after: $after) { totalCount } } }`,
        { id: pudong.id, after: below[0]!.pageInfo.endCursor },
      );
      expect(refusal(foreign)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(foreign.data?.organization?.descendants ?? null).toBeNull();
    });
  });
});
