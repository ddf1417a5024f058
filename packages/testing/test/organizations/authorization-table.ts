import { ALL, type Row, SIGNED_IN, root, total } from '../gateway/authorization-matrix';
import { NOTICES_TABLE } from './notices-authorization-table';
import { NOTIFICATIONS_TABLE } from './notifications-authorization-table';

/**
 * The authorization rows of the operations the organizations subgraph serves: organizations, people,
 * teams, contests with their tracks and milestones, and enrolment.
 */
export const ORGANIZATIONS_TABLE: Row[] = [
  {
    operation: 'Query.organization',
    scenario: 'a unit',
    allowed: ALL,
    pick: root('organization'),
    run: (api, fx) => api.request(`query($unitA: ID!) { organization(id: $unitA) { name } }`, { ...fx }),
  },
  {
    operation: 'Query.organizations',
    scenario: 'the list',
    allowed: ALL,
    pick: root('organizations'),
    run: (api) => api.request(`{ organizations { totalCount } }`),
  },
  {
    operation: 'Query.contest',
    scenario: 'an open contest',
    allowed: ALL,
    pick: root('contest'),
    run: (api, fx) => api.request(`query($contest: ID!) { contest(id: $contest) { name } }`, { ...fx }),
  },
  {
    operation: 'Query.contest',
    scenario: 'a draft contest',
    allowed: ['ADMIN', 'ANALYST'],
    pick: root('contest'),
    run: (api, fx) => api.request(`query($draftContest: ID!) { contest(id: $draftContest) { name } }`, { ...fx }),
  },
  {
    operation: 'Query.contests',
    scenario: 'the list (drafts hidden from the public)',
    allowed: ALL,
    pick: root('contests'),
    run: (api) => api.request(`{ contests { totalCount } }`),
  },
  {
    operation: 'Query.person',
    scenario: 'name and position',
    allowed: SIGNED_IN,
    pick: root('person'),
    run: (api, fx) => api.request(`query($personA: ID!) { person(id: $personA) { name position } }`, { ...fx }),
  },
  {
    operation: 'Query.person',
    scenario: 'contact data (the office and the person only)',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: (d) => (d?.person as { phone?: string } | null)?.phone ?? null,
    run: (api, fx) => api.request(`query($personA: ID!) { person(id: $personA) { name phone email } }`, { ...fx }),
  },
  {
    operation: 'Query.people',
    scenario: 'the list',
    allowed: SIGNED_IN,
    pick: root('people'),
    run: (api) => api.request(`{ people { totalCount } }`),
  },
  {
    operation: 'Query.team',
    scenario: "unit A's team",
    allowed: SIGNED_IN,
    pick: root('team'),
    run: (api, fx) => api.request(`query($teamA: ID!) { team(id: $teamA) { name members { name } } }`, { ...fx }),
  },
  {
    operation: 'Query.teams',
    scenario: 'the list',
    allowed: SIGNED_IN,
    pick: root('teams'),
    run: (api) => api.request(`{ teams { totalCount } }`),
  },
  {
    operation: 'Query.participations',
    scenario: 'the units of an open contest',
    allowed: ALL,
    pick: root('participations'),
    run: (api, fx) =>
      api.request(
        `query($contest: ID!) { participations(contestId: $contest) { totalCount nodes { organization { name } mobilizedBy { name } } } }`,
        { ...fx },
      ),
  },
  {
    operation: 'Mutation.createOrganization',
    scenario: 'a new unit',
    allowed: ['ADMIN'],
    pick: root('createOrganization'),
    snapshot: total(`{ organizations { totalCount } }`),
    run: (api, _fx, n) =>
      api.request(`mutation($name: String!) { createOrganization(input: { name: $name, kind: ENTERPRISE }) { id } }`, {
        name: `Matrix unit ${n}`,
      }),
  },
  {
    operation: 'Mutation.createOrganizations',
    scenario: 'a list of one new unit',
    allowed: ['ADMIN'],
    pick: root('createOrganizations'),
    snapshot: total(`{ organizations { totalCount } }`),
    run: (api, _fx, n) =>
      api.request(`mutation($name: String!) { createOrganizations(inputs: [{ name: $name, kind: ENTERPRISE }]) { id } }`, {
        name: `Matrix units ${n}`,
      }),
  },
  {
    operation: 'Mutation.createContest',
    scenario: 'a new contest',
    allowed: ['ADMIN'],
    pick: root('createContest'),
    snapshot: total(`{ contests { totalCount } }`),
    run: (api, _fx, n) =>
      api.request(`mutation($code: String!) { createContest(input: { code: $code, name: "Matrix", year: 2019 }) { id } }`, {
        code: `matrix-${n}`,
      }),
  },
  {
    operation: 'Mutation.changeContestStatus',
    scenario: 'opening the draft contest',
    allowed: ['ADMIN'],
    pick: root('changeContestStatus'),
    snapshot: (admin, fx) => admin.data(`query($draftContest: ID!) { contest(id: $draftContest) { status } }`, { ...fx }),
    // The one allowed call happens last (ADMIN is after the denied actors in the run order below).
    run: (api, fx) =>
      api.request(`mutation($draftContest: ID!) { changeContestStatus(id: $draftContest, status: OPEN_FOR_SUBMISSIONS) { status } }`, {
        ...fx,
      }),
  },
  {
    operation: 'Mutation.createPerson',
    scenario: 'a contact in unit A (inside the union)',
    allowed: ['ADMIN', 'ORGANIZER', 'SUBMITTER'],
    pick: root('createPerson'),
    snapshot: total(`{ people { totalCount } }`),
    run: (api, fx, n) =>
      api.request(`mutation($unitA: ID!, $name: String!) { createPerson(input: { name: $name, organizationId: $unitA }) { id } }`, {
        ...fx,
        name: `联系人${n}`,
      }),
  },
  {
    operation: 'Mutation.createPerson',
    scenario: 'a contact in unit C (outside the union)',
    allowed: ['ADMIN'],
    pick: root('createPerson'),
    snapshot: total(`{ people { totalCount } }`),
    run: (api, fx, n) =>
      api.request(`mutation($unitC: ID!, $name: String!) { createPerson(input: { name: $name, organizationId: $unitC }) { id } }`, {
        ...fx,
        name: `外部${n}`,
      }),
  },
  {
    operation: 'Mutation.createPeople',
    scenario: 'a list of one contact in unit A (inside the union)',
    allowed: ['ADMIN', 'ORGANIZER', 'SUBMITTER'],
    pick: root('createPeople'),
    snapshot: total(`{ people { totalCount } }`),
    run: (api, fx, n) =>
      api.request(`mutation($unitA: ID!, $name: String!) { createPeople(inputs: [{ name: $name, organizationId: $unitA }]) { id } }`, {
        ...fx,
        name: `名单联系人${n}`,
      }),
  },
  {
    operation: 'Mutation.updatePerson',
    scenario: "the position of unit A's contact",
    allowed: ['ADMIN', 'ORGANIZER', 'SUBMITTER'],
    pick: root('updatePerson'),
    snapshot: (admin, fx) => admin.data(`query($personA: ID!) { person(id: $personA) { position } }`, { ...fx }),
    run: (api, fx, n) =>
      api.request(`mutation($personA: ID!, $p: String!) { updatePerson(id: $personA, input: { position: $p }) { id } }`, {
        ...fx,
        p: `岗位${n}`,
      }),
  },
  {
    operation: 'Mutation.updateOrganization',
    scenario: 'renaming unit A (inside the union)',
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('updateOrganization'),
    snapshot: (admin, fx) => admin.data(`query($unitA: ID!) { organization(id: $unitA) { name } }`, { ...fx }),
    run: (api, fx, n) =>
      api.request(`mutation($unitA: ID!, $name: String!) { updateOrganization(id: $unitA, input: { name: $name }) { id } }`, {
        ...fx,
        name: `Unit A ${n}`,
      }),
  },
  {
    operation: 'Mutation.updateOrganization',
    scenario: 'renaming unit C (outside the union)',
    allowed: ['ADMIN'],
    pick: root('updateOrganization'),
    snapshot: (admin, fx) => admin.data(`query($unitC: ID!) { organization(id: $unitC) { name } }`, { ...fx }),
    run: (api, fx, n) =>
      api.request(`mutation($unitC: ID!, $name: String!) { updateOrganization(id: $unitC, input: { name: $name }) { id } }`, {
        ...fx,
        name: `Unit C ${n}`,
      }),
  },
  {
    operation: 'Mutation.updateContest',
    scenario: 'the theme',
    allowed: ['ADMIN'],
    pick: root('updateContest'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { theme } }`, { ...fx }),
    run: (api, fx, n) =>
      api.request(`mutation($contest: ID!, $t: String!) { updateContest(id: $contest, input: { theme: $t }) { id } }`, {
        ...fx,
        t: `Theme ${n}`,
      }),
  },
  {
    operation: 'Mutation.createTrack',
    scenario: 'a new track',
    allowed: ['ADMIN'],
    pick: root('createTrack'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { tracks { code } } }`, { ...fx }),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $code: String!) { createTrack(input: { contestId: $contest, code: $code, name: "Track" }) { id } }`,
        { ...fx, code: `T${n}` },
      ),
  },
  {
    operation: 'Mutation.updateTrack',
    scenario: 'renaming a track',
    allowed: ['ADMIN'],
    pick: root('updateTrack'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { tracks { name } } }`, { ...fx }),
    run: (api, fx, n) =>
      api.request(`mutation($trackA: ID!, $name: String!) { updateTrack(id: $trackA, input: { name: $name }) { id } }`, {
        ...fx,
        name: `人工智能 ${n}`,
      }),
  },
  {
    operation: 'Mutation.createMilestone',
    scenario: 'a new milestone',
    allowed: ['ADMIN'],
    pick: root('createMilestone'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { milestones { id } } }`, { ...fx }),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $t: String!) { createMilestone(input: { contestId: $contest, date: "2019-08-30", kind: PROMOTION_MEETING, title: $t }) { id } }`,
        { ...fx, t: `推进会 ${n}` },
      ),
  },
  {
    operation: 'Mutation.updateMilestone',
    scenario: 'retitling a milestone',
    allowed: ['ADMIN'],
    pick: root('updateMilestone'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { contest(id: $contest) { milestones { title } } }`, { ...fx }),
    run: (api, fx, n) =>
      api.request(`mutation($milestoneA: ID!, $t: String!) { updateMilestone(id: $milestoneA, input: { title: $t }) { id } }`, {
        ...fx,
        t: `启动仪式 ${n}`,
      }),
  },
  {
    operation: 'Mutation.createTeam',
    scenario: 'a team in unit A',
    allowed: ['ADMIN', 'ORGANIZER', 'SUBMITTER'],
    pick: root('createTeam'),
    snapshot: total(`{ teams { totalCount } }`),
    run: (api, fx, n) =>
      api.request(`mutation($unitA: ID!, $name: String!) { createTeam(input: { organizationId: $unitA, name: $name }) { id } }`, {
        ...fx,
        name: `团队 ${n}`,
      }),
  },
  {
    operation: 'Mutation.updateTeam',
    scenario: "renaming unit A's team",
    allowed: ['ADMIN', 'ORGANIZER', 'SUBMITTER'],
    pick: root('updateTeam'),
    snapshot: (admin, fx) => admin.data(`query($teamA: ID!) { team(id: $teamA) { name } }`, { ...fx }),
    run: (api, fx, n) =>
      api.request(`mutation($teamA: ID!, $name: String!) { updateTeam(id: $teamA, input: { name: $name }) { id } }`, {
        ...fx,
        name: `攻关团队 ${n}`,
      }),
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
      return api.request(
        `mutation($contest: ID!, $unit: ID!, $union: ID!) { enrolUnit(input: { contestId: $contest, organizationId: $unit, mobilizedById: $union }) { id } }`,
        {
          ...fx,
          unit: createOrganization.id,
        },
      );
    },
  },
  {
    operation: 'Mutation.enrolUnits',
    scenario: 'a list of one new unit of the union',
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('enrolUnits'),
    snapshot: (admin, fx) => admin.data(`query($contest: ID!) { participations(contestId: $contest) { totalCount } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const { createOrganization } = await admin.data<{ createOrganization: { id: string } }>(
        `mutation($union: ID!, $name: String!) { createOrganization(input: { name: $name, kind: ENTERPRISE, parentId: $union }) { id } }`,
        { ...fx, name: `Listed ${n}` },
      );
      return api.request(
        `mutation($contest: ID!, $unit: ID!, $union: ID!) { enrolUnits(inputs: [{ contestId: $contest, organizationId: $unit, mobilizedById: $union }]) { id } }`,
        { ...fx, unit: createOrganization.id },
      );
    },
  },
  {
    operation: 'Mutation.updateParticipation',
    scenario: "unit A's enrolment",
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('updateParticipation'),
    snapshot: (admin, fx) =>
      admin.data(`query($contest: ID!) { participations(contestId: $contest) { nodes { id mobilizedBy { id } } } }`, { ...fx }),
    run: (api, fx) =>
      api.request(
        `mutation($participationA: ID!, $union: ID!) { updateParticipation(id: $participationA, input: { mobilizedById: $union }) { id } }`,
        { ...fx },
      ),
  },
  ...NOTICES_TABLE,
  ...NOTIFICATIONS_TABLE,
];
