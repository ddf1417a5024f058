import type { Role } from '@meritgraph/domain';
import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

/**
 * Who may run what: every query and mutation of the graph, for every role and for anonymous
 * callers, run through the gateway. Each subgraph's rows are in its folder's
 * authorization-table.ts and run in its authorization.spec.ts, on a graph with the whole
 * fixture below; gateway/authorization.spec.ts fails until a new operation joins a table.
 */
export type Actor = Role | 'ANONYMOUS';
const ACTORS: Actor[] = ['ANONYMOUS', 'ADMIN', 'ORGANIZER', 'SUBMITTER', 'EXPERT', 'ANALYST', 'AGENCY'];
export const ALL: Actor[] = ACTORS;
export const SIGNED_IN: Actor[] = ACTORS.filter((a) => a !== 'ANONYMOUS');

export interface Fixture extends ReviewFixture, HonorsFixture {
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
  /** The gateway's origin, for the graph's file URLs. */
  origin: string;
}

/** What the honors rows work on (see honorsFixture): honors of the open contest in each state a transition starts from. */
export interface HonorsFixture {
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

export interface Row {
  operation: `${'Query' | 'Mutation'}.${string}`;
  scenario: string;
  allowed: Actor[];
  run(api: GraphClient, fx: Fixture, n: number, admin: GraphClient): Promise<GraphResponse<Record<string, unknown>>>;
  /** The value that must be present when allowed and absent when denied. */
  pick: (data: Record<string, unknown> | null | undefined) => unknown;
  /** For mutations: the state a denied call must leave as it was. */
  snapshot?: (admin: GraphClient, fx: Fixture) => Promise<unknown>;
}

export const root = (field: string) => (data: Record<string, unknown> | null | undefined) => data?.[field] ?? null;
export const total = (query: string) => async (admin: GraphClient, fx: Fixture) => {
  const data = await admin.data<Record<string, { totalCount?: number; reviewRounds?: unknown[] }>>(query, { ...fx });
  const value = Object.values(data)[0]!;
  return value.totalCount ?? value.reviewRounds?.length ?? 0;
};

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

export const assignBy = async (admin: GraphClient, entry: string, expert: string): Promise<string> =>
  (
    await admin.data<{ assignExpert: { id: string } }>(
      `mutation($entry: ID!, $expert: ID!) { assignExpert(entryId: $entry, expertId: $expert) { id } }`,
      { entry, expert },
    )
  ).assignExpert.id;

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
  // Announced now, so that objections can be filed: late in December the 5-working-day window reaches a year the
  // statutory calendar may not cover yet, and the office then confirms that year's calendar, as it would in use.
  const nextYear = new Date().getUTCFullYear() + 1;
  const confirmed = await admin.request(
    `mutation($year: Int!) { confirmCalendarYear(year: $year, reason: "公示期跨年，按办公室确认的日历") { year } }`,
    {
      year: nextYear,
    },
  );
  const covered = confirmed.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' && confirmed.errors[0].extensions.field === 'year';
  if (confirmed.errors && !covered) throw new Error(`confirmCalendarYear(${nextYear}): ${JSON.stringify(confirmed.errors)}`);
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

/** The matrix over these rows, on a graph of its own, set up with the whole fixture. */
export function authorizationMatrix(table: Row[]): void {
  describe('authorization matrix', () => {
    let graph: TestGraph;
    let fx: Fixture;
    const clients = {} as Record<Actor, GraphClient>;
    let serial = 0;

    // One graph and every fixture of the matrix: on MySQL beside a replay on the other core, this takes over a minute.
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
        origin: new URL(graph.gatewayUrl).origin,
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
    }, 180_000);
    afterAll(() => graph?.stop());

    // Denied actors go first, so a mutation's refusals are checked against an untouched state.
    const order = (row: Row) => [...ACTORS.filter((a) => !row.allowed.includes(a)), ...ACTORS.filter((a) => row.allowed.includes(a))];

    describe.each(table.map((row) => [`${row.operation} — ${row.scenario}`, row] as const))('%s', (_title, row) => {
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
}
