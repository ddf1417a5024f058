import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

/**
 * What every honors suite runs on: a graph of its own with two unions and three units, and
 * builders and readers that go through the public API as the office would. Every refusal is
 * checked twice: the coded error naming the field, and — read back through the API — that
 * nothing was written.
 */

export type Id = { id: string };
export type Honor = {
  id: string;
  status: string;
  awardTypeCode: string;
  recipientKind: string;
  recipientName: string;
  organizationName: string;
  year: number;
  announcedAt: string | null;
  objectionsCloseAt: string | null;
  decisionNumber: string | null;
  conferredOn: string | null;
  ceremony: string | null;
  certificateNumber: string | null;
  revokedAt: string | null;
  endReason: string | null;
};
export type BatchError = { index: number; id: string; code: string; message: string };

export const HONOR =
  'id status awardTypeCode recipientKind recipientName organizationName year announcedAt objectionsCloseAt decisionNumber conferredOn ceremony certificateNumber revokedAt endReason';
/** A well-formed id that names nothing. */
export const MISSING = '00000000-0000-4000-8000-000000000000';
export const ext = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;
export const batchErrors = (r: GraphResponse<unknown>) => (ext(r)?.details as { errors: BatchError[] } | undefined)?.errors;
export const CONFERRAL = { decisionNumber: '沪工总〔2020〕1号', conferredOn: '2020-01-15', ceremony: '总结表彰大会' };
export const FRIDAY = new Date('2019-11-29T02:00:00Z');
export const at = (iso: string) => new Date(iso);

