import type { GraphClient } from '../../src';
import { ALL, type Fixture, type HonorsFixture, type Row, SIGNED_IN, root, total } from '../gateway/authorization-matrix';

const honorStatus = (key: keyof HonorsFixture) => (admin: GraphClient, fx: Fixture) =>
  admin.data(`query($id: ID!) { honor(id: $id) { status } }`, { id: fx[key] });
const priorHonorsOf = (key: 'draftA' | 'draftB') => (admin: GraphClient, fx: Fixture) =>
  admin.data(`query($id: ID!) { submission(id: $id) { priorHonors { id verified } } }`, { id: fx[key] });

/** A fresh unverified prior honor of unit A's draft, recorded by the office, with a proof file when `withFile`. */
async function freshPriorHonor(admin: GraphClient, fx: Fixture, n: number, withFile = false): Promise<string> {
  const { recordPriorHonor } = await admin.data<{ recordPriorHonor: { id: string } }>(
    `mutation($s: ID!, $name: String!) { recordPriorHonor(input: { submissionId: $s, level: MUNICIPAL, name: $name, issuer: "上海市总工会", year: 2018 }) { id } }`,
    { s: fx.draftA, name: `上海市职工技术创新成果奖 ${n}` },
  );
  if (withFile) {
    const body = Buffer.from('%PDF-1.4\n%%EOF\n');
    const { createPriorHonorEvidenceUpload } = await admin.data<{ createPriorHonorEvidenceUpload: { uploadUrl: string } }>(
      `mutation($id: ID!, $size: Int!) { createPriorHonorEvidenceUpload(input: { priorHonorId: $id, fileName: "证书.pdf", contentType: "application/pdf", size: $size }) { uploadUrl } }`,
      { id: recordPriorHonor.id, size: body.length },
    );
    const put = await fetch(`${fx.origin}${createPriorHonorEvidenceUpload.uploadUrl}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body,
    });
    if (put.status !== 201) throw new Error(`upload answered ${put.status}`);
  }
  return recordPriorHonor.id;
}

/**
 * The authorization rows of the operations the honors subgraph serves: honors and their lifecycle,
 * objections, award quotas, the calendar, prior honors and the assessment of organizing units.
 */
/** Two more unions, equal on every step, assessed in the draft contest: all its unions tie for its one place. */
const tieForOnePlace = async (admin: GraphClient, fx: Fixture, n: number): Promise<string[]> => {
  const ids: string[] = [];
  for (const side of ['甲', '乙']) {
    const { createOrganization } = await admin.data<{ createOrganization: { id: string } }>(
      `mutation($name: String!) { createOrganization(input: { name: $name, kind: DISTRICT_UNION }) { id } }`,
      { name: `并列工会 ${n}${side}` },
    );
    await admin.data(
      `mutation($c: ID!, $u: ID!) { evaluateOrganizer(input: { contestId: $c, organizationId: $u, leadership: 20, promotion: 20, performance: 20, incentive: 20, features: 20 }) { id } }`,
      { c: fx.draftContest, u: createOrganization.id },
    );
    ids.push(createOrganization.id);
  }
  return ids;
};
const tieDecision = async (admin: GraphClient, fx: Fixture) =>
  (
    await admin.data<{ organizerTie: { decision: unknown } | null }>(
      `query($c: ID!) { organizerTie(contestId: $c, places: 1) { decision { reason } } }`,
      { c: fx.draftContest },
    )
  ).organizerTie?.decision ?? null;

export const HONORS_TABLE: Row[] = [
  {
    operation: 'Mutation.nominateHonors',
    scenario: "a list of one unit inside the organizer's union",
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('nominateHonors'),
    snapshot: total(`{ honors { totalCount } }`),
    run: async (api, fx, n, admin) => {
      const { createOrganization } = await admin.data<{ createOrganization: { id: string } }>(
        `mutation($union: ID!, $name: String!) { createOrganization(input: { name: $name, kind: ENTERPRISE, parentId: $union }) { id } }`,
        { union: fx.union, name: `批量候选单位 ${n}` },
      );
      return api.request(`mutation($inputs: [NominateHonorInput!]!) { nominateHonors(inputs: $inputs) { id } }`, {
        inputs: [
          { contestId: fx.contest, awardTypeCode: 'MAY_DAY_AWARD', recipientKind: 'ORGANIZATION', recipientId: createOrganization.id },
        ],
      });
    },
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
    operation: 'Query.organizerTie',
    scenario: 'organizing units tied for the one place',
    allowed: ['ADMIN', 'ANALYST'],
    pick: root('organizerTie'),
    run: async (api, fx, n, admin) => {
      await tieForOnePlace(admin, fx, n);
      return api.request(`query($c: ID!) { organizerTie(contestId: $c, places: 1) { rank seatsLeft } }`, { c: fx.draftContest });
    },
  },
  {
    operation: 'Mutation.decideOrganizerTie',
    scenario: 'choosing which of the tied units takes the place',
    allowed: ['ADMIN'],
    pick: root('decideOrganizerTie'),
    snapshot: tieDecision,
    run: async (api, fx, n, admin) => {
      const [chosen] = await tieForOnePlace(admin, fx, n);
      return api.request(
        `mutation($c: ID!, $u: ID!) { decideOrganizerTie(contestId: $c, places: 1, organizationIds: [$u], reason: "评审委员会复议决定") { rank } }`,
        { c: fx.draftContest, u: chosen },
      );
    },
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
    operation: 'Mutation.withdrawHonors',
    scenario: 'a list of one fresh nomination',
    allowed: ['ADMIN'],
    pick: root('withdrawHonors'),
    snapshot: total(`{ honors(status: WITHDRAWN) { totalCount } }`),
    // The office nominates a fresh unit first, so that every allowed call has a nomination to withdraw.
    run: async (api, fx, n, admin) => {
      const { createOrganization } = await admin.data<{ createOrganization: { id: string } }>(
        `mutation($union: ID!, $name: String!) { createOrganization(input: { name: $name, kind: ENTERPRISE, parentId: $union }) { id } }`,
        { union: fx.union, name: `撤回候选单位 ${n}` },
      );
      const { nominateHonor } = await admin.data<{ nominateHonor: { id: string } }>(
        `mutation($contest: ID!, $id: ID!) { nominateHonor(input: { contestId: $contest, awardTypeCode: "MAY_DAY_AWARD", recipientId: $id }) { id } }`,
        { contest: fx.contest, id: createOrganization.id },
      );
      return api.request(`mutation($ids: [ID!]!) { withdrawHonors(ids: $ids, reason: "申报单位主动撤回") { status } }`, {
        ids: [nominateHonor.id],
      });
    },
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
    operation: 'Mutation.recordObjection',
    scenario: 'a letter received in the announcement window (the office)',
    allowed: ['ADMIN'],
    pick: root('recordObjection'),
    snapshot: (admin, fx) => admin.data(`query($id: ID!) { honor(id: $id) { objections { id } } }`, { id: fx.honorToObject }),
    run: (api, fx, n) =>
      api.request(
        `mutation($id: ID!, $text: String!, $on: LocalDate!) { recordObjection(input: { honorId: $id, channel: LETTER, receivedOn: $on, objectorName: "王先生", contact: "13900000000", text: $text }) { id } }`,
        {
          id: fx.honorToObject,
          on: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
          text: `来信反映事迹材料有疑问，请核实（${n}）。`,
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
    operation: 'Query.confirmedCalendarYears',
    scenario: 'the years the office confirmed',
    allowed: ALL,
    pick: root('confirmedCalendarYears'),
    run: (api) => api.request(`{ confirmedCalendarYears { year } }`),
  },
  {
    operation: 'Mutation.confirmCalendarYear',
    scenario: 'a year the statutory calendar does not cover',
    allowed: ['ADMIN'],
    pick: root('confirmCalendarYear'),
    snapshot: (admin) => admin.data(`{ confirmedCalendarYears { year reason } }`),
    run: (api, _fx, n) =>
      api.request(`mutation($reason: String!) { confirmCalendarYear(year: 2031, reason: $reason) { year } }`, {
        reason: `依据国务院办公厅通知录入（${n}）`,
      }),
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
    operation: 'Mutation.recordPriorHonors',
    scenario: "a list of one for unit A's draft (the office, or unit A's submitter)",
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('recordPriorHonors'),
    snapshot: priorHonorsOf('draftA'),
    run: (api, fx, n) =>
      api.request(`mutation($inputs: [PriorHonorInput!]!) { recordPriorHonors(inputs: $inputs) { id } }`, {
        inputs: [
          { submissionId: fx.draftA, level: 'PROVINCIAL_MINISTERIAL', name: `教育部科技进步奖一等奖 ${n}`, issuer: '教育部', year: 2018 },
        ],
      }),
  },
  {
    operation: 'Mutation.recordPriorHonors',
    scenario: "a list of one for unit B's draft",
    allowed: ['ADMIN'],
    pick: root('recordPriorHonors'),
    snapshot: priorHonorsOf('draftB'),
    run: (api, fx, n) =>
      api.request(`mutation($inputs: [PriorHonorInput!]!) { recordPriorHonors(inputs: $inputs) { id } }`, {
        inputs: [{ submissionId: fx.draftB, level: 'NATIONAL', name: `中国专利金奖 ${n}`, issuer: '国家知识产权局', year: 2017 }],
      }),
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
    operation: 'Mutation.verifyPriorHonors',
    scenario: "a list of one fresh prior honor of unit B's draft",
    allowed: ['ADMIN'],
    pick: root('verifyPriorHonors'),
    snapshot: (admin, fx) =>
      admin
        .data<{ submission: { priorHonors: { verified: boolean }[] } }>(
          `query($id: ID!) { submission(id: $id) { priorHonors { verified } } }`,
          { id: fx.draftB },
        )
        .then((d) => d.submission.priorHonors.filter((p) => p.verified).length),
    // The office records a fresh one first (it stays unverified), so that every allowed call has one to verify.
    run: async (api, fx, n, admin) => {
      const { recordPriorHonor } = await admin.data<{ recordPriorHonor: { id: string } }>(
        `mutation($s: ID!, $name: String!) { recordPriorHonor(input: { submissionId: $s, level: NATIONAL, name: $name, issuer: "国务院", year: 2016 }) { id } }`,
        { s: fx.draftB, name: `国家技术发明奖二等奖 ${n}` },
      );
      return api.request(`mutation($ids: [ID!]!) { verifyPriorHonors(ids: $ids) { verified } }`, { ids: [recordPriorHonor.id] });
    },
  },
  {
    operation: 'Mutation.createPriorHonorEvidenceUpload',
    scenario: "a proof file for a prior honor of unit A's draft (the office, or unit A's submitter)",
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('createPriorHonorEvidenceUpload'),
    run: async (api, fx, n, admin) => {
      const id = await freshPriorHonor(admin, fx, n);
      return api.request(
        `mutation($id: ID!) { createPriorHonorEvidenceUpload(input: { priorHonorId: $id, fileName: "证书.pdf", contentType: "application/pdf", size: 100 }) { uploadUrl } }`,
        { id },
      );
    },
  },
  {
    operation: 'Mutation.removePriorHonorEvidence',
    scenario: "removing the proof file of a prior honor of unit A's draft",
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('removePriorHonorEvidence'),
    run: async (api, fx, n, admin) => {
      const id = await freshPriorHonor(admin, fx, n, true);
      return api.request(`mutation($id: ID!) { removePriorHonorEvidence(priorHonorId: $id) { id } }`, { id });
    },
  },
];
