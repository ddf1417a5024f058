import type { Identity } from '@meritgraph/domain';
import { ANONYMOUS } from '@meritgraph/domain';
import { Factories, type GraphClient, type GraphResponse, type TestGraph } from '../../src';

/**
 * Builders for expert-review tests: contests, people, experts, rounds, entries, assignments
 * and scorecards, all made through the gateway the way the contest office would.
 */

export type Id = { id: string };
export type Expert = { id: string; personId: string };
export type Sub = { id: string; referenceNumber: string };
export type Contest = { id: string; tracks: Record<string, string> };
export type EntryRow = { id: string; referenceNumber: string; trackCode: string; state: string; submission: Id };

/** The first error's extensions (code, field, details). */
export const ext = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;

/** A well-formed id that names nothing. */
export const MISSING = '00000000-0000-4000-8000-000000000000';

/** One overall mark out of 100: the criterion a round has unless given others. */
export const overall = (score: number) => [{ criterion: 'OVERALL', score }];

export interface ReviewFixtures {
  make: Factories;
  person(name: string, organizationId: string): Promise<string>;
  /** A unit under the default union, with a person who leads its entries. */
  unit(name: string, kind?: string): Promise<{ id: string; leaderId: string }>;
  expert(name: string, organizationId: string, expertise: string[]): Promise<Expert>;
  expertClient(x: Expert): Promise<GraphClient>;
  /** A 2019 contest with these tracks, open for submissions. */
  contest(code: string, trackCodes: string[]): Promise<Contest>;
  /** A complete entry of the unit on the track, submitted. */
  submission(c: Contest, track: string, unit: { id: string; leaderId: string }, title: string): Promise<Sub>;
  round(c: Contest, input?: Record<string, unknown>): Promise<string>;
  updateRound(roundId: string, input: Record<string, unknown>): Promise<GraphResponse<unknown>>;
  intake(roundId: string): Promise<GraphResponse<{ takeEntries: { taken: number; alreadyIn: number; skipped: { reason: string }[] } }>>;
  moveRound(roundId: string, status: string): Promise<GraphResponse<{ changeReviewRoundStatus: { status: string } }>>;
  entriesOf(roundId: string): Promise<EntryRow[]>;
  /** A round's entry ids by reference number. */
  entryIds(roundId: string): Promise<Record<string, string>>;
  assign(entryId: string, expertId: string): Promise<GraphResponse<{ assignExpert: Id }>>;
  score(client: GraphClient, input: Record<string, unknown>): Promise<GraphResponse<{ submitScorecard: Id & { total: number } }>>;
  roundAudit(roundId: string): Promise<string[]>;
  entryAudit(entryId: string): Promise<{ action: string; reason: string | null }[]>;
  /** The expert-review subgraph called with the identity the gateway would forward for this caller. */
  reviewSubgraphAs(identity?: Identity): Promise<GraphClient>;
}

