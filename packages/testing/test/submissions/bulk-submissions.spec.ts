import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';
import { scrape } from '../telemetry/telemetry';

type Sub = { id: string; status: string; version: number; referenceNumber: string | null; title: string; submittedAt: string | null };
type Refused = { index: number; code: string; field?: string; title?: string; organizationId?: string; id?: string };

/** A well-formed id that names nothing. */
const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * A unit enters its achievements from a list (createSubmissions) and submits many at once
 * (submitSubmissions): each item by the rules of the single mutation, all or nothing.
 */
describe('drafting and submitting several achievements at once', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let contestId: string;
  let tracks: Record<'AI' | 'BIOMED' | 'OTHER', string>;
  let unit: string;
  let unitB: string;
  let stranger: string;
  let people: Record<'leader' | 'lab' | 'leaderB' | 'outsider', string>;
  let submitter: GraphClient;
  let submitterB: GraphClient;
  const opens = new Date('2019-04-01T00:00:00.000Z');
  const closes = new Date('2019-09-30T16:00:00.000Z');
  const inside = new Date('2019-06-01T00:00:00.000Z');

  const person = async (name: string, organizationId: string) =>
    (
      await admin.data<{ createPerson: { id: string } }>(
        `mutation($n: String!, $o: ID!) { createPerson(input: { name: $n, organizationId: $o }) { id } }`,
        {
          n: name,
          o: organizationId,
        },
      )
    ).createPerson.id;

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    const { createContest } = await admin.data<{ createContest: { id: string } }>(
      `mutation($o: DateTimeISO!, $c: DateTimeISO!) { createContest(input: { code: "bulk-sub-2019", name: "Bulk submissions", year: 2019, submissionOpensAt: $o, submissionClosesAt: $c }) { id } }`,
      { o: opens.toISOString(), c: closes.toISOString() },
    );
    contestId = createContest.id;
    const created = await admin.data<Record<string, { id: string }>>(
      `mutation($c: ID!) {
        ai: createTrack(input: { contestId: $c, code: "AI", name: "人工智能" }) { id }
        bio: createTrack(input: { contestId: $c, code: "BIOMED", name: "生物医药" }) { id }
        open: changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id }
      }`,
      { c: contestId },
    );
    const other = await make.contest();
    const { createTrack } = await admin.data<{ createTrack: { id: string } }>(
      `mutation($c: ID!) { createTrack(input: { contestId: $c, code: "IC", name: "集成电路" }) { id } }`,
      { c: other.id },
    );
    tracks = { AI: created.ai!.id, BIOMED: created.bio!.id, OTHER: createTrack.id };
    unit = (await make.organization({ name: '批量申报医院', kind: 'HOSPITAL' })).id;
    const lab = (await make.organization({ name: '批量申报医院内镜中心', kind: 'HOSPITAL', parentId: unit })).id;
    unitB = (await make.organization({ name: '批量申报另一单位' })).id;
    stranger = (await make.organization({ name: '批量申报未报名单位' })).id;
    await make.enrol(contestId, unit);
    await make.enrol(contestId, unitB);
    people = {
      leader: await person('批量负责人', unit),
      lab: await person('内镜中心骨干', lab),
      leaderB: await person('另一单位负责人', unitB),
      outsider: await person('未报名单位人员', stranger),
    };
    submitter = await graph.as('SUBMITTER', { org: unit });
    submitterB = await graph.as('SUBMITTER', { org: unitB });
    graph.setNow(inside);
  });
  afterAll(() => graph?.stop());

  const FIELDS = 'id status version referenceNumber title submittedAt';
  const complete = (title: string, extra: Record<string, unknown> = {}) => ({
    contestId,
    organizationId: unit,
    title,
    trackId: tracks.AI,
    summary: '隧道内镜技术治疗胃肠道及其腔外病变。',
    achievementKind: 'TECHNOLOGY',
    keywords: ['内镜', '隧道'],
    applicationEffect: '在31个国家和地区的412家医院推广应用。',
    leaderId: people.leader,
    teamMemberIds: [people.lab],
    ...extra,
  });
  const createMany = (inputs: Record<string, unknown>[], client: GraphClient = submitter) =>
    client.request<{ createSubmissions: Sub[] }>(
      `mutation($inputs: [CreateSubmissionInput!]!) { createSubmissions(inputs: $inputs) { ${FIELDS} } }`,
      { inputs },
    );
  const createOne = (input: Record<string, unknown>, client: GraphClient = submitter) =>
    client.request<{ createSubmission: Sub }>(
      `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { ${FIELDS} } }`,
      {
        input,
      },
    );
  const submitMany = (inputs: { id: string; expectedVersion: number }[], client: GraphClient = submitter) =>
    client.request<{ submitSubmissions: Sub[] }>(
      `mutation($inputs: [SubmitSubmissionInput!]!) { submitSubmissions(inputs: $inputs) { ${FIELDS} } }`,
      { inputs },
    );
  const submitOne = (id: string, expectedVersion: number, client: GraphClient = submitter) =>
    client.request<{ submitSubmission: Sub }>(
      `mutation($id: ID!, $v: Int!) { submitSubmission(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
      {
        id,
        v: expectedVersion,
      },
    );
  /** Drafts made by the office, in order. */
  const drafts = async (inputs: Record<string, unknown>[]) => {
    const made = await createMany(inputs, admin);
    expect(made.errors).toBeUndefined();
    return made.data!.createSubmissions;
  };
  const ext = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;
  const refusals = (r: GraphResponse<unknown>) => (ext(r)!.details as { errors: Refused[] }).errors;
  /** Every entry of the contest as it stands: title, status, version and number. */
  const entries = async () => {
    const found: string[] = [];
    for (let after: string | null = null; ;) {
      const { submissions }: { submissions: { nodes: Sub[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await admin.data(
        `query($c: ID!, $after: String) { submissions(contestId: $c, first: 100, after: $after) { nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`,
        { c: contestId, after },
      );
      found.push(...submissions.nodes.map((s) => `${s.title}|${s.status}|${s.version}|${s.referenceNumber ?? '-'}`));
      if (!submissions.pageInfo.hasNextPage) return found;
      after = submissions.pageInfo.endCursor;
    }
  };
  const auditOf = async (id: string) =>
    (
      await admin.data<{ submission: { auditTrail: { nodes: { action: string }[] } } }>(
        `query($id: ID!) { submission(id: $id) { auditTrail { nodes { action } } } }`,
        { id },
      )
    ).submission.auditTrail.nodes.map((n) => n.action);
  /** GraphQL requests the organizations subgraph served since `before` (every operation, every outcome). */
  const organizationsServed = async () => {
    let n = 0;
    for (const [series, value] of await scrape(graph.subgraphs.organizations.url))
      if (series.startsWith('meritgraph_requests_total{')) n += value;
    return n;
  };
  /** What one call costs: SQL statements of submissions and of organizations, and requests organizations served. */
  const cost = async <T>(call: () => Promise<GraphResponse<T>>) => {
    const served = await organizationsServed();
    graph.resetStatements();
    const result = await call();
    expect(result.errors).toBeUndefined();
    const statements = graph.statements();
    return {
      submissions: statements.submissions,
      organizations: statements.organizations,
      requests: (await organizationsServed()) - served,
    };
  };

  describe('createSubmissions', () => {
    it('starts every draft of the list in one call, in the order given, each a DRAFT at version 1 with its audit entry', async () => {
      const before = await entries();
      const titles = ['内镜隧道技术一期', '内镜隧道技术二期', '内镜隧道技术三期'];
      const made = await createMany([
        complete(titles[0]!),
        complete(titles[1]!, { trackId: tracks.BIOMED, teamMemberIds: [] }),
        { contestId, organizationId: unit, title: titles[2] },
      ]);
      expect(made.errors).toBeUndefined();
      expect(made.data!.createSubmissions.map((s) => s.title)).toEqual(titles);
      for (const s of made.data!.createSubmissions)
        expect(s).toMatchObject({ status: 'DRAFT', version: 1, referenceNumber: null, submittedAt: null });
      expect((await entries()).length).toBe(before.length + 3);
      for (const s of made.data!.createSubmissions) expect(await auditOf(s.id)).toEqual(['submission.create']);
    });

    it('refuses the whole list when any draft breaks a rule, naming each refused one (BATCH_REFUSED), and starts none', async () => {
      await createMany([complete('已经申报过的成果')]);
      const before = await entries();
      const refused = await createMany(
        [
          complete('本身没有问题的成果'),
          complete('未报名单位的成果', { organizationId: stranger, leaderId: people.outsider, teamMemberIds: [] }),
          complete('错误赛道的成果', { trackId: tracks.OTHER }),
          complete('外单位负责人的成果', { leaderId: people.outsider }),
          complete('不存在的团队成员', { teamMemberIds: [MISSING] }),
          complete('不存在的竞赛', { contestId: MISSING }),
          complete('短'),
          complete('  已经申报过的成果 '),
          complete('同一清单里的重名成果'),
          complete('同一清单里的重名成果'),
          complete('另一单位的成果', { organizationId: unitB, leaderId: people.leaderB, teamMemberIds: [] }),
        ],
        admin,
      );
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect(refusals(refused).map((e) => [e.index, e.code, e.field])).toEqual([
        [1, 'NOT_ENROLLED', 'organizationId'],
        [2, 'TRACK_NOT_IN_CONTEST', 'trackId'],
        [3, 'BAD_USER_INPUT', 'leaderId'],
        [4, 'NOT_FOUND', 'teamMemberIds'],
        [5, 'NOT_FOUND', 'contestId'],
        [6, 'BAD_USER_INPUT', 'title'],
        [7, 'DUPLICATE_SUBMISSION', 'title'],
        [9, 'DUPLICATE_SUBMISSION', 'title'],
      ]);
      expect(refusals(refused)[0]).toMatchObject({ organizationId: stranger, title: '未报名单位的成果' });
      expect(await entries()).toEqual(before);
    });

    it('refuses a submitter’s list that names another unit, and starts none of it', async () => {
      const before = await entries();
      const refused = await createMany([
        complete('自己单位的成果'),
        complete('替别的单位申报', { organizationId: unitB, leaderId: people.leaderB, teamMemberIds: [] }),
      ]);
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect(refusals(refused).map((e) => [e.index, e.code])).toEqual([[1, 'FORBIDDEN']]);
      expect(await entries()).toEqual(before);
    });

    it('a list of one reports its own error, as createSubmission does, and starts nothing', async () => {
      const before = await entries();
      const one = await createMany([complete('已经申报过的成果')]);
      expect(ext(one)).toMatchObject({ code: 'DUPLICATE_SUBMISSION', field: 'title' });
      const single = ext(await createOne(complete('已经申报过的成果')))!;
      expect(ext(one)).toMatchObject({ code: single.code, field: single.field });
      expect(ext(await createMany([complete('越权', { organizationId: unitB })]))).toMatchObject({
        code: 'FORBIDDEN',
        field: 'organizationId',
      });
      expect(await entries()).toEqual(before);
    });

    it('refuses an empty list and one longer than 500 drafts on the inputs field, starting nothing', async () => {
      const before = await entries();
      expect(ext(await createMany([]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      const tooMany = Array.from({ length: 501 }, (_, i) => complete(`超长清单中的成果${i}`));
      expect(ext(await createMany(tooMany))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      expect(await entries()).toEqual(before);
    });

    it('is for submitters and the office: an organizer or an expert is refused and nothing is started', async () => {
      const before = await entries();
      for (const client of [await graph.as('ORGANIZER', { org: unit }), await graph.as('EXPERT', { expert: MISSING }), graph.anonymous]) {
        expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(ext(await createMany([complete('无权申报的成果')], client))?.code);
      }
      expect(await entries()).toEqual(before);
    });

    it('costs the same SQL statements, and one request to organizations, for a list of one as for a list of three', async () => {
      const one = await cost(() => createMany([complete('语句计数成果甲')]));
      const three = await cost(() =>
        createMany([complete('语句计数成果乙'), complete('语句计数成果丙', { leaderId: people.lab }), complete('语句计数成果丁')]),
      );
      expect(three).toEqual(one);
      // The contests, the units' enrolments and the people named, all in one request.
      expect(one.requests).toBe(1);
    });
  });

  describe('submitSubmissions', () => {
    it('submits every draft of the list in one call, numbering each track in the order given', async () => {
      const [a, b, c, bio] = await drafts([
        complete('按序编号成果甲'),
        complete('按序编号成果乙'),
        complete('按序编号成果丙'),
        complete('按序编号生物成果', { trackId: tracks.BIOMED }),
      ]);
      const made = await submitMany([c!, a!, bio!, b!].map((s) => ({ id: s.id, expectedVersion: 1 })));
      expect(made.errors).toBeUndefined();
      expect(made.data!.submitSubmissions.map((s) => [s.title, s.status, s.version, s.referenceNumber, s.submittedAt])).toEqual([
        ['按序编号成果丙', 'SUBMITTED', 2, '2019-AI-0001', inside.toISOString()],
        ['按序编号成果甲', 'SUBMITTED', 2, '2019-AI-0002', inside.toISOString()],
        ['按序编号生物成果', 'SUBMITTED', 2, '2019-BIOMED-0001', inside.toISOString()],
        ['按序编号成果乙', 'SUBMITTED', 2, '2019-AI-0003', inside.toISOString()],
      ]);
      expect(await auditOf(a!.id)).toEqual(expect.arrayContaining(['submission.create', 'submission.submit']));
      // The single mutation takes the next number after them.
      const [next] = await drafts([complete('按序编号成果丁')]);
      expect((await submitOne(next!.id, 1)).data!.submitSubmission.referenceNumber).toBe('2019-AI-0004');
    });

    it('refuses the whole list when any draft may not be submitted, naming each refused one (BATCH_REFUSED), and submits none', async () => {
      const [fine, stale, sent] = await drafts([complete('可以提交的成果'), complete('版本已变的成果'), complete('已经提交的成果')]);
      const [incomplete] = await drafts([{ contestId, organizationId: unit, title: '尚未完成的草稿' }]);
      const [theirs] = await drafts([complete('另一单位的草稿', { organizationId: unitB, leaderId: people.leaderB, teamMemberIds: [] })]);
      await admin.data(`mutation($id: ID!) { updateSubmission(id: $id, expectedVersion: 1, input: { summary: "改过的摘要。" }) { id } }`, {
        id: stale!.id,
      });
      await submitOne(sent!.id, 1);
      const before = await entries();
      const refused = await submitMany([
        { id: fine!.id, expectedVersion: 1 },
        { id: incomplete!.id, expectedVersion: 1 },
        { id: stale!.id, expectedVersion: 1 },
        { id: theirs!.id, expectedVersion: 1 },
        { id: sent!.id, expectedVersion: 2 },
        { id: fine!.id, expectedVersion: 1 },
        { id: MISSING, expectedVersion: 1 },
        { id: fine!.id, expectedVersion: 0 },
      ]);
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect(refusals(refused).map((e) => [e.index, e.id, e.code, e.field])).toEqual([
        [1, incomplete!.id, 'SUBMISSION_INCOMPLETE', 'trackId'],
        [2, stale!.id, 'VERSION_CONFLICT', 'expectedVersion'],
        [3, theirs!.id, 'FORBIDDEN', undefined],
        [4, sent!.id, 'INVALID_TRANSITION', 'status'],
        [5, fine!.id, 'INVALID_TRANSITION', 'status'],
        [6, MISSING, 'FORBIDDEN', undefined],
        [7, fine!.id, 'BAD_USER_INPUT', 'expectedVersion'],
      ]);
      expect(await entries()).toEqual(before);
      // No number was used up: the next submission takes the one after the last given.
      const numbered = before.filter((e) => e.includes('|2019-AI-')).length;
      expect((await submitOne(fine!.id, 1)).data!.submitSubmission.referenceNumber).toBe(
        `2019-AI-${String(numbered + 1).padStart(4, '0')}`,
      );
    });

    it('refuses a list outside the submission window, every entry staying a draft', async () => {
      const [a, b] = await drafts([complete('窗口外的成果甲'), complete('窗口外的成果乙')]);
      const before = await entries();
      graph.setNow(new Date(closes.getTime() + 1000));
      try {
        const refused = await submitMany([a!, b!].map((s) => ({ id: s.id, expectedVersion: 1 })));
        expect(refusals(refused).map((e) => [e.index, e.code, e.field])).toEqual([
          [0, 'SUBMISSION_WINDOW_CLOSED', 'contestId'],
          [1, 'SUBMISSION_WINDOW_CLOSED', 'contestId'],
        ]);
      } finally {
        graph.setNow(inside);
      }
      expect(await entries()).toEqual(before);
    });

    it('a list of one reports its own error, as submitSubmission does, and submits nothing', async () => {
      const [incomplete] = await drafts([{ contestId, organizationId: unit, title: '单项清单的草稿' }]);
      const before = await entries();
      const one = await submitMany([{ id: incomplete!.id, expectedVersion: 1 }]);
      expect(ext(one)).toMatchObject({ code: 'SUBMISSION_INCOMPLETE', field: 'trackId' });
      expect(ext(one)).toEqual(ext(await submitOne(incomplete!.id, 1)));
      expect(ext(await submitMany([{ id: incomplete!.id, expectedVersion: 0 }]))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'expectedVersion',
      });
      expect(await entries()).toEqual(before);
    });

    it('refuses an empty list and one longer than 500 drafts on the inputs field, submitting nothing', async () => {
      const [draft] = await drafts([complete('超长提交清单的成果')]);
      const before = await entries();
      expect(ext(await submitMany([]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      const tooMany = Array.from({ length: 501 }, () => ({ id: draft!.id, expectedVersion: 1 }));
      expect(ext(await submitMany(tooMany))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      expect(await entries()).toEqual(before);
    });

    it('is for submitters and the office: an organizer or an expert is refused, another unit’s submitter too, and nothing is submitted', async () => {
      const [draft] = await drafts([complete('无权提交的成果')]);
      const before = await entries();
      for (const client of [await graph.as('ORGANIZER', { org: unit }), await graph.as('EXPERT', { expert: MISSING }), graph.anonymous]) {
        expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(ext(await submitMany([{ id: draft!.id, expectedVersion: 1 }], client))?.code);
      }
      expect(ext(await submitMany([{ id: draft!.id, expectedVersion: 1 }], submitterB))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await entries()).toEqual(before);
    });

    it('two lists submitted at the same time get distinct numbers, with none skipped', async () => {
      const mine = await drafts(Array.from({ length: 4 }, (_, i) => complete(`同时提交的成果${i}`)));
      const theirs = await drafts(
        Array.from({ length: 4 }, (_, i) =>
          complete(`另一单位同时提交的成果${i}`, { organizationId: unitB, leaderId: people.leaderB, teamMemberIds: [] }),
        ),
      );
      const before = (await entries()).filter((e) => e.includes('|2019-AI-')).length;
      const [a, b] = await Promise.all([
        submitMany(mine.map((s) => ({ id: s.id, expectedVersion: 1 }))),
        submitMany(
          theirs.map((s) => ({ id: s.id, expectedVersion: 1 })),
          submitterB,
        ),
      ]);
      expect([a.errors, b.errors]).toEqual([undefined, undefined]);
      const numbers = [...a.data!.submitSubmissions, ...b.data!.submitSubmissions]
        .map((s) => Number(s.referenceNumber!.slice(-4)))
        .sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => before + 1 + i));
      // Each list's numbers follow its own order.
      for (const list of [a.data!.submitSubmissions, b.data!.submitSubmissions]) {
        const own = list.map((s) => s.referenceNumber!);
        expect(own).toEqual([...own].sort());
      }
    });

    it('costs the same SQL statements, and one request to organizations, for a list of one as for a list of three', async () => {
      const ready = await drafts(
        Array.from({ length: 4 }, (_, i) => complete(`提交语句计数成果${i}`, { leaderId: i % 2 ? people.lab : people.leader })),
      );
      const one = await cost(() => submitMany([{ id: ready[0]!.id, expectedVersion: 1 }]));
      const three = await cost(() => submitMany(ready.slice(1).map((s) => ({ id: s.id, expectedVersion: 1 }))));
      expect(three).toEqual(one);
      expect(one.requests).toBe(1);
    });
  });
});
