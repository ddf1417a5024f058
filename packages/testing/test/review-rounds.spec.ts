import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../src';

type Id = { id: string };
type Expert = { id: string; personId: string; expertise: string[] };
type Sub = { id: string; referenceNumber: string };
type Contest = { id: string; tracks: Record<string, string> };
type EntryRow = { id: string; referenceNumber: string; trackCode: string; title: string; state: string };
type AssignmentRow = {
  id: string;
  status: string;
  origin: string;
  note: string | null;
  expert: Id;
  entry: { id: string; referenceNumber: string };
  panel: { name: string } | null;
};
type Card = {
  id: string;
  total: number;
  version: number;
  decision: string | null;
  eliminationReason: string | null;
  comment: string | null;
  scores: { criterion: string; score: number }[];
};
type Unstaffed = { entry: { referenceNumber: string }; needed: number; assigned: number; eligible: number; reason: string };
type AutoReport = {
  created: number;
  unstaffed: Unstaffed[];
  underloaded: { expert: Id; load: number }[];
  loads: { expert: Id; load: number }[];
};

const ext = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;
const sorted = (ids: readonly string[]) => [...ids].sort();
/** A well-formed id that names nothing. */
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Three criteria weighing 0.4, 0.35 and 0.25; feasibility is marked out of 40. */
const CRITERIA = [
  { code: 'INNOVATION', name: '创新性', weight: 0.4, maxScore: 100 },
  { code: 'BENEFIT', name: '经济社会效益', weight: 0.35, maxScore: 100 },
  { code: 'FEASIBILITY', name: '推广可行性', weight: 0.25, maxScore: 40 },
];
const marks = (innovation: number, benefit: number, feasibility: number) => [
  { criterion: 'INNOVATION', score: innovation },
  { criterion: 'BENEFIT', score: benefit },
  { criterion: 'FEASIBILITY', score: feasibility },
];

