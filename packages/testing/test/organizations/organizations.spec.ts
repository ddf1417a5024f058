import { Factories, type GraphClient, type TestGraph, startGraph } from '../../src';

type Org = { id: string; name: string };

describe('organizations: hierarchy, filters, scope and audit', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  // federation ← pudong (district union) ← zhangjiang (park) ← company ← lab;  minhang (district union) ← factory
  let federation: Org, pudong: Org, zhangjiang: Org, company: Org, lab: Org, minhang: Org, factory: Org;

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    federation = await make.organization({ name: '上海市总工会', kind: 'TRADE_UNION_FEDERATION' });
    pudong = await make.organization({ name: '浦东新区总工会', kind: 'DISTRICT_UNION', parentId: federation.id, district: '浦东新区' });
    zhangjiang = await make.organization({ name: '张江科学城', kind: 'PARK', parentId: pudong.id, district: '浦东新区' });
    company = await make.organization({
      name: '张江芯片有限公司',
      kind: 'ENTERPRISE',
      parentId: zhangjiang.id,
      district: '浦东新区',
      creditCode: make.creditCode(),
    });
    lab = await make.organization({ name: '芯片联合实验室', kind: 'RESEARCH_INSTITUTE', parentId: company.id, district: '浦东新区' });
    minhang = await make.organization({ name: '闵行区总工会', kind: 'DISTRICT_UNION', parentId: federation.id, district: '闵行区' });
    factory = await make.organization({ name: '闵行装备厂', kind: 'ENTERPRISE', parentId: minhang.id, district: '闵行区' });
  });
  afterAll(() => graph?.stop());

  const names = (nodes: { name: string }[]) => nodes.map((n) => n.name);

  describe('ancestors and descendants', () => {
    it('lists ancestors nearest first and descendants at any depth', async () => {
      const data = await admin.data<{
        organization: { ancestors: Org[]; descendants: { totalCount: number; nodes: Org[] }; children: { nodes: Org[] } };
      }>(
        `query($id: ID!) { organization(id: $id) { ancestors { name } descendants { totalCount nodes { name } } children { nodes { name } } } }`,
        { id: zhangjiang.id },
      );
      expect(names(data.organization.ancestors)).toEqual(['浦东新区总工会', '上海市总工会']);
      expect(data.organization.descendants.totalCount).toBe(2);
      expect(names(data.organization.descendants.nodes).sort()).toEqual(['张江芯片有限公司', '芯片联合实验室'].sort());
      expect(names(data.organization.children.nodes)).toEqual(['张江芯片有限公司']);
    });

    it('costs one query each, however deep the tree and however many organizations ask', async () => {
      const cost = async (kind: string | null) => {
        graph.resetStatements();
        const data = await admin.data<{ organizations: { nodes: unknown[] } }>(
          `query($kind: OrganizationKind) { organizations(kind: $kind, first: 100) { nodes { ancestors { name } descendants { totalCount nodes { name } } } } }`,
          { kind },
        );
        return { statements: graph.statements().organizations, nodes: data.organizations.nodes.length };
      };
      const one = await cost('PARK'); // the park alone
      const all = await cost(null); // every organization, depths 0 to 4
      expect(one.nodes).toBe(1);
      expect(all.nodes).toBeGreaterThanOrEqual(7);
      // the page, ancestors, descendants, their count — whatever the depth or the page size
      expect(all.statements).toBe(one.statements);
      expect(one.statements).toBe(4);
    });

    it('pages through descendants in name order without gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const data: { organization: { descendants: { nodes: Org[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } } =
          await admin.data(
            `query($id: ID!, $after: String) { organization(id: $id) { descendants(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } } }`,
            { id: federation.id, after },
          );
        seen.push(...names(data.organization.descendants.nodes));
        if (!data.organization.descendants.pageInfo.hasNextPage) break;
        after = data.organization.descendants.pageInfo.endCursor;
      }
      const all = [pudong, zhangjiang, company, lab, minhang, factory].map((o) => o.name);
      expect(seen).toHaveLength(all.length);
      expect(new Set(seen)).toEqual(new Set(all));
      expect(seen).toEqual([...seen].sort());
    });
  });

  describe('moving an organization', () => {
    it('refuses a move that would make a cycle, naming parentId, and changes nothing', async () => {
      const result = await admin.request(
        `mutation($id: ID!, $parent: ID!) { updateOrganization(id: $id, input: { parentId: $parent }) { id } }`,
        {
          id: pudong.id,
          parent: lab.id,
        },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
      expect(result.errors?.[0]?.message).toMatch(/cycle/);
      const after = await admin.data<{ organization: { parent: Org } }>(`query($id: ID!) { organization(id: $id) { parent { name } } }`, {
        id: pudong.id,
      });
      expect(after.organization.parent.name).toBe('上海市总工会');
    });

    it('refuses making an organization its own parent', async () => {
      const result = await admin.request(`mutation($id: ID!) { updateOrganization(id: $id, input: { parentId: $id }) { id } }`, {
        id: lab.id,
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    });

    it('moves a unit under a new parent and records who did it, before and after', async () => {
      const spare = await make.organization({ name: '待迁移企业', parentId: zhangjiang.id });
      await admin.data(
        `mutation($id: ID!, $parent: ID!) { updateOrganization(id: $id, input: { parentId: $parent, district: "浦东新区" }) { id } }`,
        {
          id: spare.id,
          parent: pudong.id,
        },
      );
      const data = await (
        await graph.as('ANALYST')
      ).data<{
        organization: {
          parent: Org;
          auditTrail: {
            totalCount: number;
            nodes: {
              action: string;
              actor: string;
              actorRoles: string[];
              before: Record<string, unknown>;
              after: Record<string, unknown>;
            }[];
          };
        };
      }>(
        `query($id: ID!) { organization(id: $id) { parent { name } auditTrail { totalCount nodes { action actor actorRoles before after } } } }`,
        { id: spare.id },
      );
      expect(data.organization.parent.name).toBe('浦东新区总工会');
      expect(data.organization.auditTrail.nodes.map((n) => n.action)).toEqual(['organization.create', 'organization.update']);
      const update = data.organization.auditTrail.nodes[1]!;
      expect(update).toMatchObject({ actor: 'office-admin', actorRoles: ['ADMIN'] });
      expect(update.before).toMatchObject({ parentId: zhangjiang.id, district: null });
      expect(update.after).toMatchObject({ parentId: pudong.id, district: '浦东新区' });
    });

    it('keeps the audit trail from submitters', async () => {
      const submitter = await graph.as('SUBMITTER', { org: company.id });
      const result = await submitter.request(`query($id: ID!) { organization(id: $id) { name auditTrail { totalCount } } }`, {
        id: company.id,
      });
      expect(result.data).toEqual({ organization: { name: '张江芯片有限公司', auditTrail: null } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('an organizer acts within its own union', () => {
    let organizer: GraphClient;
    beforeAll(async () => (organizer = await graph.as('ORGANIZER', { org: pudong.id })));
    const count = async () =>
      (await admin.data<{ organizations: { totalCount: number } }>(`{ organizations { totalCount } }`)).organizations.totalCount;

    it('creates a unit below its union', async () => {
      const result = await organizer.request<{ createOrganization: { parent: Org } }>(
        `mutation($parent: ID!) { createOrganization(input: { name: "张江新企业", kind: ENTERPRISE, parentId: $parent }) { parent { name } } }`,
        { parent: zhangjiang.id },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.createOrganization.parent.name).toBe('张江科学城');
    });

    it('cannot create a unit in another union, or at the top; nothing is written', async () => {
      const before = await count();
      for (const parentId of [minhang.id, null]) {
        const result = await organizer.request(
          `mutation($parent: ID) { createOrganization(input: { name: "越界企业", kind: ENTERPRISE, parentId: $parent }) { id } }`,
          {
            parent: parentId,
          },
        );
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await count()).toBe(before);
    });

    it("cannot edit another union's unit, nor move its own unit out of its union", async () => {
      const edit = await organizer.request(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "改名" }) { id } }`, {
        id: factory.id,
      });
      expect(edit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const move = await organizer.request(`mutation($id: ID!, $p: ID!) { updateOrganization(id: $id, input: { parentId: $p }) { id } }`, {
        id: company.id,
        p: minhang.id,
      });
      expect(move.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const data = await admin.data<{ f: Org; c: { parent: Org } }>(
        `query($f: ID!, $c: ID!) { f: organization(id: $f) { name } c: organization(id: $c) { parent { name } } }`,
        {
          f: factory.id,
          c: company.id,
        },
      );
      expect(data).toEqual({ f: { name: '闵行装备厂' }, c: { parent: { name: '张江科学城' } } });
    });
  });

  describe('filters and pagination', () => {
    it('filters by kind, parent, district and name, in name order', async () => {
      const data = await admin.data<Record<string, { nodes: Org[] }>>(
        `query($pudong: ID!) {
          unions: organizations(kind: DISTRICT_UNION) { nodes { name } }
          children: organizations(parentId: $pudong) { nodes { name } }
          minhang: organizations(district: "闵行区") { nodes { name } }
          chips: organizations(nameContains: "芯片") { nodes { name } }
        }`,
        { pudong: pudong.id },
      );
      expect(names(data.unions!.nodes)).toEqual(['浦东新区总工会', '闵行区总工会'].sort());
      expect(names(data.children!.nodes)).toContain('张江科学城');
      expect(names(data.minhang!.nodes)).toEqual(['闵行区总工会', '闵行装备厂'].sort());
      expect(names(data.chips!.nodes)).toEqual(['张江芯片有限公司', '芯片联合实验室'].sort());
    });

    it('walks all organizations page by page with a stable order, no repeats and no gaps', async () => {
      const total = (await admin.data<{ organizations: { totalCount: number } }>(`{ organizations { totalCount } }`)).organizations
        .totalCount;
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { organizations: { nodes: Org[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await admin.data(
          `query($after: String) { organizations(first: 3, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        seen.push(...page.organizations.nodes.map((n) => n.id));
        if (!page.organizations.pageInfo.hasNextPage) break;
        after = page.organizations.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it('finds people by organization and by name', async () => {
      await admin.data(
        `mutation($org: ID!) { a: createPerson(input: { name: "王芳", organizationId: $org }) { id } b: createPerson(input: { name: "王强", organizationId: $org }) { id } }`,
        {
          org: lab.id,
        },
      );
      await admin.data(`mutation($org: ID!) { createPerson(input: { name: "王伟", organizationId: $org }) { id } }`, { org: factory.id });
      const data = await admin.data<Record<string, { nodes: { name: string }[] }>>(
        `query($lab: ID!) { inLab: people(organizationId: $lab) { nodes { name } } wang: people(nameContains: "王") { nodes { name } } }`,
        { lab: lab.id },
      );
      expect(names(data.inLab!.nodes)).toEqual(['王强', '王芳'].sort());
      expect(names(data.wang!.nodes)).toHaveLength(3);
    });
  });

  describe('people, contact data and teams', () => {
    it('lets a person change their own phone, but nothing else of theirs', async () => {
      const { createPerson } = await admin.data<{ createPerson: { id: string } }>(
        `mutation($org: ID!) { createPerson(input: { name: "赵敏", organizationId: $org, phone: "13911112222" }) { id } }`,
        { org: factory.id },
      );
      const self = await graph.as('EXPERT', { sub: createPerson.id });
      const own = await self.request<{ updatePerson: { phone: string } }>(
        `mutation($id: ID!) { updatePerson(id: $id, input: { phone: "13933334444" }) { phone } }`,
        {
          id: createPerson.id,
        },
      );
      expect(own.errors).toBeUndefined();
      expect(own.data?.updatePerson.phone).toBe('13933334444');
      const rename = await self.request(`mutation($id: ID!) { updatePerson(id: $id, input: { name: "赵敏敏" }) { id } }`, {
        id: createPerson.id,
      });
      expect(rename.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const data = await admin.data<{ person: { name: string } }>(`query($id: ID!) { person(id: $id) { name } }`, { id: createPerson.id });
      expect(data.person.name).toBe('赵敏');
    });

    it('never writes contact data into the audit log', async () => {
      const { createPerson } = await admin.data<{ createPerson: { id: string } }>(
        `mutation($org: ID!) { createPerson(input: { name: "钱多", organizationId: $org, phone: "13955556666", email: "qian@example.org" }) { id } }`,
        { org: factory.id },
      );
      const data = await admin.data<{ person: { auditTrail: { nodes: { after: Record<string, unknown> }[] } } }>(
        `query($id: ID!) { person(id: $id) { auditTrail { nodes { after } } } }`,
        { id: createPerson.id },
      );
      const logged = data.person.auditTrail.nodes[0]!.after;
      expect(logged).toMatchObject({ name: '钱多', hasPhone: true, hasEmail: true });
      expect(JSON.stringify(logged)).not.toMatch(/13955556666|qian@example/);
    });

    it('refuses a phone or email that is not one, naming the field, and writes nothing', async () => {
      const before = (await admin.data<{ people: { totalCount: number } }>(`{ people { totalCount } }`)).people.totalCount;
      for (const [field, value] of [
        ['phone', '12345'],
        ['email', 'not-an-email'],
      ] as const) {
        const result = await admin.request(
          `mutation($org: ID!, $v: String) { createPerson(input: { name: "孙七", organizationId: $org, ${field}: $v }) { id } }`,
          {
            org: lab.id,
            v: value,
          },
        );
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect((await admin.data<{ people: { totalCount: number } }>(`{ people { totalCount } }`)).people.totalCount).toBe(before);
    });

    it('builds a team of people from its organization, in order, and refuses outsiders', async () => {
      const people = await admin.data<Record<string, { id: string }>>(
        `mutation($c: ID!, $l: ID!, $f: ID!) {
          a: createPerson(input: { name: "组长", organizationId: $c }) { id }
          b: createPerson(input: { name: "组员", organizationId: $l }) { id }
          x: createPerson(input: { name: "外人", organizationId: $f }) { id }
        }`,
        { c: company.id, l: lab.id, f: factory.id },
      );
      const team = await admin.data<{ createTeam: { id: string; members: { name: string }[]; organization: Org } }>(
        `mutation($org: ID!, $m: [ID!]) { createTeam(input: { organizationId: $org, name: "芯片攻关组", memberIds: $m }) { id members { name } organization { name } } }`,
        { org: company.id, m: [people.b!.id, people.a!.id] },
      );
      expect(names(team.createTeam.members)).toEqual(['组员', '组长']);
      const outsider = await admin.request(`mutation($id: ID!, $m: [ID!]) { updateTeam(id: $id, input: { memberIds: $m }) { id } }`, {
        id: team.createTeam.id,
        m: [people.a!.id, people.x!.id],
      });
      expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberIds' });
      const after = await admin.data<{ team: { members: { name: string }[] } }>(`query($id: ID!) { team(id: $id) { members { name } } }`, {
        id: team.createTeam.id,
      });
      expect(names(after.team.members)).toEqual(['组员', '组长']);
    });
  });
});
