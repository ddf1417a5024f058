import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

/**
 * What every suite of the pool, rounds, intake, assignment and scorecards runs on: a graph of
 * its own with organizations in every relation a conflict of interest can come from, and
 * builders that set everything up through the public API, as the contest office would.
 */

export type Id = { id: string };
export type Expert = { id: string; personId: string; expertise: string[] };
export type Sub = { id: string; referenceNumber: string };
export type Contest = { id: string; tracks: Record<string, string> };
export type EntryRow = { id: string; referenceNumber: string; trackCode: string; title: string; state: string };
export type AssignmentRow = {
  id: string;
  status: string;
  origin: string;
  note: string | null;
  expert: Id;
  entry: { id: string; referenceNumber: string };
  panel: { name: string } | null;
};
export type Card = {
  id: string;
  total: number;
  version: number;
  decision: string | null;
  eliminationReason: string | null;
  comment: string | null;
  scores: { criterion: string; score: number }[];
};
export type Unstaffed = { entry: { referenceNumber: string }; needed: number; assigned: number; eligible: number; reason: string };
export type AutoReport = {
  created: number;
  unstaffed: Unstaffed[];
  underloaded: { expert: Id; load: number }[];
  loads: { expert: Id; load: number }[];
};

export const ext = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;
export const sorted = (ids: readonly string[]) => [...ids].sort();
/** A well-formed id that names nothing. */
export const MISSING = '00000000-0000-4000-8000-000000000000';

/** Three criteria weighing 0.4, 0.35 and 0.25; feasibility is marked out of 40. */
export const CRITERIA = [
  { code: 'INNOVATION', name: '创新性', weight: 0.4, maxScore: 100 },
  { code: 'BENEFIT', name: '经济社会效益', weight: 0.35, maxScore: 100 },
  { code: 'FEASIBILITY', name: '推广可行性', weight: 0.25, maxScore: 40 },
];
export const marks = (innovation: number, benefit: number, feasibility: number) => [
  { criterion: 'INNOVATION', score: innovation },
  { criterion: 'BENEFIT', score: benefit },
  { criterion: 'FEASIBILITY', score: feasibility },
];

/** Starts the graph for the suite it is called in and hands out its organizations and builders. */
export function roundsSuite() {
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

  return {
    /** What beforeAll made: for tests and hooks, as the suite is declared before it runs. */
    world: () => ({ graph, admin, make }),
    org,
    leaderOf,
    person,
    expert,
    updateExpert,
    expertClient,
    contest,
    submission,
    round,
    intake,
    moveRound,
    entriesOf,
    entryIds,
    assignmentsOf,
    seated,
    assign,
    autoAssign,
    score,
    cardsOf,
    roundAudit,
  };
}