describe('expert review: the pool, rounds, intake, assignment and scorecards', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  /**
   * Organizations by role: a federation over a union over an enterprise over a research unit
   * over a workshop, a sibling enterprise under the same union, universities and applicant units.
   */
  const org: Record<string, string> = {};
  /** A person of each applicant unit, who leads its entries. */
  const leaderOf: Record<string, string> = {};

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    org.federation = (await make.organization({ name: '市总工会', kind: 'TRADE_UNION_FEDERATION' })).id;
    org.union = (await make.organization({ name: '市科技工会', kind: 'INDUSTRY_UNION', parentId: org.federation })).id;
    org.enterprise = (await make.organization({ name: '上海微电子装备公司', parentId: org.union })).id;
    org.subUnit = (await make.organization({ name: '光刻技术研究所', kind: 'RESEARCH_INSTITUTE', parentId: org.enterprise })).id;
    org.workshop = (await make.organization({ name: '光刻胶中试车间', parentId: org.subUnit })).id;
    org.sibling = (await make.organization({ name: '上海集成电路研发中心', parentId: org.union })).id;
    const neutral: [string, string, string][] = [
      ['uniA', '复旦大学', 'UNIVERSITY'],
      ['uniB', '上海交通大学', 'UNIVERSITY'],
      ['uniC', '同济大学', 'UNIVERSITY'],
      ['uniD', '华东师范大学', 'UNIVERSITY'],
      ['hospital', '瑞金医院', 'HOSPITAL'],
    ];
    for (const [key, name, kind] of neutral) org[key] = (await make.organization({ name, kind })).id;
    for (let i = 1; i <= 4; i++) org[`app${i}`] = (await make.organization({ name: `申报单位${i}` })).id;
    for (const unit of ['enterprise', 'sibling', 'app1', 'app2', 'app3', 'app4'])
      leaderOf[unit] = await person(`${unit}项目负责人`, org[unit]!);
  });
  afterAll(() => graph?.stop());

  // Builders: everything is set up through the public API, as the contest office would.

  async function person(name: string, organizationId: string): Promise<string> {
    const { createPerson } = await admin.data<{ createPerson: Id }>(
      `mutation($n: String!, $o: ID!) { createPerson(input: { name: $n, organizationId: $o }) { id } }`,
      {
        n: name,
        o: organizationId,
      },
    );
    return createPerson.id;
  }

  /** A new person of `organizationId` added to the pool (or an existing person, with `personId`). */
  async function expert(
    name: string,
    organizationId: string,
    expertise: string[],
    extra: { title?: string; personId?: string; affiliationId?: string } = {},
  ): Promise<Expert> {
    const personId = extra.personId ?? (await person(name, organizationId));
    const { createExpert } = await admin.data<{ createExpert: Id }>(
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      {
        input: {
          personId,
          title: extra.title ?? 'PROFESSOR',
          expertise,
          ...(extra.affiliationId ? { affiliationId: extra.affiliationId } : {}),
        },
      },
    );
    return { id: createExpert.id, personId, expertise };
  }

  const updateExpert = (id: string, input: Record<string, unknown>) =>
    admin.request<{ updateExpert: Record<string, unknown> }>(
      `mutation($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { id } }`,
      { id, input },
    );

  const expertClient = (x: Expert) => graph.as('EXPERT', { expert: x.id, sub: x.personId });

  /** A 2019 contest with these tracks, open for submissions. */
  async function contest(code: string, trackCodes: string[]): Promise<Contest> {
    const { createContest } = await admin.data<{ createContest: Id }>(
      `mutation($code: String!) { createContest(input: { code: $code, name: $code, year: 2019 }) { id } }`,
      { code },
    );
    const tracks: Record<string, string> = {};
    for (const t of trackCodes) {
      const { createTrack } = await admin.data<{ createTrack: Id }>(
        `mutation($c: ID!, $t: String!) { createTrack(input: { contestId: $c, code: $t, name: $t }) { id } }`,
        { c: createContest.id, t },
      );
      tracks[t] = createTrack.id;
    }
    await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: createContest.id });
    return { id: createContest.id, tracks };
  }

  /** A complete entry of `unit` on `track`, submitted (or left a draft with `submit: false`). */
  async function submission(
    c: Contest,
    track: string,
    unit: string,
    title: string,
    extra: { teamMemberIds?: string[]; submit?: boolean } = {},
  ): Promise<Sub> {
    await make.enrol(c.id, org[unit]!);
    const { createSubmission } = await admin.data<{ createSubmission: Id }>(
      `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
      {
        input: {
          contestId: c.id,
          organizationId: org[unit],
          title,
          trackId: c.tracks[track],
          summary: '用于专家评审测试的创新成果。',
          achievementKind: 'TECHNOLOGY',
          keywords: ['评审'],
          applicationEffect: '已在多家单位推广应用。',
          leaderId: leaderOf[unit],
          teamMemberIds: extra.teamMemberIds ?? [],
        },
      },
    );
    if (extra.submit === false) return { id: createSubmission.id, referenceNumber: '' };
    const { submitSubmission } = await admin.data<{ submitSubmission: Sub }>(
      `mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { id referenceNumber } }`,
      {
        id: createSubmission.id,
      },
    );
    return submitSubmission;
  }

  async function round(c: Contest, input: Record<string, unknown> = {}): Promise<string> {
    const { createReviewRound } = await admin.data<{ createReviewRound: Id }>(
      `mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`,
      {
        input: { contestId: c.id, name: '初审', stage: 'SCREENING', order: 1, ...input },
      },
    );
    return createReviewRound.id;
  }

  const intake = (roundId: string) =>
    admin.request<{ takeEntries: { taken: number; alreadyIn: number; skipped: { reason: string }[] } }>(
      `mutation($r: ID!) { takeEntries(roundId: $r) { taken alreadyIn skipped { reason } } }`,
      { r: roundId },
    );

  const moveRound = (roundId: string, status: string) =>
    admin.request<{ changeReviewRoundStatus: { status: string } }>(
      `mutation($r: ID!, $s: RoundStatus!) { changeReviewRoundStatus(id: $r, status: $s) { status } }`,
      {
        r: roundId,
        s: status,
      },
    );

  async function entriesOf(roundId: string): Promise<EntryRow[]> {
    const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: EntryRow[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { entries(first: 100) { nodes { id referenceNumber trackCode title state } } } }`,
      { r: roundId },
    );
    return reviewRound.entries.nodes;
  }

  /** The entry ids of a round by reference number. */
  const entryIds = async (roundId: string) => Object.fromEntries((await entriesOf(roundId)).map((e) => [e.referenceNumber, e.id]));

  async function assignmentsOf(roundId: string): Promise<AssignmentRow[]> {
    const { reviewRound } = await admin.data<{ reviewRound: { assignments: { totalCount: number; nodes: AssignmentRow[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { assignments(first: 100) { totalCount nodes { id status origin note expert { id } entry { id referenceNumber } panel { name } } } } }`,
      { r: roundId },
    );
    expect(reviewRound.assignments.nodes).toHaveLength(reviewRound.assignments.totalCount);
    return reviewRound.assignments.nodes;
  }

  /** Who is (still) assigned to each entry, by reference number. */
  async function seated(roundId: string): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const a of await assignmentsOf(roundId)) if (a.status === 'ASSIGNED') (out[a.entry.referenceNumber] ??= []).push(a.expert.id);
    for (const ref of Object.keys(out)) out[ref]!.sort();
    return out;
  }

  const assign = (entryId: string, expertId: string) =>
    admin.request<{ assignExpert: { id: string; status: string; origin: string } }>(
      `mutation($e: ID!, $x: ID!) { assignExpert(entryId: $e, expertId: $x) { id status origin } }`,
      {
        e: entryId,
        x: expertId,
      },
    );

  const autoAssign = (roundId: string, input?: Record<string, unknown>) =>
    admin.request<{ autoAssign: AutoReport }>(
      `mutation($r: ID!, $input: AutoAssignInput) { autoAssign(roundId: $r, input: $input) {
        created unstaffed { entry { referenceNumber } needed assigned eligible reason } underloaded { expert { id } load } loads { expert { id } load } } }`,
      { r: roundId, input },
    );

  const CARD = 'id total version decision eliminationReason comment scores { criterion score }';
  const score = (client: GraphClient, input: Record<string, unknown>) =>
    client.request<{ submitScorecard: Card }>(`mutation($input: ScorecardInput!) { submitScorecard(input: $input) { ${CARD} } }`, {
      input,
    });

  /** A round's scorecards as the office reads them. */
  async function cardsOf(roundId: string): Promise<(Card & { expert: Id; entry: Id })[]> {
    const { reviewRound } = await admin.data<{ reviewRound: { scorecards: { nodes: (Card & { expert: Id; entry: Id })[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { scorecards(first: 100) { nodes { ${CARD} expert { id } entry { id } } } } }`,
      { r: roundId },
    );
    return reviewRound.scorecards.nodes;
  }

  async function roundAudit(roundId: string): Promise<string[]> {
    const { reviewRound } = await admin.data<{ reviewRound: { auditTrail: { nodes: { action: string }[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { auditTrail(first: 100) { nodes { action } } } }`,
      { r: roundId },
    );
    return reviewRound.auditTrail.nodes.map((n) => n.action);
  }

  describe('the expert pool', () => {
    const countExperts = async () =>
      (await admin.data<{ experts: { totalCount: number } }>(`{ experts { totalCount } }`)).experts.totalCount;

    it("adds a person to the pool, working for the person's own organization unless another is named", async () => {
      const p = await person('王立平', org.uniA!);
      const { createExpert } = await admin.data<{ createExpert: Record<string, unknown> }>(
        `mutation($p: ID!) { createExpert(input: { personId: $p, title: ACADEMICIAN, expertise: ["AI", "BIOMED"] }) { title expertise active person { id name } affiliation { id name } } }`,
        { p },
      );
      expect(createExpert).toEqual({
        title: 'ACADEMICIAN',
        expertise: ['AI', 'BIOMED'],
        active: true,
        person: { id: p, name: '王立平' },
        affiliation: { id: org.uniA, name: '复旦大学' },
      });
      const q = await person('陈敏', org.uniA!);
      const other = await admin.data<{ createExpert: { affiliation: Id } }>(
        `mutation($p: ID!, $a: ID!) { createExpert(input: { personId: $p, affiliationId: $a, title: RESEARCHER, expertise: ["IC"] }) { affiliation { id } } }`,
        { p: q, a: org.uniB },
      );
      expect(other.createExpert.affiliation).toEqual({ id: org.uniB });
    });

    it('refuses a malformed expertise, an unknown person or organization, and a second profile for one person — naming the field, adding nobody', async () => {
      const existing = await expert('刘洋', org.uniC!, ['AI']);
      const fresh = await person('赵磊', org.uniC!);
      const before = await countExperts();
      const create = (input: Record<string, unknown>) =>
        admin.request(`mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`, {
          input: { personId: fresh, title: 'PROFESSOR', expertise: ['AI'], ...input },
        });
      for (const expertise of [['ai'], [], ['AI', 'AI'], ['BIO-MED']]) {
        expect(ext(await create({ expertise }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expertise' });
      }
      expect(ext(await create({ personId: MISSING }))).toMatchObject({ code: 'NOT_FOUND', field: 'personId' });
      expect(ext(await create({ affiliationId: MISSING }))).toMatchObject({ code: 'NOT_FOUND', field: 'affiliationId' });
      expect(ext(await create({ personId: existing.personId }))).toMatchObject({ code: 'ALREADY_EXISTS', field: 'personId' });
      expect(await countExperts()).toBe(before);
      const { person: unprofiled } = await admin.data<{ person: { expertProfile: Id | null } }>(
        `query($p: ID!) { person(id: $p) { expertProfile { id } } }`,
        { p: fresh },
      );
      expect(unprofiled.expertProfile).toBeNull();

      expect(ext(await updateExpert(existing.id, { expertise: ['bio-med'] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'expertise',
      });
      expect(ext(await updateExpert(existing.id, { affiliationId: MISSING }))).toMatchObject({ code: 'NOT_FOUND', field: 'affiliationId' });
      expect(ext(await updateExpert(MISSING, { active: false }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      const { expert: unchanged } = await admin.data<{
        expert: { expertise: string[]; active: boolean; affiliation: Id; auditTrail: { nodes: { action: string }[] } };
      }>(`query($id: ID!) { expert(id: $id) { expertise active affiliation { id } auditTrail { nodes { action } } } }`, {
        id: existing.id,
      });
      expect(unchanged).toEqual({
        expertise: ['AI'],
        active: true,
        affiliation: { id: org.uniC },
        auditTrail: { nodes: [{ action: 'expert.create' }] },
      });
    });

    it('updates a profile, and its audit trail shows each change, who made it and what it was before', async () => {
      const x = await expert('孙伟', org.uniD!, ['AI']);
      const { updateExpert: changed } = await admin.data<{ updateExpert: Record<string, unknown> }>(
        `mutation($id: ID!, $a: ID!) { updateExpert(id: $id, input: { title: CHIEF_PHYSICIAN, expertise: ["BIOMED", "AI"], affiliationId: $a }) { title expertise active affiliation { id } } }`,
        { id: x.id, a: org.hospital },
      );
      expect(changed).toEqual({ title: 'CHIEF_PHYSICIAN', expertise: ['BIOMED', 'AI'], active: true, affiliation: { id: org.hospital } });
      expect((await updateExpert(x.id, { active: false })).errors).toBeUndefined();
      type Trail = { nodes: { action: string; actor: string; before: string | null; after: string }[] };
      const { expert: read } = await admin.data<{ expert: { active: boolean; auditTrail: Trail } }>(
        `query($id: ID!) { expert(id: $id) { active auditTrail { nodes { action actor before after } } } }`,
        { id: x.id },
      );
      expect(read.active).toBe(false);
      const trail = read.auditTrail.nodes;
      expect(trail.map((n) => n.action)).toEqual(['expert.create', 'expert.update', 'expert.update']);
      expect(trail.every((n) => n.actor === 'office-admin')).toBe(true);
      expect(JSON.parse(trail[1]!.before!)).toMatchObject({ title: 'PROFESSOR', expertise: ['AI'], affiliationId: org.uniD });
      expect(JSON.parse(trail[1]!.after)).toMatchObject({
        title: 'CHIEF_PHYSICIAN',
        expertise: ['BIOMED', 'AI'],
        affiliationId: org.hospital,
      });
      expect([JSON.parse(trail[2]!.before!).active, JSON.parse(trail[2]!.after).active]).toEqual([true, false]);
    });

    it('finds experts by a whole track code, by title, by affiliation and by whether they are active', async () => {
      const unit = (await make.organization({ name: '上海光学精密机械研究所', kind: 'RESEARCH_INSTITUTE' })).id;
      const f1 = await expert('光学专家甲', unit, ['OPTICS']);
      const f2 = await expert('光学专家乙', unit, ['PHOTONICS', 'OPTICS'], { title: 'RESEARCHER' });
      const f3 = await expert('光学专家丙', unit, ['OPTICSX']);
      const f4 = await expert('光学专家丁', unit, ['OPTICS']);
      const f5 = await expert('大科学装置专家', unit, ['BIG_SCIENCE']);
      const f6 = await expert('相似代码专家', unit, ['BIGXSCIENCE']);
      await updateExpert(f4.id, { active: false });
      const find = async (filters: string) =>
        sorted(
          (
            await admin.data<{ experts: { nodes: Id[] } }>(
              `query($a: ID!) { experts(affiliationId: $a, first: 100, ${filters}) { nodes { id } } }`,
              { a: unit },
            )
          ).experts.nodes.map((n) => n.id),
        );
      expect(await find('')).toEqual(sorted([f1.id, f2.id, f3.id, f4.id, f5.id, f6.id]));
      expect(await find('track: "OPTICS"')).toEqual(sorted([f1.id, f2.id, f4.id]));
      expect(await find('track: "OPTICS", active: true')).toEqual(sorted([f1.id, f2.id]));
      expect(await find('track: "OPTICS", active: true, title: PROFESSOR')).toEqual([f1.id]);
      expect(await find('title: RESEARCHER')).toEqual([f2.id]);
      expect(await find('active: false')).toEqual([f4.id]);
      expect(await find('track: "BIG_SCIENCE"')).toEqual([f5.id]);
      expect(ext(await admin.request(`{ experts(track: "optics") { totalCount } }`))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'track',
      });
    });

    it("shows a person's expert profile to the office, analysts and the expert itself, and to nobody else", async () => {
      const x = await expert('周婷', org.uniA!, ['AI']);
      const other = await expert('吴强', org.uniB!, ['AI']);
      const profile = async (client: GraphClient) =>
        (
          await client.data<{ person: { expertProfile: Id | null } }>(`query($p: ID!) { person(id: $p) { expertProfile { id } } }`, {
            p: x.personId,
          })
        ).person.expertProfile;
      expect(await profile(admin)).toEqual({ id: x.id });
      expect(await profile(await graph.as('ANALYST'))).toEqual({ id: x.id });
      expect(await profile(await expertClient(x))).toEqual({ id: x.id });
      expect(await profile(await expertClient(other))).toBeNull();
      const submitter = await graph.as('SUBMITTER', { org: org.uniA });
      expect(await profile(submitter)).toBeNull();
      expect(ext(await (await expertClient(other)).request(`query($id: ID!) { expert(id: $id) { id } }`, { id: x.id }))?.code).toBe(
        'FORBIDDEN',
      );
      expect(ext(await submitter.request(`{ experts { totalCount } }`))?.code).toBe('FORBIDDEN');
    });
  });

  describe('review rounds: configuration and lifecycle', () => {
    let c: Contest;
    let foreignTrack: string;
    beforeAll(async () => {
      c = await contest('rounds-2019', ['AI', 'BIOMED', 'IC']);
      foreignTrack = (await contest('rounds-other-2019', ['AI'])).tracks.AI!;
    });

    const create = (input: Record<string, unknown>) =>
      admin.request<{ createReviewRound: Id }>(`mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`, {
        input: { contestId: c.id, ...input },
      });
    const update = (id: string, input: Record<string, unknown>) =>
      admin.request<{ updateReviewRound: Record<string, unknown> }>(
        `mutation($id: ID!, $input: UpdateReviewRoundInput!) { updateReviewRound(id: $id, input: $input) { name reviewersPerEntry criteria { code } } }`,
        { id, input },
      );
    const countRounds = async () =>
      (await admin.data<{ contest: { reviewRounds: Id[] } }>(`query($c: ID!) { contest(id: $c) { reviewRounds { id } } }`, { c: c.id }))
        .contest.reviewRounds.length;
    const read = async (id: string) =>
      (
        await admin.data<{ reviewRound: Record<string, unknown> }>(
          `query($id: ID!) { reviewRound(id: $id) { name status blind reviewersPerEntry criteria { code name weight maxScore } advancement { threshold quotaGroups { code quota tracks { code } } } } }`,
          { id },
        )
      ).reviewRound;

    it("creates a round with weighted criteria and quota groups over the contest's tracks", async () => {
      const created = await create({
        name: '第二轮评审',
        stage: 'EVALUATION',
        order: 2,
        blind: true,
        reviewersPerEntry: 5,
        criteria: CRITERIA,
        quotaGroups: [
          { code: 'AI', trackIds: [c.tracks.AI], quota: 10 },
          { code: 'BIOMED+IC', trackIds: [c.tracks.BIOMED, c.tracks.IC], quota: 6 },
        ],
      });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createReviewRound.id;
      expect(await read(id)).toEqual({
        name: '第二轮评审',
        status: 'DRAFT',
        blind: true,
        reviewersPerEntry: 5,
        criteria: CRITERIA,
        advancement: {
          threshold: null,
          quotaGroups: [
            { code: 'AI', quota: 10, tracks: [{ code: 'AI' }] },
            { code: 'BIOMED+IC', quota: 6, tracks: [{ code: 'BIOMED' }, { code: 'IC' }] },
          ],
        },
      });
      expect(await roundAudit(id)).toEqual(['round.create']);
    });

    it('refuses weights that do not sum to 1, quota groups over a foreign or shared track, and a taken position — creating nothing', async () => {
      const before = await countRounds();
      const base = { name: '终评', stage: 'FINAL', order: 3 };
      const weights = await create({
        ...base,
        criteria: [
          { ...CRITERIA[0], weight: 0.5 },
          { ...CRITERIA[1], weight: 0.4 },
        ],
      });
      expect(ext(weights)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'criteria' });
      expect(weights.errors![0]!.message).toMatch(/sum to 1/);
      expect(ext(await create({ ...base, criteria: [{ ...CRITERIA[0], weight: 1, maxScore: 0 }] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'criteria[0].maxScore',
      });
      const foreign = await create({ ...base, quotaGroups: [{ code: 'AI', trackIds: [foreignTrack], quota: 3 }] });
      expect(ext(foreign)?.code).toBe('BAD_USER_INPUT');
      expect(ext(foreign)?.field).toMatch(/quotaGroups\[0\]\.trackIds$/);
      expect(foreign.errors![0]!.message).toMatch(/not a track of the contest/);
      const shared = await create({
        ...base,
        quotaGroups: [
          { code: 'AI', trackIds: [c.tracks.AI], quota: 3 },
          { code: 'IC+AI', trackIds: [c.tracks.IC, c.tracks.AI], quota: 3 },
        ],
      });
      expect(ext(shared)?.code).toBe('BAD_USER_INPUT');
      expect(ext(shared)?.field).toMatch(/quotaGroups\[1\]\.trackIds$/);
      expect(shared.errors![0]!.message).toMatch(/already in group AI/);
      expect(ext(await create({ ...base, threshold: 60, quotaGroups: [{ code: 'AI', trackIds: [c.tracks.AI], quota: 3 }] }))).toMatchObject(
        { code: 'BAD_USER_INPUT', field: 'threshold' },
      );
      expect(ext(await create({ ...base, order: 2 }))).toMatchObject({ code: 'ALREADY_EXISTS', field: 'order' });
      expect(await countRounds()).toBe(before);
    });

    describe('a screening round, from draft to closed', () => {
      let r1: string;
      beforeAll(async () => {
        r1 = await round(c, { name: '初审', order: 1 });
      });

      it('does not open before entries are taken in, and never skips a step', async () => {
        expect(ext(await moveRound(r1, 'OPEN'))).toMatchObject({ code: 'ROUND_NOT_READY', field: 'entries' });
        expect(ext(await moveRound(r1, 'CLOSED'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect(ext(await moveRound(r1, 'FINALIZED'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect((await read(r1)).status).toBe('DRAFT');
        expect(await roundAudit(r1)).toEqual(['round.create']);
      });

      it('changes its settings while a draft, and keeps them once open', async () => {
        const updated = await update(r1, { name: '初审（形式审查）', reviewersPerEntry: 2, criteria: CRITERIA });
        expect(updated.data?.updateReviewRound).toEqual({
          name: '初审（形式审查）',
          reviewersPerEntry: 2,
          criteria: CRITERIA.map((x) => ({ code: x.code })),
        });
        expect(ext(await update(r1, { criteria: [{ ...CRITERIA[0], weight: 0.9 }] }))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'criteria',
        });
        await submission(c, 'AI', 'app1', '初审流程测试成果');
        expect((await intake(r1)).data?.takeEntries.taken).toBe(1);
        expect((await moveRound(r1, 'OPEN')).data?.changeReviewRoundStatus.status).toBe('OPEN');
        expect(ext(await update(r1, { name: '开评后改名', reviewersPerEntry: 7 }))).toMatchObject({ code: 'ROUND_ALREADY_OPEN' });
        expect(await read(r1)).toMatchObject({ name: '初审（形式审查）', reviewersPerEntry: 2, status: 'OPEN', criteria: CRITERIA });
        expect(await roundAudit(r1)).toEqual(['round.create', 'round.update', 'round.open']);
      });

      it('never goes back, and closes before anything else', async () => {
        expect(ext(await moveRound(r1, 'DRAFT'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect(ext(await moveRound(r1, 'FINALIZED'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect((await read(r1)).status).toBe('OPEN');
        expect((await moveRound(r1, 'CLOSED')).data?.changeReviewRoundStatus.status).toBe('CLOSED');
        expect(ext(await moveRound(r1, 'OPEN'))).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
        expect((await read(r1)).status).toBe('CLOSED');
        expect(await roundAudit(r1)).toEqual(['round.create', 'round.update', 'round.open', 'round.closed']);
      });
    });

    it('an evaluation round does not open until it says who advances', async () => {
      const c2 = await contest('rounds-eval-2019', ['AI']);
      await submission(c2, 'AI', 'app2', '直接进入评审的成果');
      const r = await round(c2, { name: '评审', stage: 'EVALUATION', order: 1 });
      await intake(r);
      const refused = await moveRound(r, 'OPEN');
      expect(ext(refused)).toMatchObject({ code: 'ROUND_NOT_READY', field: 'advancement' });
      expect((ext(refused)!.details as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual(['advancement']);
      expect((await read(r)).status).toBe('DRAFT');
      expect(await roundAudit(r)).toEqual(['round.create']);
      expect((await update(r, { threshold: 60 })).errors).toBeUndefined();
      expect((await moveRound(r, 'OPEN')).data?.changeReviewRoundStatus.status).toBe('OPEN');
      expect(await read(r)).toMatchObject({ status: 'OPEN', advancement: { threshold: 60, quotaGroups: [] } });
    });
  });

  describe('taking entries in from submissions and organizations', () => {
    let c: Contest;
    let r1: string;
    let r2: string;
    let teamMember: string;
    const subs: Record<string, Sub> = {};
    const takenAt = new Date('2019-10-08T01:00:00.000Z');
    const countEntries = async (roundId: string) =>
      (
        await admin.data<{ reviewRound: { entries: { totalCount: number } } }>(
          `query($r: ID!) { reviewRound(id: $r) { entries { totalCount } } }`,
          { r: roundId },
        )
      ).reviewRound.entries.totalCount;

    beforeAll(async () => {
      c = await contest('intake-2019', ['AI', 'BIOMED']);
      teamMember = await person('光刻所研究员', org.subUnit!);
      subs.litho = await submission(c, 'AI', 'enterprise', '双工件台光刻机', { teamMemberIds: [teamMember] });
      subs.draft = await submission(c, 'AI', 'enterprise', '尚未提交的成果', { submit: false });
      subs.withdrawn = await submission(c, 'AI', 'app1', '撤回的成果');
      await admin.data(`mutation($id: ID!) { withdrawSubmission(id: $id, reason: "改投其他赛事") { status } }`, { id: subs.withdrawn.id });
      subs.bio = await submission(c, 'BIOMED', 'sibling', '新型抗体药物');
      subs.vision = await submission(c, 'AI', 'app2', '工业视觉检测平台');
      r1 = await round(c);
      r2 = await round(c, { name: '第二轮评审', stage: 'EVALUATION', order: 2, threshold: 60 });
    });
    afterAll(() => graph.setNow(null));

    it("the first round takes the contest's submitted entries — not drafts, not withdrawn ones — each with a snapshot of its track, unit and people", async () => {
      graph.setNow(takenAt);
      const report = await intake(r1);
      expect(report.errors).toBeUndefined();
      expect(report.data!.takeEntries).toEqual({ taken: 3, alreadyIn: 0, skipped: [] });
      type Snapshot = EntryRow & { takenAt: string; submission: Id; organization: { id: string; name: string }; leader: Id; people: Id[] };
      const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: Snapshot[] } } }>(
        `query($r: ID!) { reviewRound(id: $r) { entries(first: 100) { nodes { id state trackCode referenceNumber title takenAt submission { id } organization { id name } leader { id } people { id } } } } }`,
        { r: r1 },
      );
      const nodes = reviewRound.entries.nodes;
      expect(sorted(nodes.map((n) => n.submission.id))).toEqual(sorted([subs.litho!.id, subs.bio!.id, subs.vision!.id]));
      expect(nodes.map((n) => n.referenceNumber)).toEqual(sorted(nodes.map((n) => n.referenceNumber)));
      const litho = nodes.find((n) => n.submission.id === subs.litho!.id)!;
      expect(litho).toMatchObject({
        state: 'IN_REVIEW',
        trackCode: 'AI',
        referenceNumber: subs.litho!.referenceNumber,
        title: '双工件台光刻机',
        takenAt: takenAt.toISOString(),
        organization: { id: org.enterprise, name: '上海微电子装备公司' },
        leader: { id: leaderOf.enterprise },
      });
      expect(sorted(litho.people.map((p) => p.id))).toEqual(sorted([leaderOf.enterprise!, teamMember]));
      const bio = nodes.find((n) => n.submission.id === subs.bio!.id)!;
      expect(bio).toMatchObject({
        trackCode: 'BIOMED',
        referenceNumber: '2019-BIOMED-0001',
        organization: { id: org.sibling },
        people: [{ id: leaderOf.sibling }],
      });
    });

    it('taking entries in again takes only the submissions that came in since', async () => {
      expect((await intake(r1)).data!.takeEntries).toEqual({ taken: 0, alreadyIn: 3, skipped: [] });
      expect(await countEntries(r1)).toBe(3);
      subs.late = await submission(c, 'BIOMED', 'app3', '迟到的成果');
      expect((await intake(r1)).data!.takeEntries).toEqual({ taken: 1, alreadyIn: 3, skipped: [] });
      expect((await entriesOf(r1)).map((e) => e.referenceNumber)).toContain(subs.late.referenceNumber);
      expect(await countEntries(r1)).toBe(4);
    });

    it('a later round takes nothing until the round before it is finalized', async () => {
      const refused = await intake(r2);
      expect(ext(refused)).toMatchObject({ code: 'PREVIOUS_ROUND_NOT_FINALIZED', field: 'roundId' });
      expect(refused.errors![0]!.message).toMatch(/Round 1/);
      expect(await countEntries(r2)).toBe(0);
    });

    it('a later round takes the entries the round before advanced, and reports those withdrawn since', async () => {
      const c2 = await contest('intake-next-2019', ['AI']);
      const kept = await submission(c2, 'AI', 'app1', '进入下一轮的成果');
      const gone = await submission(c2, 'AI', 'app2', '晋级后撤回的成果');
      const judge = await expert('衔接轮次专家', org.uniA!, ['AI']);
      const first = await round(c2, { reviewersPerEntry: 1 });
      const second = await round(c2, { name: '第二轮评审', stage: 'EVALUATION', order: 2, threshold: 60 });
      await intake(first);
      await autoAssign(first, { expertIds: [judge.id] });
      await moveRound(first, 'OPEN');
      const client = await expertClient(judge);
      for (const e of await entriesOf(first))
        await score(client, { entryId: e.id, scores: [{ criterion: 'OVERALL', score: 75 }], decision: 'PASS' });
      await moveRound(first, 'CLOSED');
      expect((await moveRound(first, 'FINALIZED')).errors).toBeUndefined();
      await admin.data(`mutation($id: ID!) { withdrawSubmission(id: $id, reason: "成果已转让") { status } }`, { id: gone.id });
      const report = await admin.request<{
        takeEntries: { taken: number; alreadyIn: number; skipped: { reason: string; submission: Id }[] };
      }>(`mutation($r: ID!) { takeEntries(roundId: $r) { taken alreadyIn skipped { reason submission { id } } } }`, { r: second });
      expect(report.data?.takeEntries).toEqual({
        taken: 1,
        alreadyIn: 0,
        skipped: [{ reason: 'NO_LONGER_SUBMITTED', submission: { id: gone.id } }],
      });
      expect((await entriesOf(second)).map((e) => e.referenceNumber)).toEqual([kept.referenceNumber]);
    });

    it('takes nothing into a round that is already open', async () => {
      expect((await moveRound(r1, 'OPEN')).errors).toBeUndefined();
      await submission(c, 'AI', 'app4', '开评后提交的成果');
      expect(ext(await intake(r1))).toMatchObject({ code: 'ROUND_ALREADY_OPEN' });
      expect(await countEntries(r1)).toBe(4);
    });
  });

  describe('conflicts of interest', () => {
    let r: string;
    let x: string;
    let y: string;
    const ex: Record<string, Expert> = {};
    const countAssignments = async () => (await assignmentsOf(r)).length;

    beforeAll(async () => {
      const c = await contest('coi-2019', ['AI', 'BIOMED']);
      // X comes from the enterprise, with a team member from the research unit below it; Y from its sibling enterprise.
      const team = await person('光刻所工程师', org.subUnit!);
      const sx = await submission(c, 'AI', 'enterprise', '浸没式光刻关键技术', { teamMemberIds: [team] });
      const sy = await submission(c, 'AI', 'sibling', '集成电路工艺平台');
      ex.same = await expert('本单位专家', org.enterprise!, ['AI']);
      ex.union = await expert('上级工会专家', org.union!, ['AI']);
      ex.sub = await expert('下属单位专家', org.subUnit!, ['AI']);
      ex.workshop = await expert('下属车间专家', org.workshop!, ['AI']);
      ex.federation = await expert('总工会专家', org.federation!, ['AI']);
      ex.leader = await expert('', '', ['AI'], { personId: leaderOf.enterprise, affiliationId: org.uniB });
      ex.team = await expert('', '', ['AI'], { personId: team, affiliationId: org.uniC });
      ex.sibling = await expert('兄弟单位专家', org.sibling!, ['AI']);
      ex.cleanA = await expert('高校专家甲', org.uniA!, ['AI']);
      ex.cleanB = await expert('高校专家乙', org.uniB!, ['AI']);
      ex.bio = await expert('生物医药专家', org.uniA!, ['BIOMED']);
      ex.gone = await expert('已停用专家', org.uniD!, ['AI']);
      await updateExpert(ex.gone.id, { active: false });
      r = await round(c, { reviewersPerEntry: 3 });
      await intake(r);
      const ids = await entryIds(r);
      x = ids[sx.referenceNumber]!;
      y = ids[sy.referenceNumber]!;
    });

    it("refuses by hand an expert of the entry's unit, of any organization above or below it, or on its team — with the reasons, assigning nobody", async () => {
      const cases: [string, string[]][] = [
        ['same', ['SAME_ORGANIZATION']],
        ['union', ['RELATED_ORGANIZATION']],
        ['federation', ['RELATED_ORGANIZATION']],
        ['sub', ['RELATED_ORGANIZATION']],
        ['workshop', ['RELATED_ORGANIZATION']],
        ['leader', ['TEAM_MEMBER']],
        ['team', ['TEAM_MEMBER']],
      ];
      for (const [who, reasons] of cases) {
        const refused = await assign(x, ex[who]!.id);
        expect({ who, ...ext(refused) }).toMatchObject({ who, code: 'CONFLICT_OF_INTEREST', field: 'expertId', details: { reasons } });
      }
      expect(await countAssignments()).toBe(0);
      // A unit beside the entrant under the same union is a competitor, not an ally.
      const sibling = await assign(x, ex.sibling!.id);
      expect(sibling.data?.assignExpert).toMatchObject({ status: 'ASSIGNED', origin: 'MANUAL' });
      expect(await countAssignments()).toBe(1);
    });

    it('the automatic assignment never seats a conflicted expert', async () => {
      const pool = ['same', 'union', 'federation', 'sub', 'workshop', 'leader', 'team', 'sibling', 'cleanA', 'cleanB'].map(
        (k) => ex[k]!.id,
      );
      const report = await autoAssign(r, { expertIds: pool });
      expect(report.errors).toBeUndefined();
      expect(report.data!.autoAssign.unstaffed).toEqual([]);
      const rows = (await assignmentsOf(r)).filter((a) => a.status === 'ASSIGNED');
      const on = (entryId: string) => sorted(rows.filter((a) => a.entry.id === entryId).map((a) => a.expert.id));
      expect(on(x)).toEqual(sorted([ex.sibling!.id, ex.cleanA!.id, ex.cleanB!.id]));
      expect(on(y)).toHaveLength(3);
      for (const conflicted of ['union', 'federation', 'sibling']) expect(on(y)).not.toContain(ex[conflicted]!.id);
    });

    it('refuses an expert of another track, one already on the entry, an inactive one and an unknown one', async () => {
      const before = await countAssignments();
      expect(ext(await assign(x, ex.bio!.id))).toMatchObject({ code: 'EXPERTISE_MISMATCH', field: 'expertId' });
      expect(ext(await assign(x, ex.cleanA!.id))).toMatchObject({ code: 'ALREADY_EXISTS', field: 'expertId' });
      expect(ext(await assign(x, ex.gone!.id))).toMatchObject({ code: 'EXPERT_INACTIVE', field: 'expertId' });
      expect(ext(await assign(x, MISSING))).toMatchObject({ code: 'NOT_FOUND', field: 'expertId' });
      expect(ext(await assign(MISSING, ex.cleanA!.id))).toMatchObject({ code: 'NOT_FOUND', field: 'entryId' });
      expect(await countAssignments()).toBe(before);
    });
  });

  describe('panels', () => {
    let c: Contest;
    let r: string;
    let foreignTrack: string;
    const ex: Record<string, Expert> = {};
    type PanelRow = { id: string; name: string; chair: Id; members: Id[]; tracks: { code: string }[] };
    const createPanel = (input: Record<string, unknown>) =>
      admin.request<{ createPanel: PanelRow }>(
        `mutation($input: CreatePanelInput!) { createPanel(input: $input) { id name chair { id } members { id } tracks { code } } }`,
        {
          input: { roundId: r, memberIds: [], ...input },
        },
      );
    const panels = async () =>
      (
        await admin.data<{ reviewRound: { panels: { name: string; members: Id[] }[] } }>(
          `query($r: ID!) { reviewRound(id: $r) { panels { name members { id } } } }`,
          { r },
        )
      ).reviewRound.panels;

    beforeAll(async () => {
      c = await contest('panel-2019', ['AI', 'BIOMED', 'IC']);
      foreignTrack = (await contest('panel-other-2019', ['AI'])).tracks.AI!;
      for (const [i, unit] of ['app1', 'app2', 'app3'].entries()) await submission(c, 'AI', unit, `智能制造成果${i + 1}`);
      for (const [i, unit] of ['app1', 'app4'].entries()) await submission(c, 'BIOMED', unit, `生物医药成果${i + 1}`);
      ex.aiChair = await expert('人工智能组组长', org.uniA!, ['AI'], { title: 'ACADEMICIAN' });
      ex.ai2 = await expert('人工智能组成员二', org.uniB!, ['AI']);
      ex.ai3 = await expert('人工智能组成员三', org.uniC!, ['AI']);
      ex.ai4 = await expert('人工智能组成员四', org.uniD!, ['AI']);
      ex.bioChair = await expert('生物医药组组长', org.hospital!, ['BIOMED'], { title: 'CHIEF_PHYSICIAN' });
      ex.bio2 = await expert('生物医药组成员二', org.uniA!, ['BIOMED']);
      ex.bio3 = await expert('生物医药组成员三', org.uniB!, ['BIOMED']);
      ex.outsider = await expert('组外专家', org.uniC!, ['AI', 'BIOMED', 'IC']);
      r = await round(c, { name: '终评', stage: 'FINAL', order: 1, threshold: 60, reviewersPerEntry: 2 });
      await intake(r);
    });

    it('a panel judges tracks of the contest, and its chair always sits on it, first', async () => {
      const ai = await createPanel({
        name: '人工智能组',
        trackIds: [c.tracks.AI],
        chairId: ex.aiChair!.id,
        memberIds: [ex.ai2!.id, ex.ai3!.id, ex.ai4!.id],
      });
      expect(ai.errors).toBeUndefined();
      expect(ai.data!.createPanel).toMatchObject({
        name: '人工智能组',
        chair: { id: ex.aiChair!.id },
        members: [ex.aiChair, ex.ai2, ex.ai3, ex.ai4].map((x) => ({ id: x!.id })),
        tracks: [{ code: 'AI' }],
      });
      const bio = await createPanel({
        name: '生物医药组',
        trackIds: [c.tracks.BIOMED],
        chairId: ex.bioChair!.id,
        memberIds: [ex.bio2!.id, ex.bioChair!.id, ex.bio3!.id],
      });
      expect(bio.data!.createPanel.members).toEqual([ex.bioChair, ex.bio2, ex.bio3].map((x) => ({ id: x!.id })));
      expect((await panels()).map((p) => p.name)).toEqual(['人工智能组', '生物医药组']);
    });

    it('refuses a foreign track, a track another panel judges, and an expert who sits on another panel of the round — adding no panel', async () => {
      const before = await panels();
      expect(ext(await createPanel({ name: '外赛道组', trackIds: [foreignTrack], chairId: ex.outsider!.id }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'trackIds',
      });
      expect(ext(await createPanel({ name: '重复赛道组', trackIds: [c.tracks.AI], chairId: ex.outsider!.id }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'trackIds',
      });
      expect(
        ext(await createPanel({ name: '集成电路组', trackIds: [c.tracks.IC], chairId: ex.outsider!.id, memberIds: [ex.ai2!.id] })),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'memberIds',
      });
      expect(ext(await createPanel({ name: '集成电路组', trackIds: [c.tracks.IC], chairId: ex.bioChair!.id }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'chairId',
      });
      expect(ext(await createPanel({ name: '人工智能组', trackIds: [c.tracks.IC], chairId: ex.outsider!.id }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      expect(await panels()).toEqual(before);
    });

    it("in a panel round every entry is judged by its track's panel only, and a member made inactive is passed over", async () => {
      expect((await updateExpert(ex.ai4!.id, { active: false })).errors).toBeUndefined();
      const report = await autoAssign(r);
      expect(report.errors).toBeUndefined();
      expect(report.data!.autoAssign.unstaffed).toEqual([]);
      const rows = await assignmentsOf(r);
      const aiPanel = [ex.aiChair, ex.ai2, ex.ai3].map((x) => x!.id);
      const bioPanel = [ex.bioChair, ex.bio2, ex.bio3].map((x) => x!.id);
      const entries = await entriesOf(r);
      for (const e of entries) {
        const mine = rows.filter((a) => a.entry.id === e.id);
        expect(mine).toHaveLength(2);
        for (const a of mine) {
          expect(e.trackCode === 'AI' ? aiPanel : bioPanel).toContain(a.expert.id);
          expect(a.panel?.name).toBe(e.trackCode === 'AI' ? '人工智能组' : '生物医药组');
        }
      }
      // Three AI entries with two seats each, over three active members: two each.
      const loads = Object.fromEntries(report.data!.autoAssign.loads.map((l) => [l.expert.id, l.load]));
      expect(aiPanel.map((id) => loads[id])).toEqual([2, 2, 2]);
      expect(rows.some((a) => a.expert.id === ex.ai4!.id || a.expert.id === ex.outsider!.id)).toBe(false);
      // The chair sees its panel through its assignment, but not the round while it is a draft.
      const chairs = rows.find((a) => a.expert.id === ex.aiChair!.id)!;
      const seen = await (
        await expertClient(ex.aiChair!)
      ).data<{ entry: { assignments: { nodes: { panel: { name: string; round: unknown } }[] } } }>(
        `query($e: ID!) { entry(id: $e) { assignments { nodes { panel { name round { name status } } } } } }`,
        { e: chairs.entry.id },
      );
      expect(seen.entry.assignments.nodes).toEqual([{ panel: { name: '人工智能组', round: null } }]);
    });

    it('refuses by hand an expert who is not on the panel of the entry’s track, and a pool of experts named for a panel round', async () => {
      const before = (await assignmentsOf(r)).length;
      const aiEntry = (await entriesOf(r)).find((e) => e.trackCode === 'AI')!;
      expect(ext(await assign(aiEntry.id, ex.outsider!.id))).toMatchObject({ code: 'NOT_ON_PANEL', field: 'expertId' });
      expect(ext(await assign(aiEntry.id, ex.bio2!.id))).toMatchObject({ code: 'NOT_ON_PANEL', field: 'expertId' });
      expect(ext(await autoAssign(r, { expertIds: [ex.outsider!.id] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expertIds' });
      expect((await assignmentsOf(r)).length).toBe(before);
    });
  });

  describe('automatic assignment', () => {
    const ex: Record<string, Expert> = {};
    let pool: string[];
    let r: string;
    /** Track and unit of each entry, in the order they are submitted: AI ×6, BIOMED ×3, IC ×1, QUANTUM ×1. */
    const ENTRIES: [string, string][] = [
      ['AI', 'app1'],
      ['AI', 'app2'],
      ['BIOMED', 'app3'],
      ['AI', 'app3'],
      ['AI', 'app4'],
      ['BIOMED', 'app1'],
      ['IC', 'app2'],
      ['AI', 'app1'],
      ['QUANTUM', 'app4'],
      ['BIOMED', 'app2'],
      ['AI', 'app2'],
    ];
    /** A contest with the entries above, and its screening round (two reviewers each) with them taken in. */
    async function staffable(code: string): Promise<string> {
      const c = await contest(code, ['AI', 'BIOMED', 'IC', 'QUANTUM']);
      for (const [i, [track, unit]] of ENTRIES.entries()) await submission(c, track, unit, `${track}成果${i + 1}`);
      const id = await round(c, { reviewersPerEntry: 2 });
      await intake(id);
      return id;
    }

    beforeAll(async () => {
      ex.a1 = await expert('人工智能专家一', org.uniA!, ['AI']);
      ex.a2 = await expert('人工智能专家二', org.uniB!, ['AI']);
      ex.a3 = await expert('人工智能专家三', org.uniC!, ['AI']);
      ex.b1 = await expert('生物医药专家一', org.hospital!, ['BIOMED']);
      ex.m1 = await expert('交叉领域专家一', org.uniD!, ['AI', 'BIOMED']);
      ex.m2 = await expert('交叉领域专家二', org.uniA!, ['BIOMED', 'AI']);
      ex.ic = await expert('集成电路专家', org.uniB!, ['IC']);
      pool = Object.values(ex).map((x) => x.id);
      r = await staffable('auto-2019');
    });

    it('gives every entry its reviewers from experts of its track, loads balanced within the bounds, and reports what it could not staff', async () => {
      const result = await autoAssign(r, { expertIds: pool, minLoad: 1, maxLoad: 4 });
      expect(result.errors).toBeUndefined();
      const report = result.data!.autoAssign;
      const expertise = Object.fromEntries(Object.values(ex).map((x) => [x.id, x.expertise]));
      const seats = await seated(r);
      for (const e of (await entriesOf(r)).filter((e) => e.trackCode === 'AI' || e.trackCode === 'BIOMED')) {
        const on = seats[e.referenceNumber] ?? [];
        expect({ entry: e.referenceNumber, reviewers: on.length }).toEqual({ entry: e.referenceNumber, reviewers: 2 });
        for (const id of on) expect(expertise[id]).toContain(e.trackCode);
      }
      // IC has one expert for two seats; nobody judges QUANTUM. The rest is staffed all the same.
      expect([...report.unstaffed].sort((a, b) => a.entry.referenceNumber.localeCompare(b.entry.referenceNumber))).toEqual([
        { entry: { referenceNumber: '2019-IC-0001' }, needed: 2, assigned: 1, eligible: 1, reason: 'TOO_FEW_ELIGIBLE_EXPERTS' },
        { entry: { referenceNumber: '2019-QUANTUM-0001' }, needed: 2, assigned: 0, eligible: 0, reason: 'NO_ELIGIBLE_EXPERTS' },
      ]);
      expect(seats['2019-IC-0001']).toEqual([ex.ic!.id]);
      expect(seats['2019-QUANTUM-0001']).toBeUndefined();
      expect(report.created).toBe(6 * 2 + 3 * 2 + 1);
      // 18 AI and BIOMED seats over six experts: three each, although up to four were allowed.
      const loads = Object.fromEntries(report.loads.map((l) => [l.expert.id, l.load]));
      expect(['a1', 'a2', 'a3', 'b1', 'm1', 'm2'].map((k) => loads[ex[k]!.id])).toEqual([3, 3, 3, 3, 3, 3]);
      expect(loads[ex.ic!.id]).toBe(1);
      expect(report.underloaded).toEqual([]);
      const counted: Record<string, number> = {};
      for (const ids of Object.values(seats)) for (const id of ids) counted[id] = (counted[id] ?? 0) + 1;
      expect(counted).toEqual(loads);
    });

    it('running it again adds nobody and still reports the entries left short', async () => {
      const before = await seated(r);
      const again = (await autoAssign(r, { expertIds: pool, minLoad: 1, maxLoad: 4 })).data!.autoAssign;
      expect(again.created).toBe(0);
      expect(again.unstaffed.map((u) => [u.entry.referenceNumber, u.needed, u.assigned]).sort()).toEqual([
        ['2019-IC-0001', 2, 1],
        ['2019-QUANTUM-0001', 2, 0],
      ]);
      expect(await seated(r)).toEqual(before);
    });

    it('the same entries and the same pool always get the same assignment', async () => {
      const twin = await staffable('auto-twin-2019');
      expect((await autoAssign(twin, { expertIds: pool, minLoad: 1, maxLoad: 4 })).errors).toBeUndefined();
      expect(await seated(twin)).toEqual(await seated(r));
    });

    it('with a load limit too low for every seat, reports the entries left short and still assigns the rest', async () => {
      const c = await contest('auto-tight-2019', ['AI']);
      for (const [i, unit] of ['app1', 'app2', 'app3'].entries()) await submission(c, 'AI', unit, `负荷测试成果${i + 1}`);
      const tight = await round(c, { reviewersPerEntry: 2 });
      await intake(tight);
      const two = [ex.a1!.id, ex.a2!.id];
      expect(ext(await autoAssign(tight, { expertIds: two, minLoad: 3, maxLoad: 2 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'minLoad',
      });
      expect(ext(await autoAssign(tight, { expertIds: [ex.a1!.id, MISSING] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'expertIds',
      });
      expect(ext(await autoAssign(tight, { expertIds: [] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expertIds' });
      expect(await assignmentsOf(tight)).toEqual([]);

      const report = (await autoAssign(tight, { expertIds: two, maxLoad: 2 })).data!.autoAssign;
      expect(report.created).toBe(4);
      expect(report.loads.map((l) => l.load)).toEqual([2, 2]);
      expect(report.unstaffed.length).toBeGreaterThan(0);
      for (const u of report.unstaffed) expect(u).toMatchObject({ needed: 2, eligible: 2, reason: 'EXPERT_LOAD_LIMIT' });
      expect(report.unstaffed.reduce((short, u) => short + u.needed - u.assigned, 0)).toBe(6 - 4);
      const seats = await seated(tight);
      for (const u of report.unstaffed) expect(seats[u.entry.referenceNumber] ?? []).toHaveLength(u.assigned);
      expect(Object.values(seats).flat()).toHaveLength(4);
    });

    it('reports the experts it could not give their minimum load, spreading the seats there are', async () => {
      const c = await contest('auto-minimum-2019', ['AI']);
      for (const [i, unit] of ['app1', 'app2', 'app3'].entries()) await submission(c, 'AI', unit, `最低负荷成果${i + 1}`);
      const few = await round(c, { reviewersPerEntry: 2 });
      await intake(few);
      // Six seats for four experts who should each get two: two of them get one.
      const four = ['a1', 'a2', 'a3', 'm1'].map((k) => ex[k]!.id);
      const report = (await autoAssign(few, { expertIds: four, minLoad: 2, maxLoad: 2 })).data!.autoAssign;
      expect(report.unstaffed).toEqual([]);
      expect(report.created).toBe(6);
      expect(report.loads.map((l) => l.load).sort()).toEqual([1, 1, 2, 2]);
      const short = report.loads.filter((l) => l.load === 1).map((l) => l.expert.id);
      expect(sorted(report.underloaded.map((u) => u.expert.id))).toEqual(sorted(short));
      expect(report.underloaded.map((u) => u.load)).toEqual([1, 1]);
    });
  });

  describe('changing assignments by hand', () => {
    let r: string;
    let e1: string;
    let e2: string;
    const ex: Record<string, Expert> = {};
    /** Assignment ids by `expert@entry`. */
    const made: Record<string, string> = {};
    const statusOf = async (id: string) => (await assignmentsOf(r)).find((a) => a.id === id);
    const remove = (id: string) =>
      admin.request<{ removeAssignment: Id }>(`mutation($id: ID!) { removeAssignment(id: $id, reason: "派错了") { id } }`, { id });
    const stepBack = (client: GraphClient, how: 'declineAssignment' | 'declareConflict', id: string, reason: string) =>
      client.request<Record<string, { status: string; note: string }>>(
        `mutation($id: ID!, $why: String!) { ${how}(id: $id, reason: $why) { status note } }`,
        { id, why: reason },
      );
    const pass = (entryId: string) => ({ entryId, scores: [{ criterion: 'OVERALL', score: 80 }], decision: 'PASS' });

    beforeAll(async () => {
      const c = await contest('manual-2019', ['AI']);
      const s1 = await submission(c, 'AI', 'app1', '手工调整成果一');
      const s2 = await submission(c, 'AI', 'app2', '手工调整成果二');
      ex.h1 = await expert('手工专家一', org.uniA!, ['AI']);
      ex.h2 = await expert('手工专家二', org.uniB!, ['AI']);
      ex.h3 = await expert('手工专家三', org.uniC!, ['AI']);
      ex.h4 = await expert('手工专家四', org.uniD!, ['AI']);
      r = await round(c, { reviewersPerEntry: 2 });
      await intake(r);
      const ids = await entryIds(r);
      e1 = ids[s1.referenceNumber]!;
      e2 = ids[s2.referenceNumber]!;
      for (const [who, entry, key] of [
        ['h1', e1, 'h1@e1'],
        ['h2', e1, 'h2@e1'],
        ['h1', e2, 'h1@e2'],
        ['h3', e2, 'h3@e2'],
      ] as const) {
        made[key] = (await assign(entry, ex[who]!.id)).data!.assignExpert.id;
      }
      await moveRound(r, 'OPEN');
    });

    it('the office removes an assignment made by mistake, but not one the expert has already scored', async () => {
      expect((await score(await expertClient(ex.h1!), pass(e1))).errors).toBeUndefined();
      expect(ext(await remove(made['h1@e1']!))).toMatchObject({ code: 'ASSIGNMENT_SCORED', field: 'id' });
      expect(await statusOf(made['h1@e1']!)).toMatchObject({ status: 'ASSIGNED' });
      expect((await cardsOf(r)).map((card) => card.expert.id)).toEqual([ex.h1!.id]);
      expect(ext(await stepBack(await expertClient(ex.h1!), 'declineAssignment', made['h1@e1']!, '临时出差'))).toMatchObject({
        code: 'ASSIGNMENT_SCORED',
        field: 'id',
      });
      expect(await statusOf(made['h1@e1']!)).toMatchObject({ status: 'ASSIGNED', note: null });
      expect((await remove(made['h2@e1']!)).errors).toBeUndefined();
      expect(await statusOf(made['h2@e1']!)).toBeUndefined();
      expect((await assignmentsOf(r)).filter((a) => a.entry.id === e1).map((a) => a.expert.id)).toEqual([ex.h1!.id]);
    });

    it('only the expert itself declines an assignment; it then cannot score it, and the automatic assignment finds someone else', async () => {
      const h3 = await expertClient(ex.h3!);
      expect(ext(await stepBack(await expertClient(ex.h1!), 'declineAssignment', made['h3@e2']!, '时间冲突'))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await statusOf(made['h3@e2']!)).toMatchObject({ status: 'ASSIGNED', note: null });
      expect((await stepBack(h3, 'declineAssignment', made['h3@e2']!, '时间冲突')).data?.declineAssignment).toEqual({
        status: 'DECLINED',
        note: '时间冲突',
      });
      expect(ext(await score(h3, pass(e2)))).toMatchObject({ code: 'FORBIDDEN', field: 'entryId' });
      expect(ext(await assign(e2, ex.h3!.id))).toMatchObject({ code: 'ASSIGNMENT_DECLINED', field: 'expertId' });
      expect((await cardsOf(r)).map((card) => card.expert.id)).toEqual([ex.h1!.id]);

      const report = await autoAssign(r, { expertIds: ['h1', 'h2', 'h3', 'h4'].map((k) => ex[k]!.id) });
      expect(report.data?.autoAssign.unstaffed).toEqual([]);
      const rows = await assignmentsOf(r);
      const onE2 = rows.filter((a) => a.entry.id === e2 && a.status === 'ASSIGNED').map((a) => a.expert.id);
      expect(onE2).toHaveLength(2);
      expect(onE2).toContain(ex.h1!.id);
      expect(onE2).not.toContain(ex.h3!.id);
      expect(await statusOf(made['h3@e2']!)).toMatchObject({ status: 'DECLINED' });
    });

    it('an expert who declares a conflict can no longer score the entry, nor be assigned to it again', async () => {
      const h1 = await expertClient(ex.h1!);
      expect(ext(await stepBack(await expertClient(ex.h4!), 'declareConflict', made['h1@e2']!, '曾为该项目提供咨询'))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await statusOf(made['h1@e2']!)).toMatchObject({ status: 'ASSIGNED' });
      expect((await stepBack(h1, 'declareConflict', made['h1@e2']!, '曾为该项目提供咨询')).data?.declareConflict).toEqual({
        status: 'CONFLICT_DECLARED',
        note: '曾为该项目提供咨询',
      });
      expect(ext(await stepBack(h1, 'declareConflict', made['h1@e2']!, '再次声明'))).toMatchObject({
        code: 'INVALID_TRANSITION',
        field: 'id',
      });

      expect(ext(await score(h1, pass(e2)))).toMatchObject({
        code: 'CONFLICT_OF_INTEREST',
        field: 'entryId',
        details: { reasons: ['DECLARED'] },
      });
      expect((await cardsOf(r)).filter((card) => card.entry.id === e2)).toEqual([]);

      const again = await assign(e2, ex.h1!.id);
      expect(ext(again)).toMatchObject({ code: 'CONFLICT_OF_INTEREST', field: 'expertId' });
      expect((ext(again)!.details as { reasons: string[] }).reasons).toContain('DECLARED');
      // The declaration stays on record: the office cannot remove it to assign the expert again.
      expect(ext(await remove(made['h1@e2']!))).toMatchObject({ code: 'CONFLICT_OF_INTEREST', field: 'id' });
      expect(await statusOf(made['h1@e2']!)).toMatchObject({ status: 'CONFLICT_DECLARED' });

      const report = await autoAssign(r, { expertIds: ['h1', 'h2', 'h3', 'h4'].map((k) => ex[k]!.id) });
      expect(report.data?.autoAssign.unstaffed).toEqual([]);
      const onE2 = (await assignmentsOf(r)).filter((a) => a.entry.id === e2 && a.status === 'ASSIGNED').map((a) => a.expert.id);
      expect(onE2).toHaveLength(2);
      expect(onE2).not.toContain(ex.h1!.id);
      expect(onE2).not.toContain(ex.h3!.id);
    });
  });

  describe('scorecards', () => {
    let r: string;
    const E: Record<string, string> = {};
    const ex: Record<string, Expert> = {};
    const read = async (expertId: string) => (await cardsOf(r)).find((c) => c.expert.id === expertId);

    beforeAll(async () => {
      const c = await contest('score-2019', ['AI']);
      for (const [key, unit] of [
        ['one', 'app1'],
        ['two', 'app2'],
        ['three', 'app3'],
      ] as const) {
        E[key] = (await submission(c, 'AI', unit, `评分成果${key}`)).referenceNumber;
      }
      ex.s1 = await expert('评分专家一', org.uniA!, ['AI']);
      ex.s2 = await expert('评分专家二', org.uniB!, ['AI']);
      ex.mover = await expert('调动专家', org.uniC!, ['AI']);
      r = await round(c, { name: '第二轮评审', stage: 'EVALUATION', criteria: CRITERIA, threshold: 50, reviewersPerEntry: 2 });
      await intake(r);
      const ids = await entryIds(r);
      for (const key of Object.keys(E)) E[key] = ids[E[key]!]!;
      await assign(E.one!, ex.s1.id);
      await assign(E.one!, ex.s2.id);
      await assign(E.three!, ex.mover.id);
    });

    it('waits for the round to open, which the expert does not see before it opens', async () => {
      const s1 = await expertClient(ex.s1!);
      expect(ext(await score(s1, { entryId: E.one, scores: marks(80, 70, 30) }))).toMatchObject({ code: 'ROUND_NOT_OPEN' });
      expect(ext(await s1.request(`query($r: ID!) { reviewRound(id: $r) { name } }`, { r }))).toMatchObject({ code: 'FORBIDDEN' });
      const throughEntry = `query($e: ID!) { entry(id: $e) { title round { name status criteria { code } } } }`;
      expect((await s1.data<{ entry: { round: unknown } }>(throughEntry, { e: E.one })).entry.round).toBeNull();
      expect(await cardsOf(r)).toEqual([]);
      expect((await moveRound(r, 'OPEN')).errors).toBeUndefined();
      expect((await s1.data<{ entry: { round: unknown } }>(throughEntry, { e: E.one })).entry.round).toMatchObject({ status: 'OPEN' });
    });

    it("stores the weighted total of an assigned expert's scores, and a second scorecard replaces the first", async () => {
      const s1 = await expertClient(ex.s1!);
      const first = await score(s1, { entryId: E.one, scores: marks(80, 70, 30), comment: '创新性突出' });
      expect(first.errors).toBeUndefined();
      // 0.4 × 80 + 0.35 × 70 + 0.25 × 30
      expect(first.data!.submitScorecard).toMatchObject({
        total: 64,
        version: 1,
        decision: null,
        comment: '创新性突出',
        scores: marks(80, 70, 30),
      });
      const second = await score(s1, { entryId: E.one, scores: [...marks(90, 70, 40)].reverse() });
      expect(second.data!.submitScorecard).toMatchObject({
        id: first.data!.submitScorecard.id,
        total: 70.5,
        version: 2,
        comment: null,
        scores: marks(90, 70, 40),
      });
      expect(await cardsOf(r)).toHaveLength(1);
      expect(await read(ex.s1!.id)).toMatchObject({ total: 70.5, version: 2, entry: { id: E.one } });
    });

    it('refuses a score out of range, a criterion missing, twice or unknown, and a decision outside screening — naming the field, keeping the scorecard as it was', async () => {
      const s1 = await expertClient(ex.s1!);
      const cases: [{ criterion: string; score: number }[], string][] = [
        [marks(101, 70, 40), 'scores.INNOVATION'],
        [marks(90, -1, 40), 'scores.BENEFIT'],
        [marks(90, 70, 41), 'scores.FEASIBILITY'],
        [marks(90, 70, 40).filter((s) => s.criterion !== 'BENEFIT'), 'scores.BENEFIT'],
        [[...marks(90, 70, 40), { criterion: 'NOVELTY', score: 5 }], 'scores.NOVELTY'],
        [[...marks(90, 70, 40), { criterion: 'INNOVATION', score: 60 }], 'scores.INNOVATION'],
      ];
      for (const [scores, field] of cases) {
        expect({ field, ...ext(await score(s1, { entryId: E.one, scores })) }).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(ext(await score(s1, { entryId: E.one, scores: marks(90, 70, 40), decision: 'PASS' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'decision',
      });
      expect(await read(ex.s1!.id)).toMatchObject({ total: 70.5, version: 2, scores: marks(90, 70, 40) });
      expect(await cardsOf(r)).toHaveLength(1);
    });

    it('refuses an entry the expert is not assigned to, and a caller who is not an expert', async () => {
      const scores = marks(60, 60, 30);
      expect(ext(await score(await expertClient(ex.s2!), { entryId: E.two, scores }))).toMatchObject({
        code: 'FORBIDDEN',
        field: 'entryId',
      });
      expect(ext(await score(await expertClient(ex.s2!), { entryId: MISSING, scores }))).toMatchObject({
        code: 'FORBIDDEN',
        field: 'entryId',
      });
      expect(ext(await score(await graph.as('EXPERT'), { entryId: E.one, scores }))?.code).toBe('FORBIDDEN');
      expect(ext(await score(await graph.as('ANALYST'), { entryId: E.one, scores }))?.code).toBe('FORBIDDEN');
      expect(ext(await score(admin, { entryId: E.one, scores }))?.code).toBe('FORBIDDEN');
      expect(await cardsOf(r)).toHaveLength(1);
    });

    it("an expert who has since joined the entry's unit can no longer score it", async () => {
      expect((await updateExpert(ex.mover!.id, { affiliationId: org.app3 })).errors).toBeUndefined();
      const refused = await score(await expertClient(ex.mover!), { entryId: E.three, scores: marks(60, 60, 30) });
      expect(ext(refused)).toMatchObject({ code: 'CONFLICT_OF_INTEREST', field: 'entryId', details: { reasons: ['SAME_ORGANIZATION'] } });
      expect(await read(ex.mover!.id)).toBeUndefined();
    });

    it('ends when the round closes', async () => {
      expect((await moveRound(r, 'CLOSED')).errors).toBeUndefined();
      expect(ext(await score(await expertClient(ex.s1!), { entryId: E.one, scores: marks(50, 50, 20) }))).toMatchObject({
        code: 'ROUND_CLOSED',
      });
      expect(ext(await score(await expertClient(ex.s2!), { entryId: E.one, scores: marks(50, 50, 20) }))).toMatchObject({
        code: 'ROUND_CLOSED',
      });
      expect(await cardsOf(r)).toHaveLength(1);
      expect(await read(ex.s1!.id)).toMatchObject({ total: 70.5, version: 2 });
    });

    it('in screening, a scorecard needs a decision, and an elimination needs its reason', async () => {
      const c = await contest('screen-2019', ['AI']);
      await submission(c, 'AI', 'app4', '初审决定成果');
      const judge = await expert('初审专家', org.uniD!, ['AI']);
      const screening = await round(c);
      await intake(screening);
      const [entry] = await entriesOf(screening);
      await assign(entry!.id, judge.id);
      await moveRound(screening, 'OPEN');
      const client = await expertClient(judge);
      const base = { entryId: entry!.id, scores: [{ criterion: 'OVERALL', score: 55 }] };
      expect(ext(await score(client, base))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision' });
      expect(ext(await score(client, { ...base, decision: 'ELIMINATE' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'eliminationReason',
      });
      expect(ext(await score(client, { ...base, decision: 'PASS', eliminationReason: 'INCOMPLETE' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'eliminationReason',
      });
      expect(await cardsOf(screening)).toEqual([]);
      const card = await score(client, { ...base, decision: 'ELIMINATE', eliminationReason: 'INCOMPLETE' });
      expect(card.data?.submitScorecard).toMatchObject({ total: 55, version: 1, decision: 'ELIMINATE', eliminationReason: 'INCOMPLETE' });
    });
  });

  describe('scorecards in a batch', () => {
    let r: string;
    const E: Record<string, string> = {};
    let judge: Expert;
    const batch = (client: GraphClient, inputs: Record<string, unknown>[]) =>
      client.request<{ submitScorecards: { id: string; total: number }[] }>(
        `mutation($inputs: [ScorecardInput!]!) { submitScorecards(inputs: $inputs) { id total } }`,
        { inputs },
      );

    beforeAll(async () => {
      const c = await contest('batch-2019', ['AI']);
      for (const [key, unit] of [
        ['one', 'app1'],
        ['two', 'app2'],
        ['three', 'app3'],
      ] as const) {
        E[key] = (await submission(c, 'AI', unit, `批量评分成果${key}`)).referenceNumber;
      }
      judge = await expert('批量评分专家', org.uniA!, ['AI']);
      r = await round(c, { name: '批量评审', stage: 'EVALUATION', criteria: CRITERIA, threshold: 50, reviewersPerEntry: 1 });
      await intake(r);
      const ids = await entryIds(r);
      for (const key of Object.keys(E)) E[key] = ids[E[key]!]!;
      await assign(E.one!, judge.id);
      await assign(E.two!, judge.id);
      expect((await moveRound(r, 'OPEN')).errors).toBeUndefined();
    });

    it('one refused scorecard refuses the whole batch, listing every refusal, and saves none', async () => {
      const client = await expertClient(judge);
      const refused = await batch(client, [
        { entryId: E.one, scores: marks(80, 70, 30) },
        { entryId: E.two, scores: marks(101, 70, 30) },
        { entryId: E.three, scores: marks(80, 70, 30) },
      ]);
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect((ext(refused)!.details as { errors: { entryId: string; code: string }[] }).errors).toEqual([
        expect.objectContaining({ entryId: E.two, code: 'BAD_USER_INPUT' }),
        expect.objectContaining({ entryId: E.three, code: 'FORBIDDEN' }),
      ]);
      expect(await cardsOf(r)).toEqual([]);
    });

    it('saves every scorecard of a valid batch, each with its weighted total', async () => {
      const saved = await batch(await expertClient(judge), [
        { entryId: E.one, scores: marks(80, 70, 30) },
        { entryId: E.two, scores: marks(90, 70, 40) },
      ]);
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.submitScorecards.map((c) => c.total)).toEqual([64, 70.5]);
      expect((await cardsOf(r)).map((c) => c.entry.id).sort()).toEqual([E.one, E.two].sort());
    });

    it('a page of entries with their assignments and scorecards costs the same statements for one entry as for three', async () => {
      const query = `query($r: ID!, $n: Int!) { reviewRound(id: $r) { entries(first: $n) { nodes { id assignments { totalCount nodes { id } } scorecards { totalCount nodes { total } } } } } }`;
      const cost = async (n: number) => {
        graph.resetStatements();
        const data = await admin.data<{ reviewRound: { entries: { nodes: { scorecards: { totalCount: number } }[] } } }>(query, { r, n });
        return {
          statements: graph.statements()['expert-review'],
          cards: data.reviewRound.entries.nodes.reduce((sum, e) => sum + e.scorecards.totalCount, 0),
        };
      };
      const one = await cost(1);
      const three = await cost(3);
      expect(three.cards).toBe(2);
      expect(three.statements).toBe(one.statements);
    });
  });

  describe('who sees what', () => {
    let r: string;
    let next: string;
    let refA: string;
    const E: Record<string, string> = {};
    const ex: Record<string, Expert> = {};

    beforeAll(async () => {
      const c = await contest('blind-2019', ['AI']);
      refA = (await submission(c, 'AI', 'app1', '盲评成果甲')).referenceNumber;
      const refB = (await submission(c, 'AI', 'app2', '盲评成果乙')).referenceNumber;
      ex.v1 = await expert('盲评专家一', org.uniA!, ['AI']);
      ex.v2 = await expert('盲评专家二', org.uniB!, ['AI']);
      ex.v3 = await expert('回避专家', org.uniC!, ['AI']);
      r = await round(c, { blind: true, reviewersPerEntry: 1 });
      await intake(r);
      const ids = await entryIds(r);
      E.a = ids[refA]!;
      E.b = ids[refB]!;
      await assign(E.a, ex.v1.id);
      await assign(E.b, ex.v2.id);
      const declared = (await assign(E.a, ex.v3.id)).data!.assignExpert.id;
      await moveRound(r, 'OPEN');
      await (
        await expertClient(ex.v3)
      ).data(`mutation($id: ID!) { declareConflict(id: $id, reason: "与申报单位有合作") { status } }`, { id: declared });
      await score(await expertClient(ex.v1), { entryId: E.a, scores: [{ criterion: 'OVERALL', score: 80 }], decision: 'PASS' });
      await score(await expertClient(ex.v2), {
        entryId: E.b,
        scores: [{ criterion: 'OVERALL', score: 30 }],
        decision: 'ELIMINATE',
        eliminationReason: 'LOW_RELEVANCE',
      });
      next = await round(c, { name: '第二轮评审', stage: 'EVALUATION', order: 2, threshold: 60 });
    });

    const MINE = `query($r: ID!) { reviewRound(id: $r) {
      entries { totalCount nodes { id } }
      assignments { totalCount nodes { expert { id } entry { id } } }
      scorecards { totalCount nodes { expert { id } entry { id } } } } }`;
    type Mine = { reviewRound: Record<'entries' | 'assignments' | 'scorecards', { totalCount: number; nodes: unknown[] }> };

    it('an expert sees only the entries, assignments and scorecards that are its own', async () => {
      const v1 = await expertClient(ex.v1!);
      const { reviewRound } = await v1.data<Mine>(MINE, { r });
      expect(reviewRound.entries).toEqual({ totalCount: 1, nodes: [{ id: E.a }] });
      expect(reviewRound.assignments).toEqual({ totalCount: 1, nodes: [{ expert: { id: ex.v1!.id }, entry: { id: E.a } }] });
      expect(reviewRound.scorecards).toEqual({ totalCount: 1, nodes: [{ expert: { id: ex.v1!.id }, entry: { id: E.a } }] });
      expect(ext(await v1.request(`query($id: ID!) { entry(id: $id) { title } }`, { id: E.b }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(ext(await v1.request(`query($id: ID!) { expert(id: $id) { id } }`, { id: ex.v2!.id }))).toMatchObject({ code: 'FORBIDDEN' });
      const office = (await admin.data<Mine>(MINE, { r })).reviewRound;
      expect([office.entries.totalCount, office.assignments.totalCount, office.scorecards.totalCount]).toEqual([2, 3, 2]);
    });

    it('in a blind round an expert does not see who submitted an entry, while the office does', async () => {
      const q = `query($id: ID!) { entry(id: $id) { title referenceNumber organization { id } leader { id } people { id } submission { id } } }`;
      type Seen = { entry: { title: string; organization: Id | null; leader: Id | null; people: Id[]; submission: Id | null } };
      const expertView = (await (await expertClient(ex.v1!)).data<Seen>(q, { id: E.a })).entry;
      expect(expertView).toMatchObject({
        title: '盲评成果甲',
        referenceNumber: refA,
        organization: null,
        leader: null,
        people: [],
        submission: null,
      });
      const officeView = (await admin.data<Seen>(q, { id: E.a })).entry;
      expect(officeView).toMatchObject({
        title: '盲评成果甲',
        organization: { id: org.app1 },
        leader: { id: leaderOf.app1 },
        people: [{ id: leaderOf.app1 }],
      });
      expect(officeView.submission).not.toBeNull();
    });

    it("analysts see the experts' scorecards only once the round is finalized; the office always does", async () => {
      const analyst = await graph.as('ANALYST');
      const q = `query($r: ID!) { reviewRound(id: $r) { assignments { nodes { scorecard { total } } } scorecards { totalCount nodes { total } } } }`;
      type Cards = {
        reviewRound: {
          assignments: { nodes: { scorecard: { total: number } | null }[] };
          scorecards: { totalCount: number; nodes: { total: number }[] } | null;
        };
      };
      const early = await analyst.request<Cards>(q, { r });
      expect(early.errors?.[0]).toMatchObject({ path: ['reviewRound', 'scorecards'], extensions: { code: 'FORBIDDEN' } });
      expect(early.data?.reviewRound.scorecards).toBeNull();
      expect(early.data?.reviewRound.assignments.nodes).toEqual([{ scorecard: null }, { scorecard: null }, { scorecard: null }]);
      const totals = (data: Cards) => data.reviewRound.assignments.nodes.flatMap((a) => (a.scorecard ? [a.scorecard.total] : [])).sort();
      const office = await admin.data<Cards>(q, { r });
      expect(office.reviewRound.scorecards!.totalCount).toBe(2);
      expect(totals(office)).toEqual([30, 80]);

      expect((await moveRound(r, 'CLOSED')).errors).toBeUndefined();
      expect((await analyst.request<Cards>(q, { r })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const finalized = await moveRound(r, 'FINALIZED');
      expect(finalized.errors).toBeUndefined();
      const late = await analyst.data<Cards>(q, { r });
      expect(late.reviewRound.scorecards!.nodes.map((c) => c.total).sort()).toEqual([30, 80]);
      expect(totals(late)).toEqual([30, 80]);
      const v1 = (await (await expertClient(ex.v1!)).data<Mine>(MINE, { r })).reviewRound;
      expect(v1.scorecards.totalCount).toBe(1);
    });

    it('the next round takes in only the entries the finalized round advanced, and a conflict declared earlier still holds', async () => {
      expect((await intake(next)).data?.takeEntries).toEqual({ taken: 1, alreadyIn: 0, skipped: [] });
      const [advanced] = await entriesOf(next);
      expect(advanced?.referenceNumber).toBe(refA);
      const refused = await assign(advanced!.id, ex.v3!.id);
      expect(ext(refused)).toMatchObject({ code: 'CONFLICT_OF_INTEREST', field: 'expertId', details: { reasons: ['DECLARED'] } });
      expect(await assignmentsOf(next)).toEqual([]);
      expect((await assign(advanced!.id, ex.v1!.id)).errors).toBeUndefined();
      const states = Object.fromEntries((await entriesOf(r)).map((e) => [e.id, e.state]));
      expect(states).toEqual({ [E.a!]: 'ADVANCED', [E.b!]: 'ELIMINATED' });
    });

    it("the round's audit trail records each step it went through", async () => {
      expect(await roundAudit(r)).toEqual(['round.create', 'round.open', 'round.closed', 'round.finalized']);
    });
  });
});
