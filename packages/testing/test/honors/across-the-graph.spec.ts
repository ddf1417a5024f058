import { type Factories, type GraphClient, type TestGraph } from '../../src';
import { FRIDAY, at, honorsSuite } from './fixtures';

/** Honors through the gateway: honors on the records they were given to, and the contest's honors summary. */
describe('honors', () => {
  const suite = honorsSuite();
  const { person, team, nominated, confer, withdraw, announced, finalRound } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let union: string;
  let otherUnion: string;
  beforeAll(() => {
    ({ graph, admin, make, union, otherUnion } = suite.world());
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
});
