import type { GraphClient, TestGraph } from '../../src';
import { CONFERRAL, HONOR, type Honor, MISSING, at, ext, honorsSuite } from './fixtures';

type Refusal = { index: number; code: string } & Record<string, unknown>;
const refusals = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  ((r.errors?.[0]?.extensions?.details as { errors: Refusal[] } | undefined)?.errors ?? []) as Refusal[];

/**
 * The office and the units hand in lists: prior honors recorded and verified, nominations and
 * withdrawals, many in one call, each item held to the rules of the single mutation, all or nothing.
 */
describe('honors in bulk', () => {
  const suite = honorsSuite();
  const { contest, unit, person, setQuota, nominated, honorsOf, read, statuses, propose, announced, confer, finalRound } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let union: string;
  let otherUnion: string;
  let unitC: string;
  beforeAll(() => {
    ({ graph, admin, union, otherUnion, unitC } = suite.world());
  });

  /** The statements the honors subgraph ran for one call. */
  const statementsOf = async (call: () => Promise<{ errors?: unknown }>) => {
    graph.resetStatements();
    expect((await call()).errors).toBeUndefined();
    return graph.statements()['honors'];
  };

  describe('recordPriorHonors and verifyPriorHonors', () => {
    let f: Awaited<ReturnType<typeof finalRound>>;
    const TITLES = ['批量先进制造平台', '批量生物医药平台', '批量智慧城市平台'];
    type Prior = { id: string; name: string; level: string; verified: boolean; submission: { id: string } };
    const PRIOR = 'id name level verified submission { id }';
    const honor = (submissionId: string, name: string, extra: Record<string, unknown> = {}) => ({
      submissionId,
      level: 'PROVINCIAL_MINISTERIAL',
      name,
      issuer: '上海市人民政府',
      year: 2018,
      evidence: '证书编号 2018-100',
      ...extra,
    });
    const recordMany = (client: GraphClient, inputs: Record<string, unknown>[]) =>
      client.request<{ recordPriorHonors: Prior[] }>(
        `mutation($inputs: [PriorHonorInput!]!) { recordPriorHonors(inputs: $inputs) { ${PRIOR} } }`,
        { inputs },
      );
    const verifyMany = (client: GraphClient, ids: string[]) =>
      client.request<{ verifyPriorHonors: Prior[] }>(`mutation($ids: [ID!]!) { verifyPriorHonors(ids: $ids) { ${PRIOR} } }`, { ids });
    /** Every prior honor of the three achievements, as the office sees them. */
    const priorsNow = async () => {
      const all: string[] = [];
      for (const title of TITLES) {
        const { submission } = await admin.data<{ submission: { priorHonors: { name: string; verified: boolean }[] } }>(
          `query($s: ID!) { submission(id: $s) { priorHonors { name verified } } }`,
          { s: f.submission[title] },
        );
        all.push(...submission.priorHonors.map((p) => `${title}:${p.name}:${p.verified}`));
      }
      return all.sort();
    };
    const submitterOf = (title: string) => graph.as('SUBMITTER', { org: f.unitOf[title], sub: `submitter-${f.unitOf[title]}` });

    beforeAll(async () => {
      f = await finalRound(TITLES, TITLES);
      await f.finalize();
    });

    it('a unit records its achievement’s honors in one call, in the order given, unverified', async () => {
      const s = f.submission[TITLES[0]!]!;
      const made = await recordMany(await submitterOf(TITLES[0]!), [
        honor(s, '上海市科技进步奖一等奖'),
        honor(s, '国家科学技术进步奖二等奖', { level: 'NATIONAL', issuer: '国务院' }),
        honor(s, '区级科技创新成果奖', { level: 'MUNICIPAL', evidence: null }),
      ]);
      expect(made.errors).toBeUndefined();
      expect(made.data!.recordPriorHonors.map((p) => [p.name, p.level, p.verified, p.submission.id])).toEqual([
        ['上海市科技进步奖一等奖', 'PROVINCIAL_MINISTERIAL', false, s],
        ['国家科学技术进步奖二等奖', 'NATIONAL', false, s],
        ['区级科技创新成果奖', 'MUNICIPAL', false, s],
      ]);
      expect(await priorsNow()).toEqual(
        ['上海市科技进步奖一等奖', '国家科学技术进步奖二等奖', '区级科技创新成果奖'].map((n) => `${TITLES[0]}:${n}:false`).sort(),
      );
    });

    it('refuses the whole list when any input breaks a rule, naming every refusal (BATCH_REFUSED), and records none', async () => {
      const [own, other] = [f.submission[TITLES[1]!]!, f.submission[TITLES[2]!]!];
      const before = await priorsNow();
      const refused = await recordMany(await submitterOf(TITLES[1]!), [
        honor(own, '上海市技术发明奖一等奖'), // fine on its own
        honor(other, '上海市技术发明奖一等奖'), // another unit's achievement
        honor(MISSING, '上海市技术发明奖一等奖'), // no such achievement: to a unit, the same as another's
        honor(own, '上海市技术发明奖一等奖', { year: 1900 }),
      ]);
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect(refusals(refused).map((e) => [e.index, e.submissionId, e.code])).toEqual([
        [1, other, 'FORBIDDEN'],
        [2, MISSING, 'FORBIDDEN'],
        [3, own, 'BAD_USER_INPUT'],
      ]);
      const office = await recordMany(admin, [honor(own, '上海市技术发明奖一等奖'), honor(MISSING, '上海市技术发明奖一等奖')]);
      expect(refusals(office).map((e) => [e.index, e.code])).toEqual([[1, 'NOT_FOUND']]);
      expect(await priorsNow()).toEqual(before);
    });

    it('a list of one reports its own error, as recordPriorHonor does; empty and 501-long lists are refused on inputs; nothing is recorded', async () => {
      const [own, other] = [f.submission[TITLES[1]!]!, f.submission[TITLES[2]!]!];
      const submitter = await submitterOf(TITLES[1]!);
      const before = await priorsNow();
      const one = await recordMany(submitter, [honor(other, '上海市技术发明奖一等奖')]);
      expect(ext(one)).toMatchObject({ code: 'FORBIDDEN', field: 'submissionId' });
      const single = await submitter.request(`mutation($input: PriorHonorInput!) { recordPriorHonor(input: $input) { id } }`, {
        input: honor(other, '上海市技术发明奖一等奖'),
      });
      expect(ext(one)).toMatchObject({ code: ext(single)!.code, field: ext(single)!.field });
      expect(ext(await recordMany(submitter, [honor(own, 'x')]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(ext(await recordMany(submitter, []))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      const tooMany = Array.from({ length: 501 }, () => honor(own, '上海市技术发明奖一等奖'));
      expect(ext(await recordMany(submitter, tooMany))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      expect(await priorsNow()).toEqual(before);
    });

    it('records for the office and units only: an organizer or an analyst is refused, and nothing is recorded', async () => {
      const own = f.submission[TITLES[1]!]!;
      const before = await priorsNow();
      for (const client of [await graph.as('ORGANIZER', { org: union, sub: 'organizer-bulk' }), await graph.as('ANALYST')])
        expect(ext(await recordMany(client, [honor(own, '上海市技术发明奖一等奖')]))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await priorsNow()).toEqual(before);
    });

    it('recording costs the same SQL statements for a list of one as for a list of three', async () => {
      const s = f.submission[TITLES[2]!]!;
      const submitter = await submitterOf(TITLES[2]!);
      const one = await statementsOf(() => recordMany(submitter, [honor(s, '计数奖一')]));
      const three = await statementsOf(() => recordMany(submitter, [honor(s, '计数奖二'), honor(s, '计数奖三'), honor(s, '计数奖四')]));
      expect(three).toBe(one);
    });

    describe('verifying', () => {
      let ids: string[];
      beforeAll(async () => {
        const s = f.submission[TITLES[1]!]!;
        const made = await recordMany(
          admin,
          ['核验奖一', '核验奖二', '核验奖三', '核验奖四', '核验奖五', '核验奖六', '核验奖七'].map((n) => honor(s, n)),
        );
        ids = made.data!.recordPriorHonors.map((p) => p.id);
      });

      it('the office verifies a list in one call, in the order given', async () => {
        const done = await verifyMany(admin, [ids[1]!, ids[0]!]);
        expect(done.errors).toBeUndefined();
        expect(done.data!.verifyPriorHonors.map((p) => [p.id, p.verified])).toEqual([
          [ids[1], true],
          [ids[0], true],
        ]);
        expect((await priorsNow()).filter((p) => p.includes('核验奖') && p.endsWith(':true'))).toEqual(
          [`${TITLES[1]}:核验奖一:true`, `${TITLES[1]}:核验奖二:true`].sort(),
        );
      });

      it('refuses the whole list when any is unknown or already verified (an id named twice is verified the second time), and verifies none', async () => {
        const before = await priorsNow();
        const refused = await verifyMany(admin, [ids[2]!, ids[0]!, MISSING, ids[3]!, ids[3]!]);
        expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'ids' });
        expect(refusals(refused).map((e) => [e.index, e.id, e.code])).toEqual([
          [1, ids[0], 'INVALID_TRANSITION'],
          [2, MISSING, 'NOT_FOUND'],
          [4, ids[3], 'INVALID_TRANSITION'],
        ]);
        expect(await priorsNow()).toEqual(before);
      });

      it('a list of one reports its own error, as verifyPriorHonor does; empty and 501-long lists are refused on ids; none is verified', async () => {
        const before = await priorsNow();
        const one = await verifyMany(admin, [ids[0]!]);
        expect(ext(one)).toMatchObject({ code: 'INVALID_TRANSITION' });
        const single = await admin.request(`mutation($id: ID!) { verifyPriorHonor(id: $id) { id } }`, { id: ids[0] });
        expect(ext(one)?.code).toBe(ext(single)?.code);
        expect(ext(await verifyMany(admin, [MISSING]))).toMatchObject({ code: 'NOT_FOUND' });
        expect(ext(await verifyMany(admin, []))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
        expect(ext(await verifyMany(admin, Array(501).fill(ids[2])))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
        expect(await priorsNow()).toEqual(before);
      });

      it('is the office’s alone: the unit itself is refused, and none is verified', async () => {
        const before = await priorsNow();
        expect(ext(await verifyMany(await submitterOf(TITLES[1]!), [ids[2]!]))).toMatchObject({ code: 'FORBIDDEN' });
        expect(await priorsNow()).toEqual(before);
      });

      it('costs the same SQL statements for a list of one as for a list of three', async () => {
        const one = await statementsOf(() => verifyMany(admin, [ids[2]!]));
        const three = await statementsOf(() => verifyMany(admin, [ids[3]!, ids[4]!, ids[5]!]));
        expect(three).toBe(one);
      });
    });
  });

  describe('nominateHonors', () => {
    const NOMINATE_MANY = `mutation($inputs: [NominateHonorInput!]!) { nominateHonors(inputs: $inputs) { ${HONOR} } }`;
    const nominateMany = (inputs: Record<string, unknown>[], client: GraphClient = admin) =>
      client.request<{ nominateHonors: Honor[] }>(NOMINATE_MANY, { inputs });
    const recipientsOf = async (c: string) =>
      (await honorsOf(c)).nodes.map((h) => `${h.awardTypeCode}:${h.recipientName}:${h.status}`).sort();

    it('nominates a list in one call, in the order given, across award types, each as nominateHonor would', async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_AWARD', 5);
      await setQuota(c, 'MAY_DAY_MEDAL', 5);
      const [u1, u2] = [await unit('批量提名单位甲'), await unit('批量提名单位乙')];
      const worker = await person('批量提名劳模', u1);
      const made = await nominateMany([
        { contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: u2 },
        { contestId: c, awardTypeCode: 'MAY_DAY_MEDAL', recipientId: worker, citation: '  攻克关键核心技术  ' },
        { contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: u1, recipientKind: 'ORGANIZATION' },
      ]);
      expect(made.errors).toBeUndefined();
      expect(
        made.data!.nominateHonors.map((h) => [h.awardTypeCode, h.recipientKind, h.recipientName, h.organizationName, h.status]),
      ).toEqual([
        ['MAY_DAY_AWARD', 'ORGANIZATION', '批量提名单位乙', '批量提名单位乙', 'NOMINATED'],
        ['MAY_DAY_MEDAL', 'PERSON', '批量提名劳模', '批量提名单位甲', 'NOMINATED'],
        ['MAY_DAY_AWARD', 'ORGANIZATION', '批量提名单位甲', '批量提名单位甲', 'NOMINATED'],
      ]);
      expect(await recipientsOf(c)).toEqual(
        ['MAY_DAY_AWARD:批量提名单位乙:NOMINATED', 'MAY_DAY_MEDAL:批量提名劳模:NOMINATED', 'MAY_DAY_AWARD:批量提名单位甲:NOMINATED'].sort(),
      );
    });

    it('hands back each nomination under its own id, so a client can act on the list it is given', async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_AWARD', 10);
      const units: string[] = [];
      for (let i = 1; i <= 8; i++) units.push(await unit(`批量编号单位${i}`));
      const made = await nominateMany(units.map((recipientId) => ({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId })));
      expect(made.errors).toBeUndefined();
      const handed = made.data!.nominateHonors;
      expect(handed.map((h) => h.recipientName)).toEqual(units.map((_, i) => `批量编号单位${i + 1}`));
      // What is on record under each id handed back is the nomination it was handed back for.
      expect(await Promise.all(handed.map(async (h) => [(await read(h.id)).recipientName, (await read(h.id)).organizationName]))).toEqual(
        handed.map((h) => [h.recipientName, h.organizationName]),
      );
      const [second] = (await propose([handed[1]!.id])).data!.proposeHonors;
      expect(second!.recipientName).toBe('批量编号单位2');
    });

    it('refuses the whole list when any nomination breaks a rule, counting those before it, naming every refusal (BATCH_REFUSED), and nominates none', async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_AWARD', 2); // nominations may reach 2
      const units: string[] = [];
      for (let i = 0; i < 4; i++) units.push(await unit());
      const already = await unit();
      await nominated(c, 'MAY_DAY_AWARD', [already]);
      const outside = await unit(undefined, otherUnion);
      const before = await recipientsOf(c);
      const organizer = await graph.as('ORGANIZER', { org: union, sub: 'organizer-bulk-nominate' });
      const refused = await nominateMany(
        [
          { contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: units[0] }, // fine: the second of 2
          { contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: already }, // already nominated
          { contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: units[0] }, // named twice in the list
          { contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: units[1] }, // past 120% of the quota, counting the first
          { contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: outside }, // outside the organizer's union
          { contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: MISSING },
          { contestId: c, awardTypeCode: 'NO_SUCH_AWARD', recipientId: units[2] },
        ],
        organizer,
      );
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
      expect(refusals(refused).map((e) => [e.index, e.recipientId, e.code])).toEqual([
        [1, already, 'ALREADY_EXISTS'],
        [2, units[0], 'ALREADY_EXISTS'],
        [3, units[1], 'QUOTA_EXCEEDED'],
        [4, outside, 'FORBIDDEN'],
        [5, MISSING, 'NOT_FOUND'],
        [6, units[2], 'BAD_USER_INPUT'],
      ]);
      expect(refused.data?.nominateHonors ?? null).toBeNull();
      expect(await recipientsOf(c)).toEqual(before);
    });

    it('a list of one reports its own error, as nominateHonor does; empty and 501-long lists are refused on inputs; nothing is nominated', async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_AWARD', 3);
      const u = await unit();
      await nominated(c, 'MAY_DAY_AWARD', [u]);
      const before = await recipientsOf(c);
      const input = { contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: u };
      const one = await nominateMany([input]);
      expect(ext(one)).toMatchObject({ code: 'ALREADY_EXISTS', field: 'recipientId' });
      expect(ext(one)).toMatchObject(ext(await suite.nominate(input))!);
      expect(ext(await nominateMany([{ ...input, recipientId: MISSING }]))).toMatchObject({ code: 'NOT_FOUND', field: 'recipientId' });
      expect(ext(await nominateMany([{ ...input, contestId: MISSING }]))).toMatchObject({ code: 'NOT_FOUND', field: 'contestId' });
      expect(ext(await nominateMany([]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
      expect(ext(await nominateMany(Array(501).fill({ ...input, recipientId: unitC })))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'inputs',
      });
      expect(await recipientsOf(c)).toEqual(before);
    });

    it('nominates for the office and unions only: a submitter or an analyst is refused, and nothing is nominated', async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_AWARD', 3);
      const u = await unit();
      for (const client of [await graph.as('SUBMITTER', { org: u, sub: 'submitter-bulk' }), await graph.as('ANALYST')])
        expect(ext(await nominateMany([{ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId: u }], client))).toMatchObject({
          code: 'FORBIDDEN',
        });
      expect(await recipientsOf(c)).toEqual([]);
    });

    it('costs the same SQL statements for a list of one as for a list of three', async () => {
      const c = await contest();
      await setQuota(c, 'MAY_DAY_AWARD', 10);
      const units: string[] = [];
      for (let i = 0; i < 4; i++) units.push(await unit());
      const of = (ids: string[]) => ids.map((recipientId) => ({ contestId: c, awardTypeCode: 'MAY_DAY_AWARD', recipientId }));
      const one = await statementsOf(() => nominateMany(of(units.slice(0, 1))));
      const three = await statementsOf(() => nominateMany(of(units.slice(1))));
      expect(three).toBe(one);
    });
  });

  describe('withdrawHonors', () => {
    const withdrawMany = (ids: string[], reason = '差额推荐，未列入拟授予名单', client: GraphClient = admin) =>
      client.request<{ withdrawHonors: Honor[] }>(
        `mutation($ids: [ID!]!, $r: String!) { withdrawHonors(ids: $ids, reason: $r) { ${HONOR} } }`,
        {
          ids,
          r: reason,
        },
      );
    /** Nominations of fresh units in a fresh contest; the first `proposed` of them proposed. */
    async function nominations(count: number, proposed = 0) {
      const c = await contest();
      const units: string[] = [];
      for (let i = 0; i < count; i++) units.push(await unit());
      const ids = await nominated(c, 'MAY_DAY_AWARD', units, count);
      if (proposed) expect((await propose(ids.slice(0, proposed))).errors).toBeUndefined();
      return ids;
    }

    it('withdraws a list in one call, nominated or proposed, in the order given, keeping the reason', async () => {
      const ids = await nominations(3, 1);
      const done = await withdrawMany([ids[2]!, ids[0]!, ids[1]!]);
      expect(done.errors).toBeUndefined();
      expect(done.data!.withdrawHonors.map((h) => [h.id, h.status, h.endReason])).toEqual(
        [ids[2], ids[0], ids[1]].map((id) => [id, 'WITHDRAWN', '差额推荐，未列入拟授予名单']),
      );
      expect(await statuses(ids)).toEqual(['WITHDRAWN', 'WITHDRAWN', 'WITHDRAWN']);
    });

    it('refuses the whole list when any cannot be withdrawn, naming every refusal (BATCH_REFUSED), and withdraws none', async () => {
      const ids = await nominations(2);
      const { ids: conferredIds } = await announced(1, at('2019-11-29T02:00:00Z'), 2030);
      graph.setNow(at('2020-01-15T02:00:00Z'));
      expect((await confer(conferredIds)).errors).toBeUndefined();
      const gone = (await nominations(1))[0]!;
      expect((await withdrawMany([gone])).errors).toBeUndefined();
      const before = await statuses([...ids, ...conferredIds, gone]);
      const refused = await withdrawMany([ids[0]!, conferredIds[0]!, MISSING, gone, ids[1]!]);
      expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'ids' });
      expect(refusals(refused).map((e) => [e.index, e.id, e.code])).toEqual([
        [1, conferredIds[0], 'INVALID_TRANSITION'],
        [2, MISSING, 'NOT_FOUND'],
        [3, gone, 'INVALID_TRANSITION'],
      ]);
      expect(await statuses([...ids, ...conferredIds, gone])).toEqual(before);
    });

    it('a list of one reports its own error, as withdrawHonor does; empty, 501-long and twice-naming lists and a missing reason are refused; none is withdrawn', async () => {
      const ids = await nominations(2);
      const gone = (await nominations(1))[0]!;
      expect((await withdrawMany([gone])).errors).toBeUndefined();
      const one = await withdrawMany([gone]);
      expect(ext(one)).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
      expect(ext(one)).toMatchObject(ext(await suite.withdraw(gone, '差额推荐，未列入拟授予名单'))!);
      // An unknown id is named on the list it came in.
      expect(ext(await withdrawMany([MISSING]))).toMatchObject({ code: 'NOT_FOUND', field: 'ids' });
      expect(ext(await withdrawMany([]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
      expect(
        ext(await withdrawMany(Array.from({ length: 501 }, (_, i) => `${MISSING.slice(0, -3)}${String(i).padStart(3, '0')}`))),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'ids',
      });
      expect(ext(await withdrawMany([ids[0]!, ids[0]!]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
      expect(ext(await withdrawMany(ids, '不实'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await statuses(ids)).toEqual(['NOMINATED', 'NOMINATED']);
    });

    it('is the office’s alone: an organizer of the union is refused, and none is withdrawn', async () => {
      const ids = await nominations(2);
      const organizer = await graph.as('ORGANIZER', { org: union, sub: 'organizer-bulk-withdraw' });
      expect(ext(await withdrawMany(ids, '差额推荐，未列入拟授予名单', organizer))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await statuses(ids)).toEqual(['NOMINATED', 'NOMINATED']);
    });

    it('costs the same SQL statements for a list of one as for a list of three', async () => {
      const ids = await nominations(4);
      const one = await statementsOf(() => withdrawMany(ids.slice(0, 1)));
      const three = await statementsOf(() => withdrawMany(ids.slice(1)));
      expect(three).toBe(one);
    });
  });

  describe('conferHonors', () => {
    it('numbers the certificates in the order of its ids, per year and award type', async () => {
      // A year of its own, so no other conferral of the graph shares the numbering.
      const { ids } = await announced(4, at('2019-11-29T02:00:00Z'), 2041);
      graph.setNow(at('2020-01-15T02:00:00Z'));
      const order = [ids[2]!, ids[0]!, ids[3]!];
      const first = await confer(order);
      expect(first.errors).toBeUndefined();
      expect(first.data!.conferHonors.map((h) => [h.id, h.certificateNumber])).toEqual([
        [ids[2], '2041-MAY_DAY_AWARD-0001'],
        [ids[0], '2041-MAY_DAY_AWARD-0002'],
        [ids[3], '2041-MAY_DAY_AWARD-0003'],
      ]);
      // A later conferral goes on from the last number given.
      expect((await confer([ids[1]!])).data!.conferHonors[0]!.certificateNumber).toBe('2041-MAY_DAY_AWARD-0004');
      expect(await Promise.all(ids.map(async (id) => (await read(id)).certificateNumber))).toEqual([
        '2041-MAY_DAY_AWARD-0002',
        '2041-MAY_DAY_AWARD-0004',
        '2041-MAY_DAY_AWARD-0001',
        '2041-MAY_DAY_AWARD-0003',
      ]);
    });

    it('numbers the honors of two contests of one year in one series, in the order given', async () => {
      const a = await announced(2, at('2019-11-29T02:00:00Z'), 2042);
      const b = await announced(1, at('2019-11-29T02:00:00Z'), 2042);
      graph.setNow(at('2020-01-15T02:00:00Z'));
      const done = await confer([b.ids[0]!, a.ids[1]!, a.ids[0]!], { ...CONFERRAL, ceremony: null });
      expect(done.data!.conferHonors.map((h) => h.certificateNumber)).toEqual([
        '2042-MAY_DAY_AWARD-0001',
        '2042-MAY_DAY_AWARD-0002',
        '2042-MAY_DAY_AWARD-0003',
      ]);
    });
  });
});
