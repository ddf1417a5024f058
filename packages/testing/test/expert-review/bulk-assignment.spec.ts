import type { GraphClient, TestGraph } from '../../src';
import { type Expert, MISSING, ext, roundsSuite, sorted } from './rounds-fixtures';

/** The office staffs a round from its own list: many pairs in one assignExperts call, all or nothing. */
describe('assigning several experts at once (assignExperts)', () => {
  const suite = roundsSuite();
  const { org, person, expert, updateExpert, expertClient, contest, submission, round, intake, entryIds, assignmentsOf, assign } = suite;
  let admin: GraphClient;
  let graph: TestGraph;
  let r: string;
  const entry: Record<string, string> = {};
  const ex: Record<string, Expert> = {};

  const ASSIGN_MANY = `mutation($inputs: [AssignExpertInput!]!) { assignExperts(inputs: $inputs) { id status origin entry { id } expert { id } } }`;
  const assignMany = (inputs: { entryId: string; expertId: string }[], client: GraphClient = admin) =>
    client.request<{ assignExperts: { id: string; status: string; origin: string; entry: { id: string }; expert: { id: string } }[] }>(
      ASSIGN_MANY,
      { inputs },
    );
  const pair = (e: string, x: string) => ({ entryId: entry[e]!, expertId: ex[x]!.id });
  const pairsNow = async () => sorted((await assignmentsOf(r)).map((a) => `${a.expert.id}@${a.entry.id}`));

  beforeAll(async () => {
    ({ admin, graph } = suite.world());
    const c = await contest('bulk-2019', ['AI', 'BIOMED']);
    const titles = ['批量指派成果一', '批量指派成果二', '批量指派成果三', '批量指派成果四'];
    const subs = [];
    for (const [i, title] of titles.entries()) subs.push(await submission(c, 'AI', (['app1', 'app2', 'app3', 'app4'] as const)[i]!, title));
    const team = await person('批量成果团队成员', org.subUnit!);
    const bio = await submission(c, 'BIOMED', 'enterprise', '批量指派生物成果', { teamMemberIds: [team] });
    ex.a = await expert('批量专家甲', org.uniA!, ['AI']);
    ex.b = await expert('批量专家乙', org.uniB!, ['AI']);
    ex.c = await expert('批量专家丙', org.uniC!, ['AI', 'BIOMED']);
    ex.bio = await expert('批量生物专家', org.uniA!, ['BIOMED']);
    ex.gone = await expert('批量停用专家', org.uniB!, ['AI']);
    ex.teamMember = await expert('', '', ['BIOMED'], { personId: team, affiliationId: org.uniC });
    await updateExpert(ex.gone.id, { active: false });
    r = await round(c, { reviewersPerEntry: 2 });
    await intake(r);
    const ids = await entryIds(r);
    subs.forEach((s, i) => (entry[`e${i + 1}`] = ids[s.referenceNumber]!));
    entry.bio = ids[bio.referenceNumber]!;
  });

  it('makes every pair of the list in one call, each MANUAL and ASSIGNED, in the order given', async () => {
    const inputs = [pair('e1', 'a'), pair('e1', 'b'), pair('e2', 'a'), pair('e2', 'c'), pair('bio', 'bio')];
    const made = await assignMany(inputs);
    expect(made.errors).toBeUndefined();
    expect(made.data!.assignExperts.map((a) => ({ entryId: a.entry.id, expertId: a.expert.id }))).toEqual(inputs);
    expect(new Set(made.data!.assignExperts.map((a) => `${a.status}/${a.origin}`))).toEqual(new Set(['ASSIGNED/MANUAL']));
    expect(await pairsNow()).toEqual(sorted(inputs.map((p) => `${p.expertId}@${p.entryId}`)));
  });

  it('refuses the whole list when any pair breaks a rule, naming every refusal (BATCH_REFUSED), and makes none of it', async () => {
    const before = await pairsNow();
    const refused = await assignMany([
      pair('e3', 'a'), // fine on its own
      pair('e1', 'a'), // already on e1
      pair('e3', 'bio'), // judges another track
      pair('e3', 'gone'), // inactive
      pair('bio', 'teamMember'), // on the entry's team
      pair('e4', 'b'),
      pair('e4', 'b'), // the same pair twice in one list
      { entryId: entry.e4!, expertId: MISSING },
    ]);
    expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
    const errors = (ext(refused)!.details as { errors: { entryId: string; expertId: string; code: string }[] }).errors;
    expect(errors.map((e) => [e.entryId, e.expertId, e.code])).toEqual([
      [entry.e1, ex.a!.id, 'ALREADY_EXISTS'],
      [entry.e3, ex.bio!.id, 'EXPERTISE_MISMATCH'],
      [entry.e3, ex.gone!.id, 'EXPERT_INACTIVE'],
      [entry.bio, ex.teamMember!.id, 'CONFLICT_OF_INTEREST'],
      [entry.e4, ex.b!.id, 'ALREADY_EXISTS'],
      [entry.e4, MISSING, 'NOT_FOUND'],
    ]);
    expect(await pairsNow()).toEqual(before);
  });

  it('a list of one reports its own error, as assignExpert does, and makes nothing', async () => {
    const before = await pairsNow();
    const one = await assignMany([pair('e3', 'bio')]);
    expect(ext(one)).toMatchObject({ code: 'EXPERTISE_MISMATCH', field: 'expertId' });
    expect(ext(one)).toMatchObject(ext(await assign(entry.e3!, ex.bio!.id))!);
    expect(await pairsNow()).toEqual(before);
  });

  it('refuses an empty list and one longer than 500 pairs on the inputs field, making nothing', async () => {
    const before = await pairsNow();
    expect(ext(await assignMany([]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
    const tooMany = Array.from({ length: 501 }, () => pair('e3', 'a'));
    expect(ext(await assignMany(tooMany))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
    expect(await pairsNow()).toEqual(before);
  });

  it('is the office’s alone: an expert is refused and nothing is made', async () => {
    const before = await pairsNow();
    expect(ext(await assignMany([pair('e3', 'a')], await expertClient(ex.a!)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await pairsNow()).toEqual(before);
  });

  it('costs the same SQL statements for a list of one as for a list of three', async () => {
    const cost = async (inputs: { entryId: string; expertId: string }[]) => {
      graph.resetStatements();
      const made = await assignMany(inputs);
      expect(made.errors).toBeUndefined();
      return graph.statements()['expert-review'];
    };
    const one = await cost([pair('e3', 'a')]);
    const three = await cost([pair('e3', 'b'), pair('e4', 'a'), pair('e4', 'c')]);
    expect(three).toBe(one);
  });
});