/** Starts the graph for the suite it is called in (the clock is reset after each test) and hands out its builders. */
export function honorsSuite() {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  /** 浦东新区总工会 over two enterprises; 徐汇区总工会 over a third, outside the first union. */
  let union: string;
  let otherUnion: string;
  let unitA: string;
  let unitB: string;
  let unitC: string;
  let serial = 0;

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    union = (await make.organization({ name: '浦东新区总工会', kind: 'DISTRICT_UNION' })).id;
    otherUnion = (await make.organization({ name: '徐汇区总工会', kind: 'DISTRICT_UNION' })).id;
    unitA = (await make.organization({ name: '上海华虹（集团）有限公司', parentId: union })).id;
    unitB = (await make.organization({ name: '上海微电子装备（集团）股份有限公司', parentId: union })).id;
    unitC = (await make.organization({ name: '上海市徐汇区中心医院', kind: 'HOSPITAL', parentId: otherUnion })).id;
  });
  afterAll(() => graph?.stop());
  afterEach(() => graph.setNow(null));

  // Builders and readers, all through the public API.

  const contest = async (year = 2019) => (await make.contest({ year })).id;
  const unit = async (name?: string, parentId = union) => (await make.organization({ ...(name ? { name } : {}), parentId })).id;

  const person = async (name: string, organizationId: string) =>
    (
      await admin.data<{ createPerson: Id }>(
        `mutation($n: String!, $o: ID!) { createPerson(input: { name: $n, organizationId: $o }) { id } }`,
        { n: name, o: organizationId },
      )
    ).createPerson.id;

  const team = async (name: string, organizationId: string, memberIds: string[] = []) =>
    (
      await admin.data<{ createTeam: Id }>(
        `mutation($n: String!, $o: ID!, $m: [ID!]) { createTeam(input: { name: $n, organizationId: $o, memberIds: $m }) { id } }`,
        { n: name, o: organizationId, m: memberIds },
      )
    ).createTeam.id;

  const setQuota = (contestId: string, awardTypeCode: string, quota: number) =>
    admin.request<{ setAwardQuota: { id: string; quota: number; awardType: { code: string } } }>(
      `mutation($c: ID!, $t: String!, $q: Int!) { setAwardQuota(contestId: $c, awardTypeCode: $t, quota: $q) { id quota awardType { code } } }`,
      { c: contestId, t: awardTypeCode, q: quota },
    );

  const quotas = async (contestId: string) =>
    (
      await admin.data<{ contest: { awardQuotas: { quota: number; awardType: { code: string } }[] } }>(
        `query($c: ID!) { contest(id: $c) { awardQuotas { quota awardType { code } } } }`,
        { c: contestId },
      )
    ).contest.awardQuotas.map((q) => [q.awardType.code, q.quota]);

  const nominate = (input: Record<string, unknown>, client: GraphClient = admin) =>
    client.request<{ nominateHonor: Honor }>(`mutation($input: NominateHonorInput!) { nominateHonor(input: $input) { ${HONOR} } }`, {
      input,
    });

  /** Nominates each recipient for the award type (setting the quota first when given) and returns the honor ids in order. */
  async function nominated(contestId: string, awardTypeCode: string, recipientIds: string[], quota?: number): Promise<string[]> {
    if (quota !== undefined) expect((await setQuota(contestId, awardTypeCode, quota)).errors).toBeUndefined();
    const ids: string[] = [];
    for (const recipientId of recipientIds) {
      const result = await nominate({ contestId, awardTypeCode, recipientId });
      expect(result.errors).toBeUndefined();
      ids.push(result.data!.nominateHonor.id);
    }
    return ids;
  }

  /** The contest's honors as the office sees them, in the list's order. */
  const honorsOf = async (contestId: string, status?: string) =>
    (
      await admin.data<{ honors: { totalCount: number; nodes: Honor[] } }>(
        `query($c: ID, $s: HonorStatus) { honors(contestId: $c, status: $s, first: 100) { totalCount nodes { ${HONOR} } } }`,
        {
          c: contestId,
          s: status ?? null,
        },
      )
    ).honors;

  const read = async (id: string, client: GraphClient = admin) =>
    (await client.data<{ honor: Honor }>(`query($id: ID!) { honor(id: $id) { ${HONOR} } }`, { id })).honor;
  const statuses = async (ids: string[]) => Promise.all(ids.map(async (id) => (await read(id)).status));

  const propose = (ids: string[]) =>
    admin.request<{ proposeHonors: Honor[] }>(`mutation($ids: [ID!]!) { proposeHonors(ids: $ids) { ${HONOR} } }`, { ids });
  const announce = (ids: string[]) =>
    admin.request<{ announceHonors: Honor[] }>(`mutation($ids: [ID!]!) { announceHonors(ids: $ids) { ${HONOR} } }`, { ids });
  const confer = (ids: string[], input: Record<string, unknown> = CONFERRAL) =>
    admin.request<{ conferHonors: Honor[] }>(
      `mutation($ids: [ID!]!, $input: ConferralInput!) { conferHonors(ids: $ids, input: $input) { ${HONOR} } }`,
      { ids, input },
    );
  const withdraw = (id: string, reason: string) =>
    admin.request<{ withdrawHonor: Honor }>(`mutation($id: ID!, $r: String!) { withdrawHonor(id: $id, reason: $r) { ${HONOR} } }`, {
      id,
      r: reason,
    });
  const revoke = (id: string, reason: string) =>
    admin.request<{ revokeHonor: Honor }>(`mutation($id: ID!, $r: String!) { revokeHonor(id: $id, reason: $r) { ${HONOR} } }`, {
      id,
      r: reason,
    });

  /** Organization honors of a fresh contest, nominated, proposed and announced at `announcedAt`. */
  async function announced(count: number, announcedAt: Date = FRIDAY, year = 2019): Promise<{ contestId: string; ids: string[] }> {
    const contestId = await contest(year);
    const units: string[] = [];
    for (let i = 0; i < count; i++) units.push(await unit());
    const ids = await nominated(contestId, 'MAY_DAY_AWARD', units, Math.max(count, 1));
    expect((await propose(ids)).errors).toBeUndefined();
    graph.setNow(announcedAt);
    expect((await announce(ids)).errors).toBeUndefined();
    return { contestId, ids };
  }

  const auditOf = async (id: string) =>
    (
      await admin.data<{
        honor: { auditTrail: { nodes: { action: string; reason: string | null; actor: string; after: string | null }[] } };
      }>(`query($id: ID!) { honor(id: $id) { auditTrail(first: 100) { nodes { action reason actor after } } } }`, { id })
    ).honor.auditTrail.nodes;

  const fileObjection = (client: GraphClient, honorId: string, contact = '13800000000') =>
    client.request<{ fileObjection: { id: string; status: string } }>(
      `mutation($input: ObjectionInput!) { fileObjection(input: $input) { id status } }`,
      {
        input: { honorId, text: '该单位申报材料中的部分数据与实际不符，请核实。', contact },
      },
    );
  const resolveObjection = (id: string, outcome: 'UPHELD' | 'DISMISSED', resolution = '经核实，情况属实。') =>
    admin.request<{ resolveObjection: { id: string; status: string; resolution: string } }>(
      `mutation($id: ID!, $o: ObjectionOutcome!, $r: String!) { resolveObjection(id: $id, outcome: $o, resolution: $r) { id status resolution } }`,
      { id, o: outcome, r: resolution },
    );
  const objectionsOf = async (honorId: string, client: GraphClient = admin) =>
    (
      await client.data<{ honor: { objections: { id: string; status: string; contact: string | null; text: string }[] } }>(
        `query($id: ID!) { honor(id: $id) { objections { id status contact text } } }`,
        { id: honorId },
      )
    ).honor.objections;

  /**
   * A contest whose FINAL round (its only one) is closed and ready to be finalized: one
   * submitted entry per title, each of its own unit under the union; the office advances
   * `excellent` in the closed round, which makes them EXCELLENT, and eliminates the rest.
   */
  async function finalRound(titles: string[], excellent: string[]) {
    const contestId = await contest();
    const { createTrack } = await admin.data<{ createTrack: Id }>(
      `mutation($c: ID!) { createTrack(input: { contestId: $c, code: "AI", name: "人工智能" }) { id } }`,
      { c: contestId },
    );
    await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: contestId });
    const submission: Record<string, string> = {};
    const unitOf: Record<string, string> = {};
    for (const title of titles) {
      serial += 1;
      const unitId = await unit(`成果单位 ${serial}`);
      const leader = await person(`负责人 ${serial}`, unitId);
      await make.enrol(contestId, unitId);
      const { createSubmission } = await admin.data<{ createSubmission: Id }>(
        `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
        {
          input: {
            contestId,
            organizationId: unitId,
            title,
            trackId: createTrack.id,
            summary: '用于荣誉测试的创新成果。',
            achievementKind: 'TECHNOLOGY',
            keywords: ['荣誉'],
            applicationEffect: '已在多家单位推广应用。',
            leaderId: leader,
          },
        },
      );
      await admin.data(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { id } }`, { id: createSubmission.id });
      submission[title] = createSubmission.id;
      unitOf[title] = unitId;
    }
    const { createReviewRound } = await admin.data<{ createReviewRound: Id }>(
      `mutation($c: ID!) { createReviewRound(input: { contestId: $c, name: "终评", stage: FINAL, order: 1, threshold: 75 }) { id } }`,
      { c: contestId },
    );
    const roundId = createReviewRound.id;
    await admin.data(`mutation($r: ID!) { takeEntries(roundId: $r) { taken } }`, { r: roundId });
    const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: { id: string; submission: Id }[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { entries(first: 100) { nodes { id submission { id } } } } }`,
      { r: roundId },
    );
    const entryOf = Object.fromEntries(reviewRound.entries.nodes.map((e) => [e.submission.id, e.id]));
    const moveRound = (status: string) =>
      admin.data(`mutation($r: ID!, $s: RoundStatus!) { changeReviewRoundStatus(id: $r, status: $s) { status } }`, {
        r: roundId,
        s: status,
      });
    await moveRound('OPEN');
    await moveRound('CLOSED');
    for (const title of titles) {
      await admin.data(
        `mutation($r: ID!, $e: ID!, $o: OverrideOutcome!) { overrideRoundResult(roundId: $r, entryId: $e, outcome: $o, reason: "终评会议决定") { id } }`,
        {
          r: roundId,
          e: entryOf[submission[title]!],
          o: excellent.includes(title) ? 'ADVANCE' : 'ELIMINATE',
        },
      );
    }
    return { contestId, roundId, submission, unitOf, finalize: () => moveRound('FINALIZED') };
  }

  return {
    /** What beforeAll made: for tests and hooks, as the suite is declared before it runs. */
    world: () => ({ graph, admin, make, union, otherUnion, unitA, unitB, unitC }),
    contest,
    unit,
    person,
    team,
    setQuota,
    quotas,
    nominate,
    nominated,
    honorsOf,
    read,
    statuses,
    propose,
    announce,
    confer,
    withdraw,
    revoke,
    announced,
    auditOf,
    fileObjection,
    resolveObjection,
    objectionsOf,
    finalRound,
  };
}
