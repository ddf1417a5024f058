import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

type Org = { id: string; name: string };
type Refusal = { index: number; code: string; field: string | null; message: string } & Record<string, unknown>;

const ext = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;
const refusals = (r: GraphResponse<unknown>) => (ext(r)?.details as { errors: Refusal[] }).errors;
/** A well-formed id that names nothing. */
const MISSING = '00000000-0000-4000-8000-000000000000';

/** An office registering its organizations, people and enrolments from a list: many items in one call, all or nothing. */
describe('bulk registration: createOrganizations, createPeople, enrolUnits', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let organizer: GraphClient;
  // federation ← pudong (district union) ← zhangjiang (park) ← company;  minhang (district union) ← factory
  let federation: Org, pudong: Org, zhangjiang: Org, company: Org, minhang: Org, factory: Org;
  let companyCode: string;

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    companyCode = make.creditCode();
    federation = await make.organization({ name: '上海市总工会', kind: 'TRADE_UNION_FEDERATION' });
    pudong = await make.organization({ name: '浦东新区总工会', kind: 'DISTRICT_UNION', parentId: federation.id, district: '浦东新区' });
    zhangjiang = await make.organization({ name: '张江科学城', kind: 'PARK', parentId: pudong.id, district: '浦东新区' });
    company = await make.organization({ name: '张江芯片有限公司', parentId: zhangjiang.id, creditCode: companyCode });
    minhang = await make.organization({ name: '闵行区总工会', kind: 'DISTRICT_UNION', parentId: federation.id, district: '闵行区' });
    factory = await make.organization({ name: '闵行装备厂', parentId: minhang.id });
    organizer = await graph.as('ORGANIZER', { org: pudong.id });
  });
  afterAll(() => graph?.stop());

  const countOf = async (list: 'organizations' | 'people') =>
    (await admin.data<Record<string, { totalCount: number }>>(`{ ${list} { totalCount } }`))[list]!.totalCount;

  describe('createOrganizations', () => {
    const CREATE = `mutation($inputs: [CreateOrganizationInput!]!) { createOrganizations(inputs: $inputs) { id name kind district creditCode parent { id } } }`;
    type Created = {
      id: string;
      name: string;
      kind: string;
      district: string | null;
      creditCode: string | null;
      parent: { id: string } | null;
    };
    const createMany = (inputs: Record<string, unknown>[], client: GraphClient = admin) =>
      client.request<{ createOrganizations: Created[] }>(CREATE, { inputs });
    const createOne = (input: Record<string, unknown>, client: GraphClient = admin) =>
      client.request(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input });
    const named = async (nameContains: string) =>
      (
        await admin.data<{ organizations: { nodes: Org[] } }>(`query($n: String) { organizations(nameContains: $n) { nodes { name } } }`, {
          n: nameContains,
        })
      ).organizations.nodes;

    it('registers every organization of the list in one call, in the order given, each with its own audit record', async () => {
      const codes = [make.creditCode(), make.creditCode()];
      const inputs = [
        { name: '批量登记企业甲', kind: 'ENTERPRISE', parentId: zhangjiang.id, district: '浦东新区', creditCode: codes[0] },
        { name: '批量登记医院', kind: 'HOSPITAL', parentId: minhang.id, district: '闵行区', creditCode: codes[1] },
        { name: '批量登记园区', kind: 'PARK', parentId: pudong.id },
      ];
      const made = await createMany(inputs);
      expect(made.errors).toBeUndefined();
      expect(made.data!.createOrganizations.map((o) => [o.name, o.kind, o.parent?.id, o.creditCode])).toEqual([
        ['批量登记企业甲', 'ENTERPRISE', zhangjiang.id, codes[0]],
        ['批量登记医院', 'HOSPITAL', minhang.id, codes[1]],
        ['批量登记园区', 'PARK', pudong.id, null],
      ]);
      const { organization } = await admin.data<{ organization: { parent: Org; auditTrail: { nodes: { action: string; after: Org }[] } } }>(
        `query($id: ID!) { organization(id: $id) { parent { name } auditTrail { nodes { action after } } } }`,
        { id: made.data!.createOrganizations[1]!.id },
      );
      expect(organization.parent.name).toBe('闵行区总工会');
      expect(organization.auditTrail.nodes).toEqual([
        { action: 'organization.create', after: expect.objectContaining({ name: '批量登记医院' }) },
      ]);
    });

    it('refuses the whole list when any item breaks a rule, naming every refusal (BATCH_REFUSED), and registers none of it', async () => {
      const before = await countOf('organizations');
      const twice = make.creditCode();
      const refused = await createMany([
        { name: '拒绝批次企业一', kind: 'ENTERPRISE', parentId: zhangjiang.id }, // fine on its own
        { name: '拒绝批次企业二', kind: 'ENTERPRISE', parentId: zhangjiang.id, creditCode: '91310115ABCDEFGH' }, // not a credit code
        { name: '拒绝批次企业三', kind: 'ENTERPRISE', parentId: MISSING }, // no such parent
        { name: '拒绝批次企业四', kind: 'ENTERPRISE', parentId: zhangjiang.id, creditCode: companyCode }, // registered already
        { name: '拒绝批次企业五', kind: 'ENTERPRISE', parentId: zhangjiang.id, creditCode: twice },
        { name: '拒绝批次企业六', kind: 'ENTERPRISE', parentId: minhang.id, creditCode: twice }, // the same code twice in one list
        { name: '拒', kind: 'ENTERPRISE', parentId: zhangjiang.id }, // too short a name
      ]);
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect(refusals(refused).map((e) => [e.index, e.name, e.code, e.field])).toEqual([
        [1, '拒绝批次企业二', 'BAD_USER_INPUT', 'creditCode'],
        [2, '拒绝批次企业三', 'NOT_FOUND', 'parentId'],
        [3, '拒绝批次企业四', 'ALREADY_EXISTS', 'creditCode'],
        [5, '拒绝批次企业六', 'ALREADY_EXISTS', 'creditCode'],
        [6, '拒', 'BAD_USER_INPUT', 'name'],
      ]);
      expect(refusals(refused)[3]!.message).toContain(twice);
      expect(await countOf('organizations')).toBe(before);
      expect(await named('拒绝批次')).toEqual([]);
    });

    it('a list of one reports its own error, as createOrganization does, and registers nothing', async () => {
      const before = await countOf('organizations');
      const input = { name: '孤单企业', kind: 'ENTERPRISE', parentId: MISSING };
      const one = await createMany([input]);
      expect(ext(one)).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
      expect(ext(one)).toMatchObject(ext(await createOne(input))!);
      expect(await countOf('organizations')).toBe(before);
    });

    it('holds an organizer to its own union item by item: one unit outside it refuses the list, and nothing is registered', async () => {
      const before = await countOf('organizations');
      const refused = await createMany(
        [
          { name: '组织者登记企业一', kind: 'ENTERPRISE', parentId: zhangjiang.id },
          { name: '组织者越界企业', kind: 'ENTERPRISE', parentId: minhang.id },
          { name: '组织者顶层企业', kind: 'ENTERPRISE' },
        ],
        organizer,
      );
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect(refusals(refused).map((e) => [e.index, e.code, e.field])).toEqual([
        [1, 'FORBIDDEN', 'parentId'],
        [2, 'FORBIDDEN', 'parentId'],
      ]);
      expect(await countOf('organizations')).toBe(before);
      const inside = await createMany(
        [
          { name: '组织者登记企业一', kind: 'ENTERPRISE', parentId: zhangjiang.id },
          { name: '组织者登记企业二', kind: 'ENTERPRISE', parentId: pudong.id },
        ],
        organizer,
      );
      expect(inside.errors).toBeUndefined();
      expect(inside.data!.createOrganizations.map((o) => o.parent?.id)).toEqual([zhangjiang.id, pudong.id]);
    });

    it('refuses an empty list and one longer than 500 on the inputs field, registering nothing', async () => {
      const before = await countOf('organizations');
      expect(ext(await createMany([]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      const tooMany = Array.from({ length: 501 }, (_, i) => ({ name: `过多企业${i}`, kind: 'ENTERPRISE', parentId: zhangjiang.id }));
      expect(ext(await createMany(tooMany))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      expect(await countOf('organizations')).toBe(before);
    });

    it('is not a submitter’s: it is refused and nothing is registered', async () => {
      const before = await countOf('organizations');
      const submitter = await graph.as('SUBMITTER', { org: company.id });
      expect(ext(await createMany([{ name: '提交者企业', kind: 'ENTERPRISE', parentId: company.id }], submitter))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await countOf('organizations')).toBe(before);
    });

    it('costs the same SQL statements for a list of one as for a list of three', async () => {
      const cost = async (inputs: Record<string, unknown>[]) => {
        graph.resetStatements();
        const made = await createMany(inputs, organizer);
        expect(made.errors).toBeUndefined();
        return graph.statements().organizations;
      };
      const unit = (name: string, parentId: string) => ({ name, kind: 'ENTERPRISE', parentId, creditCode: make.creditCode() });
      const one = await cost([unit('计数企业一', zhangjiang.id)]);
      const three = await cost([unit('计数企业二', zhangjiang.id), unit('计数企业三', pudong.id), unit('计数企业四', company.id)]);
      expect(one).toBeGreaterThan(2);
      expect(three).toBe(one);
    });
  });

  describe('createPeople', () => {
    const CREATE = `mutation($inputs: [CreatePersonInput!]!) { createPeople(inputs: $inputs) { id name position organization { id } } }`;
    type Created = { id: string; name: string; position: string | null; organization: { id: string } };
    const createMany = (inputs: Record<string, unknown>[], client: GraphClient = admin) =>
      client.request<{ createPeople: Created[] }>(CREATE, { inputs });

    it('registers every person of the list in one call, in the order given, keeping contact data out of the audit log', async () => {
      const inputs = [
        { name: '名单张三', organizationId: company.id, position: '总工程师', phone: '13912345678', email: 'Zhang@Example.org' },
        { name: '名单李四', organizationId: factory.id },
        { name: '名单王五', organizationId: company.id, position: '工会主席' },
      ];
      const made = await createMany(inputs);
      expect(made.errors).toBeUndefined();
      expect(made.data!.createPeople.map((p) => [p.name, p.organization.id, p.position])).toEqual([
        ['名单张三', company.id, '总工程师'],
        ['名单李四', factory.id, null],
        ['名单王五', company.id, '工会主席'],
      ]);
      const { person } = await admin.data<{ person: { email: string; auditTrail: { nodes: { action: string; after: object }[] } } }>(
        `query($id: ID!) { person(id: $id) { email auditTrail { nodes { action after } } } }`,
        { id: made.data!.createPeople[0]!.id },
      );
      expect(person.email).toBe('zhang@example.org');
      expect(person.auditTrail.nodes).toEqual([
        { action: 'person.create', after: expect.objectContaining({ name: '名单张三', hasPhone: true, hasEmail: true }) },
      ]);
      expect(JSON.stringify(person.auditTrail.nodes)).not.toMatch(/13912345678|example\.org/);
    });

    it('refuses the whole list when any person breaks a rule, naming every refusal (BATCH_REFUSED), and registers none of it', async () => {
      const before = await countOf('people');
      const refused = await createMany([
        { name: '拒绝名单甲', organizationId: company.id },
        { name: '拒绝名单乙', organizationId: company.id, phone: '12345' },
        { name: '拒绝名单丙', organizationId: MISSING },
        { name: '拒绝名单丁', organizationId: factory.id, email: 'not-an-email' },
      ]);
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect(refusals(refused).map((e) => [e.index, e.name, e.organizationId, e.code, e.field])).toEqual([
        [1, '拒绝名单乙', company.id, 'BAD_USER_INPUT', 'phone'],
        [2, '拒绝名单丙', MISSING, 'NOT_FOUND', 'organizationId'],
        [3, '拒绝名单丁', factory.id, 'BAD_USER_INPUT', 'email'],
      ]);
      expect(await countOf('people')).toBe(before);
    });

    it("lets a unit's submitter list its own people only: another unit's person refuses the list, and nothing is registered", async () => {
      const submitter = await graph.as('SUBMITTER', { org: company.id });
      const before = await countOf('people');
      const refused = await createMany(
        [
          { name: '本单位联系人', organizationId: company.id },
          { name: '外单位联系人', organizationId: factory.id },
        ],
        submitter,
      );
      expect(refusals(refused).map((e) => [e.index, e.code, e.field])).toEqual([[1, 'FORBIDDEN', 'organizationId']]);
      expect(await countOf('people')).toBe(before);
      const own = await createMany([{ name: '本单位联系人', organizationId: company.id }], submitter);
      expect(own.errors).toBeUndefined();
      expect(await countOf('people')).toBe(before + 1);
    });

    it('a list of one reports its own error, as createPerson does, and registers nothing', async () => {
      const before = await countOf('people');
      const input = { name: '孤单联系人', organizationId: company.id, phone: '12345' };
      const one = await createMany([input]);
      expect(ext(one)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
      const single = await admin.request(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, { input });
      expect(ext(one)).toMatchObject(ext(single)!);
      expect(await countOf('people')).toBe(before);
    });

    it('refuses an empty list and one longer than 500 on the inputs field, registering nothing', async () => {
      const before = await countOf('people');
      expect(ext(await createMany([]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      const tooMany = Array.from({ length: 501 }, (_, i) => ({ name: `过多联系人${i}`, organizationId: company.id }));
      expect(ext(await createMany(tooMany))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      expect(await countOf('people')).toBe(before);
    });

    it('is not an expert’s: it is refused and nothing is registered', async () => {
      const before = await countOf('people');
      const expert = await graph.as('EXPERT');
      expect(ext(await createMany([{ name: '专家联系人', organizationId: company.id }], expert))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await countOf('people')).toBe(before);
    });

    it('costs the same SQL statements for a list of one as for a list of three', async () => {
      const cost = async (inputs: Record<string, unknown>[]) => {
        graph.resetStatements();
        const made = await createMany(inputs, organizer);
        expect(made.errors).toBeUndefined();
        return graph.statements().organizations;
      };
      const one = await cost([{ name: '计数联系人一', organizationId: company.id }]);
      const three = await cost([
        { name: '计数联系人二', organizationId: company.id },
        { name: '计数联系人三', organizationId: zhangjiang.id },
        { name: '计数联系人四', organizationId: pudong.id },
      ]);
      expect(one).toBeGreaterThan(2);
      expect(three).toBe(one);
    });
  });

  describe('enrolUnits', () => {
    const ENROL = `mutation($inputs: [EnrolUnitInput!]!) { enrolUnits(inputs: $inputs) { id organization { id } mobilizedBy { id } } }`;
    type Enrolled = { id: string; organization: { id: string }; mobilizedBy: { id: string } };
    const enrolMany = (inputs: { contestId: string; organizationId: string; mobilizedById: string }[], client: GraphClient = organizer) =>
      client.request<{ enrolUnits: Enrolled[] }>(ENROL, { inputs });
    let contestId: string;
    let lockedId: string;
    const units: Record<string, string> = {};
    const enrolled = async (c = contestId) =>
      (
        await admin.data<{ participations: { nodes: { organization: { id: string } }[] } }>(
          `query($c: ID!) { participations(contestId: $c, first: 100) { nodes { organization { id } } } }`,
          { c },
        )
      ).participations.nodes.map((n) => n.organization.id);
    const item = (unit: string, mobilizer: Org = pudong, contest = contestId) => ({
      contestId: contest,
      organizationId: units[unit] ?? unit,
      mobilizedById: mobilizer.id,
    });

    beforeAll(async () => {
      const open = async () => {
        const c = await make.contest();
        await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, { id: c.id });
        return c.id;
      };
      contestId = await open();
      lockedId = await open();
      await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: REVIEWING) { status } }`, { id: lockedId });
      for (const [key, parent] of [
        ['a', zhangjiang],
        ['b', zhangjiang],
        ['c', pudong],
        ['d', pudong],
        ['e', company],
        ['f', zhangjiang],
        ['g', pudong],
        ['h', zhangjiang],
      ] as const)
        units[key] = (await make.organization({ name: `报名单位${key}`, parentId: parent.id })).id;
    });

    it('enrols every unit of an organizer’s list for its own union in one call, in the order given', async () => {
      const made = await enrolMany([item('b'), item('a'), item(company.id)]);
      expect(made.errors).toBeUndefined();
      expect(made.data!.enrolUnits.map((p) => [p.organization.id, p.mobilizedBy.id])).toEqual([
        [units.b, pudong.id],
        [units.a, pudong.id],
        [company.id, pudong.id],
      ]);
      // Ids sort in enrolment order, so the list reads as it was handed in.
      expect(await enrolled()).toEqual([units.b, units.a, company.id]);
    });

    it('refuses the whole list when any enrolment breaks a rule, naming every refusal (BATCH_REFUSED), and enrols none of it', async () => {
      const before = await enrolled();
      const refused = await enrolMany([
        item('c'), // fine on its own
        item('a'), // enrolled already
        item('d'),
        item('d'), // the same unit twice in one list
        item('e', zhangjiang), // a park does not mobilize
        item(factory.id, pudong), // outside the union
        item(factory.id, minhang), // another union's
        item('f', pudong, MISSING), // no such contest
        item('f', pudong, lockedId), // under review
        item(MISSING), // no such unit
      ]);
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect(refusals(refused).map((e) => [e.index, e.organizationId, e.code, e.field])).toEqual([
        [1, units.a, 'ALREADY_EXISTS', 'organizationId'],
        [3, units.d, 'ALREADY_EXISTS', 'organizationId'],
        [4, units.e, 'BAD_USER_INPUT', 'mobilizedById'],
        [5, factory.id, 'BAD_USER_INPUT', 'organizationId'],
        [6, factory.id, 'FORBIDDEN', 'mobilizedById'],
        [7, units.f, 'NOT_FOUND', 'contestId'],
        [8, units.f, 'CONTEST_LOCKED', 'contestId'],
        [9, MISSING, 'NOT_FOUND', 'organizationId'],
      ]);
      expect(refusals(refused)[0]).toMatchObject({ contestId, mobilizedById: pudong.id });
      expect(await enrolled()).toEqual(before);
      expect(await enrolled(lockedId)).toEqual([]);
    });

    it('a list of one reports its own error, as enrolUnit does, and enrols nothing', async () => {
      const before = await enrolled();
      const one = await enrolMany([item('e', zhangjiang)]);
      expect(ext(one)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mobilizedById' });
      const single = await organizer.request(`mutation($input: EnrolUnitInput!) { enrolUnit(input: $input) { id } }`, {
        input: item('e', zhangjiang),
      });
      expect(ext(one)).toMatchObject(ext(single)!);
      expect(await enrolled()).toEqual(before);
    });

    it('refuses an empty list and one longer than 500 on the inputs field, enrolling nothing', async () => {
      const before = await enrolled();
      expect(ext(await enrolMany([]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      expect(ext(await enrolMany(Array.from({ length: 501 }, () => item('g'))))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      expect(await enrolled()).toEqual(before);
    });

    it('is not a submitter’s: it is refused and nothing is enrolled', async () => {
      const before = await enrolled();
      const submitter = await graph.as('SUBMITTER', { org: units.g });
      expect(ext(await enrolMany([item('g')], submitter))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await enrolled()).toEqual(before);
    });

    it('costs the same SQL statements for a list of one as for a list of three', async () => {
      const cost = async (inputs: ReturnType<typeof item>[]) => {
        graph.resetStatements();
        const made = await enrolMany(inputs);
        expect(made.errors).toBeUndefined();
        return graph.statements().organizations;
      };
      const one = await cost([item('c')]);
      const three = await cost([item('d'), item('f'), item('h')]);
      expect(one).toBeGreaterThan(2);
      expect(three).toBe(one);
    });
  });
});
