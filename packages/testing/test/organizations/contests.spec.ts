import { Factories, type GraphClient, type TestGraph, startGraph } from '../../src';

type Org = { id: string; name: string };

describe('contests: details, tracks, milestones and enrolment', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let federation: Org, sstc: Org, pudong: Org, park: Org, unit: Org, otherUnion: Org, outsider: Org;

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    federation = await make.organization({ name: '上海市总工会', kind: 'TRADE_UNION_FEDERATION' });
    sstc = await make.organization({ name: '市科委', kind: 'GOVERNMENT_AGENCY' });
    pudong = await make.organization({ name: '浦东新区总工会', kind: 'DISTRICT_UNION', parentId: federation.id });
    park = await make.organization({ name: '张江科学城', kind: 'PARK', parentId: pudong.id });
    unit = await make.organization({ name: '复旦大学附属中山医院', kind: 'HOSPITAL', parentId: park.id });
    otherUnion = await make.organization({ name: '上海科技工会', kind: 'INDUSTRY_UNION', parentId: federation.id });
    outsider = await make.organization({ name: '外区企业', kind: 'ENTERPRISE' });
  });
  afterAll(() => graph?.stop());

  const createContest = (input: Record<string, unknown>) =>
    admin.request<{ createContest: { id: string } }>(`mutation($input: CreateContestInput!) { createContest(input: $input) { id } }`, {
      input,
    });
  const contestCount = async () =>
    (await admin.data<{ contests: { totalCount: number } }>(`{ contests { totalCount } }`)).contests.totalCount;

  it('creates a contest with its organizer, co-organizers, period and submission window', async () => {
    const result = await createContest({
      code: 'sci-tech-2019',
      name: '“聚力新科技，奋进新时代”加快科创中心建设主题立功竞赛',
      year: 2019,
      organizerId: federation.id,
      coOrganizerIds: [sstc.id],
      startsOn: '2019-03-29',
      endsOn: '2020-01-31',
      submissionOpensAt: '2019-04-01T00:00:00.000Z',
      submissionClosesAt: '2019-09-30T15:59:59.000Z',
    });
    expect(result.errors).toBeUndefined();
    const data = await admin.data<{ contest: Record<string, unknown> }>(
      `query($id: ID!) { contest(id: $id) { status organizer { name } coOrganizers { name } startsOn endsOn submissionOpensAt submissionClosesAt } }`,
      { id: result.data!.createContest.id },
    );
    expect(data.contest).toEqual({
      status: 'DRAFT',
      organizer: { name: '上海市总工会' },
      coOrganizers: [{ name: '市科委' }],
      startsOn: '2019-03-29',
      endsOn: '2020-01-31',
      submissionOpensAt: '2019-04-01T00:00:00.000Z',
      submissionClosesAt: '2019-09-30T15:59:59.000Z',
    });
  });

  it('refuses an inconsistent period or window, naming each field, and writes nothing', async () => {
    const before = await contestCount();
    const result = await createContest({
      code: 'bad-calendar',
      name: 'Bad calendar',
      year: 2019,
      startsOn: '2019-12-01',
      endsOn: '2019-01-01',
      submissionOpensAt: '2019-09-30T00:00:00Z',
      submissionClosesAt: '2019-09-01T00:00:00Z',
    });
    const problems = (result.errors?.[0]?.extensions?.details as { problems: { field: string }[] }).problems;
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problems.map((p) => p.field)).toEqual(['endsOn', 'submissionClosesAt']);
    expect(await contestCount()).toBe(before);
  });

  it('refuses an organizer that does not exist, naming organizerId', async () => {
    const before = await contestCount();
    const result = await createContest({
      code: 'ghost-organizer',
      name: 'Ghost',
      year: 2019,
      organizerId: '00000000-0000-0000-0000-000000000000',
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'organizerId' });
    expect(await contestCount()).toBe(before);
  });

  describe('status', () => {
    it('moves one step at a time and refuses skipping, changing nothing', async () => {
      const contest = await make.contest();
      const skip = await admin.request(`mutation($id: ID!) { changeContestStatus(id: $id, status: REVIEWING) { status } }`, {
        id: contest.id,
      });
      expect(skip.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
      const statusOf = async () =>
        (await admin.data<{ contest: { status: string } }>(`query($id: ID!) { contest(id: $id) { status } }`, { id: contest.id })).contest
          .status;
      expect(await statusOf()).toBe('DRAFT');
      for (const status of ['OPEN_FOR_SUBMISSIONS', 'REVIEWING', 'CLOSED']) {
        await admin.data(`mutation($id: ID!, $s: ContestStatus!) { changeContestStatus(id: $id, status: $s) { status } }`, {
          id: contest.id,
          s: status,
        });
      }
      expect(await statusOf()).toBe('CLOSED');
      const back = await admin.request(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, {
        id: contest.id,
      });
      expect(back.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    });

    it('keeps a draft contest from the public, which learns nothing about it', async () => {
      const draft = await make.contest();
      const anonymous = await graph.anonymous.request(`query($id: ID!) { contest(id: $id) { name } }`, { id: draft.id });
      const missing = await graph.anonymous.request(`query($id: ID!) { contest(id: $id) { name } }`, {
        id: '00000000-0000-0000-0000-000000000000',
      });
      expect(anonymous.errors?.[0]).toMatchObject({ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } });
      expect(missing.errors?.[0]?.message).toBe(anonymous.errors?.[0]?.message);
    });
  });

  describe('tracks', () => {
    let contestId: string;
    beforeAll(async () => (contestId = (await make.contest()).id));
    const tracks = async () =>
      (
        await admin.data<{ contest: { tracks: { code: string; name: string }[] } }>(
          `query($id: ID!) { contest(id: $id) { tracks { code name } } }`,
          { id: contestId },
        )
      ).contest.tracks;
    const addTrack = (code: string, name: string) =>
      admin.request(
        `mutation($c: ID!, $code: String!, $name: String!) { createTrack(input: { contestId: $c, code: $code, name: $name }) { id } }`,
        { c: contestId, code, name },
      );

    it('are data of the contest, listed by code', async () => {
      for (const [code, name] of [
        ['IC', '集成电路'],
        ['AI', '人工智能'],
        ['BIOMED', '生物医药'],
        ['BIG_SCIENCE', '大科学、大装置、大设施'],
      ]) {
        expect((await addTrack(code!, name!)).errors).toBeUndefined();
      }
      expect((await tracks()).map((t) => t.code)).toEqual(['AI', 'BIG_SCIENCE', 'BIOMED', 'IC']);
    });

    it('refuses a malformed or repeated code, naming code, and writes nothing', async () => {
      const before = await tracks();
      expect((await addTrack('ai track', '?')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      expect((await addTrack('AI', 'again')).errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'code' });
      expect(await tracks()).toEqual(before);
    });

    it('cannot be added once the contest is under review', async () => {
      for (const status of ['OPEN_FOR_SUBMISSIONS', 'REVIEWING']) {
        await admin.data(`mutation($id: ID!, $s: ContestStatus!) { changeContestStatus(id: $id, status: $s) { status } }`, {
          id: contestId,
          s: status,
        });
      }
      const before = await tracks();
      expect((await addTrack('QUANTUM', '量子')).errors?.[0]?.extensions).toMatchObject({ code: 'CONTEST_LOCKED', field: 'contestId' });
      expect(await tracks()).toEqual(before);
    });
  });

  describe('milestones', () => {
    let contestId: string;
    beforeAll(async () => {
      const { createContest } = await admin.data<{ createContest: { id: string } }>(
        `mutation { createContest(input: { code: "timeline-2019", name: "Timeline", year: 2019, startsOn: "2019-03-29", endsOn: "2020-01-31" }) { id } }`,
      );
      contestId = createContest.id;
    });
    const add = (date: string, kind: string, title: string, host?: string) =>
      admin.request(
        `mutation($c: ID!, $d: LocalDate!, $k: MilestoneKind!, $t: String!, $h: ID) { createMilestone(input: { contestId: $c, date: $d, kind: $k, title: $t, hostOrganizationId: $h }) { id } }`,
        {
          c: contestId,
          d: date,
          k: kind,
          t: title,
          h: host,
        },
      );
    const timeline = async () =>
      (
        await admin.data<{ contest: { milestones: { date: string; kind: string; host: Org | null }[] } }>(
          `query($id: ID!) { contest(id: $id) { milestones { date kind host { name } } } }`,
          { id: contestId },
        )
      ).contest.milestones;

    it("lists the timeline by date, with the ceremony in the following January inside the contest's period", async () => {
      expect((await add('2020-01-15', 'CEREMONY', '总结表彰大会')).errors).toBeUndefined();
      expect((await add('2019-03-29', 'LAUNCH', '启动仪式', federation.id)).errors).toBeUndefined();
      expect((await add('2019-11-21', 'FINAL_REVIEW', '终评会')).errors).toBeUndefined();
      expect((await timeline()).map((m) => [m.date, m.kind])).toEqual([
        ['2019-03-29', 'LAUNCH'],
        ['2019-11-21', 'FINAL_REVIEW'],
        ['2020-01-15', 'CEREMONY'],
      ]);
      expect((await timeline())[0]!.host).toEqual({ name: '上海市总工会' });
    });

    it("refuses a date outside the contest's year and period, naming date, and writes nothing", async () => {
      const before = await timeline();
      const result = await add('2020-06-01', 'AWARDS_MEETING', '太晚了');
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
      expect(await timeline()).toEqual(before);
    });
  });

  describe('enrolment', () => {
    let contestId: string;
    let organizer: GraphClient;
    beforeAll(async () => {
      contestId = (await make.contest()).id;
      await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, { id: contestId });
      organizer = await graph.as('ORGANIZER', { org: pudong.id });
    });
    const enrol = (client: GraphClient, organizationId: string, mobilizedById: string) =>
      client.request(
        `mutation($c: ID!, $o: ID!, $m: ID!) { enrolUnit(input: { contestId: $c, organizationId: $o, mobilizedById: $m }) { id } }`,
        {
          c: contestId,
          o: organizationId,
          m: mobilizedById,
        },
      );
    const enrolled = async () =>
      (
        await admin.data<{ participations: { totalCount: number; nodes: { organization: Org; mobilizedBy: Org }[] } }>(
          `query($c: ID!) { participations(contestId: $c) { totalCount nodes { organization { name } mobilizedBy { name } } } }`,
          { c: contestId },
        )
      ).participations;

    it('an organizer enrols a unit of its union, once', async () => {
      expect((await enrol(organizer, unit.id, pudong.id)).errors).toBeUndefined();
      expect((await enrolled()).nodes).toEqual([
        { organization: { name: '复旦大学附属中山医院' }, mobilizedBy: { name: '浦东新区总工会' } },
      ]);
      const again = await enrol(admin, unit.id, pudong.id);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'organizationId' });
      expect((await enrolled()).totalCount).toBe(1);
    });

    it('refuses a mobilizer that is not a union, and a unit outside the union, naming the field', async () => {
      const notUnion = await enrol(admin, unit.id, park.id);
      expect(notUnion.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mobilizedById' });
      const outside = await enrol(admin, outsider.id, pudong.id);
      expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
      expect((await enrolled()).totalCount).toBe(1);
    });

    it('an organizer cannot enrol for another union', async () => {
      const stranger = await make.organization({ name: '科技企业', parentId: otherUnion.id });
      const result = await enrol(organizer, stranger.id, otherUnion.id);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await enrolled()).totalCount).toBe(1);
    });

    it('filters organizations by participation and participations by mobilizer', async () => {
      const data = await admin.data<{ organizations: { nodes: Org[] }; participations: { totalCount: number } }>(
        `query($c: ID!, $m: ID!) { organizations(participatesIn: $c) { nodes { name } } participations(contestId: $c, mobilizedById: $m) { totalCount } }`,
        { c: contestId, m: otherUnion.id },
      );
      expect(data.organizations.nodes).toEqual([{ name: '复旦大学附属中山医院' }]);
      expect(data.participations.totalCount).toBe(0);
    });

    it('stops once the contest is under review', async () => {
      await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: REVIEWING) { status } }`, { id: contestId });
      const late = await make.organization({ name: '迟到企业', parentId: pudong.id });
      const result = await enrol(admin, late.id, pudong.id);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONTEST_LOCKED', field: 'contestId' });
      expect((await enrolled()).totalCount).toBe(1);
    });
  });
});