export function reviewFixtures(graph: TestGraph): ReviewFixtures {
  const admin = graph.gateway;
  const make = new Factories(admin);

  const person = async (name: string, organizationId: string) =>
    (
      await admin.data<{ createPerson: Id }>(
        `mutation($n: String!, $o: ID!) { createPerson(input: { name: $n, organizationId: $o }) { id } }`,
        { n: name, o: organizationId },
      )
    ).createPerson.id;

  const entriesOf = async (roundId: string) => {
    const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: EntryRow[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { entries(first: 100) { nodes { id referenceNumber trackCode state submission { id } } } } }`,
      { r: roundId },
    );
    return reviewRound.entries.nodes;
  };

  return {
    make,
    person,
    entriesOf,

    async unit(name, kind = 'ENTERPRISE') {
      const { id } = await make.organization({ name, kind });
      return { id, leaderId: await person(`${name}项目负责人`, id) };
    },

    async expert(name, organizationId, expertise) {
      const personId = await person(name, organizationId);
      const { createExpert } = await admin.data<{ createExpert: Id }>(
        `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
        {
          input: { personId, title: 'PROFESSOR', expertise },
        },
      );
      return { id: createExpert.id, personId };
    },

    expertClient: (x) => graph.as('EXPERT', { expert: x.id, sub: x.personId }),

    async contest(code, trackCodes) {
      const { createContest } = await admin.data<{ createContest: Id }>(
        `mutation($code: String!) { createContest(input: { code: $code, name: $code, year: 2019 }) { id } }`,
        { code },
      );
      const tracks: Record<string, string> = {};
      for (const t of trackCodes) {
        const { createTrack } = await admin.data<{ createTrack: Id }>(
          `mutation($c: ID!, $t: String!) { createTrack(input: { contestId: $c, code: $t, name: $t }) { id } }`,
          {
            c: createContest.id,
            t,
          },
        );
        tracks[t] = createTrack.id;
      }
      await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: createContest.id });
      return { id: createContest.id, tracks };
    },

    async submission(c, track, unit, title) {
      await make.enrol(c.id, unit.id);
      const { createSubmission } = await admin.data<{ createSubmission: Id }>(
        `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
        {
          input: {
            contestId: c.id,
            organizationId: unit.id,
            title,
            trackId: c.tracks[track],
            summary: '用于评审结果测试的创新成果。',
            achievementKind: 'TECHNOLOGY',
            keywords: ['评审'],
            applicationEffect: '已在多家单位推广应用。',
            leaderId: unit.leaderId,
            teamMemberIds: [],
          },
        },
      );
      const { submitSubmission } = await admin.data<{ submitSubmission: Sub }>(
        `mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { id referenceNumber } }`,
        {
          id: createSubmission.id,
        },
      );
      return submitSubmission;
    },

    async round(c, input = {}) {
      const { createReviewRound } = await admin.data<{ createReviewRound: Id }>(
        `mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`,
        {
          input: { contestId: c.id, name: '初审', stage: 'SCREENING', order: 1, ...input },
        },
      );
      return createReviewRound.id;
    },

    updateRound: (roundId, input) =>
      admin.request(`mutation($id: ID!, $input: UpdateReviewRoundInput!) { updateReviewRound(id: $id, input: $input) { id } }`, {
        id: roundId,
        input,
      }),

    intake: (roundId) =>
      admin.request(`mutation($r: ID!) { takeEntries(roundId: $r) { taken alreadyIn skipped { reason } } }`, { r: roundId }),

    moveRound: (roundId, status) =>
      admin.request(`mutation($r: ID!, $s: RoundStatus!) { changeReviewRoundStatus(id: $r, status: $s) { status } }`, {
        r: roundId,
        s: status,
      }),

    entryIds: async (roundId) => Object.fromEntries((await entriesOf(roundId)).map((e) => [e.referenceNumber, e.id])),

    assign: (entryId, expertId) =>
      admin.request(`mutation($e: ID!, $x: ID!) { assignExpert(entryId: $e, expertId: $x) { id } }`, { e: entryId, x: expertId }),

    score: (client, input) =>
      client.request(`mutation($input: ScorecardInput!) { submitScorecard(input: $input) { id total } }`, { input }),

    async roundAudit(roundId) {
      const { reviewRound } = await admin.data<{ reviewRound: { auditTrail: { nodes: { action: string }[] } } }>(
        `query($r: ID!) { reviewRound(id: $r) { auditTrail(first: 100) { nodes { action } } } }`,
        { r: roundId },
      );
      return reviewRound.auditTrail.nodes.map((n) => n.action);
    },

    async entryAudit(entryId) {
      const { entry } = await admin.data<{ entry: { auditTrail: { nodes: { action: string; reason: string | null }[] } } }>(
        `query($e: ID!) { entry(id: $e) { auditTrail(first: 100) { nodes { action reason } } } }`,
        { e: entryId },
      );
      return entry.auditTrail.nodes;
    },

    async reviewSubgraphAs(identity = ANONYMOUS) {
      return graph
        .direct('expert-review')
        .with({ authorization: `Bearer ${await graph.auth.internal.forCaller(identity, 'expert-review')}` });
    },
  };
}
