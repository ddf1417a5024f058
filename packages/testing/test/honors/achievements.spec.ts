import { type Factories, type GraphClient, type TestGraph } from '../../src';
import { HONOR, type Honor, MISSING, ext, honorsSuite } from './fixtures';

/** Honors through the gateway: excellent achievements from the final round, and the prior honors of an achievement. */
describe('honors', () => {
  const suite = honorsSuite();
  const { contest, setQuota, honorsOf, finalRound } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let union: string;
  beforeAll(() => {
    ({ graph, admin, make, union } = suite.world());
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
});
