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
  run(api: GraphClient, fx: Fixture, n: number): Promise<GraphResponse<Record<string, unknown>>>;
  /** The value that must be present when allowed and absent when denied. */
  pick: (data: Record<string, unknown> | null | undefined) => unknown;
  /** For mutations: counts what a denied call must not have written. */
  count?: (admin: GraphClient, fx: Fixture) => Promise<number>;
}

const root = (field: string) => (data: Record<string, unknown> | null | undefined) => data?.[field] ?? null;
const total = (query: string) => async (admin: GraphClient, fx: Fixture) => {
  const data = await admin.data<Record<string, { totalCount?: number; reviewRounds?: unknown[] }>>(query, { ...fx });
  const value = Object.values(data)[0]!;
  return value.totalCount ?? value.reviewRounds?.length ?? 0;
};

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
  { operation: 'Query.submission', scenario: "unit A's draft", allowed: ['ADMIN', 'ANALYST', 'SUBMITTER'], pick: root('submission'), run: (api, fx) => api.request(`query($draftA: ID!) { submission(id: $draftA) { title } }`, { ...fx }) },
  { operation: 'Query.submission', scenario: "unit B's draft", allowed: ['ADMIN', 'ANALYST'], pick: root('submission'), run: (api, fx) => api.request(`query($draftB: ID!) { submission(id: $draftB) { title } }`, { ...fx }) },
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
    count: total(`{ organizations { totalCount } }`),
    run: (api, _fx, n) => api.request(`mutation($name: String!) { createOrganization(input: { name: $name, kind: ENTERPRISE }) { id } }`, { name: `Matrix unit ${n}` }),
  },
  {
    operation: 'Mutation.createContest',
    scenario: 'a new contest',
    allowed: ['ADMIN'],
    pick: root('createContest'),
    count: total(`{ contests { totalCount } }`),
    run: (api, _fx, n) => api.request(`mutation($code: String!) { createContest(input: { code: $code, name: "Matrix", year: 2019 }) { id } }`, { code: `matrix-${n}` }),
  },
  {
    operation: 'Mutation.changeContestStatus',
    scenario: 'opening the draft contest',
    allowed: ['ADMIN'],
    pick: root('changeContestStatus'),
    count: async (admin, fx) =>
      (await admin.data<{ contest: { status: string } }>(`query($draftContest: ID!) { contest(id: $draftContest) { status } }`, { ...fx })).contest.status === 'DRAFT' ? 0 : 1,
    // The one allowed call happens last (ADMIN is after the denied actors in the run order below).
    run: (api, fx) => api.request(`mutation($draftContest: ID!) { changeContestStatus(id: $draftContest, status: OPEN_FOR_SUBMISSIONS) { status } }`, { ...fx }),
  },
  {
    operation: 'Mutation.createPerson',
    scenario: 'a new contact',
    allowed: ['ADMIN'],
    pick: root('createPerson'),
    count: total(`{ people { totalCount } }`),
    run: (api, fx, n) => api.request(`mutation($unitA: ID!, $name: String!) { createPerson(input: { name: $name, organizationId: $unitA }) { id } }`, { ...fx, name: `联系人${n}` }),
  },
  {
    operation: 'Mutation.createSubmission',
    scenario: 'a draft for unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('createSubmission'),
    count: total(`{ submissions { totalCount } }`),
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
    count: total(`{ submissions { totalCount } }`),
    run: (api, fx, n) =>
      api.request(`mutation($contest: ID!, $unitB: ID!, $title: String!) { createSubmission(input: { contestId: $contest, organizationId: $unitB, title: $title, summary: "Matrix summary text." }) { id } }`, {
        ...fx,
        title: `Matrix achievement B ${n}`,
      }),
  },
  {
    operation: 'Mutation.createReviewRound',
    scenario: 'a new round',
    allowed: ['ADMIN'],
    pick: root('createReviewRound'),
    count: total(`query($contest: ID!) { contest(id: $contest) { reviewRounds { id } } }`),
    run: (api, fx, n) => api.request(`mutation($contest: ID!, $order: Int!) { createReviewRound(input: { contestId: $contest, name: "Matrix", stage: EVALUATION, order: $order }) { id } }`, { ...fx, order: 2 + (n % 18) }),
  },
  {
    operation: 'Mutation.nominateHonor',
    scenario: 'a nomination',
    allowed: ['ADMIN'],
    pick: root('nominateHonor'),
    count: total(`{ honors { totalCount } }`),
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
    const contest = await make.contest();
    await graph.gateway.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, { id: contest.id });
    const draftContest = await make.contest();
    const { createPerson } = await graph.gateway.data<{ createPerson: { id: string } }>(
      `mutation($org: ID!) { createPerson(input: { name: "李四", organizationId: $org, position: "联络员", phone: "13900000001" }) { id } }`,
      { org: unitA.id },
    );
    fx = {
      union: union.id,
      unitA: unitA.id,
      unitB: unitB.id,
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
      const before = verdict === 'denied' && row.count ? await row.count(graph.gateway, fx) : undefined;
      const result = await row.run(clients[actor], fx, ++serial);
      const codes = (result.errors ?? []).map((e) => e.extensions?.code);
      if (verdict === 'allowed') {
        expect(codes).toEqual([]);
        expect(row.pick(result.data)).not.toBeNull();
      } else {
        expect(codes).toContain('FORBIDDEN');
        expect(row.pick(result.data)).toBeNull();
        expect(JSON.stringify(result.errors)).not.toMatch(/exists|draft|DRAFT/);
        if (row.count) expect(await row.count(graph.gateway, fx)).toBe(before);
      }
    });
  });
});
