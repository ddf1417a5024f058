import type { GraphClient } from '../../src';
import { type Fixture, type Row, assignBy, root, total } from '../gateway/authorization-matrix';

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
 * The authorization rows of the operations the expert-review subgraph serves: the expert pool, review
 * rounds, panels, assignments, scorecards and results.
 */
export const EXPERT_REVIEW_TABLE: Row[] = [
  {
    operation: 'Query.reviewRound',
    scenario: 'a round in DRAFT',
    allowed: ['ADMIN', 'ANALYST'],
    pick: root('reviewRound'),
    run: (api, fx) => api.request(`query($draftRound: ID!) { reviewRound(id: $draftRound) { name } }`, { ...fx }),
  },
  {
    operation: 'Query.reviewRound',
    scenario: "an unpublished round's presentation schedule, to an expert assigned in it but on none of its panels",
    allowed: ['ADMIN', 'ANALYST'],
    pick: (data) => (data?.reviewRound as { presentations?: unknown } | null | undefined)?.presentations ?? null,
    run: (api, fx) => api.request(`query($openRound: ID!) { reviewRound(id: $openRound) { name presentations { id } } }`, { ...fx }),
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
    operation: 'Query.expert',
    scenario: "the expert's own assignments across open rounds (Expert.assignments)",
    allowed: ['ADMIN', 'EXPERT'],
    pick: (data) => (data?.expert as { assignments?: unknown } | null | undefined)?.assignments ?? null,
    run: (api, fx) =>
      api.request(`query($expertMe: ID!) { expert(id: $expertMe) { assignments(roundStatus: [OPEN], first: 10) { totalCount } } }`, {
        expertMe: fx.expertMe,
      }),
  },
  {
    operation: 'Query.expert',
    scenario: "another expert's assignments (Expert.assignments)",
    allowed: ['ADMIN'],
    pick: (data) => (data?.expert as { assignments?: unknown } | null | undefined)?.assignments ?? null,
    run: (api, fx) =>
      api.request(`query($expertOther: ID!) { expert(id: $expertOther) { assignments(first: 10) { totalCount } } }`, {
        expertOther: fx.expertOther,
      }),
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
    operation: 'Mutation.createExperts',
    scenario: 'adding a list of one person of unit C to the pool',
    allowed: ['ADMIN'],
    pick: root('createExperts'),
    snapshot: total(`{ experts { totalCount } }`),
    run: async (api, fx, n, admin) => {
      const { createPerson } = await admin.data<{ createPerson: { id: string } }>(
        `mutation($unitC: ID!, $name: String!) { createPerson(input: { name: $name, organizationId: $unitC }) { id } }`,
        { unitC: fx.unitC, name: `批量专家${n}` },
      );
      return api.request(`mutation($inputs: [CreateExpertInput!]!) { createExperts(inputs: $inputs) { id } }`, {
        inputs: [{ personId: createPerson.id, title: 'ENGINEER', expertise: ['BIOMED'] }],
      });
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
      const answer = await api.request<{ assignExpert: { id: string } | null }>(
        `mutation($entry: ID!, $expert: ID!) { assignExpert(entryId: $entry, expertId: $expert) { id } }`,
        { entry: fx.entryToAssign, expert: fx.expertOther },
      );
      // What an allowed call made is removed again, so that every call, and the next row, starts from no assignment.
      if (answer.data?.assignExpert)
        await admin.data(`mutation($id: ID!) { removeAssignment(id: $id) { id } }`, { id: answer.data.assignExpert.id });
      return answer;
    },
  },
  {
    operation: 'Mutation.assignExperts',
    scenario: 'assigning the other expert by hand, from a list',
    allowed: ['ADMIN'],
    pick: root('assignExperts'),
    snapshot: (admin, fx) => assignmentsOn(admin, fx.entryToAssign, fx.expertOther),
    run: async (api, fx, _n, admin) => {
      const answer = await api.request<{ assignExperts: { id: string }[] | null }>(
        `mutation($inputs: [AssignExpertInput!]!) { assignExperts(inputs: $inputs) { id } }`,
        { inputs: [{ entryId: fx.entryToAssign, expertId: fx.expertOther }] },
      );
      for (const made of answer.data?.assignExperts ?? [])
        await admin.data(`mutation($id: ID!) { removeAssignment(id: $id) { id } }`, { id: made.id });
      return answer;
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
