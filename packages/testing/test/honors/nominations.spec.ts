import { type GraphClient, type TestGraph } from '../../src';
import { type Id, MISSING, ext, honorsSuite } from './fixtures';

/** Honors through the gateway: the award catalog and quotas, and nominations. */
describe('honors', () => {
  const suite = honorsSuite();
  const { contest, unit, person, team, setQuota, quotas, nominate, nominated, honorsOf, propose, withdraw, auditOf, finalRound } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let union: string;
  let otherUnion: string;
  let unitA: string;
  let unitB: string;
  let unitC: string;
  beforeAll(() => {
    ({ graph, admin, union, otherUnion, unitA, unitB, unitC } = suite.world());
  });

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
});
