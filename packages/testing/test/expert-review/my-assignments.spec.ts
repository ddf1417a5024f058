import { type GraphClient, type GraphResponse, type TestGraph } from '../../src';
import { CRITERIA, type Expert, ext, roundsSuite, sorted } from './rounds-fixtures';

type Row = {
  id: string;
  status: string;
  entry: {
    id: string;
    referenceNumber: string;
    title: string;
    round: { id: string; status: string } | null;
    organization: { name: string } | null;
    leader: { name: string } | null;
    people: { name: string }[];
  } | null;
};
type Mine = {
  expert: { assignments: { totalCount: number; nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null } | null;
};

const MINE = `query($x: ID!, $status: [RoundStatus!], $round: ID, $first: Int, $after: String) {
  expert(id: $x) { assignments(roundStatus: $status, roundId: $round, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id status entry { id referenceNumber title round { id status } organization { name } leader { name } people { name } } } } } }`;

/** Expert.assignments: one expert's own list across rounds, as the web console's expert screen reads it. */
describe("expert review: an expert's own assignments across rounds", () => {
  const suite = roundsSuite();
  const { org, expert, expertClient, contest, submission, round, intake, moveRound, entryIds, assign } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  const ex: Record<string, Expert> = {};
  /** Rounds: two open (one blind), one still a draft. */
  const R: Record<string, string> = {};

  const mine = (client: GraphClient, x: string, vars: Record<string, unknown> = {}) =>
    client.request<Mine>(MINE, { x, first: 100, ...vars });

  /** The round's assignments of the expert, as the office reads them. */
  async function officeView(roundId: string, expertId: string): Promise<string[]> {
    const { reviewRound } = await admin.data<{ reviewRound: { assignments: { nodes: { id: string }[] } } }>(
      `query($r: ID!, $x: ID!) { reviewRound(id: $r) { assignments(expertId: $x, first: 100) { nodes { id } } } }`,
      { r: roundId, x: expertId },
    );
    return reviewRound.assignments.nodes.map((a) => a.id);
  }

  beforeAll(async () => {
    ({ graph, admin } = suite.world());
    const c1 = await contest('mine-2019', ['AI']);
    const c2 = await contest('mine-blind-2019', ['AI']);
    const c3 = await contest('mine-draft-2019', ['AI']);
    for (const [c, unit, title] of [
      [c1, 'app1', '开放轮次成果甲'],
      [c1, 'app2', '开放轮次成果乙'],
      [c2, 'app3', '盲评轮次成果'],
      [c3, 'app4', '草稿轮次成果'],
    ] as const)
      await submission(c, 'AI', unit, title);
    ex.me = await expert('本人专家', org.uniA!, ['AI']);
    ex.other = await expert('另一位专家', org.uniB!, ['AI']);
    R.open = await round(c1, { name: '第二轮评审', stage: 'EVALUATION', criteria: CRITERIA, threshold: 50 });
    R.blind = await round(c2, { name: '盲评', stage: 'EVALUATION', criteria: CRITERIA, threshold: 50, blind: true });
    R.draft = await round(c3, { name: '未开评审', stage: 'EVALUATION', criteria: CRITERIA, threshold: 50 });
    for (const r of Object.values(R)) {
      expect((await intake(r)).errors).toBeUndefined();
      for (const id of Object.values(await entryIds(r))) {
        expect((await assign(id, ex.me.id)).errors).toBeUndefined();
        if (r === R.open) expect((await assign(id, ex.other.id)).errors).toBeUndefined();
      }
    }
    for (const r of [R.open, R.blind]) expect((await moveRound(r, 'OPEN')).errors).toBeUndefined();
  });

  it('shows the expert exactly its own assignments of the open rounds, as the office sees them round by round', async () => {
    const res = await mine(await expertClient(ex.me!), ex.me!.id, { status: ['OPEN'] });
    expect(res.errors).toBeUndefined();
    const list = res.data!.expert!.assignments!;
    const expected = [...(await officeView(R.open!, ex.me!.id)), ...(await officeView(R.blind!, ex.me!.id))];
    expect(expected).toHaveLength(3);
    expect(list.totalCount).toBe(3);
    expect(sorted(list.nodes.map((a) => a.id))).toEqual(sorted(expected));
    expect(list.nodes.every((a) => a.entry?.round?.status === 'OPEN' && a.status === 'ASSIGNED')).toBe(true);
    // Round by round, never mixed.
    const rounds = list.nodes.map((a) => a.entry!.round!.id);
    expect(rounds).toEqual([...rounds].sort());
    // None of the other expert's.
    const others = await officeView(R.open!, ex.other!.id);
    expect(list.nodes.filter((a) => others.includes(a.id))).toEqual([]);
  });

  it('filters by round, and hides a round still in DRAFT from the expert but not from the office', async () => {
    const me = await expertClient(ex.me!);
    const one = await mine(me, ex.me!.id, { round: R.open });
    expect(sorted(one.data!.expert!.assignments!.nodes.map((a) => a.id))).toEqual(sorted(await officeView(R.open!, ex.me!.id)));
    const all = await mine(me, ex.me!.id);
    expect(all.data!.expert!.assignments!.totalCount).toBe(3);
    expect((await mine(me, ex.me!.id, { round: R.draft })).data!.expert!.assignments!.totalCount).toBe(0);
    const office = await mine(admin, ex.me!.id);
    expect(office.data!.expert!.assignments!.totalCount).toBe(4);
    expect((await mine(admin, ex.me!.id, { status: ['DRAFT'] })).data!.expert!.assignments!.totalCount).toBe(1);
  });

  it('keeps the unit and people of a blind round from the expert, and shows them in a round that is not blind', async () => {
    const res = await mine(await expertClient(ex.me!), ex.me!.id, { status: ['OPEN'] });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.expert!.assignments!.nodes;
    const blind = nodes.filter((a) => a.entry!.round!.id === R.blind);
    expect(blind).toHaveLength(1);
    expect(blind[0]!.entry).toMatchObject({ title: '盲评轮次成果', organization: null, leader: null, people: [] });
    const seen = nodes.filter((a) => a.entry!.round!.id === R.open);
    expect(seen).toHaveLength(2);
    for (const a of seen) expect(a.entry!.organization?.name).toMatch(/^申报单位/);
  });

  it('refuses another expert, a submitter and an analyst with FORBIDDEN, and the list only', async () => {
    const refused = (r: GraphResponse<Mine>) => ({
      code: ext(r)?.code,
      data: r.data?.expert?.assignments ?? null,
    });
    expect(refused(await mine(await expertClient(ex.other!), ex.me!.id))).toEqual({ code: 'FORBIDDEN', data: null });
    expect(refused(await mine(await graph.as('SUBMITTER', { org: org.app1 }), ex.me!.id))).toEqual({ code: 'FORBIDDEN', data: null });
    const analyst = await mine(await graph.as('ANALYST'), ex.me!.id);
    expect(refused(analyst)).toEqual({ code: 'FORBIDDEN', data: null });
    // The analyst still reads the profile; only the list is refused.
    expect(analyst.data?.expert).toEqual({ assignments: null });
    expect(analyst.errors![0]!.path).toEqual(['expert', 'assignments']);
  });

  it('refuses an empty status list and pages forwards without gap or repeat', async () => {
    const me = await expertClient(ex.me!);
    const empty = await mine(me, ex.me!.id, { status: [] });
    expect(ext(empty)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundStatus' });
    const all = (await mine(me, ex.me!.id)).data!.expert!.assignments!.nodes.map((a) => a.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: GraphResponse<Mine> = await mine(me, ex.me!.id, { first: 1, after });
      const list = page.data!.expert!.assignments!;
      seen.push(...list.nodes.map((a) => a.id));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it('costs the same SQL statements for a page of one expert as for a page of three, each with its assignments and entries', async () => {
    ex.third = await expert('第三位专家', org.uniC!, ['AI']);
    for (const id of Object.values(await entryIds(R.open!))) expect((await assign(id, ex.third.id)).errors).toBeUndefined();
    const query = `query($n: Int!) { experts(track: "AI", first: $n) { nodes { id assignments(roundStatus: [OPEN], first: 10) {
      totalCount nodes { id status entry { referenceNumber title } scorecard { total } } } } } }`;
    const cost = async (n: number) => {
      graph.resetStatements();
      const data = await admin.data<{ experts: { nodes: { assignments: { totalCount: number } }[] } }>(query, { n });
      return {
        statements: graph.statements()['expert-review'],
        experts: data.experts.nodes.length,
        assignments: data.experts.nodes.reduce((s, x) => s + x.assignments.totalCount, 0),
      };
    };
    const one = await cost(1);
    const three = await cost(3);
    expect(three.experts).toBe(3);
    expect(three.assignments).toBeGreaterThan(one.assignments);
    expect(three.statements).toBe(one.statements);
    // So does one expert's page of one against its page of two (of the same round: a blind one reads no people).
    const page = async (first: number) => {
      graph.resetStatements();
      const res = await mine(await expertClient(ex.me!), ex.me!.id, { first, round: R.open });
      expect(res.errors).toBeUndefined();
      return graph.statements()['expert-review'];
    };
    expect(await page(2)).toBe(await page(1));
  });

  it('gives each expert only what it was given', async () => {
    const third = await mine(await expertClient(ex.third!), ex.third!.id, { status: ['OPEN'] });
    expect(sorted(third.data!.expert!.assignments!.nodes.map((a) => a.id))).toEqual(sorted(await officeView(R.open!, ex.third!.id)));
  });
});
