import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

type Sub = { id: string; status: string; version: number; referenceNumber: string | null; title: string };

describe('submissions: from draft to submitted', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let contestId: string;
  let tracks: Record<string, string>;
  let unit: string;
  let leader: string;
  let submitter: GraphClient;
  const opens = new Date('2019-04-01T00:00:00.000Z');
  const closes = new Date('2019-09-30T16:00:00.000Z');
  const inside = new Date('2019-06-01T00:00:00.000Z');

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    const { createContest } = await admin.data<{ createContest: { id: string } }>(
      `mutation($o: DateTimeISO!, $c: DateTimeISO!) { createContest(input: { code: "sub-2019", name: "Submissions", year: 2019, submissionOpensAt: $o, submissionClosesAt: $c }) { id } }`,
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
    tracks = { AI: created.ai!.id, BIOMED: created.bio!.id };
    unit = (await make.organization({ name: '复旦大学附属中山医院', kind: 'HOSPITAL' })).id;
    await make.enrol(contestId, unit);
    leader = (
      await admin.data<{ createPerson: { id: string } }>(
        `mutation($o: ID!) { createPerson(input: { name: "周平红", organizationId: $o }) { id } }`,
        { o: unit },
      )
    ).createPerson.id;
    submitter = await graph.as('SUBMITTER', { org: unit });
    graph.setNow(inside);
  });
  afterAll(() => graph?.stop());

  const FIELDS = 'id status version referenceNumber title';
  const create = (client: GraphClient, input: Record<string, unknown>) =>
    client.request<{ createSubmission: Sub }>(
      `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { ${FIELDS} } }`,
      {
        input: { contestId, organizationId: unit, ...input },
      },
    );
  const complete = (title: string, extra: Record<string, unknown> = {}) => ({
    title,
    trackId: tracks.AI,
    summary: '隧道内镜技术治疗胃肠道及其腔外病变。',
    achievementKind: 'TECHNOLOGY',
    keywords: ['内镜', '隧道'],
    applicationEffect: '在31个国家和地区的412家医院推广应用。',
    metrics: [{ name: '推广医院', value: 412, unit: '家' }],
    leaderId: leader,
    ...extra,
  });
  const submit = (client: GraphClient, id: string, version: number) =>
    client.request<{ submitSubmission: Sub }>(
      `mutation($id: ID!, $v: Int!) { submitSubmission(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
      { id, v: version },
    );
  const read = async (id: string) =>
    (await admin.data<{ submission: Sub }>(`query($id: ID!) { submission(id: $id) { ${FIELDS} } }`, { id })).submission;
  const count = async () =>
    (
      await admin.data<{ submissions: { totalCount: number } }>(`query($c: ID!) { submissions(contestId: $c) { totalCount } }`, {
        c: contestId,
      })
    ).submissions.totalCount;
  const code = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;

  it('a unit drafts, completes and submits an entry, which gets its reference number', async () => {
    const draft = await create(submitter, { title: '隧道内镜技术的新应用' });
    expect(draft.errors).toBeUndefined();
    expect(draft.data!.createSubmission).toMatchObject({ status: 'DRAFT', version: 1, referenceNumber: null });
    const id = draft.data!.createSubmission.id;
    const updated = await submitter.request<{ updateSubmission: Sub }>(
      `mutation($id: ID!, $input: UpdateSubmissionInput!) { updateSubmission(id: $id, expectedVersion: 1, input: $input) { ${FIELDS} } }`,
      { id, input: complete('隧道内镜技术治疗胃肠道及其腔外病变的新应用') },
    );
    expect(updated.data!.updateSubmission.version).toBe(2);
    const submitted = await submit(submitter, id, 2);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitSubmission).toMatchObject({ status: 'SUBMITTED', version: 3, referenceNumber: '2019-AI-0001' });
    const view = await submitter.data<{ submission: Record<string, unknown> }>(
      `query($id: ID!) { submission(id: $id) { track { code } leader { name } metrics { name value unit } attachments { fileName } organization { name } submittedAt } }`,
      { id },
    );
    expect(view.submission).toMatchObject({
      track: { code: 'AI' },
      leader: { name: '周平红' },
      metrics: [{ name: '推广医院', value: 412, unit: '家' }],
      attachments: [],
      organization: { name: '复旦大学附属中山医院' },
      submittedAt: inside.toISOString(),
    });
  });

  it('numbers entries per track', async () => {
    const bio = await create(admin, complete('生物医药新成果', { trackId: tracks.BIOMED }));
    const ai = await create(admin, complete('人工智能新平台'));
    expect((await submit(admin, bio.data!.createSubmission.id, 1)).data!.submitSubmission.referenceNumber).toBe('2019-BIOMED-0001');
    expect((await submit(admin, ai.data!.createSubmission.id, 1)).data!.submitSubmission.referenceNumber).toBe('2019-AI-0002');
  });

  it('names every missing field before submitting, and leaves the draft as it was', async () => {
    const { data } = await create(submitter, { title: '尚未完成的成果' });
    const result = await submit(submitter, data!.createSubmission.id, 1);
    expect(code(result)).toMatchObject({ code: 'SUBMISSION_INCOMPLETE', field: 'trackId' });
    const problems = (code(result)!.details as { problems: { field: string }[] }).problems.map((p) => p.field);
    expect(problems).toEqual(['trackId', 'summary', 'achievementKind', 'keywords', 'applicationEffect', 'leaderId']);
    expect(await read(data!.createSubmission.id)).toMatchObject({ status: 'DRAFT', version: 1, referenceNumber: null });
  });

  describe('the submission window', () => {
    let id: string;
    beforeAll(async () => (id = (await create(admin, complete('窗口边界测试'))).data!.createSubmission.id));
    afterAll(() => graph.setNow(inside));

    it('refuses one second before it opens and one second after it closes, changing nothing', async () => {
      for (const at of [new Date(opens.getTime() - 1000), new Date(closes.getTime() + 1000)]) {
        graph.setNow(at);
        expect(code(await submit(admin, id, 1))).toMatchObject({ code: 'SUBMISSION_WINDOW_CLOSED', field: 'contestId' });
        expect(await read(id)).toMatchObject({ status: 'DRAFT', version: 1 });
      }
    });

    it('accepts at the very second it closes', async () => {
      graph.setNow(closes);
      expect((await submit(admin, id, 1)).data?.submitSubmission.status).toBe('SUBMITTED');
    });
  });

  it('two editors of one draft: the second gets VERSION_CONFLICT, and the first edit stands', async () => {
    const { data } = await create(submitter, { title: '并发编辑测试' });
    const id = data!.createSubmission.id;
    const edit = (summary: string) =>
      submitter.request(
        `mutation($id: ID!, $s: String!) { updateSubmission(id: $id, expectedVersion: 1, input: { summary: $s }) { version } }`,
        { id, s: summary },
      );
    const [a, b] = await Promise.all([edit('第一位编辑的摘要'), edit('第二位编辑的摘要')]);
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]!.extensions!.code : 'OK')).sort();
    expect(outcomes).toEqual(['OK', 'VERSION_CONFLICT']);
    const winner = a.errors ? '第二位编辑的摘要' : '第一位编辑的摘要';
    const { submission } = await admin.data<{ submission: { summary: string; version: number } }>(
      `query($id: ID!) { submission(id: $id) { summary version } }`,
      { id },
    );
    expect(submission).toEqual({ summary: winner, version: 2 });
  });

  it('refuses a likely duplicate — same unit, same title up to spacing and case — and writes nothing', async () => {
    await create(submitter, { title: 'Smart Endoscopy Platform' });
    const before = await count();
    const result = await create(submitter, { title: '  smart   ENDOSCOPY platform ' });
    expect(code(result)).toMatchObject({ code: 'DUPLICATE_SUBMISSION', field: 'title' });
    expect(await count()).toBe(before);
  });

  it('refuses a unit that is not enrolled, a track of another contest, and a leader from elsewhere, each naming its field', async () => {
    const stranger = (await make.organization({ name: '未报名单位' })).id;
    const other = await make.contest();
    const { createTrack } = await admin.data<{ createTrack: { id: string } }>(
      `mutation($c: ID!) { createTrack(input: { contestId: $c, code: "IC", name: "集成电路" }) { id } }`,
      {
        c: other.id,
      },
    );
    const outsider = (
      await admin.data<{ createPerson: { id: string } }>(
        `mutation($o: ID!) { createPerson(input: { name: "外单位", organizationId: $o }) { id } }`,
        { o: stranger },
      )
    ).createPerson.id;
    const before = await count();
    expect(code(await create(admin, { organizationId: stranger, title: '未报名成果' }))).toMatchObject({
      code: 'NOT_ENROLLED',
      field: 'organizationId',
    });
    expect(code(await create(admin, { title: '错误赛道', trackId: createTrack.id }))).toMatchObject({
      code: 'TRACK_NOT_IN_CONTEST',
      field: 'trackId',
    });
    expect(code(await create(admin, { title: '外单位负责人', leaderId: outsider }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'leaderId',
    });
    expect(await count()).toBe(before);
  });

  it("a submitter cannot draft for another unit, nor read another unit's draft", async () => {
    const other = (await make.organization({ name: '另一单位' })).id;
    await make.enrol(contestId, other);
    const before = await count();
    expect(code(await create(submitter, { organizationId: other, title: '越权草稿' }))?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    const theirs = await create(admin, { organizationId: other, title: '别人的草稿' });
    const peek = await submitter.request(`query($id: ID!) { submission(id: $id) { title } }`, { id: theirs.data!.createSubmission.id });
    expect(code(peek)?.code).toBe('FORBIDDEN');
  });

  describe('withdrawal', () => {
    it('takes back a submitted entry while the contest is open, but not once review has started', async () => {
      const contest = await admin.data<{ createContest: { id: string } }>(
        `mutation { createContest(input: { code: "withdraw-2019", name: "Withdrawals", year: 2019 }) { id } }`,
      );
      const c = contest.createContest.id;
      const { createTrack } = await admin.data<{ createTrack: { id: string } }>(
        `mutation($c: ID!) { createTrack(input: { contestId: $c, code: "AI", name: "AI" }) { id } }`,
        { c },
      );
      await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c });
      await make.enrol(c, unit);
      const entry = (title: string) =>
        admin
          .request<{ createSubmission: Sub }>(`mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`, {
            input: { contestId: c, organizationId: unit, ...complete(title, { trackId: createTrack.id }) },
          })
          .then((r) => r.data!.createSubmission.id);
      const early = await entry('较早撤回的成果');
      const late = await entry('较晚撤回的成果');
      await submit(admin, early, 1);
      await submit(admin, late, 1);
      const withdraw = (id: string) =>
        submitter.request<{ withdrawSubmission: Sub }>(`mutation($id: ID!) { withdrawSubmission(id: $id, reason: "改投") { status } }`, {
          id,
        });
      expect((await withdraw(early)).data?.withdrawSubmission.status).toBe('WITHDRAWN');
      await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: REVIEWING) { id } }`, { c });
      expect(code(await withdraw(late))).toMatchObject({ code: 'REVIEW_STARTED' });
      expect((await read(late)).status).toBe('SUBMITTED');
      expect(code(await withdraw(early))?.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('search, pagination, stats and where submissions appear', () => {
    it('finds entries by words of the title or keywords', async () => {
      const data = await admin.data<Record<string, { nodes: { title: string }[] }>>(
        `query($c: ID!) { byTitle: submissions(contestId: $c, search: "隧道内镜") { nodes { title } } byKeyword: submissions(contestId: $c, search: "内镜 SUBMITTED") { nodes { title } } }`,
        { c: contestId },
      );
      expect(data.byTitle!.nodes.map((n) => n.title)).toContain('隧道内镜技术治疗胃肠道及其腔外病变的新应用');
      expect(data.byKeyword!.nodes).toEqual([]);
    });

    it('pages through every entry of the contest once, in a stable order', async () => {
      const total = await count();
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { submissions: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await admin.data(
          `query($c: ID!, $after: String) { submissions(contestId: $c, first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { c: contestId, after },
        );
        seen.push(...page.submissions.nodes.map((n) => n.id));
        if (!page.submissions.pageInfo.hasNextPage) break;
        after = page.submissions.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it("counts a contest's entries per track and status in one statement", async () => {
      graph.resetStatements();
      const { contest } = await admin.data<{
        contest: { submissionStats: { track: { code: string } | null; status: string; count: number }[] };
      }>(`query($c: ID!) { contest(id: $c) { submissionStats { track { code } status count } } }`, { c: contestId });
      expect(graph.statements().submissions).toBe(1);
      const submittedAi = contest.submissionStats.find((s) => s.track?.code === 'AI' && s.status === 'SUBMITTED');
      expect(submittedAi?.count).toBe(3);
      const total = contest.submissionStats.reduce((n, s) => n + s.count, 0);
      expect(total).toBe(await count());
    });

    it("lists a leader's entries on the person, and a union sees the entries of units it mobilized", async () => {
      const { person } = await admin.data<{ person: { submissions: { totalCount: number } } }>(
        `query($p: ID!) { person(id: $p) { submissions { totalCount } } }`,
        { p: leader },
      );
      expect(person.submissions.totalCount).toBeGreaterThanOrEqual(4);
      const union = await make.union();
      const organizer = await graph.as('ORGANIZER', { org: union });
      const theirs = await organizer.data<{ submissions: { totalCount: number } }>(
        `query($c: ID!, $o: ID!) { submissions(contestId: $c, organizationId: $o) { totalCount } }`,
        {
          c: contestId,
          o: unit,
        },
      );
      expect(theirs.submissions.totalCount).toBeGreaterThan(0);
      const stranger = await graph.as('ORGANIZER', { org: (await make.organization({ name: '别的工会', kind: 'INDUSTRY_UNION' })).id });
      const none = await stranger.data<{ submissions: { totalCount: number } }>(
        `query($c: ID!) { submissions(contestId: $c) { totalCount } }`,
        { c: contestId },
      );
      expect(none.submissions.totalCount).toBe(0);
    });
  });
});
