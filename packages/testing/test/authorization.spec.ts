import { type GraphQLObjectType } from 'graphql';
import type { Role } from '@meritgraph/domain';
import { apiSchema, readSupergraph } from '@meritgraph/gateway';
import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../src';

/**
 * Who may run what: every query and mutation of the graph, for every role and for anonymous
 * callers, run through the gateway. A new operation fails the completeness check until it
 * joins the table.
 */
type Actor = Role | 'ANONYMOUS';
const ACTORS: Actor[] = ['ANONYMOUS', 'ADMIN', 'ORGANIZER', 'SUBMITTER', 'EXPERT', 'ANALYST', 'AGENCY'];
const ALL: Actor[] = ACTORS;
const SIGNED_IN: Actor[] = ACTORS.filter((a) => a !== 'ANONYMOUS');

interface Fixture {
  union: string;
  unitA: string;
  unitB: string;
  /** A unit outside the organizer's union. */
  unitC: string;
  teamA: string;
  trackA: string;
  milestoneA: string;
  participationA: string;
  contest: string;
  draftContest: string;
  personA: string;
  draftA: string;
  draftB: string;
  draftRound: string;
  nominatedHonor: string;
}

interface Row {
  operation: `${'Query' | 'Mutation'}.${string}`;
  scenario: string;
  allowed: Actor[];
  run(api: GraphClient, fx: Fixture, n: number, admin: GraphClient): Promise<GraphResponse<Record<string, unknown>>>;
  /** The value that must be present when allowed and absent when denied. */
  pick: (data: Record<string, unknown> | null | undefined) => unknown;
  /** For mutations: the state a denied call must leave as it was. */
  snapshot?: (admin: GraphClient, fx: Fixture) => Promise<unknown>;
}

const root = (field: string) => (data: Record<string, unknown> | null | undefined) => data?.[field] ?? null;
const total = (query: string) => async (admin: GraphClient, fx: Fixture) => {
  const data = await admin.data<Record<string, { totalCount?: number; reviewRounds?: unknown[] }>>(query, { ...fx });
  const value = Object.values(data)[0]!;
  return value.totalCount ?? value.reviewRounds?.length ?? 0;
};

/** A draft of unit A with every field submitting needs, made by the office. */
async function completeDraft(admin: GraphClient, fx: Fixture, title: string): Promise<string> {
  const { createSubmission } = await admin.data<{ createSubmission: { id: string } }>(
    `mutation($contest: ID!, $unitA: ID!, $trackA: ID!, $personA: ID!, $title: String!) {
      createSubmission(input: { contestId: $contest, organizationId: $unitA, trackId: $trackA, leaderId: $personA, title: $title,
        summary: "A complete entry.", achievementKind: PRODUCT, keywords: ["AI"], applicationEffect: "Used widely." }) { id }
    }`,
    { ...fx, title },
  );
  return createSubmission.id;
}

