import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

/** Values the organizations subgraph must refuse with BAD_USER_INPUT naming the field, writing nothing. */
describe('organizations: bad input', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let contest: { id: string };
  let unit: { id: string };

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    contest = await make.contest();
    unit = await make.organization({ name: '坏输入测试单位' });
  });
  afterAll(() => graph?.stop());

  const refusal = (r: GraphResponse<unknown>) => ({
    status: r.status,
    code: r.errors?.[0]?.extensions?.code,
    field: r.errors?.[0]?.extensions?.field,
  });
  const contestCount = async () =>
    (await admin.data<{ contests: { totalCount: number } }>(`{ contests { totalCount } }`)).contests.totalCount;
  const contestOf = async () =>
    (
      await admin.data<{ contest: Record<string, unknown> }>(
        `query($id: ID!) { contest(id: $id) { name year startsOn endsOn submissionOpensAt theme milestones { title date } tracks { name } } }`,
        { id: contest.id },
      )
    ).contest;

  describe('custom scalars', () => {
    const create = (input: string) => admin.request(`mutation { createContest(input: { ${input} }) { id } }`);
    const createWith = (input: Record<string, unknown>) =>
      admin.request(`mutation($input: CreateContestInput!) { createContest(input: $input) { id } }`, { input });

    it('refuses a day that does not exist, inline and as a variable, naming the field and writing nothing', async () => {
      const before = await contestCount();
      for (const result of [
        await create('code: "feb-30", name: "二月三十日", year: 2026, startsOn: "2026-02-30"'),
        await createWith({ code: 'feb-30', name: '二月三十日', year: 2026, startsOn: '2026-02-30' }),
        await admin.request(
          `mutation($d: LocalDate) { createContest(input: { code: "feb-30", name: "二月三十日", year: 2026, startsOn: $d }) { id } }`,
          {
            d: '2026-02-30',
          },
        ),
      ]) {
        expect(refusal(result)).toEqual({ status: 200, code: 'BAD_USER_INPUT', field: 'startsOn' });
        expect(result.errors![0]!.message).toMatch(/startsOn: .*not a valid LocalDate/);
      }
      expect(await contestCount()).toBe(before);
    });

    it('refuses a time that is not one ("yesterday"), inline and as a variable', async () => {
      const before = await contestCount();
      expect(refusal(await create('code: "yesterday", name: "昨天", year: 2026, submissionOpensAt: "yesterday"'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'submissionOpensAt',
      });
      expect(refusal(await createWith({ code: 'yesterday', name: '昨天', year: 2026, submissionOpensAt: 'yesterday' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'submissionOpensAt',
      });
      expect(await contestCount()).toBe(before);
    });

    it('refuses a bad date in an update, leaving the contest as it was', async () => {
      const before = await contestOf();
      const result = await admin.request(
        `mutation($id: ID!, $input: UpdateContestInput!) { updateContest(id: $id, input: $input) { id } }`,
        { id: contest.id, input: { name: '改名', endsOn: '2026-04-31' } },
      );
      expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
      expect(await contestOf()).toEqual(before);
    });

    it('refuses a milestone on month 13, inline and as a variable, adding no milestone', async () => {
      const before = await contestOf();
      const inline = await admin.request(
        `mutation($c: ID!) { createMilestone(input: { contestId: $c, date: "2026-13-01", kind: LAUNCH, title: "启动仪式" }) { id } }`,
        { c: contest.id },
      );
      const variable = await admin.request(`mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }`, {
        input: { contestId: contest.id, date: '2026-13-01', kind: 'LAUNCH', title: '启动仪式' },
      });
      for (const result of [inline, variable]) expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
      expect(await contestOf()).toEqual(before);
    });

    it('answers every bad date at once, as input to fix rather than an internal error with an id', async () => {
      const result = await create('code: "x-1", name: "X", year: 2026, startsOn: "2026-02-30", endsOn: "31/12/2026"');
      expect(result.errors![0]!.extensions).not.toHaveProperty('errorId');
      expect((result.errors![0]!.extensions!.details as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual([
        'startsOn',
        'endsOn',
      ]);
    });
  });

  describe('numbers', () => {
    it('refuses a contest year outside 1949 to 2100, as documented, writing nothing', async () => {
      const before = await contestCount();
      const result = await admin.request(
        `mutation { createContest(input: { code: "far-future", name: "远期", year: 2147483647 }) { id } }`,
      );
      expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
      expect(result.errors![0]!.message).toMatch(/between 1949 and 2100/);
      expect(await contestCount()).toBe(before);
    });
  });

  describe('control and bidirectional-override characters', () => {
    const NUL = '\u0000';
    const RLO = '\u202E';
    const organizations = async (nameContains: string) =>
      (
        await admin.data<{ organizations: { totalCount: number } }>(
          `query($n: String) { organizations(nameContains: $n) { totalCount } }`,
          {
            n: nameContains,
          },
        )
      ).organizations.totalCount;
    const people = async (nameContains: string) =>
      (
        await admin.data<{ people: { totalCount: number } }>(`query($n: String) { people(nameContains: $n) { totalCount } }`, {
          n: nameContains,
        })
      ).people.totalCount;

    it('refuses a null byte or a right-to-left override in an organization name, storing nothing', async () => {
      for (const name of [`中山${NUL}医院`, `中山医院${RLO}txt.exe`, '中山\n医院']) {
        const result = await admin.request(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
          input: { name, kind: 'ENTERPRISE' },
        });
        expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
        expect(result.errors![0]!.message).toMatch(/control or bidirectional-override characters/);
      }
      expect(await organizations('中山')).toBe(0);
    });

    it('refuses them when renaming, keeping the old name', async () => {
      const result = await admin.request(
        `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`,
        {
          id: unit.id,
          input: { name: `坏输入${RLO}单位`, shortName: `简称${NUL}` },
        },
      );
      expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      const problems = (result.errors![0]!.extensions!.details as { problems: { field: string }[] }).problems;
      expect(problems.map((p) => p.field)).toEqual(['name', 'shortName']);
      const { organization } = await admin.data<{ organization: { name: string; shortName: string | null } }>(
        `query($id: ID!) { organization(id: $id) { name shortName } }`,
        { id: unit.id },
      );
      expect(organization).toEqual({ name: '坏输入测试单位', shortName: null });
    });

    it("refuses them in a person's name and a team's name", async () => {
      const person = await admin.request(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, {
        input: { name: `张${NUL}三`, organizationId: unit.id },
      });
      expect(refusal(person)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(await people('张')).toBe(0);
      const team = await admin.request(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { id name } }`, {
        input: { organizationId: unit.id, name: `攻关${'\u2066'}团队`, memberIds: [] },
      });
      expect(refusal(team)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      const { teams } = await admin.data<{ teams: { totalCount: number } }>(`{ teams(nameContains: "攻关") { totalCount } }`);
      expect(teams.totalCount).toBe(0);
    });

    it("refuses them in a contest's name, a track's name and a milestone's title, changing nothing", async () => {
      const before = await contestOf();
      const name = await admin.request(`mutation($id: ID!, $input: UpdateContestInput!) { updateContest(id: $id, input: $input) { id } }`, {
        id: contest.id,
        input: { name: `竞赛${RLO}名称` },
      });
      expect(refusal(name)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      const track = await admin.request(`mutation($input: CreateTrackInput!) { createTrack(input: $input) { id } }`, {
        input: { contestId: contest.id, code: 'AI', name: `人工${NUL}智能` },
      });
      expect(refusal(track)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      const milestone = await admin.request(`mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }`, {
        input: { contestId: contest.id, date: '2019-03-29', kind: 'LAUNCH', title: `启动${'\u0085'}仪式` },
      });
      expect(refusal(milestone)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      expect(await contestOf()).toEqual(before);
    });

    it('lets a theme of several lines keep its line breaks', async () => {
      const theme = '聚力新科技\n奋进新时代';
      const result = await admin.request(
        `mutation($id: ID!, $input: UpdateContestInput!) { updateContest(id: $id, input: $input) { theme } }`,
        {
          id: contest.id,
          input: { theme },
        },
      );
      expect(result.errors).toBeUndefined();
      expect((await contestOf()).theme).toBe(theme);
    });
  });
});
