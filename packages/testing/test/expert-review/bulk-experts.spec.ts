import type { GraphClient, TestGraph } from '../../src';
import { type Expert, MISSING, ext, roundsSuite, sorted } from './rounds-fixtures';

/** The office loads its expert pool from its own list: many people in one createExperts call, all or nothing. */
describe('adding several experts at once (createExperts)', () => {
  const suite = roundsSuite();
  const { org, person, expert, expertClient } = suite;
  let admin: GraphClient;
  let graph: TestGraph;
  let existing: Expert;

  type Made = { id: string; title: string; expertise: string[]; active: boolean; person: { id: string }; affiliation: { id: string } };
  const CREATE_MANY = `mutation($inputs: [CreateExpertInput!]!) { createExperts(inputs: $inputs) { id title expertise active person { id } affiliation { id } } }`;
  const createMany = (inputs: Record<string, unknown>[], client: GraphClient = admin) =>
    client.request<{ createExperts: Made[] }>(CREATE_MANY, { inputs });
  const profile = (personId: string, extra: Record<string, unknown> = {}) => ({
    personId,
    title: 'PROFESSOR',
    expertise: ['AI'],
    ...extra,
  });
  /** The pool as the office sees it: each expert's person. */
  const poolNow = async () =>
    sorted(
      (
        await admin.data<{ experts: { nodes: { person: { id: string } }[] } }>(`{ experts(first: 100) { nodes { person { id } } } }`)
      ).experts.nodes.map((x) => x.person.id),
    );
  const people = async (names: string[], organizationId: string) => {
    const ids: string[] = [];
    for (const name of names) ids.push(await person(name, organizationId));
    return ids;
  };

  beforeAll(async () => {
    ({ admin, graph } = suite.world());
    existing = await expert('批量已在库专家', org.uniA!, ['AI']);
  });

  it('adds every person of the list in one call, in the order given, each as createExpert would', async () => {
    const [a, b, c] = await people(['批量新专家甲', '批量新专家乙', '批量新专家丙'], org.uniB!);
    const made = await createMany([
      profile(a!, { title: 'ACADEMICIAN', expertise: ['AI', 'BIOMED'] }),
      profile(b!, { affiliationId: org.uniC }),
      profile(c!, { active: false }),
    ]);
    expect(made.errors).toBeUndefined();
    expect(made.data!.createExperts.map((x) => ({ ...x, id: typeof x.id }))).toEqual([
      { id: 'string', title: 'ACADEMICIAN', expertise: ['AI', 'BIOMED'], active: true, person: { id: a }, affiliation: { id: org.uniB } },
      { id: 'string', title: 'PROFESSOR', expertise: ['AI'], active: true, person: { id: b }, affiliation: { id: org.uniC } },
      { id: 'string', title: 'PROFESSOR', expertise: ['AI'], active: false, person: { id: c }, affiliation: { id: org.uniB } },
    ]);
    expect(await poolNow()).toEqual(sorted([existing.personId, a!, b!, c!]));
  });

  it('refuses the whole list when any input breaks a rule, naming every refusal (BATCH_REFUSED), and adds nobody', async () => {
    const [fine, twice, badTracks] = await people(['批量待加专家', '批量重复专家', '批量领域有误专家'], org.uniC!);
    const before = await poolNow();
    const refused = await createMany([
      profile(fine!), // fine on its own
      profile(MISSING), // no such person
      profile(twice!, { affiliationId: MISSING }), // no such organization
      profile(existing.personId), // already in the pool
      profile(twice!),
      profile(twice!), // the same person twice in one list
      profile(badTracks!, { expertise: ['ai'] }),
    ]);
    expect(ext(refused)).toMatchObject({ code: 'BATCH_REFUSED', field: 'inputs' });
    const errors = (ext(refused)!.details as { errors: { index: number; personId: string; code: string }[] }).errors;
    expect(errors.map((e) => [e.index, e.personId, e.code])).toEqual([
      [1, MISSING, 'NOT_FOUND'],
      [2, twice, 'NOT_FOUND'],
      [3, existing.personId, 'ALREADY_EXISTS'],
      [5, twice, 'ALREADY_EXISTS'],
      [6, badTracks, 'BAD_USER_INPUT'],
    ]);
    expect(refused.data?.createExperts ?? null).toBeNull();
    expect(await poolNow()).toEqual(before);
  });

  it('a list of one reports its own error, as createExpert does, and adds nobody', async () => {
    const before = await poolNow();
    const one = await createMany([profile(existing.personId)]);
    expect(ext(one)).toMatchObject({ code: 'ALREADY_EXISTS', field: 'personId' });
    const single = await admin.request(`mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`, {
      input: profile(existing.personId),
    });
    expect(ext(one)).toMatchObject(ext(single)!);
    expect(ext(await createMany([profile(MISSING)]))).toMatchObject({ code: 'NOT_FOUND', field: 'personId' });
    expect(await poolNow()).toEqual(before);
  });

  it('refuses an empty list and one longer than 500 on the inputs field, adding nobody', async () => {
    const [p] = await people(['批量超长名单专家'], org.uniD!);
    const before = await poolNow();
    expect(ext(await createMany([]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
    const tooMany = Array.from({ length: 501 }, () => profile(p!));
    expect(ext(await createMany(tooMany))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
    expect(await poolNow()).toEqual(before);
  });

  it('is the office’s alone: an expert is refused and nobody is added', async () => {
    const [p] = await people(['批量越权专家'], org.uniD!);
    const before = await poolNow();
    expect(ext(await createMany([profile(p!)], await expertClient(existing)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await createMany([profile(p!)], await graph.as('ANALYST')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await poolNow()).toEqual(before);
  });

  it('costs the same SQL statements for a list of one as for a list of three', async () => {
    const fresh = await people(['批量计数专家一', '批量计数专家二', '批量计数专家三', '批量计数专家四'], org.hospital!);
    const cost = async (inputs: Record<string, unknown>[]) => {
      graph.resetStatements();
      const made = await createMany(inputs);
      expect(made.errors).toBeUndefined();
      return graph.statements()['expert-review'];
    };
    const one = await cost([profile(fresh[0]!)]);
    const three = await cost([profile(fresh[1]!), profile(fresh[2]!, { affiliationId: org.uniA }), profile(fresh[3]!)]);
    expect(three).toBe(one);
  });
});