const TABLE: Row[] = [
  { operation: 'Query.organization', scenario: 'a unit', allowed: ALL, pick: root('organization'), run: (api, fx) => api.request(`query($unitA: ID!) { organization(id: $unitA) { name } }`, { ...fx }) },
  { operation: 'Query.organizations', scenario: 'the list', allowed: ALL, pick: root('organizations'), run: (api) => api.request(`{ organizations { totalCount } }`) },
  { operation: 'Query.contest', scenario: 'an open contest', allowed: ALL, pick: root('contest'), run: (api, fx) => api.request(`query($contest: ID!) { contest(id: $contest) { name } }`, { ...fx }) },
  { operation: 'Query.contest', scenario: 'a draft contest', allowed: ['ADMIN', 'ANALYST'], pick: root('contest'), run: (api, fx) => api.request(`query($draftContest: ID!) { contest(id: $draftContest) { name } }`, { ...fx }) },
  { operation: 'Query.contests', scenario: 'the list (drafts hidden from the public)', allowed: ALL, pick: root('contests'), run: (api) => api.request(`{ contests { totalCount } }`) },
  { operation: 'Query.person', scenario: 'name and position', allowed: SIGNED_IN, pick: root('person'), run: (api, fx) => api.request(`query($personA: ID!) { person(id: $personA) { name position } }`, { ...fx }) },
  {
    operation: 'Query.person',
    scenario: 'contact data (the office and the person only)',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: (d) => (d?.person as { phone?: string } | null)?.phone ?? null,
    run: (api, fx) => api.request(`query($personA: ID!) { person(id: $personA) { name phone email } }`, { ...fx }),
  },
  { operation: 'Query.people', scenario: 'the list', allowed: SIGNED_IN, pick: root('people'), run: (api) => api.request(`{ people { totalCount } }`) },
  { operation: 'Query.team', scenario: "unit A's team", allowed: SIGNED_IN, pick: root('team'), run: (api, fx) => api.request(`query($teamA: ID!) { team(id: $teamA) { name members { name } } }`, { ...fx }) },
  { operation: 'Query.teams', scenario: 'the list', allowed: SIGNED_IN, pick: root('teams'), run: (api) => api.request(`{ teams { totalCount } }`) },
  {
    operation: 'Query.participations',
    scenario: 'the units of an open contest',
    allowed: ALL,
    pick: root('participations'),
    run: (api, fx) => api.request(`query($contest: ID!) { participations(contestId: $contest) { totalCount nodes { organization { name } mobilizedBy { name } } } }`, { ...fx }),
  },
  { operation: 'Query.submission', scenario: "unit A's draft (its submitter; the union that mobilized it)", allowed: ['ADMIN', 'ANALYST', 'SUBMITTER', 'ORGANIZER'], pick: root('submission'), run: (api, fx) => api.request(`query($draftA: ID!) { submission(id: $draftA) { title } }`, { ...fx }) },
  { operation: 'Query.submission', scenario: "unit B's draft", allowed: ['ADMIN', 'ANALYST', 'ORGANIZER'], pick: root('submission'), run: (api, fx) => api.request(`query($draftB: ID!) { submission(id: $draftB) { title } }`, { ...fx }) },
  {
    operation: 'Query.submissions',
    scenario: "the list (a unit sees its own; the office and analysts all)",
    allowed: ['ADMIN', 'ANALYST', 'SUBMITTER', 'ORGANIZER'],
    pick: root('submissions'),
    run: (api) => api.request(`{ submissions { totalCount } }`),
  },
  { operation: 'Query.reviewRound', scenario: 'a round in DRAFT', allowed: ['ADMIN', 'ANALYST'], pick: root('reviewRound'), run: (api, fx) => api.request(`query($draftRound: ID!) { reviewRound(id: $draftRound) { name } }`, { ...fx }) },
  { operation: 'Query.honor', scenario: 'a nominated (unpublished) honor', allowed: ['ADMIN', 'ANALYST'], pick: root('honor'), run: (api, fx) => api.request(`query($nominatedHonor: ID!) { honor(id: $nominatedHonor) { status } }`, { ...fx }) },
  { operation: 'Query.honors', scenario: 'the public records', allowed: ALL, pick: root('honors'), run: (api) => api.request(`{ honors { totalCount } }`) },
  {
    operation: 'Mutation.createOrganization',
    scenario: 'a new unit',
    allowed: ['ADMIN'],
    pick: root('createOrganization'),
    snapshot: total(`{ organizations { totalCount } }`),
    run: (api, _fx, n) => api.request(`mutation($name: String!) { createOrganization(input: { name: $name, kind: ENTERPRISE }) { id } }`, { name: `Matrix unit ${n}` }),
  },
  {
    operation: 'Mutation.createContest',
    scenario: 'a new contest',
    allowed: ['ADMIN'],
    pick: root('createContest'),
    snapshot: total(`{ contests { totalCount } }`),
    run: (api, _fx, n) => api.request(`mutation($code: String!) { createContest(input: { code: $code, name: "Matrix", year: 2019 }) { id } }`, { code: `matrix-${n}` }),
  },
  {
    operation: 'Mutation.changeContestStatus',
    scenario: 'opening the draft contest',
    allowed: ['ADMIN'],
    pick: root('changeContestStatus'),
    snapshot: (admin, fx) => admin.data(`query($draftContest: ID!) { contest(id: $draftContest) { status } }`, { ...fx }),
    // The one allowed call happens last (ADMIN is after the denied actors in the run order below).
    run: (api, fx) => api.request(`mutation($draftContest: ID!) { changeContestStatus(id: $draftContest, status: OPEN_FOR_SUBMISSIONS) { status } }`, { ...fx }),
  },
  {
    operation: 'Mutation.createPerson',
    scenario: 'a contact in unit A (inside the union)',
    allowed: ['ADMIN', 'ORGANIZER', 'SUBMITTER'],
    pick: root('createPerson'),
    snapshot: total(`{ people { totalCount } }`),
    run: (api, fx, n) => api.request(`mutation($unitA: ID!, $name: String!) { createPerson(input: { name: $name, organizationId: $unitA }) { id } }`, { ...fx, name: `联系人${n}` }),
  },
  {
    operation: 'Mutation.createPerson',
    scenario: 'a contact in unit C (outside the union)',
    allowed: ['ADMIN'],
    pick: root('createPerson'),
    snapshot: total(`{ people { totalCount } }`),
    run: (api, fx, n) => api.request(`mutation($unitC: ID!, $name: String!) { createPerson(input: { name: $name, organizationId: $unitC }) { id } }`, { ...fx, name: `外部${n}` }),
  },
  {
    operation: 'Mutation.updatePerson',
    scenario: "the position of unit A's contact",
    allowed: ['ADMIN', 'ORGANIZER', 'SUBMITTER'],
    pick: root('updatePerson'),
    snapshot: (admin, fx) => admin.data(`query($personA: ID!) { person(id: $personA) { position } }`, { ...fx }),
    run: (api, fx, n) => api.request(`mutation($personA: ID!, $p: String!) { updatePerson(id: $personA, input: { position: $p }) { id } }`, { ...fx, p: `岗位${n}` }),
  },
  {
    operation: 'Mutation.updateOrganization',
    scenario: 'renaming unit A (inside the union)',
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('updateOrganization'),
    snapshot: (admin, fx) => admin.data(`query($unitA: ID!) { organization(id: $unitA) { name } }`, { ...fx }),
    run: (api, fx, n) => api.request(`mutation($unitA: ID!, $name: String!) { updateOrganization(id: $unitA, input: { name: $name }) { id } }`, { ...fx, name: `Unit A ${n}` }),
  },
  {
    operation: 'Mutation.updateOrganization',
    scenario: 'renaming unit C (outside the union)',
    allowed: ['ADMIN'],
    pick: root('updateOrganization'),
    snapshot: (admin, fx) => admin.data(`query($unitC: ID!) { organization(id: $unitC) { name } }`, { ...fx }),
    run: (api, fx, n) => api.request(`mutation($unitC: ID!, $name: String!) { updateOrganization(id: $unitC, input: { name: $name }) { id } }`, { ...fx, name: `Unit C ${n}` }),
  },
  {
    operation: 'Mutation.updateContest',
    scenario: 'the theme',
    allowed: ['ADMIN'],
    pick: root('updateContest'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { theme } }`, { ...fx }),
    run: (api, fx, n) => api.request(`mutation($contest: ID!, $t: String!) { updateContest(id: $contest, input: { theme: $t }) { id } }`, { ...fx, t: `Theme ${n}` }),
  },
  {
    operation: 'Mutation.createTrack',
    scenario: 'a new track',
    allowed: ['ADMIN'],
    pick: root('createTrack'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { tracks { code } } }`, { ...fx }),
    run: (api, fx, n) => api.request(`mutation($contest: ID!, $code: String!) { createTrack(input: { contestId: $contest, code: $code, name: "Track" }) { id } }`, { ...fx, code: `T${n}` }),
  },
  {
    operation: 'Mutation.updateTrack',
    scenario: 'renaming a track',
    allowed: ['ADMIN'],
    pick: root('updateTrack'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { tracks { name } } }`, { ...fx }),
    run: (api, fx, n) => api.request(`mutation($trackA: ID!, $name: String!) { updateTrack(id: $trackA, input: { name: $name }) { id } }`, { ...fx, name: `人工智能 ${n}` }),
  },
  {
    operation: 'Mutation.createMilestone',
    scenario: 'a new milestone',
    allowed: ['ADMIN'],
    pick: root('createMilestone'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { milestones { id } } }`, { ...fx }),
    run: (api, fx, n) => api.request(`mutation($contest: ID!, $t: String!) { createMilestone(input: { contestId: $contest, date: "2019-08-30", kind: PROMOTION_MEETING, title: $t }) { id } }`, { ...fx, t: `推进会 ${n}` }),
  },
  {
    operation: 'Mutation.updateMilestone',
    scenario: 'retitling a milestone',
    allowed: ['ADMIN'],
    pick: root('updateMilestone'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { milestones { title } } }`, { ...fx }),
    run: (api, fx, n) => api.request(`mutation($milestoneA: ID!, $t: String!) { updateMilestone(id: $milestoneA, input: { title: $t }) { id } }`, { ...fx, t: `启动仪式 ${n}` }),
  },
  {
    operation: 'Mutation.createTeam',
    scenario: 'a team in unit A',
    allowed: ['ADMIN', 'ORGANIZER', 'SUBMITTER'],
    pick: root('createTeam'),
    snapshot: total(`{ teams { totalCount } }`),
    run: (api, fx, n) => api.request(`mutation($unitA: ID!, $name: String!) { createTeam(input: { organizationId: $unitA, name: $name }) { id } }`, { ...fx, name: `团队 ${n}` }),
  },
  {
    operation: 'Mutation.updateTeam',
    scenario: "renaming unit A's team",
    allowed: ['ADMIN', 'ORGANIZER', 'SUBMITTER'],
    pick: root('updateTeam'),
    snapshot: (admin, fx) => admin.data(`query($teamA: ID!) { team(id: $teamA) { name } }`, { ...fx }),
    run: (api, fx, n) => api.request(`mutation($teamA: ID!, $name: String!) { updateTeam(id: $teamA, input: { name: $name }) { id } }`, { ...fx, name: `攻关团队 ${n}` }),
  },
  {
    operation: 'Mutation.enrolUnit',
    scenario: 'enrolling a new unit of the union',
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('enrolUnit'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { participations(contestId: $contest) { totalCount } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const { createOrganization } = await admin.data<{ createOrganization: { id: string } }>(
        `mutation($union: ID!, $name: String!) { createOrganization(input: { name: $name, kind: ENTERPRISE, parentId: $union }) { id } }`,
        { ...fx, name: `Enrolled ${n}` },
      );
      return api.request(`mutation($contest: ID!, $unit: ID!, $union: ID!) { enrolUnit(input: { contestId: $contest, organizationId: $unit, mobilizedById: $union }) { id } }`, {
        ...fx,
        unit: createOrganization.id,
      });
    },
  },
  {
    operation: 'Mutation.updateParticipation',
    scenario: "unit A's enrolment",
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('updateParticipation'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { participations(contestId: $contest) { nodes { id mobilizedBy { id } } } }`, { ...fx }),
    run: (api, fx) => api.request(`mutation($participationA: ID!, $union: ID!) { updateParticipation(id: $participationA, input: { mobilizedById: $union }) { id } }`, { ...fx }),
  },
  {
    operation: 'Mutation.createSubmission',
    scenario: 'a draft for unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('createSubmission'),
    snapshot: total(`{ submissions { totalCount } }`),
    run: (api, fx, n) =>
      api.request(`mutation($contest: ID!, $unitA: ID!, $title: String!) { createSubmission(input: { contestId: $contest, organizationId: $unitA, title: $title, summary: "Matrix summary text." }) { id } }`, {
        ...fx,
        title: `Matrix achievement ${n}`,
      }),
  },
  {
    operation: 'Mutation.createSubmission',
    scenario: "a draft for another unit (B)",
    allowed: ['ADMIN'],
    pick: root('createSubmission'),
    snapshot: total(`{ submissions { totalCount } }`),
    run: (api, fx, n) =>
      api.request(`mutation($contest: ID!, $unitB: ID!, $title: String!) { createSubmission(input: { contestId: $contest, organizationId: $unitB, title: $title, summary: "Matrix summary text." }) { id } }`, {
        ...fx,
        title: `Matrix achievement B ${n}`,
      }),
  },
  {
    operation: 'Mutation.updateSubmission',
    scenario: "retitling unit A's draft",
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('updateSubmission'),
    snapshot: (admin, fx) => admin.data(`query($draftA: ID!) { submission(id: $draftA) { title version } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const { submission } = await admin.data<{ submission: { version: number } }>(`query($draftA: ID!) { submission(id: $draftA) { version } }`, { ...fx });
      return api.request(`mutation($draftA: ID!, $v: Int!, $t: String!) { updateSubmission(id: $draftA, expectedVersion: $v, input: { title: $t }) { id } }`, {
        ...fx,
        v: submission.version,
        t: `Draft A retitled ${n}`,
      });
    },
  },
  {
    operation: 'Mutation.submitSubmission',
    scenario: 'submitting a complete draft of unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('submitSubmission'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { submissions(contestId: $contest, status: SUBMITTED) { totalCount } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const id = await completeDraft(admin, fx, `Complete ${n}`);
      return api.request(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { referenceNumber } }`, { id });
    },
  },
  {
    operation: 'Mutation.withdrawSubmission',
    scenario: 'withdrawing a draft of unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('withdrawSubmission'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { submissions(contestId: $contest, status: WITHDRAWN) { totalCount } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const id = await completeDraft(admin, fx, `To withdraw ${n}`);
      return api.request(`mutation($id: ID!) { withdrawSubmission(id: $id, reason: "test") { status } }`, { id });
    },
  },
  {
    operation: 'Mutation.createReviewRound',
    scenario: 'a new round',
    allowed: ['ADMIN'],
    pick: root('createReviewRound'),
    snapshot: total(`query($contest: ID!) { contest(id: $contest) { reviewRounds { id } } }`),
    run: (api, fx, n) => api.request(`mutation($contest: ID!, $order: Int!) { createReviewRound(input: { contestId: $contest, name: "Matrix", stage: EVALUATION, order: $order }) { id } }`, { ...fx, order: 2 + (n % 18) }),
  },
  {
    operation: 'Mutation.nominateHonor',
    scenario: 'a nomination',
    allowed: ['ADMIN'],
    pick: root('nominateHonor'),
    snapshot: total(`{ honors { totalCount } }`),
    run: (api, fx, n) =>
      api.request(`mutation($contest: ID!, $id: ID!) { nominateHonor(input: { contestId: $contest, awardTypeCode: "EXCELLENT_ORGANIZATION", recipientKind: ORGANIZATION, recipientId: $id, recipientName: "Matrix" }) { id } }`, {
        ...fx,
        id: `matrix-recipient-${n}`,
      }),
  },
];

