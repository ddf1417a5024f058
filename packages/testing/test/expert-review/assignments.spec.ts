import { type GraphClient } from '../../src';
import { type Contest, type Expert, type Id, MISSING, ext, roundsSuite, sorted } from './rounds-fixtures';

/** Expert review through the gateway: conflicts of interest, panels, and assigning experts automatically and by hand. */
describe('expert review: the pool, rounds, intake, assignment and scorecards', () => {
  const suite = roundsSuite();
  const {
    org,
    leaderOf,
    person,
    expert,
    updateExpert,
    expertClient,
    contest,
    submission,
    round,
    intake,
    moveRound,
    entriesOf,
    entryIds,
    assignmentsOf,
    seated,
    assign,
    autoAssign,
    score,
    cardsOf,
  } = suite;
  let admin: GraphClient;
  beforeAll(() => {
    ({ admin } = suite.world());
  });

  describe('conflicts of interest', () => {
    let r: string;
    let x: string;
    let y: string;
    const ex: Record<string, Expert> = {};
    const countAssignments = async () => (await assignmentsOf(r)).length;

    beforeAll(async () => {
      const c = await contest('coi-2019', ['AI', 'BIOMED']);
      // X comes from the enterprise, with a team member from the research unit below it; Y from its sibling enterprise.
      const team = await person('光刻所工程师', org.subUnit!);
      const sx = await submission(c, 'AI', 'enterprise', '浸没式光刻关键技术', { teamMemberIds: [team] });
      const sy = await submission(c, 'AI', 'sibling', '集成电路工艺平台');
      ex.same = await expert('本单位专家', org.enterprise!, ['AI']);
      ex.union = await expert('上级工会专家', org.union!, ['AI']);
      ex.sub = await expert('下属单位专家', org.subUnit!, ['AI']);
      ex.workshop = await expert('下属车间专家', org.workshop!, ['AI']);
      ex.federation = await expert('总工会专家', org.federation!, ['AI']);
      ex.leader = await expert('', '', ['AI'], { personId: leaderOf.enterprise, affiliationId: org.uniB });
      ex.team = await expert('', '', ['AI'], { personId: team, affiliationId: org.uniC });
      ex.sibling = await expert('兄弟单位专家', org.sibling!, ['AI']);
      ex.cleanA = await expert('高校专家甲', org.uniA!, ['AI']);
      ex.cleanB = await expert('高校专家乙', org.uniB!, ['AI']);
      ex.bio = await expert('生物医药专家', org.uniA!, ['BIOMED']);
      ex.gone = await expert('已停用专家', org.uniD!, ['AI']);
      await updateExpert(ex.gone.id, { active: false });
      r = await round(c, { reviewersPerEntry: 3 });
      await intake(r);
      const ids = await entryIds(r);
      x = ids[sx.referenceNumber]!;
      y = ids[sy.referenceNumber]!;
    });

    it("refuses by hand an expert of the entry's unit, of any organization above or below it, or on its team — with the reasons, assigning nobody", async () => {
      const cases: [string, string[]][] = [
        ['same', ['SAME_ORGANIZATION']],
        ['union', ['RELATED_ORGANIZATION']],
        ['federation', ['RELATED_ORGANIZATION']],
        ['sub', ['RELATED_ORGANIZATION']],
        ['workshop', ['RELATED_ORGANIZATION']],
        ['leader', ['TEAM_MEMBER']],
        ['team', ['TEAM_MEMBER']],
      ];
      for (const [who, reasons] of cases) {
        const refused = await assign(x, ex[who]!.id);
        expect({ who, ...ext(refused) }).toMatchObject({ who, code: 'CONFLICT_OF_INTEREST', field: 'expertId', details: { reasons } });
      }
      expect(await countAssignments()).toBe(0);
      // A unit beside the entrant under the same union is a competitor, not an ally.
      const sibling = await assign(x, ex.sibling!.id);
      expect(sibling.data?.assignExpert).toMatchObject({ status: 'ASSIGNED', origin: 'MANUAL' });
      expect(await countAssignments()).toBe(1);
    });

    it('the automatic assignment never seats a conflicted expert', async () => {
      const pool = ['same', 'union', 'federation', 'sub', 'workshop', 'leader', 'team', 'sibling', 'cleanA', 'cleanB'].map(
        (k) => ex[k]!.id,
      );
      const report = await autoAssign(r, { expertIds: pool });
      expect(report.errors).toBeUndefined();
      expect(report.data!.autoAssign.unstaffed).toEqual([]);
      const rows = (await assignmentsOf(r)).filter((a) => a.status === 'ASSIGNED');
      const on = (entryId: string) => sorted(rows.filter((a) => a.entry.id === entryId).map((a) => a.expert.id));
      expect(on(x)).toEqual(sorted([ex.sibling!.id, ex.cleanA!.id, ex.cleanB!.id]));
      expect(on(y)).toHaveLength(3);
      for (const conflicted of ['union', 'federation', 'sibling']) expect(on(y)).not.toContain(ex[conflicted]!.id);
    });

    it('refuses an expert of another track, one already on the entry, an inactive one and an unknown one', async () => {
      const before = await countAssignments();
      expect(ext(await assign(x, ex.bio!.id))).toMatchObject({ code: 'EXPERTISE_MISMATCH', field: 'expertId' });
      expect(ext(await assign(x, ex.cleanA!.id))).toMatchObject({ code: 'ALREADY_EXISTS', field: 'expertId' });
      expect(ext(await assign(x, ex.gone!.id))).toMatchObject({ code: 'EXPERT_INACTIVE', field: 'expertId' });
      expect(ext(await assign(x, MISSING))).toMatchObject({ code: 'NOT_FOUND', field: 'expertId' });
      expect(ext(await assign(MISSING, ex.cleanA!.id))).toMatchObject({ code: 'NOT_FOUND', field: 'entryId' });
      expect(await countAssignments()).toBe(before);
    });
  });

  describe('panels', () => {
    let c: Contest;
    let r: string;
    let foreignTrack: string;
    const ex: Record<string, Expert> = {};
    type PanelRow = { id: string; name: string; chair: Id; members: Id[]; tracks: { code: string }[] };
    const createPanel = (input: Record<string, unknown>) =>
      admin.request<{ createPanel: PanelRow }>(
        `mutation($input: CreatePanelInput!) { createPanel(input: $input) { id name chair { id } members { id } tracks { code } } }`,
        {
          input: { roundId: r, memberIds: [], ...input },
        },
      );
    const panels = async () =>
      (
        await admin.data<{ reviewRound: { panels: { name: string; members: Id[] }[] } }>(
          `query($r: ID!) { reviewRound(id: $r) { panels { name members { id } } } }`,
          { r },
        )
      ).reviewRound.panels;

    beforeAll(async () => {
      c = await contest('panel-2019', ['AI', 'BIOMED', 'IC']);
      foreignTrack = (await contest('panel-other-2019', ['AI'])).tracks.AI!;
      for (const [i, unit] of ['app1', 'app2', 'app3'].entries()) await submission(c, 'AI', unit, `智能制造成果${i + 1}`);
      for (const [i, unit] of ['app1', 'app4'].entries()) await submission(c, 'BIOMED', unit, `生物医药成果${i + 1}`);
      ex.aiChair = await expert('人工智能组组长', org.uniA!, ['AI'], { title: 'ACADEMICIAN' });
      ex.ai2 = await expert('人工智能组成员二', org.uniB!, ['AI']);
      ex.ai3 = await expert('人工智能组成员三', org.uniC!, ['AI']);
      ex.ai4 = await expert('人工智能组成员四', org.uniD!, ['AI']);
      ex.bioChair = await expert('生物医药组组长', org.hospital!, ['BIOMED'], { title: 'CHIEF_PHYSICIAN' });
      ex.bio2 = await expert('生物医药组成员二', org.uniA!, ['BIOMED']);
      ex.bio3 = await expert('生物医药组成员三', org.uniB!, ['BIOMED']);
      ex.outsider = await expert('组外专家', org.uniC!, ['AI', 'BIOMED', 'IC']);
      r = await round(c, { name: '终评', stage: 'FINAL', order: 1, threshold: 60, reviewersPerEntry: 2 });
      await intake(r);
    });

    it('a panel judges tracks of the contest, and its chair always sits on it, first', async () => {
      const ai = await createPanel({
        name: '人工智能组',
        trackIds: [c.tracks.AI],
        chairId: ex.aiChair!.id,
        memberIds: [ex.ai2!.id, ex.ai3!.id, ex.ai4!.id],
      });
      expect(ai.errors).toBeUndefined();
      expect(ai.data!.createPanel).toMatchObject({
        name: '人工智能组',
        chair: { id: ex.aiChair!.id },
        members: [ex.aiChair, ex.ai2, ex.ai3, ex.ai4].map((x) => ({ id: x!.id })),
        tracks: [{ code: 'AI' }],
      });
      const bio = await createPanel({
        name: '生物医药组',
        trackIds: [c.tracks.BIOMED],
        chairId: ex.bioChair!.id,
        memberIds: [ex.bio2!.id, ex.bioChair!.id, ex.bio3!.id],
      });
      expect(bio.data!.createPanel.members).toEqual([ex.bioChair, ex.bio2, ex.bio3].map((x) => ({ id: x!.id })));
      expect((await panels()).map((p) => p.name)).toEqual(['人工智能组', '生物医药组']);
    });

    it('refuses a foreign track, a track another panel judges, and an expert who sits on another panel of the round — adding no panel', async () => {
      const before = await panels();
      expect(ext(await createPanel({ name: '外赛道组', trackIds: [foreignTrack], chairId: ex.outsider!.id }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'trackIds',
      });
      expect(ext(await createPanel({ name: '重复赛道组', trackIds: [c.tracks.AI], chairId: ex.outsider!.id }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'trackIds',
      });
      expect(
        ext(await createPanel({ name: '集成电路组', trackIds: [c.tracks.IC], chairId: ex.outsider!.id, memberIds: [ex.ai2!.id] })),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'memberIds',
      });
      expect(ext(await createPanel({ name: '集成电路组', trackIds: [c.tracks.IC], chairId: ex.bioChair!.id }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'chairId',
      });
      expect(ext(await createPanel({ name: '人工智能组', trackIds: [c.tracks.IC], chairId: ex.outsider!.id }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      expect(await panels()).toEqual(before);
    });

    it("in a panel round every entry is judged by its track's panel only, and a member made inactive is passed over", async () => {
      expect((await updateExpert(ex.ai4!.id, { active: false })).errors).toBeUndefined();
      const report = await autoAssign(r);
      expect(report.errors).toBeUndefined();
      expect(report.data!.autoAssign.unstaffed).toEqual([]);
      const rows = await assignmentsOf(r);
      const aiPanel = [ex.aiChair, ex.ai2, ex.ai3].map((x) => x!.id);
      const bioPanel = [ex.bioChair, ex.bio2, ex.bio3].map((x) => x!.id);
      const entries = await entriesOf(r);
      for (const e of entries) {
        const mine = rows.filter((a) => a.entry.id === e.id);
        expect(mine).toHaveLength(2);
        for (const a of mine) {
          expect(e.trackCode === 'AI' ? aiPanel : bioPanel).toContain(a.expert.id);
          expect(a.panel?.name).toBe(e.trackCode === 'AI' ? '人工智能组' : '生物医药组');
        }
      }
      // Three AI entries with two seats each, over three active members: two each.
      const loads = Object.fromEntries(report.data!.autoAssign.loads.map((l) => [l.expert.id, l.load]));
      expect(aiPanel.map((id) => loads[id])).toEqual([2, 2, 2]);
      expect(rows.some((a) => a.expert.id === ex.ai4!.id || a.expert.id === ex.outsider!.id)).toBe(false);
      // The chair sees its panel through its assignment, but not the round while it is a draft.
      const chairs = rows.find((a) => a.expert.id === ex.aiChair!.id)!;
      const seen = await (
        await expertClient(ex.aiChair!)
      ).data<{ entry: { assignments: { nodes: { panel: { name: string; round: unknown } }[] } } }>(
        `query($e: ID!) { entry(id: $e) { assignments { nodes { panel { name round { name status } } } } } }`,
        { e: chairs.entry.id },
      );
      expect(seen.entry.assignments.nodes).toEqual([{ panel: { name: '人工智能组', round: null } }]);
    });

    it('refuses by hand an expert who is not on the panel of the entry’s track, and a pool of experts named for a panel round', async () => {
      const before = (await assignmentsOf(r)).length;
      const aiEntry = (await entriesOf(r)).find((e) => e.trackCode === 'AI')!;
      expect(ext(await assign(aiEntry.id, ex.outsider!.id))).toMatchObject({ code: 'NOT_ON_PANEL', field: 'expertId' });
      expect(ext(await assign(aiEntry.id, ex.bio2!.id))).toMatchObject({ code: 'NOT_ON_PANEL', field: 'expertId' });
      expect(ext(await autoAssign(r, { expertIds: [ex.outsider!.id] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expertIds' });
      expect((await assignmentsOf(r)).length).toBe(before);
    });
  });

  describe('automatic assignment', () => {
    const ex: Record<string, Expert> = {};
    let pool: string[];
    let r: string;
    /** Track and unit of each entry, in the order they are submitted: AI ×6, BIOMED ×3, IC ×1, QUANTUM ×1. */
    const ENTRIES: [string, string][] = [
      ['AI', 'app1'],
      ['AI', 'app2'],
      ['BIOMED', 'app3'],
      ['AI', 'app3'],
      ['AI', 'app4'],
      ['BIOMED', 'app1'],
      ['IC', 'app2'],
      ['AI', 'app1'],
      ['QUANTUM', 'app4'],
      ['BIOMED', 'app2'],
      ['AI', 'app2'],
    ];
    /** A contest with the entries above, and its screening round (two reviewers each) with them taken in. */
    async function staffable(code: string): Promise<string> {
      const c = await contest(code, ['AI', 'BIOMED', 'IC', 'QUANTUM']);
      for (const [i, [track, unit]] of ENTRIES.entries()) await submission(c, track, unit, `${track}成果${i + 1}`);
      const id = await round(c, { reviewersPerEntry: 2 });
      await intake(id);
      return id;
    }

    beforeAll(async () => {
      ex.a1 = await expert('人工智能专家一', org.uniA!, ['AI']);
      ex.a2 = await expert('人工智能专家二', org.uniB!, ['AI']);
      ex.a3 = await expert('人工智能专家三', org.uniC!, ['AI']);
      ex.b1 = await expert('生物医药专家一', org.hospital!, ['BIOMED']);
      ex.m1 = await expert('交叉领域专家一', org.uniD!, ['AI', 'BIOMED']);
      ex.m2 = await expert('交叉领域专家二', org.uniA!, ['BIOMED', 'AI']);
      ex.ic = await expert('集成电路专家', org.uniB!, ['IC']);
      pool = Object.values(ex).map((x) => x.id);
      r = await staffable('auto-2019');
    });

    it('gives every entry its reviewers from experts of its track, loads balanced within the bounds, and reports what it could not staff', async () => {
      const result = await autoAssign(r, { expertIds: pool, minLoad: 1, maxLoad: 4 });
      expect(result.errors).toBeUndefined();
      const report = result.data!.autoAssign;
      const expertise = Object.fromEntries(Object.values(ex).map((x) => [x.id, x.expertise]));
      const seats = await seated(r);
      for (const e of (await entriesOf(r)).filter((e) => e.trackCode === 'AI' || e.trackCode === 'BIOMED')) {
        const on = seats[e.referenceNumber] ?? [];
        expect({ entry: e.referenceNumber, reviewers: on.length }).toEqual({ entry: e.referenceNumber, reviewers: 2 });
        for (const id of on) expect(expertise[id]).toContain(e.trackCode);
      }
      // IC has one expert for two seats; nobody judges QUANTUM. The rest is staffed all the same.
      expect([...report.unstaffed].sort((a, b) => a.entry.referenceNumber.localeCompare(b.entry.referenceNumber))).toEqual([
        { entry: { referenceNumber: '2019-IC-0001' }, needed: 2, assigned: 1, eligible: 1, reason: 'TOO_FEW_ELIGIBLE_EXPERTS' },
        { entry: { referenceNumber: '2019-QUANTUM-0001' }, needed: 2, assigned: 0, eligible: 0, reason: 'NO_ELIGIBLE_EXPERTS' },
      ]);
      expect(seats['2019-IC-0001']).toEqual([ex.ic!.id]);
      expect(seats['2019-QUANTUM-0001']).toBeUndefined();
      expect(report.created).toBe(6 * 2 + 3 * 2 + 1);
      // 18 AI and BIOMED seats over six experts: three each, although up to four were allowed.
      const loads = Object.fromEntries(report.loads.map((l) => [l.expert.id, l.load]));
      expect(['a1', 'a2', 'a3', 'b1', 'm1', 'm2'].map((k) => loads[ex[k]!.id])).toEqual([3, 3, 3, 3, 3, 3]);
      expect(loads[ex.ic!.id]).toBe(1);
      expect(report.underloaded).toEqual([]);
      const counted: Record<string, number> = {};
      for (const ids of Object.values(seats)) for (const id of ids) counted[id] = (counted[id] ?? 0) + 1;
      expect(counted).toEqual(loads);
    });

    it('running it again adds nobody and still reports the entries left short', async () => {
      const before = await seated(r);
      const again = (await autoAssign(r, { expertIds: pool, minLoad: 1, maxLoad: 4 })).data!.autoAssign;
      expect(again.created).toBe(0);
      expect(again.unstaffed.map((u) => [u.entry.referenceNumber, u.needed, u.assigned]).sort()).toEqual([
        ['2019-IC-0001', 2, 1],
        ['2019-QUANTUM-0001', 2, 0],
      ]);
      expect(await seated(r)).toEqual(before);
    });

    it('the same entries and the same pool always get the same assignment', async () => {
      const twin = await staffable('auto-twin-2019');
      expect((await autoAssign(twin, { expertIds: pool, minLoad: 1, maxLoad: 4 })).errors).toBeUndefined();
      expect(await seated(twin)).toEqual(await seated(r));
    });

    it('with a load limit too low for every seat, reports the entries left short and still assigns the rest', async () => {
      const c = await contest('auto-tight-2019', ['AI']);
      for (const [i, unit] of ['app1', 'app2', 'app3'].entries()) await submission(c, 'AI', unit, `负荷测试成果${i + 1}`);
      const tight = await round(c, { reviewersPerEntry: 2 });
      await intake(tight);
      const two = [ex.a1!.id, ex.a2!.id];
      expect(ext(await autoAssign(tight, { expertIds: two, minLoad: 3, maxLoad: 2 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'minLoad',
      });
      expect(ext(await autoAssign(tight, { expertIds: [ex.a1!.id, MISSING] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'expertIds',
      });
      expect(ext(await autoAssign(tight, { expertIds: [] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expertIds' });
      expect(await assignmentsOf(tight)).toEqual([]);

      const report = (await autoAssign(tight, { expertIds: two, maxLoad: 2 })).data!.autoAssign;
      expect(report.created).toBe(4);
      expect(report.loads.map((l) => l.load)).toEqual([2, 2]);
      expect(report.unstaffed.length).toBeGreaterThan(0);
      for (const u of report.unstaffed) expect(u).toMatchObject({ needed: 2, eligible: 2, reason: 'EXPERT_LOAD_LIMIT' });
      expect(report.unstaffed.reduce((short, u) => short + u.needed - u.assigned, 0)).toBe(6 - 4);
      const seats = await seated(tight);
      for (const u of report.unstaffed) expect(seats[u.entry.referenceNumber] ?? []).toHaveLength(u.assigned);
      expect(Object.values(seats).flat()).toHaveLength(4);
    });

    it('reports the experts it could not give their minimum load, spreading the seats there are', async () => {
      const c = await contest('auto-minimum-2019', ['AI']);
      for (const [i, unit] of ['app1', 'app2', 'app3'].entries()) await submission(c, 'AI', unit, `最低负荷成果${i + 1}`);
      const few = await round(c, { reviewersPerEntry: 2 });
      await intake(few);
      // Six seats for four experts who should each get two: two of them get one.
      const four = ['a1', 'a2', 'a3', 'm1'].map((k) => ex[k]!.id);
      const report = (await autoAssign(few, { expertIds: four, minLoad: 2, maxLoad: 2 })).data!.autoAssign;
      expect(report.unstaffed).toEqual([]);
      expect(report.created).toBe(6);
      expect(report.loads.map((l) => l.load).sort()).toEqual([1, 1, 2, 2]);
      const short = report.loads.filter((l) => l.load === 1).map((l) => l.expert.id);
      expect(sorted(report.underloaded.map((u) => u.expert.id))).toEqual(sorted(short));
      expect(report.underloaded.map((u) => u.load)).toEqual([1, 1]);
    });
  });

  describe('changing assignments by hand', () => {
    let r: string;
    let e1: string;
    let e2: string;
    const ex: Record<string, Expert> = {};
    /** Assignment ids by `expert@entry`. */
    const made: Record<string, string> = {};
    const statusOf = async (id: string) => (await assignmentsOf(r)).find((a) => a.id === id);
    const remove = (id: string) =>
      admin.request<{ removeAssignment: Id }>(`mutation($id: ID!) { removeAssignment(id: $id, reason: "派错了") { id } }`, { id });
    const stepBack = (client: GraphClient, how: 'declineAssignment' | 'declareConflict', id: string, reason: string) =>
      client.request<Record<string, { status: string; note: string }>>(
        `mutation($id: ID!, $why: String!) { ${how}(id: $id, reason: $why) { status note } }`,
        { id, why: reason },
      );
    const pass = (entryId: string) => ({ entryId, scores: [{ criterion: 'OVERALL', score: 80 }], decision: 'PASS' });

    beforeAll(async () => {
      const c = await contest('manual-2019', ['AI']);
      const s1 = await submission(c, 'AI', 'app1', '手工调整成果一');
      const s2 = await submission(c, 'AI', 'app2', '手工调整成果二');
      ex.h1 = await expert('手工专家一', org.uniA!, ['AI']);
      ex.h2 = await expert('手工专家二', org.uniB!, ['AI']);
      ex.h3 = await expert('手工专家三', org.uniC!, ['AI']);
      ex.h4 = await expert('手工专家四', org.uniD!, ['AI']);
      r = await round(c, { reviewersPerEntry: 2 });
      await intake(r);
      const ids = await entryIds(r);
      e1 = ids[s1.referenceNumber]!;
      e2 = ids[s2.referenceNumber]!;
      for (const [who, entry, key] of [
        ['h1', e1, 'h1@e1'],
        ['h2', e1, 'h2@e1'],
        ['h1', e2, 'h1@e2'],
        ['h3', e2, 'h3@e2'],
      ] as const) {
        made[key] = (await assign(entry, ex[who]!.id)).data!.assignExpert.id;
      }
      await moveRound(r, 'OPEN');
    });

    it('the office removes an assignment made by mistake, but not one the expert has already scored', async () => {
      expect((await score(await expertClient(ex.h1!), pass(e1))).errors).toBeUndefined();
      expect(ext(await remove(made['h1@e1']!))).toMatchObject({ code: 'ASSIGNMENT_SCORED', field: 'id' });
      expect(await statusOf(made['h1@e1']!)).toMatchObject({ status: 'ASSIGNED' });
      expect((await cardsOf(r)).map((card) => card.expert.id)).toEqual([ex.h1!.id]);
      expect(ext(await stepBack(await expertClient(ex.h1!), 'declineAssignment', made['h1@e1']!, '临时出差'))).toMatchObject({
        code: 'ASSIGNMENT_SCORED',
        field: 'id',
      });
      expect(await statusOf(made['h1@e1']!)).toMatchObject({ status: 'ASSIGNED', note: null });
      expect((await remove(made['h2@e1']!)).errors).toBeUndefined();
      expect(await statusOf(made['h2@e1']!)).toBeUndefined();
      expect((await assignmentsOf(r)).filter((a) => a.entry.id === e1).map((a) => a.expert.id)).toEqual([ex.h1!.id]);
    });

    it('only the expert itself declines an assignment; it then cannot score it, and the automatic assignment finds someone else', async () => {
      const h3 = await expertClient(ex.h3!);
      expect(ext(await stepBack(await expertClient(ex.h1!), 'declineAssignment', made['h3@e2']!, '时间冲突'))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await statusOf(made['h3@e2']!)).toMatchObject({ status: 'ASSIGNED', note: null });
      expect((await stepBack(h3, 'declineAssignment', made['h3@e2']!, '时间冲突')).data?.declineAssignment).toEqual({
        status: 'DECLINED',
        note: '时间冲突',
      });
      expect(ext(await score(h3, pass(e2)))).toMatchObject({ code: 'FORBIDDEN', field: 'entryId' });
      expect(ext(await assign(e2, ex.h3!.id))).toMatchObject({ code: 'ASSIGNMENT_DECLINED', field: 'expertId' });
      expect((await cardsOf(r)).map((card) => card.expert.id)).toEqual([ex.h1!.id]);

      const report = await autoAssign(r, { expertIds: ['h1', 'h2', 'h3', 'h4'].map((k) => ex[k]!.id) });
      expect(report.data?.autoAssign.unstaffed).toEqual([]);
      const rows = await assignmentsOf(r);
      const onE2 = rows.filter((a) => a.entry.id === e2 && a.status === 'ASSIGNED').map((a) => a.expert.id);
      expect(onE2).toHaveLength(2);
      expect(onE2).toContain(ex.h1!.id);
      expect(onE2).not.toContain(ex.h3!.id);
      expect(await statusOf(made['h3@e2']!)).toMatchObject({ status: 'DECLINED' });
    });

    it('an expert who declares a conflict can no longer score the entry, nor be assigned to it again', async () => {
      const h1 = await expertClient(ex.h1!);
      expect(ext(await stepBack(await expertClient(ex.h4!), 'declareConflict', made['h1@e2']!, '曾为该项目提供咨询'))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await statusOf(made['h1@e2']!)).toMatchObject({ status: 'ASSIGNED' });
      expect((await stepBack(h1, 'declareConflict', made['h1@e2']!, '曾为该项目提供咨询')).data?.declareConflict).toEqual({
        status: 'CONFLICT_DECLARED',
        note: '曾为该项目提供咨询',
      });
      expect(ext(await stepBack(h1, 'declareConflict', made['h1@e2']!, '再次声明'))).toMatchObject({
        code: 'INVALID_TRANSITION',
        field: 'id',
      });

      expect(ext(await score(h1, pass(e2)))).toMatchObject({
        code: 'CONFLICT_OF_INTEREST',
        field: 'entryId',
        details: { reasons: ['DECLARED'] },
      });
      expect((await cardsOf(r)).filter((card) => card.entry.id === e2)).toEqual([]);

      const again = await assign(e2, ex.h1!.id);
      expect(ext(again)).toMatchObject({ code: 'CONFLICT_OF_INTEREST', field: 'expertId' });
      expect((ext(again)!.details as { reasons: string[] }).reasons).toContain('DECLARED');
      // The declaration stays on record: the office cannot remove it to assign the expert again.
      expect(ext(await remove(made['h1@e2']!))).toMatchObject({ code: 'CONFLICT_OF_INTEREST', field: 'id' });
      expect(await statusOf(made['h1@e2']!)).toMatchObject({ status: 'CONFLICT_DECLARED' });

      const report = await autoAssign(r, { expertIds: ['h1', 'h2', 'h3', 'h4'].map((k) => ex[k]!.id) });
      expect(report.data?.autoAssign.unstaffed).toEqual([]);
      const onE2 = (await assignmentsOf(r)).filter((a) => a.entry.id === e2 && a.status === 'ASSIGNED').map((a) => a.expert.id);
      expect(onE2).toHaveLength(2);
      expect(onE2).not.toContain(ex.h1!.id);
      expect(onE2).not.toContain(ex.h3!.id);
    });
  });
});
