import { type GraphClient, type TestGraph } from '../../src';
import { at, ext, honorsSuite } from './fixtures';

/** Honors through the gateway: a tie across the places line of 优秀组织奖 is the office's to decide. */
describe('honors', () => {
  const suite = honorsSuite();
  const { contest, nominated, propose, statuses, auditOf } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  beforeAll(() => {
    ({ graph, admin } = suite.world());
  });

  type Tie = {
    rank: number;
    seatsLeft: number;
    organizations: { id: string }[];
    decision: { chosen: { id: string }[]; reason: string; decidedAt: string } | null;
    auditTrail: { nodes: { action: string; reason: string | null; at: string }[] };
  };
  const TIE =
    'rank seatsLeft organizations { id } decision { chosen { id } reason decidedAt } auditTrail(first: 10) { nodes { action reason at } }';
  const tieOf = async (c: string) =>
    (await admin.data<{ organizerTie: Tie | null }>(`query($c: ID!) { organizerTie(contestId: $c, places: 10) { ${TIE} } }`, { c }))
      .organizerTie;
  const candidates = async (c: string) =>
    (
      await admin.data<{ organizerEvaluations: { evaluation: { organization: { id: string } }; candidate: boolean; tied: boolean }[] }>(
        `query($c: ID!) { organizerEvaluations(contestId: $c, places: 10) { evaluation { organization { id } } candidate tied } }`,
        { c },
      )
    ).organizerEvaluations;
  const decide = (client: GraphClient, c: string, ids: string[], reason = '经评审委员会复议，按竞赛绩效材料确定。') =>
    client.request<{ decideOrganizerTie: Tie }>(
      `mutation($c: ID!, $ids: [ID!]!, $r: String!) { decideOrganizerTie(contestId: $c, places: 10, organizationIds: $ids, reason: $r) { ${TIE} } }`,
      { c, ids, r: reason },
    );

  /** Twelve unions assessed for ten places: eight clear of the rest, then four equal on every step at rank 9. */
  async function twelveUnions() {
    const c = await contest();
    const unions: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { createOrganization } = await admin.data<{ createOrganization: { id: string } }>(
        `mutation($n: String!) { createOrganization(input: { name: $n, kind: DISTRICT_UNION }) { id } }`,
        { n: `第${i + 1}区总工会` },
      );
      const s =
        i < 8
          ? { leadership: 19, promotion: 19, performance: 19, incentive: 19 - i, features: 19 }
          : { leadership: 15, promotion: 15, performance: 15, incentive: 10, features: 10 };
      await admin.data(`mutation($input: EvaluationInput!) { evaluateOrganizer(input: $input) { id } }`, {
        input: { contestId: c, organizationId: createOrganization.id, ...s },
      });
      unions.push(createOrganization.id);
    }
    return { c, clear: unions.slice(0, 8), tied: unions.slice(8) };
  }

  it('four unions tied at rank 9 for ten places: the tie is reported (the four, rank 9, two seats left) and none of them is a candidate', async () => {
    const { c, clear, tied } = await twelveUnions();
    expect(await tieOf(c)).toEqual({
      rank: 9,
      seatsLeft: 2,
      organizations: [...tied].sort().map((id) => ({ id })),
      decision: null,
      auditTrail: { nodes: [] },
    });
    const ranked = await candidates(c);
    expect(ranked.filter((r) => r.candidate).map((r) => r.evaluation.organization.id)).toEqual(clear);
    expect(ranked.filter((r) => r.tied)).toHaveLength(4);
  });

  it('while the tie stands 优秀组织奖 is not proposed (ORGANIZER_TIE_UNRESOLVED) and nothing is written; a non-admin may not decide it', async () => {
    const { c, clear, tied } = await twelveUnions();
    const ids = await nominated(c, 'EXCELLENT_ORGANIZATION', [...clear, tied[0]!, tied[1]!], 10);
    const refused = await propose(ids);
    expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED' });
    const errors = (ext(refused)?.details as { errors: { code: string }[] }).errors;
    expect(errors.map((e) => e.code)).toEqual(Array(10).fill('ORGANIZER_TIE_UNRESOLVED'));
    expect(ext(await propose([ids[0]!]))).toMatchObject({
      code: 'ORGANIZER_TIE_UNRESOLVED',
      details: { tie: { rank: 9, seatsLeft: 2, places: 10 } },
    });
    expect(await statuses(ids)).toEqual(Array(10).fill('NOMINATED'));
    expect((await auditOf(ids[0]!)).map((e) => e.action)).toEqual(['honor.nominate']);

    const organizer = await graph.as('ORGANIZER', { org: tied[0]! });
    expect(ext(await decide(organizer, c, [tied[0]!, tied[1]!]))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await decide(admin, c, [tied[0]!]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationIds' });
    expect(ext(await decide(admin, c, [tied[0]!, clear[0]!]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationIds' });
    expect(ext(await decide(admin, c, [tied[0]!, tied[1]!], ' '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await tieOf(c))?.decision).toBeNull();
  });

  it("the office's decision, with its reason on record, seats the units it chose; then the proposal goes through", async () => {
    const { c, clear, tied } = await twelveUnions();
    const ids = await nominated(c, 'EXCELLENT_ORGANIZATION', [...clear, tied[2]!, tied[3]!], 10);
    graph.setNow(at('2019-12-10T02:00:00Z'));
    const decided = await decide(admin, c, [tied[3]!, tied[2]!]);
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideOrganizerTie).toMatchObject({
      rank: 9,
      seatsLeft: 2,
      decision: {
        chosen: [tied[2]!, tied[3]!].sort().map((id) => ({ id })),
        reason: '经评审委员会复议，按竞赛绩效材料确定。',
        decidedAt: '2019-12-10T02:00:00.000Z',
      },
      auditTrail: {
        nodes: [{ action: 'evaluation.tie-decide', reason: '经评审委员会复议，按竞赛绩效材料确定。', at: '2019-12-10T02:00:00.000Z' }],
      },
    });
    const ranked = await candidates(c);
    expect(
      ranked
        .filter((r) => r.candidate)
        .map((r) => r.evaluation.organization.id)
        .sort(),
    ).toEqual([...clear, tied[2]!, tied[3]!].sort());
    expect(ranked.some((r) => r.tied)).toBe(false);
    expect((await propose(ids)).errors).toBeUndefined();
    expect(await statuses(ids)).toEqual(Array(10).fill('PROPOSED'));
  });

  it('there is nothing to decide where no tie crosses the line: BAD_USER_INPUT on places', async () => {
    const c = await contest();
    expect(await tieOf(c)).toBeNull();
    expect(ext(await decide(admin, c, [c]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'places' });
  });
});