describe('authorization matrix', () => {
  let graph: TestGraph;
  let fx: Fixture;
  const clients = {} as Record<Actor, GraphClient>;
  let serial = 0;

  beforeAll(async () => {
    graph = await startGraph();
    const make = new Factories(graph.gateway);
    const union = await make.organization({ kind: 'DISTRICT_UNION' });
    const unitA = await make.organization({ parentId: union.id });
    const unitB = await make.organization({ parentId: union.id });
    const unitC = await make.organization();
    const contest = await make.contest();
    await graph.gateway.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, { id: contest.id });
    const draftContest = await make.contest();
    const { createPerson } = await graph.gateway.data<{ createPerson: { id: string } }>(
      `mutation($org: ID!) { createPerson(input: { name: "李四", organizationId: $org, position: "联络员", phone: "13900000001" }) { id } }`,
      { org: unitA.id },
    );
    const contestParts = await graph.gateway.data<{ createTrack: { id: string }; createMilestone: { id: string }; enrolUnit: { id: string } }>(
      `mutation($contest: ID!, $unit: ID!, $union: ID!) {
        createTrack(input: { contestId: $contest, code: "AI", name: "人工智能" }) { id }
        createMilestone(input: { contestId: $contest, date: "2019-03-29", kind: LAUNCH, title: "启动仪式" }) { id }
        enrolUnit(input: { contestId: $contest, organizationId: $unit, mobilizedById: $union }) { id }
      }`,
      { contest: contest.id, unit: unitA.id, union: union.id },
    );
    const { createTeam } = await graph.gateway.data<{ createTeam: { id: string } }>(
      `mutation($org: ID!, $member: ID!) { createTeam(input: { organizationId: $org, name: "攻关团队", memberIds: [$member] }) { id } }`,
      { org: unitA.id, member: createPerson.id },
    );
    fx = {
      union: union.id,
      unitA: unitA.id,
      unitB: unitB.id,
      unitC: unitC.id,
      teamA: createTeam.id,
      trackA: contestParts.createTrack.id,
      milestoneA: contestParts.createMilestone.id,
      participationA: contestParts.enrolUnit.id,
      contest: contest.id,
      draftContest: draftContest.id,
      personA: createPerson.id,
      draftA: (await make.submission({ contestId: contest.id, organizationId: unitA.id })).id,
      draftB: (await make.submission({ contestId: contest.id, organizationId: unitB.id })).id,
      draftRound: (await make.reviewRound({ contestId: contest.id })).id,
      nominatedHonor: (await make.honor({ contestId: contest.id, awardTypeCode: 'MAY_DAY_AWARD', recipientKind: 'ORGANIZATION', recipientId: unitA.id, recipientName: 'A' })).id,
    };
    clients.ANONYMOUS = graph.anonymous;
    clients.ADMIN = graph.gateway;
    clients.ORGANIZER = await graph.as('ORGANIZER', { org: fx.union });
    clients.SUBMITTER = await graph.as('SUBMITTER', { org: fx.unitA, sub: fx.personA });
    clients.EXPERT = await graph.as('EXPERT', { expert: 'expert-1' });
    clients.ANALYST = await graph.as('ANALYST');
    clients.AGENCY = await graph.as('AGENCY');
  });
  afterAll(() => graph?.stop());

  it('covers every query and mutation of the graph, and nothing that is not in it', () => {
    const schema = apiSchema(readSupergraph());
    const operations = (type: GraphQLObjectType | null | undefined, prefix: string) => Object.keys(type?.getFields() ?? {}).map((f) => `${prefix}.${f}`);
    const inSchema = [...operations(schema.getQueryType(), 'Query'), ...operations(schema.getMutationType(), 'Mutation')].sort();
    const inTable = [...new Set(TABLE.map((r) => r.operation))].sort();
    expect(inTable).toEqual(inSchema);
  });

  // Denied actors go first, so a mutation's refusals are checked against an untouched state.
  const order = (row: Row) => [...ACTORS.filter((a) => !row.allowed.includes(a)), ...ACTORS.filter((a) => row.allowed.includes(a))];

  describe.each(TABLE.map((row) => [`${row.operation} — ${row.scenario}`, row] as const))('%s', (_title, row) => {
    it.each(order(row).map((actor) => [actor, row.allowed.includes(actor) ? 'allowed' : 'denied'] as const))('%s: %s', async (actor, verdict) => {
      const before = verdict === 'denied' && row.snapshot ? await row.snapshot(graph.gateway, fx) : undefined;
      const result = await row.run(clients[actor], fx, ++serial, graph.gateway);
      const codes = (result.errors ?? []).map((e) => e.extensions?.code);
      if (verdict === 'allowed') {
        expect(codes).toEqual([]);
        expect(row.pick(result.data)).not.toBeNull();
      } else {
        expect(codes).toContain('FORBIDDEN');
        expect(row.pick(result.data)).toBeNull();
        expect(JSON.stringify(result.errors)).not.toMatch(/exists|draft|DRAFT/);
        if (row.snapshot) expect(await row.snapshot(graph.gateway, fx)).toEqual(before);
      }
    });
  });
});
