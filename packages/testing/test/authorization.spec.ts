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

interface Fixture extends ReviewFixture, HonorsFixture {
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

/** What the honors rows work on (see honorsFixture): honors of the open contest in each state a transition starts from. */
interface HonorsFixture {
  honorToPropose: string;
  honorToAnnounce: string;
  /** Announced in 2019: its window has long closed. */
  honorToConfer: string;
  honorToWithdraw: string;
  honorToRevoke: string;
  /** Announced now: its window is open. */
  honorToObject: string;
  /** An open objection to another honor announced now. */
  objectionToResolve: string;
  honorWithObjection: string;
  /** A FINALIZED final round that found one entry EXCELLENT, in a contest of its own with a quota for it. */
  excellentRound: string;
  excellentContest: string;
  /** An unverified prior honor of unit A's draft. */
  priorHonor: string;
  /** A holiday in 2031, for removing. */
  calendarDay: string;
}

/** What the review rows work on (see reviewFixture). */
interface ReviewFixture {
  /** The EXPERT actor: a person of unit C and its profile in the pool; and another expert of unit C. */
  personMe: string;
  expertMe: string;
  expertOther: string;
  /** An OPEN screening round and its entries. */
  openRound: string;
  /** Assigned to the EXPERT actor. */
  entryMine: string;
  /** Assigned to the other expert only. */
  entryOther: string;
  /** Nobody assigned: for assigning the other expert by hand. */
  entryToAssign: string;
  /** The other expert assigned: for removing the assignment. */
  entryToUnassign: string;
  /** Entries of the open round an expert steps back from, one per allowed call (see standingAssignment). */
  declineMine: string[];
  declineOther: string[];
  conflictMine: string[];
  conflictOther: string[];
  /** A CLOSED evaluation round with a quota group AI, and one of its entries. */
  closedRound: string;
  closedEntry: string;
  /** A FINALIZED, unpublished screening round, and the DRAFT round after it in the same contest. */
  finalizedRound: string;
  intakeRound: string;
  /** A DRAFT final round with a review date, entries and one panel (track AI); its contest's second track has none. */
  panelRound: string;
  panelA: string;
  uncoveredTrack: string;
  /** A DRAFT screening round with its entries taken in, ready to open. */
  readyRound: string;
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

/** A contest open for submissions, with tracks, unit A enrolled and one SUBMITTED submission of unit A per title. */
async function reviewContest(
  make: Factories,
  admin: GraphClient,
  fx: Pick<Fixture, 'unitA' | 'union' | 'personA'>,
  titles: string[],
  trackCodes = ['AI'],
) {
  const contest = await make.contest();
  await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, { id: contest.id });
  const tracks: string[] = [];
  for (const code of trackCodes) {
    const { createTrack } = await admin.data<{ createTrack: { id: string } }>(
      `mutation($contest: ID!, $code: String!) { createTrack(input: { contestId: $contest, code: $code, name: $code }) { id } }`,
      {
        contest: contest.id,
        code,
      },
    );
    tracks.push(createTrack.id);
  }
  await admin.data(
    `mutation($contest: ID!, $unit: ID!, $union: ID!) { enrolUnit(input: { contestId: $contest, organizationId: $unit, mobilizedById: $union }) { id } }`,
    {
      contest: contest.id,
      unit: fx.unitA,
      union: fx.union,
    },
  );
  for (const title of titles) {
    const { createSubmission } = await admin.data<{ createSubmission: { id: string } }>(
      `mutation($contest: ID!, $unit: ID!, $track: ID!, $leader: ID!, $title: String!) {
        createSubmission(input: { contestId: $contest, organizationId: $unit, trackId: $track, leaderId: $leader, title: $title,
          summary: "An entry for review.", achievementKind: PRODUCT, keywords: ["AI"], applicationEffect: "Used widely." }) { id }
      }`,
      { contest: contest.id, unit: fx.unitA, track: tracks[0], leader: fx.personA, title },
    );
    await admin.data(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { id } }`, { id: createSubmission.id });
  }
  return { contest: contest.id, tracks };
}

/** Creates a round of the contest with these settings, takes its entries in and returns their ids by title. */
async function roundWithEntries(
  admin: GraphClient,
  input: Record<string, unknown>,
): Promise<{ round: string; entries: Record<string, string> }> {
  const { createReviewRound } = await admin.data<{ createReviewRound: { id: string } }>(
    `mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`,
    { input },
  );
  const round = createReviewRound.id;
  await admin.data(`mutation($round: ID!) { takeEntries(roundId: $round) { taken } }`, { round });
  const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: { id: string; title: string }[] } } }>(
    `query($round: ID!) { reviewRound(id: $round) { entries(first: 100) { nodes { id title } } } }`,
    { round },
  );
  return { round, entries: Object.fromEntries(reviewRound.entries.nodes.map((e) => [e.title, e.id])) };
}

const moveRound = (admin: GraphClient, id: string, status: string) =>
  admin.data(`mutation($id: ID!, $status: RoundStatus!) { changeReviewRoundStatus(id: $id, status: $status) { status } }`, { id, status });

const assignBy = async (admin: GraphClient, entry: string, expert: string): Promise<string> =>
  (
    await admin.data<{ assignExpert: { id: string } }>(
      `mutation($entry: ID!, $expert: ID!) { assignExpert(entryId: $entry, expertId: $expert) { id } }`,
      { entry, expert },
    )
  ).assignExpert.id;

/** The expert's assignments on an entry, as the office sees them. */
async function assignmentsOn(admin: GraphClient, entry: string, expert: string): Promise<{ id: string; status: string }[]> {
  const data = await admin.data<{ entry: { assignments: { nodes: { id: string; status: string }[] } } }>(
    `query($entry: ID!, $expert: ID!) { entry(id: $entry) { assignments(expertId: $expert) { nodes { id status } } } }`,
    { entry, expert },
  );
  return data.entry.assignments.nodes;
}

/**
 * An ASSIGNED assignment of the expert on the first entry of the pool it has not stepped back
 * from, assigned by the office when there is none yet. A refused call leaves it standing for
 * the next actor; an allowed one uses it up, and the next call moves on to the next entry.
 */
async function standingAssignment(admin: GraphClient, pool: string[], expert: string): Promise<string> {
  for (const entry of pool) {
    const [current] = await assignmentsOn(admin, entry, expert);
    if (!current) return assignBy(admin, entry, expert);
    if (current.status === 'ASSIGNED') return current.id;
  }
  throw new Error('every entry of the pool is used up; give it more entries');
}

const assignmentsWith = (status: string) => (admin: GraphClient, fx: Fixture) =>
  admin.data(
    `query($openRound: ID!, $status: AssignmentStatus!) { reviewRound(id: $openRound) { assignments(status: $status, first: 100) { nodes { id } } } }`,
    {
      openRound: fx.openRound,
      status,
    },
  );

/**
 * The review side of the fixture: two experts of unit C (no conflict with unit A's entries)
 * and rounds in each state the review mutations need, each in a contest of its own so that
 * every one can be a first round.
 */
async function reviewFixture(
  make: Factories,
  admin: GraphClient,
  fx: Pick<Fixture, 'unitA' | 'unitC' | 'union' | 'personA'>,
): Promise<ReviewFixture> {
  const expert = async (name: string) => {
    const { createPerson } = await admin.data<{ createPerson: { id: string } }>(
      `mutation($org: ID!, $name: String!) { createPerson(input: { name: $name, organizationId: $org }) { id } }`,
      {
        org: fx.unitC,
        name,
      },
    );
    const { createExpert } = await admin.data<{ createExpert: { id: string } }>(
      `mutation($person: ID!) { createExpert(input: { personId: $person, title: PROFESSOR, expertise: ["AI"] }) { id } }`,
      { person: createPerson.id },
    );
    return { person: createPerson.id, expert: createExpert.id };
  };
  const me = await expert('王教授');
  const other = await expert('赵研究员');
  const pool = (prefix: string, size: number) => Array.from({ length: size }, (_, i) => `${prefix} ${i + 1}`);

  // An OPEN screening round: the EXPERT actor's entry, the other expert's, and entries to assign, remove and step back from.
  const stepBack = {
    declineMine: pool('Decline mine', 3),
    declineOther: pool('Decline other', 2),
    conflictMine: pool('Conflict mine', 3),
    conflictOther: pool('Conflict other', 2),
  };
  const open = await reviewContest(make, admin, fx, ['Mine', 'Other', 'To assign', 'To unassign', ...Object.values(stepBack).flat()]);
  const r1 = await roundWithEntries(admin, { contestId: open.contest, name: 'Screening', stage: 'SCREENING', order: 1 });
  await assignBy(admin, r1.entries['Mine']!, me.expert);
  await assignBy(admin, r1.entries['Other']!, other.expert);
  await assignBy(admin, r1.entries['To unassign']!, other.expert);
  await moveRound(admin, r1.round, 'OPEN');
  const ids = (titles: string[]) => titles.map((t) => r1.entries[t]!);

  // A CLOSED evaluation round whose track AI competes for one place.
  const closed = await reviewContest(make, admin, fx, ['Closed 1', 'Closed 2']);
  const r2 = await roundWithEntries(admin, {
    contestId: closed.contest,
    name: 'Evaluation',
    stage: 'EVALUATION',
    order: 1,
    quotaGroups: [{ code: 'AI', trackIds: [closed.tracks[0]], quota: 1 }],
  });
  await moveRound(admin, r2.round, 'OPEN');
  await moveRound(admin, r2.round, 'CLOSED');

  // A FINALIZED screening round (its entry advanced by the office), and the DRAFT round after it.
  const finalized = await reviewContest(make, admin, fx, ['Advanced']);
  const r3 = await roundWithEntries(admin, { contestId: finalized.contest, name: 'Screening', stage: 'SCREENING', order: 1 });
  await moveRound(admin, r3.round, 'OPEN');
  await moveRound(admin, r3.round, 'CLOSED');
  await admin.data(
    `mutation($round: ID!, $entry: ID!) { overrideRoundResult(roundId: $round, entryId: $entry, outcome: ADVANCE, reason: "Recommended by the district") { id } }`,
    {
      round: r3.round,
      entry: r3.entries['Advanced'],
    },
  );
  await moveRound(admin, r3.round, 'FINALIZED');
  const { createReviewRound: intake } = await admin.data<{ createReviewRound: { id: string } }>(
    `mutation($contest: ID!) { createReviewRound(input: { contestId: $contest, name: "Evaluation", stage: EVALUATION, order: 2 }) { id } }`,
    { contest: finalized.contest },
  );

  // A DRAFT final round with a review date and a panel for track AI; track BIO has none yet.
  const final = await reviewContest(make, admin, fx, ['Final 1', 'Final 2'], ['AI', 'BIO']);
  const finalRound = await roundWithEntries(admin, {
    contestId: final.contest,
    name: 'Final',
    stage: 'FINAL',
    order: 1,
    reviewDate: '2019-10-24',
  });
  const { createPanel } = await admin.data<{ createPanel: { id: string } }>(
    `mutation($round: ID!, $track: ID!, $chair: ID!) { createPanel(input: { roundId: $round, name: "人工智能组", trackIds: [$track], chairId: $chair, memberIds: [$chair] }) { id } }`,
    { round: finalRound.round, track: final.tracks[0], chair: other.expert },
  );

  // A DRAFT screening round with its entries taken in, nobody assigned yet.
  const ready = await reviewContest(make, admin, fx, ['Ready 1', 'Ready 2']);
  const readyRound = await roundWithEntries(admin, { contestId: ready.contest, name: 'Screening', stage: 'SCREENING', order: 1 });

  return {
    personMe: me.person,
    expertMe: me.expert,
    expertOther: other.expert,
    openRound: r1.round,
    entryMine: r1.entries['Mine']!,
    entryOther: r1.entries['Other']!,
    entryToAssign: r1.entries['To assign']!,
    entryToUnassign: r1.entries['To unassign']!,
    declineMine: ids(stepBack.declineMine),
    declineOther: ids(stepBack.declineOther),
    conflictMine: ids(stepBack.conflictMine),
    conflictOther: ids(stepBack.conflictOther),
    closedRound: r2.round,
    closedEntry: r2.entries['Closed 1']!,
    finalizedRound: r3.round,
    intakeRound: intake.id,
    panelRound: finalRound.round,
    panelA: createPanel.id,
    uncoveredTrack: final.tracks[1]!,
    readyRound: readyRound.round,
  };
}

/**
 * The honors side of the fixture: in the open contest, one honor per transition to try,
 * each in the state that transition starts from, and the records the other honors
 * operations act on. Every allowed call is the office's, which runs last.
 */
async function honorsFixture(
  make: Factories,
  admin: GraphClient,
  setNow: (at: Date | null) => void,
  fx: Pick<Fixture, 'contest' | 'union' | 'unitA' | 'personA' | 'draftA'>,
): Promise<HonorsFixture> {
  const ids = (data: { [op: string]: { id: string }[] }) => Object.values(data)[0]!.map((h) => h.id);
  const nominee = async () => {
    const { id } = await make.organization({ parentId: fx.union });
    return (await make.honor({ contestId: fx.contest, awardTypeCode: 'MAY_DAY_AWARD', recipientKind: 'ORGANIZATION', recipientId: id })).id;
  };
  const propose = async (id: string) => ids(await admin.data(`mutation($id: ID!) { proposeHonors(ids: [$id]) { id } }`, { id }));
  const announce = async (id: string) => ids(await admin.data(`mutation($id: ID!) { announceHonors(ids: [$id]) { id } }`, { id }));
  const [honorToPropose, honorToAnnounce, honorToConfer, honorToWithdraw, honorToRevoke, honorToObject, honorWithObjection] = [
    await nominee(),
    await nominee(),
    await nominee(),
    await nominee(),
    await nominee(),
    await nominee(),
    await nominee(),
  ] as [string, string, string, string, string, string, string];
  for (const id of [honorToAnnounce, honorToConfer, honorToRevoke, honorToObject, honorWithObjection]) await propose(id);
  try {
    setNow(new Date('2019-11-29T02:00:00Z'));
    await announce(honorToConfer);
    await announce(honorToRevoke);
    setNow(new Date('2019-12-09T02:00:00Z'));
    await admin.data(
      `mutation($id: ID!) { conferHonors(ids: [$id], input: { decisionNumber: "沪工总〔2020〕1号", conferredOn: "2020-01-15" }) { id } }`,
      { id: honorToRevoke },
    );
  } finally {
    setNow(null);
  }
  await announce(honorToObject);
  await announce(honorWithObjection);
  const { fileObjection } = await admin.data<{ fileObjection: { id: string } }>(
    `mutation($id: ID!) { fileObjection(input: { honorId: $id, text: "对公示对象的事迹材料有疑问，请核实。", contact: "021-00000000" }) { id } }`,
    { id: honorWithObjection },
  );

  // A final round that found one entry EXCELLENT.
  const final = await reviewContest(make, admin, fx, ['Excellent']);
  const round = await roundWithEntries(admin, { contestId: final.contest, name: 'Final', stage: 'FINAL', order: 1, threshold: 75 });
  await moveRound(admin, round.round, 'OPEN');
  await moveRound(admin, round.round, 'CLOSED');
  await admin.data(
    `mutation($round: ID!, $entry: ID!) { overrideRoundResult(roundId: $round, entryId: $entry, outcome: ADVANCE, reason: "终评会议决定") { id } }`,
    {
      round: round.round,
      entry: round.entries['Excellent'],
    },
  );
  await moveRound(admin, round.round, 'FINALIZED');
  await admin.data(`mutation($c: ID!) { setAwardQuota(contestId: $c, awardTypeCode: "EXCELLENT_ACHIEVEMENT", quota: 5) { id } }`, {
    c: final.contest,
  });

  const { recordPriorHonor } = await admin.data<{ recordPriorHonor: { id: string } }>(
    `mutation($s: ID!) { recordPriorHonor(input: { submissionId: $s, level: MUNICIPAL, name: "上海市科技进步奖三等奖", issuer: "上海市人民政府", year: 2018 }) { id } }`,
    { s: fx.draftA },
  );
  const { setCalendarDay } = await admin.data<{ setCalendarDay: { date: string } }>(
    `mutation { setCalendarDay(date: "2031-01-02", kind: HOLIDAY, name: "元旦调休") { date } }`,
  );
  return {
    honorToPropose,
    honorToAnnounce,
    honorToConfer,
    honorToWithdraw,
    honorToRevoke,
    honorToObject,
    honorWithObjection,
    objectionToResolve: fileObjection.id,
    excellentRound: round.round,
    excellentContest: final.contest,
    priorHonor: recordPriorHonor.id,
    calendarDay: setCalendarDay.date,
  };
}

const honorStatus = (key: keyof HonorsFixture) => (admin: GraphClient, fx: Fixture) =>
  admin.data(`query($id: ID!) { honor(id: $id) { status } }`, { id: fx[key] });
const priorHonorsOf = (key: 'draftA' | 'draftB') => (admin: GraphClient, fx: Fixture) =>
  admin.data(`query($id: ID!) { submission(id: $id) { priorHonors { id verified } } }`, { id: fx[key] });

const TABLE: Row[] = [
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
    operation: 'Query.submission',
    scenario: "unit A's draft (its submitter; the union that mobilized it)",
    allowed: ['ADMIN', 'ANALYST', 'SUBMITTER', 'ORGANIZER'],
    pick: root('submission'),
    run: (api, fx) => api.request(`query($draftA: ID!) { submission(id: $draftA) { title } }`, { ...fx }),
  },
  {
    operation: 'Query.submission',
    scenario: "unit B's draft",
    allowed: ['ADMIN', 'ANALYST', 'ORGANIZER'],
    pick: root('submission'),
    run: (api, fx) => api.request(`query($draftB: ID!) { submission(id: $draftB) { title } }`, { ...fx }),
  },
  {
    operation: 'Query.submissions',
    scenario: 'the list (a unit sees its own; the office and analysts all)',
    allowed: ['ADMIN', 'ANALYST', 'SUBMITTER', 'ORGANIZER'],
    pick: root('submissions'),
    run: (api) => api.request(`{ submissions { totalCount } }`),
  },
  {
    operation: 'Query.reviewRound',
    scenario: 'a round in DRAFT',
    allowed: ['ADMIN', 'ANALYST'],
    pick: root('reviewRound'),
    run: (api, fx) => api.request(`query($draftRound: ID!) { reviewRound(id: $draftRound) { name } }`, { ...fx }),
  },
  {
    operation: 'Query.honor',
    scenario: 'a nominated (unpublished) honor',
    allowed: ['ADMIN', 'ANALYST'],
    pick: root('honor'),
    run: (api, fx) => api.request(`query($nominatedHonor: ID!) { honor(id: $nominatedHonor) { status } }`, { ...fx }),
  },
  {
    operation: 'Query.honors',
    scenario: 'the public records',
    allowed: ALL,
    pick: root('honors'),
    run: (api) => api.request(`{ honors { totalCount } }`),
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
  {
    operation: 'Mutation.createSubmission',
    scenario: 'a draft for unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('createSubmission'),
    snapshot: total(`{ submissions { totalCount } }`),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $unitA: ID!, $title: String!) { createSubmission(input: { contestId: $contest, organizationId: $unitA, title: $title, summary: "Matrix summary text." }) { id } }`,
        {
          ...fx,
          title: `Matrix achievement ${n}`,
        },
      ),
  },
  {
    operation: 'Mutation.createSubmission',
    scenario: 'a draft for another unit (B)',
    allowed: ['ADMIN'],
    pick: root('createSubmission'),
    snapshot: total(`{ submissions { totalCount } }`),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $unitB: ID!, $title: String!) { createSubmission(input: { contestId: $contest, organizationId: $unitB, title: $title, summary: "Matrix summary text." }) { id } }`,
        {
          ...fx,
          title: `Matrix achievement B ${n}`,
        },
      ),
  },
  {
    operation: 'Mutation.updateSubmission',
    scenario: "retitling unit A's draft",
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('updateSubmission'),
    snapshot: (admin, fx) => admin.data(`query($draftA: ID!) { submission(id: $draftA) { title version } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const { submission } = await admin.data<{ submission: { version: number } }>(
        `query($draftA: ID!) { submission(id: $draftA) { version } }`,
        { ...fx },
      );
      return api.request(
        `mutation($draftA: ID!, $v: Int!, $t: String!) { updateSubmission(id: $draftA, expectedVersion: $v, input: { title: $t }) { id } }`,
        {
          ...fx,
          v: submission.version,
          t: `Draft A retitled ${n}`,
        },
      );
    },
  },
  {
    operation: 'Mutation.submitSubmission',
    scenario: 'submitting a complete draft of unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('submitSubmission'),
    snapshot: (admin, fx) =>
      admin.data(`query($contest: ID!) { submissions(contestId: $contest, status: SUBMITTED) { totalCount } }`, { ...fx }),
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
    snapshot: (admin, fx) =>
      admin.data(`query($contest: ID!) { submissions(contestId: $contest, status: WITHDRAWN) { totalCount } }`, { ...fx }),
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
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $order: Int!) { createReviewRound(input: { contestId: $contest, name: "Matrix", stage: EVALUATION, order: $order }) { id } }`,
        { ...fx, order: 2 + (n % 18) },
      ),
  },
  {
    operation: 'Mutation.nominateHonor',
    scenario: "a unit inside the organizer's union",
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('nominateHonor'),
    snapshot: total(`{ honors { totalCount } }`),
    // A fresh unit each time, so that every allowed call nominates someone new.
    run: async (api, fx, n, admin) => {
      const { createOrganization } = await admin.data<{ createOrganization: { id: string } }>(
        `mutation($union: ID!, $name: String!) { createOrganization(input: { name: $name, kind: ENTERPRISE, parentId: $union }) { id } }`,
        {
          union: fx.union,
          name: `候选单位 ${n}`,
        },
      );
      return api.request(
        `mutation($contest: ID!, $id: ID!) { nominateHonor(input: { contestId: $contest, awardTypeCode: "MAY_DAY_AWARD", recipientKind: ORGANIZATION, recipientId: $id }) { id } }`,
        {
          contest: fx.contest,
          id: createOrganization.id,
        },
      );
    },
  },
  {
    operation: 'Mutation.nominateHonor',
    scenario: "unit C, outside the organizer's union",
    allowed: ['ADMIN'],
    pick: root('nominateHonor'),
    snapshot: total(`{ honors { totalCount } }`),
    // The one allowed call happens last: unit C is nominated once.
    run: (api, fx) =>
      api.request(
        `mutation($contest: ID!, $unitC: ID!) { nominateHonor(input: { contestId: $contest, awardTypeCode: "MAY_DAY_AWARD", recipientId: $unitC }) { id } }`,
        { contest: fx.contest, unitC: fx.unitC },
      ),
  },
  {
    operation: 'Query.honor',
    scenario: 'a conferred (public) honor',
    allowed: ALL,
    pick: root('honor'),
    run: (api, fx) => api.request(`query($id: ID!) { honor(id: $id) { status recipientName } }`, { id: fx.honorToRevoke }),
  },
  {
    operation: 'Query.honor',
    scenario: "an announced honor's objections (office and analysts)",
    allowed: ['ADMIN', 'ANALYST'],
    pick: (d) => (d?.honor as { objections?: unknown } | null)?.objections ?? null,
    run: (api, fx) => api.request(`query($id: ID!) { honor(id: $id) { status objections { id status } } }`, { id: fx.honorWithObjection }),
  },
  {
    operation: 'Query.awardTypes',
    scenario: 'the award catalog',
    allowed: ALL,
    pick: root('awardTypes'),
    run: (api) => api.request(`{ awardTypes { code nameZh recipientKind } }`),
  },
  {
    operation: 'Query.calendarDays',
    scenario: 'the holidays of 2019',
    allowed: ALL,
    pick: root('calendarDays'),
    run: (api) => api.request(`{ calendarDays(year: 2019) { date kind name } }`),
  },
  {
    operation: 'Query.organizerEvaluations',
    scenario: 'the ranking of organizing units',
    allowed: ['ADMIN', 'ANALYST'],
    pick: root('organizerEvaluations'),
    run: (api, fx) =>
      api.request(`query($contest: ID!) { organizerEvaluations(contestId: $contest, places: 10) { total rank candidate } }`, {
        contest: fx.contest,
      }),
  },
  {
    operation: 'Mutation.setAwardQuota',
    scenario: 'the quota of medals',
    allowed: ['ADMIN'],
    pick: root('setAwardQuota'),
    snapshot: (admin, fx) =>
      admin.data(`query($contest: ID!) { contest(id: $contest) { awardQuotas { quota awardType { code } } } }`, { contest: fx.contest }),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $q: Int!) { setAwardQuota(contestId: $contest, awardTypeCode: "MAY_DAY_MEDAL", quota: $q) { id } }`,
        { contest: fx.contest, q: 40 + (n % 10) },
      ),
  },
  {
    operation: 'Mutation.proposeHonors',
    scenario: 'a nominated honor (拟授予)',
    allowed: ['ADMIN'],
    pick: root('proposeHonors'),
    snapshot: honorStatus('honorToPropose'),
    run: (api, fx) => api.request(`mutation($id: ID!) { proposeHonors(ids: [$id]) { status } }`, { id: fx.honorToPropose }),
  },
  {
    operation: 'Mutation.proposeExcellentAchievements',
    scenario: "a finalized final round's excellent entries",
    allowed: ['ADMIN'],
    pick: root('proposeExcellentAchievements'),
    snapshot: total(`query($excellentContest: ID) { honors(contestId: $excellentContest) { totalCount } }`),
    run: (api, fx) =>
      api.request(`mutation($round: ID!) { proposeExcellentAchievements(roundId: $round) { id status } }`, { round: fx.excellentRound }),
  },
  {
    operation: 'Mutation.announceHonors',
    scenario: 'a proposed honor (公示)',
    allowed: ['ADMIN'],
    pick: root('announceHonors'),
    snapshot: honorStatus('honorToAnnounce'),
    run: (api, fx) => api.request(`mutation($id: ID!) { announceHonors(ids: [$id]) { status } }`, { id: fx.honorToAnnounce }),
  },
  {
    operation: 'Mutation.conferHonors',
    scenario: 'an announced honor whose window has closed',
    allowed: ['ADMIN'],
    pick: root('conferHonors'),
    snapshot: honorStatus('honorToConfer'),
    run: (api, fx) =>
      api.request(
        `mutation($id: ID!) { conferHonors(ids: [$id], input: { decisionNumber: "沪工总〔2020〕1号", conferredOn: "2020-01-15" }) { status } }`,
        { id: fx.honorToConfer },
      ),
  },
  {
    operation: 'Mutation.withdrawHonor',
    scenario: 'a nominated honor',
    allowed: ['ADMIN'],
    pick: root('withdrawHonor'),
    snapshot: honorStatus('honorToWithdraw'),
    run: (api, fx) =>
      api.request(`mutation($id: ID!) { withdrawHonor(id: $id, reason: "申报单位主动撤回") { status } }`, { id: fx.honorToWithdraw }),
  },
  {
    operation: 'Mutation.revokeHonor',
    scenario: 'a conferred honor',
    allowed: ['ADMIN'],
    pick: root('revokeHonor'),
    snapshot: honorStatus('honorToRevoke'),
    run: (api, fx) =>
      api.request(`mutation($id: ID!) { revokeHonor(id: $id, reason: "获奖后发现材料不实") { status } }`, { id: fx.honorToRevoke }),
  },
  {
    operation: 'Mutation.fileObjection',
    scenario: 'an honor in its announcement window (anyone signed in)',
    allowed: SIGNED_IN,
    pick: root('fileObjection'),
    snapshot: (admin, fx) => admin.data(`query($id: ID!) { honor(id: $id) { objections { id } } }`, { id: fx.honorToObject }),
    run: (api, fx, n) =>
      api.request(
        `mutation($id: ID!, $text: String!) { fileObjection(input: { honorId: $id, text: $text, contact: "13900000000" }) { id } }`,
        {
          id: fx.honorToObject,
          text: `对公示对象的事迹材料有疑问，请核实（${n}）。`,
        },
      ),
  },
  {
    operation: 'Mutation.resolveObjection',
    scenario: 'dismissing an open objection',
    allowed: ['ADMIN'],
    pick: root('resolveObjection'),
    snapshot: (admin, fx) =>
      admin.data(`query($id: ID!) { honor(id: $id) { status objections { id status } } }`, { id: fx.honorWithObjection }),
    run: (api, fx) =>
      api.request(`mutation($id: ID!) { resolveObjection(id: $id, outcome: DISMISSED, resolution: "经核实，材料属实。") { status } }`, {
        id: fx.objectionToResolve,
      }),
  },
  {
    operation: 'Mutation.setCalendarDay',
    scenario: 'a holiday in 2030',
    allowed: ['ADMIN'],
    pick: root('setCalendarDay'),
    snapshot: (admin) => admin.data(`{ calendarDays(year: 2030) { date kind name } }`),
    run: (api, _fx, n) =>
      api.request(`mutation($name: String!) { setCalendarDay(date: "2030-01-02", kind: HOLIDAY, name: $name) { date } }`, {
        name: `调休 ${n}`,
      }),
  },
  {
    operation: 'Mutation.removeCalendarDay',
    scenario: 'a holiday in 2031',
    allowed: ['ADMIN'],
    pick: root('removeCalendarDay'),
    snapshot: (admin) => admin.data(`{ calendarDays(year: 2031) { date kind name } }`),
    run: (api, fx) => api.request(`mutation($date: LocalDate!) { removeCalendarDay(date: $date) { date } }`, { date: fx.calendarDay }),
  },
  {
    operation: 'Mutation.evaluateOrganizer',
    scenario: "the union's assessment",
    allowed: ['ADMIN'],
    pick: root('evaluateOrganizer'),
    snapshot: (admin, fx) =>
      admin.data(`query($contest: ID!) { organizerEvaluations(contestId: $contest) { total evaluation { comment } } }`, {
        contest: fx.contest,
      }),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $union: ID!, $comment: String!) {
          evaluateOrganizer(input: { contestId: $contest, organizationId: $union, leadership: 18, promotion: 17, performance: 19, incentive: 16, features: 18, comment: $comment }) { id }
        }`,
        { contest: fx.contest, union: fx.union, comment: `组织有力 ${n}` },
      ),
  },
  {
    operation: 'Mutation.recordPriorHonor',
    scenario: "unit A's draft (the office, or unit A's submitter)",
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('recordPriorHonor'),
    snapshot: priorHonorsOf('draftA'),
    run: (api, fx, n) =>
      api.request(
        `mutation($s: ID!, $name: String!) { recordPriorHonor(input: { submissionId: $s, level: PROVINCIAL_MINISTERIAL, name: $name, issuer: "上海市人民政府", year: 2018 }) { id } }`,
        {
          s: fx.draftA,
          name: `上海市科技进步奖一等奖 ${n}`,
        },
      ),
  },
  {
    operation: 'Mutation.recordPriorHonor',
    scenario: "unit B's draft",
    allowed: ['ADMIN'],
    pick: root('recordPriorHonor'),
    snapshot: priorHonorsOf('draftB'),
    run: (api, fx, n) =>
      api.request(
        `mutation($s: ID!, $name: String!) { recordPriorHonor(input: { submissionId: $s, level: NATIONAL, name: $name, issuer: "国务院", year: 2017 }) { id } }`,
        {
          s: fx.draftB,
          name: `国家科学技术进步奖二等奖 ${n}`,
        },
      ),
  },
  {
    operation: 'Mutation.verifyPriorHonor',
    scenario: "a prior honor of unit A's draft",
    allowed: ['ADMIN'],
    pick: root('verifyPriorHonor'),
    snapshot: priorHonorsOf('draftA'),
    run: (api, fx) => api.request(`mutation($id: ID!) { verifyPriorHonor(id: $id) { verified } }`, { id: fx.priorHonor }),
  },
  {
    operation: 'Query.experts',
    scenario: 'the expert pool',
    allowed: ['ADMIN', 'ANALYST'],
    pick: root('experts'),
    run: (api) => api.request(`{ experts { totalCount } }`),
  },
  {
    operation: 'Query.expert',
    scenario: "the expert's own profile",
    allowed: ['ADMIN', 'ANALYST', 'EXPERT'],
    pick: root('expert'),
    run: (api, fx) => api.request(`query($expertMe: ID!) { expert(id: $expertMe) { title expertise } }`, { expertMe: fx.expertMe }),
  },
  {
    operation: 'Query.expert',
    scenario: "another expert's profile",
    allowed: ['ADMIN', 'ANALYST'],
    pick: root('expert'),
    run: (api, fx) =>
      api.request(`query($expertOther: ID!) { expert(id: $expertOther) { title expertise } }`, { expertOther: fx.expertOther }),
  },
  {
    operation: 'Query.entry',
    scenario: 'an entry assigned to the expert',
    allowed: ['ADMIN', 'ANALYST', 'EXPERT'],
    pick: root('entry'),
    run: (api, fx) =>
      api.request(`query($entryMine: ID!) { entry(id: $entryMine) { title referenceNumber } }`, { entryMine: fx.entryMine }),
  },
  {
    operation: 'Query.entry',
    scenario: 'an entry assigned to another expert',
    allowed: ['ADMIN', 'ANALYST'],
    pick: root('entry'),
    run: (api, fx) =>
      api.request(`query($entryOther: ID!) { entry(id: $entryOther) { title referenceNumber } }`, { entryOther: fx.entryOther }),
  },
  {
    operation: 'Query.reviewRoundPreview',
    scenario: 'the results of an OPEN round, were it finalized now (they show scores)',
    allowed: ['ADMIN'],
    pick: root('reviewRoundPreview'),
    run: (api, fx) =>
      api.request(`query($openRound: ID!) { reviewRoundPreview(id: $openRound) { finalizable results { outcome } } }`, {
        openRound: fx.openRound,
      }),
  },
  {
    operation: 'Mutation.createExpert',
    scenario: 'adding a person of unit C to the pool',
    allowed: ['ADMIN'],
    pick: root('createExpert'),
    snapshot: total(`{ experts { totalCount } }`),
    run: async (api, fx, n, admin) => {
      const { createPerson } = await admin.data<{ createPerson: { id: string } }>(
        `mutation($unitC: ID!, $name: String!) { createPerson(input: { name: $name, organizationId: $unitC }) { id } }`,
        {
          unitC: fx.unitC,
          name: `专家${n}`,
        },
      );
      return api.request(
        `mutation($person: ID!) { createExpert(input: { personId: $person, title: ENGINEER, expertise: ["BIOMED"] }) { id } }`,
        { person: createPerson.id },
      );
    },
  },
  {
    operation: 'Mutation.updateExpert',
    scenario: "widening another expert's expertise",
    allowed: ['ADMIN'],
    pick: root('updateExpert'),
    snapshot: (admin, fx) =>
      admin.data(`query($expertOther: ID!) { expert(id: $expertOther) { title expertise } }`, { expertOther: fx.expertOther }),
    run: (api, fx, n) =>
      api.request(
        `mutation($expertOther: ID!, $codes: [String!]!) { updateExpert(id: $expertOther, input: { expertise: $codes }) { id } }`,
        { expertOther: fx.expertOther, codes: ['AI', `EXTRA${n}`] },
      ),
  },
  {
    operation: 'Mutation.updateReviewRound',
    scenario: 'renaming a DRAFT round',
    allowed: ['ADMIN'],
    pick: root('updateReviewRound'),
    snapshot: (admin, fx) => admin.data(`query($draftRound: ID!) { reviewRound(id: $draftRound) { name } }`, { draftRound: fx.draftRound }),
    run: (api, fx, n) =>
      api.request(`mutation($draftRound: ID!, $name: String!) { updateReviewRound(id: $draftRound, input: { name: $name }) { id } }`, {
        draftRound: fx.draftRound,
        name: `Screening ${n}`,
      }),
  },
  {
    operation: 'Mutation.changeReviewRoundStatus',
    scenario: 'opening a round with its entries taken in',
    allowed: ['ADMIN'],
    pick: root('changeReviewRoundStatus'),
    snapshot: (admin, fx) =>
      admin.data(`query($readyRound: ID!) { reviewRound(id: $readyRound) { status } }`, { readyRound: fx.readyRound }),
    // The one allowed call happens last (ADMIN is after the denied actors in the run order below).
    run: (api, fx) =>
      api.request(`mutation($readyRound: ID!) { changeReviewRoundStatus(id: $readyRound, status: OPEN) { status } }`, {
        readyRound: fx.readyRound,
      }),
  },
  {
    operation: 'Mutation.takeEntries',
    scenario: "taking the finalized first round's advanced entries into the second",
    allowed: ['ADMIN'],
    pick: root('takeEntries'),
    snapshot: (admin, fx) =>
      admin.data(`query($intakeRound: ID!) { reviewRound(id: $intakeRound) { entries { totalCount } } }`, { intakeRound: fx.intakeRound }),
    run: (api, fx) =>
      api.request(`mutation($intakeRound: ID!) { takeEntries(roundId: $intakeRound) { taken alreadyIn } }`, {
        intakeRound: fx.intakeRound,
      }),
  },
  {
    operation: 'Mutation.createPanel',
    scenario: "a panel for the final round's uncovered track",
    allowed: ['ADMIN'],
    pick: root('createPanel'),
    snapshot: (admin, fx) =>
      admin.data(`query($panelRound: ID!) { reviewRound(id: $panelRound) { panels { id } } }`, { panelRound: fx.panelRound }),
    // The one allowed call happens last: the track is covered afterwards.
    run: (api, fx, n) =>
      api.request(
        `mutation($panelRound: ID!, $track: ID!, $expertMe: ID!, $name: String!) {
          createPanel(input: { roundId: $panelRound, name: $name, trackIds: [$track], chairId: $expertMe, memberIds: [$expertMe] }) { id }
        }`,
        { panelRound: fx.panelRound, track: fx.uncoveredTrack, expertMe: fx.expertMe, name: `评审组 ${n}` },
      ),
  },
  {
    operation: 'Mutation.updatePanel',
    scenario: 'renaming a panel of a DRAFT round',
    allowed: ['ADMIN'],
    pick: root('updatePanel'),
    snapshot: (admin, fx) =>
      admin.data(`query($panelRound: ID!) { reviewRound(id: $panelRound) { panels { id name } } }`, { panelRound: fx.panelRound }),
    run: (api, fx, n) =>
      api.request(`mutation($panelA: ID!, $name: String!) { updatePanel(id: $panelA, input: { name: $name }) { id } }`, {
        panelA: fx.panelA,
        name: `人工智能组 ${n}`,
      }),
  },
  {
    operation: 'Mutation.schedulePresentations',
    scenario: "laying out the final round's presentations",
    allowed: ['ADMIN'],
    pick: root('schedulePresentations'),
    snapshot: (admin, fx) =>
      admin.data(`query($panelRound: ID!) { reviewRound(id: $panelRound) { presentations { id } } }`, { panelRound: fx.panelRound }),
    run: (api, fx) =>
      api.request(
        `mutation($panelRound: ID!) { schedulePresentations(roundId: $panelRound, input: { slotMinutes: 20 }) { presentations { id } } }`,
        { panelRound: fx.panelRound },
      ),
  },
  {
    operation: 'Mutation.autoAssign',
    scenario: 'staffing a round from the pool',
    allowed: ['ADMIN'],
    pick: root('autoAssign'),
    snapshot: (admin, fx) =>
      admin.data(`query($readyRound: ID!) { reviewRound(id: $readyRound) { assignments { totalCount } } }`, { readyRound: fx.readyRound }),
    run: (api, fx) =>
      api.request(`mutation($readyRound: ID!) { autoAssign(roundId: $readyRound) { created } }`, { readyRound: fx.readyRound }),
  },
  {
    operation: 'Mutation.assignExpert',
    scenario: 'assigning the other expert by hand',
    allowed: ['ADMIN'],
    pick: root('assignExpert'),
    snapshot: (admin, fx) => assignmentsOn(admin, fx.entryToAssign, fx.expertOther),
    run: async (api, fx, _n, admin) => {
      // An earlier allowed call's assignment is removed first, so every allowed call assigns anew.
      for (const a of await assignmentsOn(admin, fx.entryToAssign, fx.expertOther))
        await admin.data(`mutation($id: ID!) { removeAssignment(id: $id) { id } }`, { id: a.id });
      return api.request(`mutation($entry: ID!, $expert: ID!) { assignExpert(entryId: $entry, expertId: $expert) { id } }`, {
        entry: fx.entryToAssign,
        expert: fx.expertOther,
      });
    },
  },
  {
    operation: 'Mutation.removeAssignment',
    scenario: "removing the other expert's unscored assignment",
    allowed: ['ADMIN'],
    pick: root('removeAssignment'),
    snapshot: (admin, fx) => assignmentsOn(admin, fx.entryToUnassign, fx.expertOther),
    run: async (api, fx, n, admin) => {
      const id = await standingAssignment(admin, [fx.entryToUnassign], fx.expertOther);
      return api.request(`mutation($id: ID!, $reason: String!) { removeAssignment(id: $id, reason: $reason) { id } }`, {
        id,
        reason: `assigned by mistake ${n}`,
      });
    },
  },
  {
    operation: 'Mutation.declineAssignment',
    scenario: "the expert's own assignment",
    allowed: ['ADMIN', 'EXPERT'],
    pick: root('declineAssignment'),
    snapshot: assignmentsWith('DECLINED'),
    run: async (api, fx, n, admin) => {
      const id = await standingAssignment(admin, fx.declineMine, fx.expertMe);
      return api.request(`mutation($id: ID!, $reason: String!) { declineAssignment(id: $id, reason: $reason) { status } }`, {
        id,
        reason: `travelling ${n}`,
      });
    },
  },
  {
    operation: 'Mutation.declineAssignment',
    scenario: "another expert's assignment",
    allowed: ['ADMIN'],
    pick: root('declineAssignment'),
    snapshot: assignmentsWith('DECLINED'),
    run: async (api, fx, n, admin) => {
      const id = await standingAssignment(admin, fx.declineOther, fx.expertOther);
      return api.request(`mutation($id: ID!, $reason: String!) { declineAssignment(id: $id, reason: $reason) { status } }`, {
        id,
        reason: `travelling ${n}`,
      });
    },
  },
  {
    operation: 'Mutation.declareConflict',
    scenario: "the expert's own assignment",
    allowed: ['ADMIN', 'EXPERT'],
    pick: root('declareConflict'),
    snapshot: assignmentsWith('CONFLICT_DECLARED'),
    run: async (api, fx, n, admin) => {
      const id = await standingAssignment(admin, fx.conflictMine, fx.expertMe);
      return api.request(`mutation($id: ID!, $reason: String!) { declareConflict(id: $id, reason: $reason) { status } }`, {
        id,
        reason: `former colleague ${n}`,
      });
    },
  },
  {
    operation: 'Mutation.declareConflict',
    scenario: "another expert's assignment",
    allowed: ['ADMIN'],
    pick: root('declareConflict'),
    snapshot: assignmentsWith('CONFLICT_DECLARED'),
    run: async (api, fx, n, admin) => {
      const id = await standingAssignment(admin, fx.conflictOther, fx.expertOther);
      return api.request(`mutation($id: ID!, $reason: String!) { declareConflict(id: $id, reason: $reason) { status } }`, {
        id,
        reason: `former colleague ${n}`,
      });
    },
  },
  {
    operation: 'Mutation.submitScorecard',
    scenario: 'an entry assigned to the expert, in an OPEN round (again replaces the scorecard)',
    allowed: ['EXPERT'],
    pick: root('submitScorecard'),
    snapshot: (admin, fx) =>
      admin.data(`query($entryMine: ID!) { entry(id: $entryMine) { scorecards { nodes { id total comment version } } } }`, {
        entryMine: fx.entryMine,
      }),
    run: (api, fx, n) =>
      api.request(
        `mutation($entry: ID!, $score: Float!, $comment: String!) {
          submitScorecard(input: { entryId: $entry, scores: [{ criterion: "OVERALL", score: $score }], decision: PASS, comment: $comment }) { version }
        }`,
        { entry: fx.entryMine, score: 60 + (n % 40), comment: `Sound work ${n}` },
      ),
  },
  {
    operation: 'Mutation.submitScorecard',
    scenario: 'an entry assigned to another expert (nobody)',
    allowed: [],
    pick: root('submitScorecard'),
    snapshot: (admin, fx) =>
      admin.data(`query($entryOther: ID!) { entry(id: $entryOther) { scorecards { nodes { id total comment version } } } }`, {
        entryOther: fx.entryOther,
      }),
    run: (api, fx, n) =>
      api.request(
        `mutation($entry: ID!, $score: Float!) { submitScorecard(input: { entryId: $entry, scores: [{ criterion: "OVERALL", score: $score }], decision: PASS }) { version } }`,
        { entry: fx.entryOther, score: 60 + (n % 40) },
      ),
  },
  {
    operation: 'Mutation.submitScorecards',
    scenario: 'a batch of one: an entry assigned to the expert, in an OPEN round',
    allowed: ['EXPERT'],
    pick: root('submitScorecards'),
    snapshot: (admin, fx) =>
      admin.data(`query($entryMine: ID!) { entry(id: $entryMine) { scorecards { nodes { id total comment version } } } }`, {
        entryMine: fx.entryMine,
      }),
    run: (api, fx, n) =>
      api.request(
        `mutation($entry: ID!, $score: Float!, $comment: String!) {
          submitScorecards(inputs: [{ entryId: $entry, scores: [{ criterion: "OVERALL", score: $score }], decision: PASS, comment: $comment }]) { version }
        }`,
        { entry: fx.entryMine, score: 60 + (n % 40), comment: `Sound work ${n}` },
      ),
  },
  {
    operation: 'Mutation.overrideRoundResult',
    scenario: 'advancing an entry of a CLOSED round',
    allowed: ['ADMIN'],
    pick: root('overrideRoundResult'),
    snapshot: (admin, fx) =>
      admin.data(`query($closedRound: ID!) { reviewRound(id: $closedRound) { overrides { outcome reason } } }`, {
        closedRound: fx.closedRound,
      }),
    run: (api, fx, n) =>
      api.request(
        `mutation($closedRound: ID!, $closedEntry: ID!, $reason: String!) { overrideRoundResult(roundId: $closedRound, entryId: $closedEntry, outcome: ADVANCE, reason: $reason) { id } }`,
        { closedRound: fx.closedRound, closedEntry: fx.closedEntry, reason: `review committee decision ${n}` },
      ),
  },
  {
    operation: 'Mutation.raiseQuota',
    scenario: 'more places for a quota group of a CLOSED round',
    allowed: ['ADMIN'],
    pick: root('raiseQuota'),
    snapshot: (admin, fx) =>
      admin.data(`query($closedRound: ID!) { reviewRound(id: $closedRound) { quotaRaises { groupCode quota reason } } }`, {
        closedRound: fx.closedRound,
      }),
    run: (api, fx, n) =>
      api.request(
        `mutation($closedRound: ID!, $quota: Int!, $reason: String!) { raiseQuota(roundId: $closedRound, groupCode: "AI", quota: $quota, reason: $reason) { id } }`,
        {
          closedRound: fx.closedRound,
          quota: 2 + n,
          reason: `strong field ${n}`,
        },
      ),
  },
  {
    operation: 'Mutation.publishReviewRound',
    scenario: "publishing a FINALIZED round's results",
    allowed: ['ADMIN'],
    pick: root('publishReviewRound'),
    snapshot: (admin, fx) =>
      admin.data(`query($finalizedRound: ID!) { reviewRound(id: $finalizedRound) { publishedAt } }`, { finalizedRound: fx.finalizedRound }),
    // The one allowed call happens last: results are published once.
    run: (api, fx) =>
      api.request(`mutation($finalizedRound: ID!) { publishReviewRound(id: $finalizedRound) { publishedAt } }`, {
        finalizedRound: fx.finalizedRound,
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
    await graph.gateway.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, {
      id: contest.id,
    });
    const draftContest = await make.contest();
    const { createPerson } = await graph.gateway.data<{ createPerson: { id: string } }>(
      `mutation($org: ID!) { createPerson(input: { name: "李四", organizationId: $org, position: "联络员", phone: "13900000001" }) { id } }`,
      { org: unitA.id },
    );
    const contestParts = await graph.gateway.data<{
      createTrack: { id: string };
      createMilestone: { id: string };
      enrolUnit: { id: string };
    }>(
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
    const base = {
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
      nominatedHonor: (
        await make.honor({
          contestId: contest.id,
          awardTypeCode: 'MAY_DAY_AWARD',
          recipientKind: 'ORGANIZATION',
          recipientId: unitA.id,
          quota: 20,
        })
      ).id,
    };
    fx = {
      ...base,
      ...(await reviewFixture(make, graph.gateway, base)),
      ...(await honorsFixture(make, graph.gateway, graph.setNow, base)),
    };
    clients.ANONYMOUS = graph.anonymous;
    clients.ADMIN = graph.gateway;
    clients.ORGANIZER = await graph.as('ORGANIZER', { org: fx.union });
    clients.SUBMITTER = await graph.as('SUBMITTER', { org: fx.unitA, sub: fx.personA });
    clients.EXPERT = await graph.as('EXPERT', { expert: fx.expertMe, sub: fx.personMe });
    clients.ANALYST = await graph.as('ANALYST');
    clients.AGENCY = await graph.as('AGENCY');
  });
  afterAll(() => graph?.stop());

  it('covers every query and mutation of the graph, and nothing that is not in it', () => {
    const schema = apiSchema(readSupergraph());
    const operations = (type: GraphQLObjectType | null | undefined, prefix: string) =>
      Object.keys(type?.getFields() ?? {}).map((f) => `${prefix}.${f}`);
    const inSchema = [...operations(schema.getQueryType(), 'Query'), ...operations(schema.getMutationType(), 'Mutation')].sort();
    const inTable = [...new Set(TABLE.map((r) => r.operation))].sort();
    expect(inTable).toEqual(inSchema);
  });

  // Denied actors go first, so a mutation's refusals are checked against an untouched state.
  const order = (row: Row) => [...ACTORS.filter((a) => !row.allowed.includes(a)), ...ACTORS.filter((a) => row.allowed.includes(a))];

  describe.each(TABLE.map((row) => [`${row.operation} — ${row.scenario}`, row] as const))('%s', (_title, row) => {
    it.each(order(row).map((actor) => [actor, row.allowed.includes(actor) ? 'allowed' : 'denied'] as const))(
      '%s: %s',
      async (actor, verdict) => {
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
      },
    );
  });
});
