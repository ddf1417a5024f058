import { type GraphClient, type TestGraph } from '../../src';
import { CONFERRAL, FRIDAY, type Id, MISSING, at, batchErrors, ext, honorsSuite } from './fixtures';

/**
 * Honors through the gateway: the lifecycle from proposal (拟授予) through the announcement (公示)
 * to conferral and revocation, batches that are all or nothing, and requests at the same time.
 */
describe('honors', () => {
  const suite = honorsSuite();
  const {
    contest,
    unit,
    person,
    setQuota,
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
    finalRound,
  } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let unitA: string;
  beforeAll(() => {
    ({ graph, admin, unitA } = suite.world());
  });

  describe('the lifecycle: proposal, announcement, conferral, withdrawal and revocation', () => {
    it('proposals never exceed the quota: a batch of 11 of 12 nominations is refused whole, 10 go through, the 11th alone is QUOTA_EXCEEDED', async () => {
      const c = await contest();
      const units: string[] = [];
      for (let i = 0; i < 12; i++) units.push(await unit());
      const ids = await nominated(c, 'MAY_DAY_AWARD', units, 10);

      const eleven = await propose(ids.slice(0, 11));
      expect(ext(eleven)).toMatchObject({ code: 'BATCH_REFUSED', field: 'ids' });
      expect(batchErrors(eleven)).toEqual([{ index: 10, id: ids[10], code: 'QUOTA_EXCEEDED', message: expect.stringContaining('10') }]);
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

  describe('bulk transitions are all or nothing', () => {
    it('conferring a batch where one honor is still in its window is BATCH_REFUSED naming it, and none is conferred', async () => {
      const early = await announced(2, FRIDAY);
      const late = await announced(1, at('2019-12-05T02:00:00Z'));
      graph.setNow(at('2019-12-09T02:00:00Z'));
      const batch = [...early.ids, ...late.ids];
      const result = await confer(batch);
      expect(ext(result)).toMatchObject({ code: 'BATCH_REFUSED', field: 'ids' });
      expect(batchErrors(result)).toEqual([{ index: 2, id: late.ids[0], code: 'ANNOUNCEMENT_WINDOW_OPEN', message: expect.any(String) }]);
      expect(await statuses(batch)).toEqual(['ANNOUNCED', 'ANNOUNCED', 'ANNOUNCED']);
      expect(await Promise.all(batch.map(async (id) => (await read(id)).certificateNumber))).toEqual([null, null, null]);
    });

    it('a batch with an open objection, an unknown id or a repeated id is refused whole', async () => {
      const { ids } = await announced(3, FRIDAY);
      graph.setNow(at('2019-12-03T03:00:00Z'));
      await fileObjection(await graph.as('SUBMITTER', { org: unitA, sub: 'objector-6' }), ids[1]!);
      graph.setNow(at('2019-12-09T02:00:00Z'));
      const objected = await confer(ids);
      expect(batchErrors(objected)).toEqual([{ index: 1, id: ids[1], code: 'OBJECTION_OPEN', message: expect.any(String) }]);
      const unknown = await confer([ids[0]!, MISSING]);
      expect(batchErrors(unknown)).toEqual([{ index: 1, id: MISSING, code: 'NOT_FOUND', message: expect.any(String) }]);
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
});
