import { type GraphClient, type TestGraph } from '../../src';
import { FRIDAY, at, ext, honorsSuite } from './fixtures';

/** Honors: the agency API on the honors subgraph itself, next to what the gateway shows the office. */
describe('honors', () => {
  const suite = honorsSuite();
  const { contest, unit, person, team, nominated, honorsOf, read, propose, announce, confer, withdraw, revoke, fileObjection } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let union: string;
  let otherUnion: string;
  let unitA: string;
  beforeAll(() => {
    ({ graph, admin, union, otherUnion, unitA } = suite.world());
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
