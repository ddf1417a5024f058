import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../src';

/**
 * Honors through the gateway: the award catalog and quotas, nominations, the lifecycle from
 * proposal (拟授予) through the announcement (公示) to conferral and revocation, objections,
 * prior honors, the assessment of organizing units, the federated views, and the agency API
 * on the honors subgraph itself. Every refusal is checked twice: the coded error naming the
 * field, and — read back through the API — that nothing was written.
 */

type Id = { id: string };
type Honor = {
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
type BatchError = { id: string; code: string; message: string };

const HONOR =
  'id status awardTypeCode recipientKind recipientName organizationName year announcedAt objectionsCloseAt decisionNumber conferredOn ceremony certificateNumber revokedAt endReason';
/** A well-formed id that names nothing. */
const MISSING = '00000000-0000-4000-8000-000000000000';
const ext = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;
const batchErrors = (r: GraphResponse<unknown>) => (ext(r)?.details as { errors: BatchError[] } | undefined)?.errors;
const CONFERRAL = { decisionNumber: '沪工总〔2020〕1号', conferredOn: '2020-01-15', ceremony: '总结表彰大会' };
const FRIDAY = new Date('2019-11-29T02:00:00Z');
const at = (iso: string) => new Date(iso);

describe('honors', () => {
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

  describe('the award catalog and quotas', () => {
    it('lists the five award types of 2019 with their Chinese and English names, recipient kind and level', async () => {
      const { awardTypes } = await graph.anonymous.data<{ awardTypes: unknown[] }>(
        `{ awardTypes { code nameZh nameEn recipientKind level } }`,
      );
      expect(awardTypes).toEqual([
        {
          code: 'MAY_DAY_MEDAL',
          nameZh: '上海市五一劳动奖章',
          nameEn: 'Shanghai May Day Labor Medal',
          recipientKind: 'PERSON',
          level: 'MUNICIPAL',
        },
        {
          code: 'WORKER_PIONEER',
          nameZh: '上海市工人先锋号',
          nameEn: 'Shanghai Worker Pioneer',
          recipientKind: 'TEAM',
          level: 'MUNICIPAL',
        },
        {
          code: 'MAY_DAY_AWARD',
          nameZh: '上海市五一劳动奖状',
          nameEn: 'Shanghai May Day Labor Award',
          recipientKind: 'ORGANIZATION',
          level: 'MUNICIPAL',
        },
        {
          code: 'EXCELLENT_ORGANIZATION',
          nameZh: '优秀组织奖',
          nameEn: 'Excellent Organization Award',
          recipientKind: 'ORGANIZATION',
          level: 'CONTEST',
        },
        {
          code: 'EXCELLENT_ACHIEVEMENT',
          nameZh: '优秀创新成果',
          nameEn: 'Excellent Innovation Achievement',
          recipientKind: 'SUBMISSION',
          level: 'CONTEST',
        },
      ]);
    });

    it('sets a quota per award type, shown on the contest; setting it again changes it in place', async () => {
      const c = await contest();
      expect(await quotas(c)).toEqual([]);
      const set = await setQuota(c, 'MAY_DAY_MEDAL', 43);
      expect(set.errors).toBeUndefined();
      expect(set.data?.setAwardQuota).toMatchObject({ quota: 43, awardType: { code: 'MAY_DAY_MEDAL' } });
      expect((await setQuota(c, 'EXCELLENT_ACHIEVEMENT', 90)).errors).toBeUndefined();
      expect((await setQuota(c, 'MAY_DAY_MEDAL', 45)).data?.setAwardQuota.id).toBe(set.data?.setAwardQuota.id);
      expect(await quotas(c)).toEqual([
        ['EXCELLENT_ACHIEVEMENT', 90],
        ['MAY_DAY_MEDAL', 45],
      ]);
    });

    it('refuses an unknown award type, a quota below 1 and an unknown contest, naming the field, and writes nothing', async () => {
      const c = await contest();
      expect((await setQuota(c, 'NOBEL_PRIZE', 1)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'awardTypeCode',
      });
      expect(ext(await setQuota(c, 'MAY_DAY_AWARD', 0))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quota' });
      expect(ext(await setQuota(MISSING, 'MAY_DAY_AWARD', 5))).toMatchObject({ code: 'NOT_FOUND', field: 'contestId' });
      expect(await quotas(c)).toEqual([]);
    });

    it('a quota cannot drop below the honors already proposed (QUOTA_BELOW_AWARDED)', async () => {
      const c = await contest();
      const ids = await nominated(c, 'MAY_DAY_AWARD', [await unit(), await unit()], 2);
      expect((await propose(ids)).errors).toBeUndefined();
      expect(ext(await setQuota(c, 'MAY_DAY_AWARD', 1))).toMatchObject({ code: 'QUOTA_BELOW_AWARDED', field: 'quota' });
      expect(await quotas(c)).toEqual([['MAY_DAY_AWARD', 2]]);
    });
  });

  describe('nominations', () => {
    it('a recipient that does not exist is NOT_FOUND on recipientId, and nothing is written', async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_AWARD', 10);
      expect(ext(await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: MISSING }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'recipientId',
      });
      expect(ext(await nominate({ contestId: MISSING, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unitA }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'contestId',
      });
      expect((await honorsOf(c)).totalCount).toBe(0);
    });

    it("a recipient of another kind than the award type's is BAD_USER_INPUT on recipientKind (a medal is for a person), and nothing is written", async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_MEDAL', 10);
      const result = await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_MEDAL', recipientKind: 'ORGANIZATION', recipientId: unitA });
      expect(ext(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipientKind' });
      expect(result.errors?.[0]?.message).toContain('PERSON');
      // Without the kind, an organization's id names no person.
      expect(ext(await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_MEDAL', recipientId: unitA }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'recipientId',
      });
      expect(ext(await nominate({ contestId: c, awardTypeCode: 'NOBEL_PRIZE', recipientId: unitA }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'awardTypeCode',
      });
      expect((await honorsOf(c)).totalCount).toBe(0);
    });

    it('an award type without a quota takes no nominations (QUOTA_NOT_SET), and nothing is written', async () => {
      const c = await contest();
      expect(ext(await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unitA }))).toMatchObject({
        code: 'QUOTA_NOT_SET',
        field: 'awardTypeCode',
      });
      expect((await honorsOf(c)).totalCount).toBe(0);
    });

    it('a recipient is nominated once per award type and contest: the second is ALREADY_EXISTS', async () => {
      const c = await contest();
      await nominated(c, 'MAY_DAY_AWARD', [unitA], 10);
      expect(ext(await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unitA }))).toMatchObject({
        code: 'ALREADY_EXISTS',
        field: 'recipientId',
      });
      // Even after it was withdrawn.
      const [first] = (await honorsOf(c)).nodes;
      expect((await withdraw(first!.id, '申报单位主动撤回')).errors).toBeUndefined();
      expect(ext(await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unitA }))).toMatchObject({
        code: 'ALREADY_EXISTS',
        field: 'recipientId',
      });
      expect((await honorsOf(c)).totalCount).toBe(1);
      // Another award type for the same unit is a nomination of its own.
      await nominated(c, 'EXCELLENT_ORGANIZATION', [unitA], 10);
      expect((await honorsOf(c)).totalCount).toBe(2);
    });

    it('nominations may reach 120% of the quota (差额推荐): 12 for a quota of 10; the 13th is QUOTA_EXCEEDED', async () => {
      const c = await contest();
      const units: string[] = [];
      for (let i = 0; i < 13; i++) units.push(await unit());
      await nominated(c, 'MAY_DAY_AWARD', units.slice(0, 12), 10);
      const thirteenth = await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: units[12] });
      expect(ext(thirteenth)).toMatchObject({ code: 'QUOTA_EXCEEDED', field: 'awardTypeCode' });
      expect(ext(thirteenth)?.details).toMatchObject({ quota: 10, limit: 12, counted: 12 });
      // A repeat is still named a repeat when the nominations are full.
      expect(ext(await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: units[0] }))).toMatchObject({
        code: 'ALREADY_EXISTS',
        field: 'recipientId',
      });
      expect((await honorsOf(c)).totalCount).toBe(12);
    });

    it("a union's organizer nominates only within its own subtree; outside it is FORBIDDEN and nothing is written", async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_AWARD', 10);
      const organizer = await graph.as('ORGANIZER', { org: union, sub: 'organizer-pudong' });
      const inside = await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unitB }, organizer);
      expect(inside.errors).toBeUndefined();
      expect(inside.data?.nominateHonor).toMatchObject({ status: 'NOMINATED', recipientName: '上海微电子装备（集团）股份有限公司' });
      const outside = await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unitC }, organizer);
      expect(ext(outside)).toMatchObject({ code: 'FORBIDDEN', field: 'recipientId' });
      const otherUnits = await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: otherUnion }, organizer);
      expect(ext(otherUnits)).toMatchObject({ code: 'FORBIDDEN' });
      // A submitter may not nominate at all.
      const submitter = await graph.as('SUBMITTER', { org: unitA });
      expect(ext(await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unitA }, submitter))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect((await honorsOf(c)).nodes.map((h) => h.recipientName)).toEqual(['上海微电子装备（集团）股份有限公司']);
      expect((await auditOf(inside.data!.nominateHonor.id)).map((a) => [a.action, a.actor])).toEqual([
        ['honor.nominate', 'organizer-pudong'],
      ]);
    });

    it('a person (medal), a team (Worker Pioneer) and an organization are nominated, their names and units taken from their owners', async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_MEDAL', 43);
      await setQuota(c, 'WORKER_PIONEER', 25);
      await setQuota(c, 'MAY_DAY_AWARD', 11);
      const engineer = await person('王建国', unitA);
      const crew = await team('光刻机双工件台攻关团队', unitB, [await person('李明', unitB)]);
      const medal = await nominate({
        contestId: c,
        awardTypeCode: 'MAY_DAY_MEDAL',
        recipientKind: 'PERSON',
        recipientId: engineer,
        citation: '带领团队攻克关键工艺',
      });
      const pioneer = await nominate({ contestId: c, awardTypeCode: 'WORKER_PIONEER', recipientKind: 'TEAM', recipientId: crew });
      const award = await nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unitC });
      for (const r of [medal, pioneer, award]) expect(r.errors).toBeUndefined();
      expect(medal.data?.nominateHonor).toMatchObject({
        status: 'NOMINATED',
        recipientKind: 'PERSON',
        recipientName: '王建国',
        organizationName: '上海华虹（集团）有限公司',
        year: 2019,
      });
      expect(pioneer.data?.nominateHonor).toMatchObject({
        recipientKind: 'TEAM',
        recipientName: '光刻机双工件台攻关团队',
        organizationName: '上海微电子装备（集团）股份有限公司',
      });
      expect(award.data?.nominateHonor).toMatchObject({
        recipientKind: 'ORGANIZATION',
        recipientName: '上海市徐汇区中心医院',
        organizationName: '上海市徐汇区中心医院',
      });
      const { honor } = await admin.data<{
        honor: { citation: string; recipient: { __typename: string; name: string }; contest: Id; awardType: { nameZh: string } };
      }>(
        `query($id: ID!) { honor(id: $id) { citation recipient { __typename ... on Person { name } } contest { id } awardType { nameZh } } }`,
        { id: medal.data!.nominateHonor.id },
      );
      expect(honor).toEqual({
        citation: '带领团队攻克关键工艺',
        recipient: { __typename: 'Person', name: '王建国' },
        contest: { id: c },
        awardType: { nameZh: '上海市五一劳动奖章' },
      });
    });

    it('an excellent achievement must be EXCELLENT in the final round: any other entry is NOT_EXCELLENT, and nothing is written', async () => {
      const f = await finalRound(['高精度光刻对准技术', '智能巡检机器人'], ['高精度光刻对准技术']);
      await setQuota(f.contestId, 'EXCELLENT_ACHIEVEMENT', 90);
      // Before the round is finalized, nothing is EXCELLENT yet.
      const early = await nominate({
        contestId: f.contestId,
        awardTypeCode: 'EXCELLENT_ACHIEVEMENT',
        recipientId: f.submission['高精度光刻对准技术'],
      });
      expect(ext(early)).toMatchObject({ code: 'NOT_EXCELLENT', field: 'recipientId' });
      await f.finalize();
      const eliminated = await nominate({
        contestId: f.contestId,
        awardTypeCode: 'EXCELLENT_ACHIEVEMENT',
        recipientId: f.submission['智能巡检机器人'],
      });
      expect(ext(eliminated)).toMatchObject({ code: 'NOT_EXCELLENT', field: 'recipientId' });
      // An achievement of another contest is no recipient here either.
      const elsewhere = await contest();
      await setQuota(elsewhere, 'EXCELLENT_ACHIEVEMENT', 5);
      expect(
        ext(
          await nominate({ contestId: elsewhere, awardTypeCode: 'EXCELLENT_ACHIEVEMENT', recipientId: f.submission['高精度光刻对准技术'] }),
        ),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'recipientId',
      });
      expect((await honorsOf(f.contestId)).totalCount).toBe(0);
      expect((await honorsOf(elsewhere)).totalCount).toBe(0);
      const excellent = await nominate({
        contestId: f.contestId,
        awardTypeCode: 'EXCELLENT_ACHIEVEMENT',
        recipientId: f.submission['高精度光刻对准技术'],
      });
      expect(excellent.errors).toBeUndefined();
      expect(excellent.data?.nominateHonor).toMatchObject({ recipientKind: 'SUBMISSION', recipientName: '高精度光刻对准技术' });
    });
  });

  describe('the lifecycle: proposal, announcement, conferral, withdrawal and revocation', () => {
    it('proposals never exceed the quota: a batch of 11 of 12 nominations is refused whole, 10 go through, the 11th alone is QUOTA_EXCEEDED', async () => {
      const c = await contest();
      const units: string[] = [];
      for (let i = 0; i < 12; i++) units.push(await unit());
      const ids = await nominated(c, 'MAY_DAY_AWARD', units, 10);

      const eleven = await propose(ids.slice(0, 11));
      expect(ext(eleven)).toMatchObject({ code: 'BATCH_REFUSED', field: 'ids' });
      expect(batchErrors(eleven)).toEqual([{ id: ids[10], code: 'QUOTA_EXCEEDED', message: expect.stringContaining('10') }]);
      expect(eleven.data?.proposeHonors ?? null).toBeNull();
      expect((await honorsOf(c, 'PROPOSED')).totalCount).toBe(0);
      expect((await honorsOf(c, 'NOMINATED')).totalCount).toBe(12);

      const ten = await propose(ids.slice(0, 10));
      expect(ten.errors).toBeUndefined();
      expect(ten.data?.proposeHonors.map((h) => h.status)).toEqual(Array(10).fill('PROPOSED'));

      const alone = await propose([ids[10]!]);
      expect(ext(alone)).toMatchObject({ code: 'QUOTA_EXCEEDED', field: 'awardTypeCode' });
      expect(await statuses([ids[10]!, ids[11]!])).toEqual(['NOMINATED', 'NOMINATED']);
      expect((await honorsOf(c, 'PROPOSED')).totalCount).toBe(10);

      // A withdrawn proposal gives its place back.
      expect((await withdraw(ids[0]!, '经复核不符合条件')).errors).toBeUndefined();
      expect((await propose([ids[10]!])).errors).toBeUndefined();
    });

    it('the public record keeps the names as proposed: renaming the person or the unit afterwards changes nothing', async () => {
      const c = await contest();
      const home = await unit('上海集成电路研发中心');
      const engineer = await person('陈静', home);
      const [medal] = await nominated(c, 'MAY_DAY_MEDAL', [engineer], 5);
      const [award] = await nominated(c, 'MAY_DAY_AWARD', [home], 5);
      // A name changed before the proposal is the name proposed.
      await admin.data(`mutation($id: ID!) { updatePerson(id: $id, input: { name: "陈静怡" }) { id } }`, { id: engineer });
      expect((await propose([medal!, award!])).errors).toBeUndefined();
      expect(await read(medal!)).toMatchObject({ recipientName: '陈静怡', organizationName: '上海集成电路研发中心' });

      await admin.data(`mutation($id: ID!) { updatePerson(id: $id, input: { name: "陈某" }) { id } }`, { id: engineer });
      await admin.data(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "上海集成电路研发中心有限公司" }) { id } }`, {
        id: home,
      });
      graph.setNow(FRIDAY);
      expect((await announce([medal!, award!])).errors).toBeUndefined();
      // The public (anonymous) record, and the office's, are as proposed.
      for (const client of [graph.anonymous, admin]) {
        expect(await read(medal!, client)).toMatchObject({ recipientName: '陈静怡', organizationName: '上海集成电路研发中心' });
        expect(await read(award!, client)).toMatchObject({
          recipientName: '上海集成电路研发中心',
          organizationName: '上海集成电路研发中心',
        });
      }
      // The recipient itself is renamed, through federation.
      const { honor } = await graph.anonymous.data<{ honor: { recipient: { name: string } } }>(
        `query($id: ID!) { honor(id: $id) { recipient { ... on Organization { name } } } }`,
        { id: award },
      );
      expect(honor.recipient.name).toBe('上海集成电路研发中心有限公司');
    });

    it('announcing on Friday 2019-11-29 opens five working days for objections, closing at the end of Friday 2019-12-06, Beijing time', async () => {
      const { ids } = await announced(1, FRIDAY);
      expect(await read(ids[0]!)).toMatchObject({
        status: 'ANNOUNCED',
        announcedAt: FRIDAY.toISOString(),
        objectionsCloseAt: '2019-12-06T16:00:00.000Z',
      });
      // Late on Thursday evening UTC it is already Friday in Shanghai.
      const late = await announced(1, at('2019-11-28T17:30:00Z'));
      expect((await read(late.ids[0]!)).objectionsCloseAt).toBe('2019-12-06T16:00:00.000Z');
    });

    it('a configured holiday lengthens the window; removing it restores the plain count', async () => {
      const holiday = await admin.request<{ setCalendarDay: { date: string; kind: string; name: string } }>(
        `mutation { setCalendarDay(date: "2019-12-04", kind: HOLIDAY, name: "测试假日") { date kind name } }`,
      );
      expect(holiday.data?.setCalendarDay).toEqual({ date: '2019-12-04', kind: 'HOLIDAY', name: '测试假日' });
      const { calendarDays } = await graph.anonymous.data<{ calendarDays: { date: string; kind: string }[] }>(
        `{ calendarDays(year: 2019) { date kind } }`,
      );
      expect(calendarDays).toContainEqual({ date: '2019-12-04', kind: 'HOLIDAY' });
      // The seeded calendar knows 2019's National Day and its make-up workdays.
      expect(calendarDays).toContainEqual({ date: '2019-10-01', kind: 'HOLIDAY' });
      expect(calendarDays).toContainEqual({ date: '2019-09-29', kind: 'WORKDAY' });
      try {
        const longer = await announced(1, FRIDAY);
        expect((await read(longer.ids[0]!)).objectionsCloseAt).toBe('2019-12-09T16:00:00.000Z');
      } finally {
        expect((await admin.request(`mutation { removeCalendarDay(date: "2019-12-04") { date } }`)).errors).toBeUndefined();
      }
      const plain = await announced(1, FRIDAY);
      expect((await read(plain.ids[0]!)).objectionsCloseAt).toBe('2019-12-06T16:00:00.000Z');
      // A bad date names the field; an unknown day is NOT_FOUND.
      expect(ext(await admin.request(`mutation { setCalendarDay(date: "2019-12-04", kind: HOLIDAY, name: "") { date } }`))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      expect(ext(await admin.request(`mutation { removeCalendarDay(date: "2019-12-04") { date } }`))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'date',
      });
    });

    it('conferral waits for the window: before it closes ANNOUNCEMENT_WINDOW_OPEN and nothing changes; after it CONFERRED with decision, date, ceremony and certificate', async () => {
      const { ids } = await announced(2, FRIDAY);
      graph.setNow(at('2019-12-06T15:59:00Z'));
      const early = await confer(ids);
      expect(ext(early)).toMatchObject({ code: 'BATCH_REFUSED', field: 'ids' });
      expect(batchErrors(early)?.map((e) => e.code)).toEqual(['ANNOUNCEMENT_WINDOW_OPEN', 'ANNOUNCEMENT_WINDOW_OPEN']);
      const one = await confer([ids[0]!]);
      expect(ext(one)).toMatchObject({ code: 'ANNOUNCEMENT_WINDOW_OPEN', field: 'ids' });
      expect(await read(ids[0]!)).toMatchObject({ status: 'ANNOUNCED', decisionNumber: null, conferredOn: null, certificateNumber: null });

      graph.setNow(at('2019-12-06T16:00:00Z'));
      const done = await confer(ids);
      expect(done.errors).toBeUndefined();
      const [a, b] = done.data!.conferHonors;
      expect(a).toMatchObject({
        status: 'CONFERRED',
        decisionNumber: '沪工总〔2020〕1号',
        conferredOn: '2020-01-15',
        ceremony: '总结表彰大会',
      });
      expect(a!.certificateNumber).toMatch(/^2019-MAY_DAY_AWARD-\d{4}$/);
      expect(b!.certificateNumber).not.toBe(a!.certificateNumber);
      expect(await read(ids[1]!, graph.anonymous)).toMatchObject({ status: 'CONFERRED', certificateNumber: b!.certificateNumber });
      // Another contest of the same year never repeats a certificate number.
      const other = await announced(1, FRIDAY);
      graph.setNow(at('2019-12-09T02:00:00Z'));
      const next = (await confer(other.ids)).data!.conferHonors[0]!.certificateNumber;
      expect(next).toMatch(/^2019-MAY_DAY_AWARD-\d{4}$/);
      expect([a!.certificateNumber, b!.certificateNumber]).not.toContain(next);
    });

    it('a conferral needs a decision number and a date, and one certificate number names one honor', async () => {
      const { ids } = await announced(2, FRIDAY);
      graph.setNow(at('2019-12-10T02:00:00Z'));
      expect(ext(await confer(ids, { ...CONFERRAL, decisionNumber: ' ' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'decisionNumber',
      });
      expect(ext(await confer(ids, { ...CONFERRAL, certificateNumber: 'ZS-0001' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'certificateNumber',
      });
      expect(ext(await confer([], CONFERRAL))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
      expect(await statuses(ids)).toEqual(['ANNOUNCED', 'ANNOUNCED']);
      const single = await confer([ids[0]!], { ...CONFERRAL, certificateNumber: 'ZS-0001' });
      expect(single.data?.conferHonors[0]?.certificateNumber).toBe('ZS-0001');
    });

    it('every illegal transition is INVALID_TRANSITION and changes nothing', async () => {
      const c = await contest();
      const [nominatedId, proposedId, conferredId] = await nominated(c, 'MAY_DAY_AWARD', [await unit(), await unit(), await unit()], 3);
      expect((await propose([proposedId!, conferredId!])).errors).toBeUndefined();
      graph.setNow(FRIDAY);
      expect((await announce([conferredId!])).errors).toBeUndefined();
      graph.setNow(at('2019-12-09T02:00:00Z'));
      expect((await confer([conferredId!])).errors).toBeUndefined();
      const before = await Promise.all([nominatedId!, proposedId!, conferredId!].map((id) => read(id)));

      const refusals = [
        await confer([nominatedId!]),
        await confer([proposedId!]),
        await revoke(nominatedId!, '不应撤销提名'),
        await revoke(proposedId!, '不应撤销拟授予'),
        await announce([nominatedId!]),
        await announce([conferredId!]),
        await propose([proposedId!]),
        await propose([conferredId!]),
        await withdraw(conferredId!, '授予后只能撤销'),
        await confer([conferredId!]),
      ];
      for (const r of refusals) expect(ext(r)).toMatchObject({ code: 'INVALID_TRANSITION' });
      expect(refusals[0]!.errors?.[0]?.message).toContain('NOMINATED');
      expect(await Promise.all([nominatedId!, proposedId!, conferredId!].map((id) => read(id)))).toEqual(before);
    });

    it('withdrawing and revoking need a reason (BAD_USER_INPUT on reason), and nothing changes without one', async () => {
      const { ids } = await announced(2, FRIDAY);
      graph.setNow(at('2019-12-09T02:00:00Z'));
      expect((await confer([ids[1]!])).errors).toBeUndefined();
      expect(ext(await withdraw(ids[0]!, ''))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(ext(await revoke(ids[1]!, '  '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await statuses(ids)).toEqual(['ANNOUNCED', 'CONFERRED']);
      expect(ext(await withdraw(MISSING, '无此荣誉的撤回'))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('a conferred honor is revoked with a reason and stays public as REVOKED; every transition is in its audit trail with who and why', async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      graph.setNow(at('2019-12-09T02:00:00Z'));
      expect((await confer([id])).errors).toBeUndefined();
      graph.setNow(at('2020-03-02T02:00:00Z'));
      const revoked = await revoke(id, '获奖单位发生重大安全生产事故');
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data?.revokeHonor).toMatchObject({
        status: 'REVOKED',
        endReason: '获奖单位发生重大安全生产事故',
        revokedAt: '2020-03-02T02:00:00.000Z',
      });
      expect(await read(id, graph.anonymous)).toMatchObject({ status: 'REVOKED', endReason: '获奖单位发生重大安全生产事故' });
      expect((await auditOf(id)).map((a) => ({ action: a.action, reason: a.reason, actor: a.actor }))).toEqual([
        { action: 'honor.nominate', reason: null, actor: 'office-admin' },
        { action: 'honor.propose', reason: null, actor: 'office-admin' },
        { action: 'honor.announce', reason: null, actor: 'office-admin' },
        { action: 'honor.confer', reason: null, actor: 'office-admin' },
        { action: 'honor.revoke', reason: '获奖单位发生重大安全生产事故', actor: 'office-admin' },
      ]);
      // Withdrawal before conferral is recorded the same way.
      const other = await announced(1, FRIDAY);
      expect((await withdraw(other.ids[0]!, '公示期间发现材料不实')).data?.withdrawHonor).toMatchObject({
        status: 'WITHDRAWN',
        endReason: '公示期间发现材料不实',
      });
      expect((await auditOf(other.ids[0]!)).at(-1)).toMatchObject({ action: 'honor.withdraw', reason: '公示期间发现材料不实' });
      // A withdrawn honor leaves the public record.
      expect(
        (await graph.anonymous.request(`query($id: ID!) { honor(id: $id) { status } }`, { id: other.ids[0] })).errors?.[0]?.extensions
          ?.code,
      ).toBe('FORBIDDEN');
    });
  });

  describe('objections during the announcement', () => {
    it('anyone signed in may object while the window is open; an anonymous caller may not; after the window it is ANNOUNCEMENT_WINDOW_CLOSED', async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      const citizen = await graph.as('SUBMITTER', { org: unitB, sub: 'objector-1' });
      graph.setNow(at('2019-12-03T03:00:00Z'));
      const filed = await fileObjection(citizen, id);
      expect(filed.errors).toBeUndefined();
      expect(filed.data?.fileObjection.status).toBe('OPEN');

      expect(ext(await fileObjection(graph.anonymous, id))).toMatchObject({ code: 'FORBIDDEN' });
      graph.setNow(at('2019-12-06T16:00:00Z'));
      expect(ext(await fileObjection(citizen, id))).toMatchObject({ code: 'ANNOUNCEMENT_WINDOW_CLOSED', field: 'honorId' });
      expect((await objectionsOf(id)).map((o) => o.status)).toEqual(['OPEN']);
    });

    it('an honor not yet announced takes no objection: FORBIDDEN to those who may not see it, ANNOUNCEMENT_WINDOW_CLOSED to the office', async () => {
      const c = await contest();
      const [proposedId] = await nominated(c, 'MAY_DAY_AWARD', [await unit()], 2);
      expect((await propose([proposedId!])).errors).toBeUndefined();
      const citizen = await graph.as('SUBMITTER', { org: unitB, sub: 'objector-2' });
      expect(ext(await fileObjection(citizen, proposedId!))).toMatchObject({ code: 'FORBIDDEN', field: 'honorId' });
      expect(ext(await fileObjection(admin, proposedId!))).toMatchObject({ code: 'ANNOUNCEMENT_WINDOW_CLOSED' });
      expect(await objectionsOf(proposedId!)).toEqual([]);
    });

    it('an open objection blocks conferral (OBJECTION_OPEN, nothing changes); dismissed, the honor is conferred', async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      graph.setNow(at('2019-12-02T03:00:00Z'));
      const filed = await fileObjection(await graph.as('EXPERT', { sub: 'objector-3' }), id);
      graph.setNow(at('2019-12-10T02:00:00Z'));
      expect(ext(await confer([id]))).toMatchObject({ code: 'OBJECTION_OPEN', field: 'ids' });
      expect(await read(id)).toMatchObject({ status: 'ANNOUNCED', decisionNumber: null });
      const dismissed = await resolveObjection(filed.data!.fileObjection.id, 'DISMISSED', '经核实，申报材料属实。');
      expect(dismissed.data?.resolveObjection).toMatchObject({ status: 'DISMISSED', resolution: '经核实，申报材料属实。' });
      expect(ext(await resolveObjection(filed.data!.fileObjection.id, 'UPHELD'))).toMatchObject({ code: 'INVALID_TRANSITION' });
      expect((await confer([id])).data?.conferHonors[0]?.status).toBe('CONFERRED');
      expect((await auditOf(id)).map((a) => a.action)).toEqual([
        'honor.nominate',
        'honor.propose',
        'honor.announce',
        'objection.file',
        'objection.dismissed',
        'honor.confer',
      ]);
    });

    it('an upheld objection withdraws the honor', async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      graph.setNow(at('2019-12-02T03:00:00Z'));
      const filed = await fileObjection(await graph.as('ORGANIZER', { org: otherUnion, sub: 'objector-4' }), id);
      const upheld = await resolveObjection(filed.data!.fileObjection.id, 'UPHELD', '经核实，该单位存在违规行为。');
      expect(upheld.data?.resolveObjection.status).toBe('UPHELD');
      expect(await read(id)).toMatchObject({ status: 'WITHDRAWN', endReason: expect.stringContaining('经核实，该单位存在违规行为。') });
      // Both are recorded in the same instant, by the same request.
      expect(
        (await auditOf(id))
          .slice(-2)
          .map((a) => [a.action, a.reason])
          .sort(),
      ).toEqual([
        ['honor.withdraw', '经核实，该单位存在违规行为。'],
        ['objection.upheld', '经核实，该单位存在违规行为。'],
      ]);
      expect(ext(await resolveObjection(MISSING, 'DISMISSED'))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('a second objection to an honor already withdrawn can still be resolved, and the honor stays withdrawn', async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      graph.setNow(at('2019-12-02T03:00:00Z'));
      const first = await fileObjection(await graph.as('SUBMITTER', { org: unitA, sub: 'objector-7' }), id);
      const second = await fileObjection(await graph.as('SUBMITTER', { org: unitB, sub: 'objector-8' }), id);
      expect((await resolveObjection(first.data!.fileObjection.id, 'UPHELD', '材料存在虚假内容。')).errors).toBeUndefined();
      const again = await resolveObjection(second.data!.fileObjection.id, 'UPHELD', '同一问题，一并处理。');
      expect(again.errors).toBeUndefined();
      expect(again.data?.resolveObjection.status).toBe('UPHELD');
      expect(await read(id)).toMatchObject({ status: 'WITHDRAWN', endReason: expect.stringContaining('材料存在虚假内容。') });
      expect((await objectionsOf(id)).map((o) => o.status)).toEqual(['UPHELD', 'UPHELD']);
      expect((await auditOf(id)).filter((a) => a.action === 'honor.withdraw')).toHaveLength(1);
    });

    it("the objector's contact is for the office only: null for analysts, and never in the audit trail", async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      graph.setNow(at('2019-12-02T03:00:00Z'));
      expect(
        (await fileObjection(await graph.as('SUBMITTER', { org: unitA, sub: 'objector-5' }), id, 'objector@example.org')).errors,
      ).toBeUndefined();
      expect((await objectionsOf(id))[0]).toMatchObject({ status: 'OPEN', contact: 'objector@example.org' });
      const analyst = await graph.as('ANALYST', { sub: 'analyst-1' });
      expect((await objectionsOf(id, analyst))[0]).toMatchObject({ status: 'OPEN', contact: null, text: expect.stringContaining('核实') });
      expect(JSON.stringify(await auditOf(id))).not.toContain('objector@example.org');
      expect(
        JSON.stringify(
          await analyst.data(`query($id: ID!) { honor(id: $id) { auditTrail(first: 100) { nodes { before after } } } }`, { id }),
        ),
      ).not.toContain('objector@example.org');
      // Objections are not public.
      const publicView = await graph.anonymous.request<{ honor: { objections: unknown } }>(
        `query($id: ID!) { honor(id: $id) { status objections { id } } }`,
        { id },
      );
      expect(ext(publicView)).toMatchObject({ code: 'FORBIDDEN' });
      expect(publicView.data?.honor?.objections ?? null).toBeNull();
    });
  });

  describe('bulk transitions are all or nothing', () => {
    it('conferring a batch where one honor is still in its window is BATCH_REFUSED naming it, and none is conferred', async () => {
      const early = await announced(2, FRIDAY);
      const late = await announced(1, at('2019-12-05T02:00:00Z'));
      graph.setNow(at('2019-12-09T02:00:00Z'));
      const batch = [...early.ids, ...late.ids];
      const result = await confer(batch);
      expect(ext(result)).toMatchObject({ code: 'BATCH_REFUSED', field: 'ids' });
      expect(batchErrors(result)).toEqual([{ id: late.ids[0], code: 'ANNOUNCEMENT_WINDOW_OPEN', message: expect.any(String) }]);
      expect(await statuses(batch)).toEqual(['ANNOUNCED', 'ANNOUNCED', 'ANNOUNCED']);
      expect(await Promise.all(batch.map(async (id) => (await read(id)).certificateNumber))).toEqual([null, null, null]);
    });

    it('a batch with an open objection, an unknown id or a repeated id is refused whole', async () => {
      const { ids } = await announced(3, FRIDAY);
      graph.setNow(at('2019-12-03T03:00:00Z'));
      await fileObjection(await graph.as('SUBMITTER', { org: unitA, sub: 'objector-6' }), ids[1]!);
      graph.setNow(at('2019-12-09T02:00:00Z'));
      const objected = await confer(ids);
      expect(batchErrors(objected)).toEqual([{ id: ids[1], code: 'OBJECTION_OPEN', message: expect.any(String) }]);
      const unknown = await confer([ids[0]!, MISSING]);
      expect(batchErrors(unknown)).toEqual([{ id: MISSING, code: 'NOT_FOUND', message: expect.any(String) }]);
      expect(ext(await confer([ids[0]!, ids[0]!]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
      expect(await statuses(ids)).toEqual(['ANNOUNCED', 'ANNOUNCED', 'ANNOUNCED']);
      // Without the objected one, the rest go through.
      expect((await confer([ids[0]!, ids[2]!])).data?.conferHonors.map((h) => h.status)).toEqual(['CONFERRED', 'CONFERRED']);
    });
  });

  describe('requests at the same time', () => {
    it('concurrent nominations never pass 120% of the quota', async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_AWARD', 2);
      const units: string[] = [];
      for (let i = 0; i < 6; i++) units.push(await unit());
      const results = await Promise.all(
        units.map((recipientId) => nominate({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId })),
      );
      expect(results.filter((r) => !r.errors).length).toBe(2);
      expect(results.filter((r) => r.errors).map((r) => ext(r)?.code)).toEqual(Array(4).fill('QUOTA_EXCEEDED'));
      expect((await honorsOf(c)).totalCount).toBe(2);
    });

    it('concurrent proposals never pass the quota, and concurrent conferrals never share a certificate number', async () => {
      const c = await contest();
      const units: string[] = [];
      for (let i = 0; i < 6; i++) units.push(await unit());
      const ids = await nominated(c, 'MAY_DAY_AWARD', units, 5);
      const proposals = await Promise.all(ids.map((id) => propose([id])));
      expect(proposals.filter((r) => !r.errors).length).toBe(5);
      expect(proposals.filter((r) => r.errors).map((r) => ext(r)?.code)).toEqual(['QUOTA_EXCEEDED']);
      expect((await honorsOf(c, 'PROPOSED')).totalCount).toBe(5);

      const proposed = (await honorsOf(c, 'PROPOSED')).nodes.map((h) => h.id);
      graph.setNow(FRIDAY);
      expect((await announce(proposed)).errors).toBeUndefined();
      graph.setNow(at('2019-12-09T02:00:00Z'));
      const conferrals = await Promise.all(proposed.map((id) => confer([id])));
      expect(conferrals.map((r) => r.errors)).toEqual(Array(5).fill(undefined));
      const numbers = conferrals.map((r) => r.data!.conferHonors[0]!.certificateNumber);
      expect(new Set(numbers).size).toBe(5);
    });

    it('two calls at once propose the excellent achievements once', async () => {
      const f = await finalRound(['量子通信网络', '脑机接口'], ['量子通信网络', '脑机接口']);
      await f.finalize();
      await setQuota(f.contestId, 'EXCELLENT_ACHIEVEMENT', 2);
      const calls = await Promise.all(
        [1, 2].map(() =>
          admin.request<{ proposeExcellentAchievements: Id[] }>(`mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { id } }`, {
            r: f.roundId,
          }),
        ),
      );
      expect(calls.map((r) => r.errors)).toEqual([undefined, undefined]);
      expect(calls.map((r) => r.data!.proposeExcellentAchievements.length).sort()).toEqual([0, 2]);
      expect((await honorsOf(f.contestId, 'PROPOSED')).totalCount).toBe(2);
    });
  });

  describe('excellent achievements from the final round', () => {
    let f: Awaited<ReturnType<typeof finalRound>>;
    const TITLES = ['超导量子芯片', '手术机器人', '海上风电运维', '智慧港口调度'];

    beforeAll(async () => {
      f = await finalRound(TITLES, TITLES.slice(0, 3));
    });

    it('a round that is not finalized, or not a final, gives no excellent achievements', async () => {
      await setQuota(f.contestId, 'EXCELLENT_ACHIEVEMENT', 3);
      const early = await admin.request(`mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { id } }`, { r: f.roundId });
      expect(ext(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundId' });
      expect((await honorsOf(f.contestId)).totalCount).toBe(0);
      expect(
        ext(await admin.request(`mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { id } }`, { r: MISSING })),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'roundId' });
      const screening = await make.reviewRound({ contestId: await contest() });
      expect(
        ext(await admin.request(`mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { id } }`, { r: screening.id })),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundId' });
      expect((await honorsOf(f.contestId)).totalCount).toBe(0);
    });

    it('proposes every EXCELLENT achievement of a finalized final round in one go, within the quota; calling again adds nothing', async () => {
      await f.finalize();
      expect(ext(await setQuota(f.contestId, 'EXCELLENT_ACHIEVEMENT', 2))).toBeUndefined();
      const over = await admin.request(`mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { id } }`, { r: f.roundId });
      expect(ext(over)).toMatchObject({ code: 'QUOTA_EXCEEDED' });
      expect((await honorsOf(f.contestId)).totalCount).toBe(0);

      await setQuota(f.contestId, 'EXCELLENT_ACHIEVEMENT', 3);
      const result = await admin.request<{ proposeExcellentAchievements: Honor[] }>(
        `mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { ${HONOR} } }`,
        { r: f.roundId },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.proposeExcellentAchievements.map((h) => [h.recipientName, h.status]).sort()).toEqual(
        TITLES.slice(0, 3)
          .map((t) => [t, 'PROPOSED'])
          .sort(),
      );
      const again = await admin.request<{ proposeExcellentAchievements: Honor[] }>(
        `mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { id } }`,
        { r: f.roundId },
      );
      expect(again.data?.proposeExcellentAchievements).toEqual([]);
      expect((await honorsOf(f.contestId)).totalCount).toBe(3);
      expect((await honorsOf(f.contestId, 'PROPOSED')).totalCount).toBe(3);
    });
  });

  describe('prior honors of an achievement', () => {
    let f: Awaited<ReturnType<typeof finalRound>>;
    const record = (client: GraphClient, submissionId: string, level: string, name: string) =>
      client.request<{ recordPriorHonor: { id: string; verified: boolean } }>(
        `mutation($input: PriorHonorInput!) { recordPriorHonor(input: $input) { id verified } }`,
        {
          input: { submissionId, level, name, issuer: '上海市人民政府', year: 2018, evidence: '证书编号 2018-001' },
        },
      );
    const priorOf = async (client: GraphClient, submissionId: string) =>
      (
        await client.data<{ submission: { priorHonors: { name: string; level: string; verified: boolean }[] } }>(
          `query($s: ID!) { submission(id: $s) { priorHonors { name level verified } } }`,
          { s: submissionId },
        )
      ).submission.priorHonors;

    beforeAll(async () => {
      f = await finalRound(['大型盾构机主轴承', '细胞治疗制备平台', '城市大脑'], ['大型盾构机主轴承', '细胞治疗制备平台', '城市大脑']);
      await f.finalize();
    });

    it("the office or a submitter of the achievement's own unit records it; another unit is FORBIDDEN and nothing is written", async () => {
      const s = f.submission['大型盾构机主轴承']!;
      const own = await graph.as('SUBMITTER', { org: f.unitOf['大型盾构机主轴承'], sub: 'submitter-own' });
      const other = await graph.as('SUBMITTER', { org: f.unitOf['城市大脑'], sub: 'submitter-other' });
      const organizer = await graph.as('ORGANIZER', { org: union, sub: 'organizer-2' });
      expect(ext(await record(other, s, 'NATIONAL', '国家科学技术进步奖二等奖'))).toMatchObject({
        code: 'FORBIDDEN',
        field: 'submissionId',
      });
      expect(ext(await record(organizer, s, 'NATIONAL', '国家科学技术进步奖二等奖'))).toMatchObject({ code: 'FORBIDDEN' });
      expect(ext(await record(graph.anonymous, s, 'NATIONAL', '国家科学技术进步奖二等奖'))).toMatchObject({ code: 'FORBIDDEN' });
      expect(ext(await record(own, MISSING, 'NATIONAL', '国家科学技术进步奖二等奖'))).toMatchObject({
        code: 'FORBIDDEN',
        field: 'submissionId',
      });
      expect(ext(await record(admin, MISSING, 'NATIONAL', '国家科学技术进步奖二等奖'))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'submissionId',
      });
      expect(ext(await record(own, s, 'NATIONAL', 'x'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(await priorOf(admin, s)).toEqual([]);

      const mine = await record(own, s, 'NATIONAL', '国家科学技术进步奖二等奖');
      expect(mine.data?.recordPriorHonor).toMatchObject({ verified: false });
      expect((await record(admin, s, 'MUNICIPAL', '上海市科技进步奖三等奖')).errors).toBeUndefined();
      expect((await priorOf(admin, s)).map((p) => [p.level, p.verified]).sort()).toEqual([
        ['MUNICIPAL', false],
        ['NATIONAL', false],
      ]);
    });

    it('the office verifies; verified ones show to everyone who sees the achievement, unverified ones only to the office and analysts', async () => {
      const s = f.submission['细胞治疗制备平台']!;
      const own = await graph.as('SUBMITTER', { org: f.unitOf['细胞治疗制备平台'], sub: 'submitter-cell' });
      const national = (await record(own, s, 'NATIONAL', '国家技术发明奖二等奖')).data!.recordPriorHonor.id;
      await record(own, s, 'OTHER', '行业协会创新奖');
      expect(await priorOf(own, s)).toEqual([]);
      expect(ext(await own.request(`mutation($id: ID!) { verifyPriorHonor(id: $id) { verified } }`, { id: national }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect((await priorOf(admin, s)).filter((p) => p.verified)).toEqual([]);

      const verified = await admin.request<{ verifyPriorHonor: { verified: boolean; verifiedAt: string } }>(
        `mutation($id: ID!) { verifyPriorHonor(id: $id) { verified verifiedAt } }`,
        { id: national },
      );
      expect(verified.data?.verifyPriorHonor.verified).toBe(true);
      expect(ext(await admin.request(`mutation($id: ID!) { verifyPriorHonor(id: $id) { verified } }`, { id: national }))).toMatchObject({
        code: 'INVALID_TRANSITION',
      });
      expect(await priorOf(own, s)).toEqual([{ name: '国家技术发明奖二等奖', level: 'NATIONAL', verified: true }]);
      expect(await priorOf(await graph.as('ANALYST'), s)).toHaveLength(2);
      expect(await priorOf(admin, s)).toHaveLength(2);
    });

    it('the honors summary counts the excellent achievements by the highest level of their verified prior honors', async () => {
      const verify = (id: string) => admin.data(`mutation($id: ID!) { verifyPriorHonor(id: $id) { id } }`, { id });
      for (const [title, level, name] of [
        ['大型盾构机主轴承', 'PROVINCIAL_MINISTERIAL', '上海市科技进步奖一等奖'],
        ['城市大脑', 'PROVINCIAL_MINISTERIAL', '上海市科技进步奖一等奖'],
        ['城市大脑', 'MUNICIPAL', '区级科技创新成果奖'],
      ] as const) {
        await verify((await record(admin, f.submission[title]!, level, name)).data!.recordPriorHonor.id);
      }
      // 大型盾构机主轴承's NATIONAL honor of the first test is still unverified.
      await setQuota(f.contestId, 'EXCELLENT_ACHIEVEMENT', 90);
      expect(
        (await admin.request(`mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { id } }`, { r: f.roundId })).errors,
      ).toBeUndefined();
      const summary = async (client: GraphClient) =>
        (
          await client.data<{
            contest: {
              honorsSummary: {
                counts: { awardType: { code: string }; status: string; count: number }[];
                priorHonorLevels: { level: string; count: number }[];
              };
            };
          }>(
            `query($c: ID!) { contest(id: $c) { honorsSummary { counts { awardType { code } status count } priorHonorLevels { level count } } } }`,
            { c: f.contestId },
          )
        ).contest.honorsSummary;
      expect(await summary(admin)).toEqual({
        counts: [{ awardType: { code: 'EXCELLENT_ACHIEVEMENT' }, status: 'PROPOSED', count: 3 }],
        priorHonorLevels: [
          { level: 'NATIONAL', count: 1 },
          { level: 'PROVINCIAL_MINISTERIAL', count: 2 },
          { level: 'MUNICIPAL', count: 0 },
          { level: 'OTHER', count: 0 },
        ],
      });
      // Nothing is public before the announcement.
      expect(await summary(graph.anonymous)).toEqual({
        counts: [],
        priorHonorLevels: [
          { level: 'NATIONAL', count: 0 },
          { level: 'PROVINCIAL_MINISTERIAL', count: 0 },
          { level: 'MUNICIPAL', count: 0 },
          { level: 'OTHER', count: 0 },
        ],
      });
    });
  });

  describe('the assessment of organizing units (优秀组织奖)', () => {
    const scores = (base: number, performance = base) => ({
      leadership: base,
      promotion: base,
      performance,
      incentive: base,
      features: base,
    });
    const evaluate = (contestId: string, organizationId: string, s: Record<string, number>) =>
      admin.request<{ evaluateOrganizer: { id: string; leadership: number } }>(
        `mutation($input: EvaluationInput!) { evaluateOrganizer(input: $input) { id leadership } }`,
        {
          input: { contestId, organizationId, ...s },
        },
      );
    const ranking = (client: GraphClient, contestId: string, places: number) =>
      client.request<{
        organizerEvaluations: {
          evaluation: { organization: { name: string }; performance: number };
          total: number;
          rank: number;
          candidate: boolean;
        }[];
      }>(
        `query($c: ID!, $p: Int!) { organizerEvaluations(contestId: $c, places: $p) { evaluation { organization { name } performance } total rank candidate } }`,
        { c: contestId, p: places },
      );

    it('scores each dimension from 0 to 20: 21 is BAD_USER_INPUT naming the dimension; a unit that is not a union is BAD_USER_INPUT on organizationId; nothing is written', async () => {
      const c = await contest();
      expect(ext(await evaluate(c, union, { ...scores(18), performance: 21 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'performance',
      });
      expect(ext(await evaluate(c, union, { ...scores(18), leadership: -1 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'leadership',
      });
      expect(ext(await evaluate(c, unitA, scores(18)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
      expect(ext(await evaluate(c, MISSING, scores(18)))).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
      expect(ext(await evaluate(MISSING, union, scores(18)))).toMatchObject({ code: 'NOT_FOUND', field: 'contestId' });
      expect((await ranking(admin, c, 10)).data?.organizerEvaluations).toEqual([]);
    });

    it('ranks the units by total and marks the first places as candidates; a revision replaces the scores; analysts read it, submitters may not', async () => {
      const c = await contest();
      const third = (await make.organization({ name: '市科技工会', kind: 'INDUSTRY_UNION' })).id;
      expect((await evaluate(c, union, scores(19))).errors).toBeUndefined();
      expect((await evaluate(c, otherUnion, scores(15))).errors).toBeUndefined();
      expect((await evaluate(c, third, scores(16))).errors).toBeUndefined();
      // Revised: 徐汇 now beats the industry union on total.
      expect((await evaluate(c, otherUnion, { ...scores(17), performance: 18.5 })).errors).toBeUndefined();
      const analyst = await graph.as('ANALYST');
      const ranked = await ranking(analyst, c, 2);
      expect(ranked.errors).toBeUndefined();
      expect(ranked.data?.organizerEvaluations.map((r) => [r.evaluation.organization.name, r.total, r.rank, r.candidate])).toEqual([
        ['浦东新区总工会', 95, 1, true],
        ['徐汇区总工会', 86.5, 2, true],
        ['市科技工会', 80, 3, false],
      ]);
      const submitter = await ranking(await graph.as('SUBMITTER', { org: unitA }), c, 2);
      expect(ext(submitter)).toMatchObject({ code: 'FORBIDDEN' });
      expect(submitter.data?.organizerEvaluations ?? null).toBeNull();
    });
  });

  describe('honors across the graph', () => {
    it('shows honors on the person, the team, the organization and the achievement they were given to', async () => {
      const f = await finalRound(['新型储能电池'], ['新型储能电池']);
      await f.finalize();
      const home = f.unitOf['新型储能电池']!;
      const worker = await person('赵磊', home);
      const crew = await team('储能电池研发团队', home, [worker]);
      await nominated(f.contestId, 'MAY_DAY_MEDAL', [worker], 5);
      await nominated(f.contestId, 'WORKER_PIONEER', [crew], 5);
      await nominated(f.contestId, 'MAY_DAY_AWARD', [home], 5);
      await nominated(f.contestId, 'EXCELLENT_ACHIEVEMENT', [f.submission['新型储能电池']!], 5);
      const {
        person: p,
        team: t,
        organization: o,
        submission: s,
      } = await admin.data<Record<string, { honors: { awardTypeCode: string; status: string }[] }>>(
        `query($p: ID!, $t: ID!, $o: ID!, $s: ID!) {
          person(id: $p) { honors { awardTypeCode status } }
          team(id: $t) { honors { awardTypeCode status } }
          organization(id: $o) { honors { awardTypeCode status } }
          submission(id: $s) { honors { awardTypeCode status } }
        }`,
        { p: worker, t: crew, o: home, s: f.submission['新型储能电池'] },
      );
      expect([p, t, o, s].map((x) => x!.honors)).toEqual([
        [{ awardTypeCode: 'MAY_DAY_MEDAL', status: 'NOMINATED' }],
        [{ awardTypeCode: 'WORKER_PIONEER', status: 'NOMINATED' }],
        [{ awardTypeCode: 'MAY_DAY_AWARD', status: 'NOMINATED' }],
        [{ awardTypeCode: 'EXCELLENT_ACHIEVEMENT', status: 'NOMINATED' }],
      ]);
      // The public sees no unpublished honor on the organization.
      const { organization } = await graph.anonymous.data<{ organization: { honors: unknown[] } }>(
        `query($o: ID!) { organization(id: $o) { honors { status } } }`,
        { o: home },
      );
      expect(organization.honors).toEqual([]);
    });

    it("the contest's honors summary counts per award type and status; anonymous callers see public records only", async () => {
      const { contestId, ids } = await announced(3, FRIDAY);
      await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: contestId });
      const [, , third] = await nominated(
        contestId,
        'EXCELLENT_ORGANIZATION',
        [union, otherUnion, (await make.organization({ kind: 'INDUSTRY_UNION' })).id],
        5,
      );
      expect((await withdraw(third!, '不再推荐')).errors).toBeUndefined();
      graph.setNow(at('2019-12-09T02:00:00Z'));
      expect((await confer([ids[0]!])).errors).toBeUndefined();
      const summary = async (client: GraphClient) =>
        (
          await client.data<{ contest: { honorsSummary: { counts: { awardType: { code: string }; status: string; count: number }[] } } }>(
            `query($c: ID!) { contest(id: $c) { honorsSummary { counts { awardType { code } status count } } } }`,
            { c: contestId },
          )
        ).contest.honorsSummary.counts.map((c) => [c.awardType.code, c.status, c.count]);
      expect(await summary(admin)).toEqual([
        ['EXCELLENT_ORGANIZATION', 'NOMINATED', 2],
        ['EXCELLENT_ORGANIZATION', 'WITHDRAWN', 1],
        ['MAY_DAY_AWARD', 'ANNOUNCED', 2],
        ['MAY_DAY_AWARD', 'CONFERRED', 1],
      ]);
      expect(await summary(graph.anonymous)).toEqual([
        ['MAY_DAY_AWARD', 'ANNOUNCED', 2],
        ['MAY_DAY_AWARD', 'CONFERRED', 1],
      ]);
    });
  });

  describe('the agency API on the honors subgraph', () => {
    /** The 2020 contest: public records of four award types, and some that are not public. */
    const YEAR = 2020;
    let contestId: string;
    const ids: Record<string, string> = {};
    let objected: string;
    let agency: GraphClient;
    type Row = {
      id: string;
      status: string;
      awardTypeCode: string;
      recipientKind: string;
      recipientName: string;
      organizationName: string;
      year: number;
    };
    const ROW = 'id status awardTypeCode recipientKind recipientName organizationName year';

    const list = (client: GraphClient, args: Record<string, unknown> = {}) =>
      client.request<{ honors: { totalCount: number; nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
        `query($year: Int, $awardTypeCode: String, $recipientKind: RecipientKind, $organizationName: String, $status: HonorStatus, $first: Int, $after: String) {
          honors(year: $year, awardTypeCode: $awardTypeCode, recipientKind: $recipientKind, organizationName: $organizationName, status: $status, first: $first, after: $after) {
            totalCount nodes { ${ROW} } pageInfo { hasNextPage endCursor }
          }
        }`,
        { year: YEAR, ...args },
      );

    async function pageThrough(client: GraphClient, args: Record<string, unknown> = {}): Promise<Row[]> {
      const rows: Row[] = [];
      for (let after: string | null = null; ;) {
        const page = await list(client, { ...args, first: 2, after });
        expect(page.errors).toBeUndefined();
        expect(page.data!.honors.nodes.length).toBeLessThanOrEqual(2);
        rows.push(...page.data!.honors.nodes);
        if (!page.data!.honors.pageInfo.hasNextPage) return rows;
        after = page.data!.honors.pageInfo.endCursor;
      }
    }

    beforeAll(async () => {
      contestId = await contest(YEAR);
      const hospital = await unit('上海市第六人民医院');
      const institute = await unit('中国科学院上海光学精密机械研究所');
      const people = {
        doctor: await person('张医生', hospital),
        nurse: await person('李护士', hospital),
        physicist: await person('王研究员', institute),
      };
      const crew = await team('激光聚变攻关团队', institute, [people.physicist]);
      const [doctor, nurse, physicist] = await nominated(contestId, 'MAY_DAY_MEDAL', [people.doctor, people.nurse, people.physicist], 3);
      const [pioneer] = await nominated(contestId, 'WORKER_PIONEER', [crew], 2);
      const [awardHospital, awardInstitute, awardUnitA] = await nominated(contestId, 'MAY_DAY_AWARD', [hospital, institute, unitA], 3);
      const [organizer, organizerWithdrawn] = await nominated(contestId, 'EXCELLENT_ORGANIZATION', [union, otherUnion], 2);
      Object.assign(ids, { doctor, nurse, physicist, pioneer, awardHospital, awardInstitute, awardUnitA, organizer, organizerWithdrawn });
      // Public: the doctor, the physicist, the team, both award units and the union; the nurse stays NOMINATED, unit A PROPOSED, 徐汇 WITHDRAWN.
      const published = [doctor!, physicist!, pioneer!, awardHospital!, awardInstitute!, organizer!];
      expect((await propose([...published, awardUnitA!])).errors).toBeUndefined();
      graph.setNow(FRIDAY);
      expect((await announce(published)).errors).toBeUndefined();
      expect((await withdraw(organizerWithdrawn!, '不再推荐')).errors).toBeUndefined();
      graph.setNow(at('2019-12-03T03:00:00Z'));
      objected = physicist!;
      expect(
        (await fileObjection(await graph.as('SUBMITTER', { org: unitA, sub: 'objector-agency' }), objected, 'secret-contact@example.org'))
          .errors,
      ).toBeUndefined();
      graph.setNow(at('2020-01-15T02:00:00Z'));
      expect((await confer([doctor!, pioneer!, awardHospital!, awardInstitute!, organizer!])).errors).toBeUndefined();
      graph.setNow(at('2020-03-02T02:00:00Z'));
      expect((await revoke(awardInstitute!, '发生重大安全责任事故')).errors).toBeUndefined();
      graph.setNow(null);
      agency = graph
        .direct('honors')
        .with({ authorization: `Bearer ${await graph.auth.client.signDev({ roles: ['AGENCY'], sub: 'agency-1' })}` });
    });

    it('answers an agency token on the subgraph itself with the public records only (announced, conferred, revoked), in a stable order across pages', async () => {
      const all = await list(agency, { first: 100 });
      expect(all.errors).toBeUndefined();
      const rows = all.data!.honors.nodes;
      expect(all.data!.honors.totalCount).toBe(6);
      expect(rows.map((r) => r.status).sort()).toEqual(['ANNOUNCED', 'CONFERRED', 'CONFERRED', 'CONFERRED', 'CONFERRED', 'REVOKED']);
      for (const hidden of [ids.nurse, ids.awardUnitA, ids.organizerWithdrawn]) expect(rows.map((r) => r.id)).not.toContain(hidden);
      // Ordered by award type, then recipient name, then id.
      expect(rows.map((r) => r.awardTypeCode)).toEqual([
        'EXCELLENT_ORGANIZATION',
        'MAY_DAY_AWARD',
        'MAY_DAY_AWARD',
        'MAY_DAY_MEDAL',
        'MAY_DAY_MEDAL',
        'WORKER_PIONEER',
      ]);
      expect(rows.filter((r) => r.awardTypeCode === 'MAY_DAY_MEDAL').map((r) => r.recipientName)).toEqual(['张医生', '王研究员']);
      // Paging by two gives the same rows in the same order, every time.
      expect((await pageThrough(agency)).map((r) => r.id)).toEqual(rows.map((r) => r.id));
      expect((await pageThrough(agency)).map((r) => r.id)).toEqual(rows.map((r) => r.id));
      expect(rows.find((r) => r.id === ids.doctor)).toMatchObject({
        recipientName: '张医生',
        organizationName: '上海市第六人民医院',
        recipientKind: 'PERSON',
        year: 2020,
      });
    });

    it('filters by award type, recipient kind and organization name; never shows what is not public, even when asked for by status', async () => {
      const medals = await list(agency, { awardTypeCode: 'MAY_DAY_MEDAL', first: 100 });
      expect(medals.data!.honors.nodes.map((r) => r.id).sort()).toEqual([ids.doctor, ids.physicist].sort());
      const organizations = await list(agency, { recipientKind: 'ORGANIZATION', first: 100 });
      expect(organizations.data!.honors.nodes.map((r) => r.id).sort()).toEqual(
        [ids.awardHospital, ids.awardInstitute, ids.organizer].sort(),
      );
      const ofInstitute = await list(agency, { organizationName: '光学精密', first: 100 });
      expect(ofInstitute.data!.honors.nodes.map((r) => r.id).sort()).toEqual([ids.physicist, ids.pioneer, ids.awardInstitute].sort());
      expect((await list(agency, { organizationName: '100%', first: 100 })).data!.honors.totalCount).toBe(0);
      for (const status of ['NOMINATED', 'PROPOSED', 'WITHDRAWN']) expect((await list(agency, { status })).data!.honors.totalCount).toBe(0);
      expect((await list(agency, { status: 'REVOKED' })).data!.honors.nodes.map((r) => r.id)).toEqual([ids.awardInstitute]);
      expect((await list(agency, { year: 2019, organizationName: '第六人民医院' })).data!.honors.totalCount).toBe(0);
      expect(ext(await list(agency, { first: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(ext(await list(agency, { after: 'not-a-cursor' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      // An unpublished honor asked for by id is refused like a missing one.
      const nurse = await agency.request(`query($id: ID!) { honor(id: $id) { status } }`, { id: ids.nurse });
      expect(ext(nurse)).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('takes the organization filter literally: % and _ match themselves', async () => {
      const c = await contest(2021);
      const percent = await unit('百分百（100%）科技有限公司');
      const digits = await unit('1000科技有限公司');
      const underscore = await unit('A_B 联合实验室');
      const ids2021 = await nominated(c, 'MAY_DAY_AWARD', [percent, digits, underscore], 3);
      expect((await propose(ids2021)).errors).toBeUndefined();
      expect((await announce(ids2021)).errors).toBeUndefined();
      const names = async (organizationName: string) =>
        (await list(agency, { year: 2021, organizationName, first: 100 })).data!.honors.nodes.map((r) => r.recipientName);
      expect(await names('100%')).toEqual(['百分百（100%）科技有限公司']);
      expect(await names('A_B')).toEqual(['A_B 联合实验室']);
      expect(await names('1_0')).toEqual([]);
      expect((await names('科技')).sort()).toEqual(['1000科技有限公司', '百分百（100%）科技有限公司'].sort());
    });

    it('refuses objections and audit trails to an agency, and shows no contact', async () => {
      const result = await agency.request<{ honor: { status: string; objections: unknown; auditTrail: unknown } }>(
        `query($id: ID!) { honor(id: $id) { status objections { id contact } } }`,
        { id: objected },
      );
      expect(ext(result)).toMatchObject({ code: 'FORBIDDEN', field: 'objections' });
      expect(result.data?.honor).toEqual({ status: 'ANNOUNCED', objections: null });
      expect(JSON.stringify(result)).not.toContain('secret-contact@example.org');
      const audit = await agency.request(`query($id: ID!) { honor(id: $id) { auditTrail { nodes { action } } } }`, { id: objected });
      expect(ext(audit)).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await agency.request(`mutation($id: ID!) { withdrawHonor(id: $id, reason: "机构无权撤回") { id } }`, { id: ids.doctor }),
      ).toMatchObject({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
      });
      expect((await read(ids.doctor!)).status).toBe('CONFERRED');
    });

    it('without a token the subgraph serves the same public data; an ADMIN client token is not taken as ADMIN there', async () => {
      const publicRows = (await pageThrough(graph.direct('honors'))).map((r) => r.id);
      expect(publicRows).toEqual((await pageThrough(agency)).map((r) => r.id));
      const adminDirect = graph
        .direct('honors')
        .with({ authorization: `Bearer ${await graph.auth.client.signDev({ roles: ['ADMIN'], sub: 'office-admin' })}` });
      expect((await list(adminDirect, { first: 100 })).data!.honors.totalCount).toBe(6);
      expect(ext(await adminDirect.request(`query($id: ID!) { honor(id: $id) { status } }`, { id: ids.nurse }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(
        ext(await adminDirect.request(`query($id: ID!) { honor(id: $id) { objections { contact } } }`, { id: objected })),
      ).toMatchObject({ code: 'FORBIDDEN' });
      // Through the gateway, the office sees every record of the contest.
      expect((await list(admin, { first: 100 })).data!.honors.totalCount).toBeGreaterThanOrEqual(9);
      expect((await honorsOf(contestId)).totalCount).toBe(9);
    });
  });
});
