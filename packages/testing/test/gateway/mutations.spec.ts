import { Factories, type GraphClient, type TestGraph, startGraph } from '../../src';

/** Each refusal is checked twice: the coded error naming the field, and that nothing was written. */
describe('mutations refuse bad input with a coded error and write nothing', () => {
  let graph: TestGraph;
  let api: GraphClient;
  let make: Factories;

  beforeAll(async () => {
    graph = await startGraph();
    api = graph.gateway;
    make = new Factories(api);
  });
  afterAll(() => graph?.stop());

  const count = async (query: string, variables: Record<string, unknown> = {}) => {
    const data = await api.data<Record<string, { totalCount: number } | null>>(query, variables);
    return Object.values(data)[0]?.totalCount ?? 0;
  };
  const organizations = () => count('{ organizations { totalCount } }');
  const contests = () => count('{ contests { totalCount } }');

  it('an organization with a bad credit code is refused, naming creditCode', async () => {
    const before = await organizations();
    const result = await api.request(
      `mutation { createOrganization(input: { name: "上海交大智邦科技有限公司", kind: ENTERPRISE, creditCode: "91350100M000100Y44" }) { id } }`,
    );
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    expect(result.errors?.[0]?.message).toContain('check character');
    expect(await organizations()).toBe(before);
  });

  it('every bad field is reported at once', async () => {
    const result = await api.request(
      `mutation { createOrganization(input: { name: " ", kind: PARK, shortName: "${'长'.repeat(41)}" }) { id } }`,
    );
    const problems = (result.errors?.[0]?.extensions?.details as { problems: { field: string }[] }).problems;
    expect(problems.map((p) => p.field)).toEqual(['name', 'shortName']);
  });

  it('a second organization with the same credit code is refused as ALREADY_EXISTS', async () => {
    const code = make.creditCode();
    await make.organization({ creditCode: code });
    const before = await organizations();
    const result = await api.request(
      `mutation($code: String) { createOrganization(input: { name: "Copy", kind: ENTERPRISE, creditCode: $code }) { id } }`,
      {
        code,
      },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'creditCode' });
    expect(await organizations()).toBe(before);
  });

  it('an organization under a parent that does not exist is refused as NOT_FOUND on parentId', async () => {
    const before = await organizations();
    const result = await api.request(
      `mutation { createOrganization(input: { name: "Orphan Ltd", kind: ENTERPRISE, parentId: "00000000-0000-0000-0000-000000000000" }) { id } }`,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
    expect(await organizations()).toBe(before);
  });

  it('an unknown enum value is refused before any resolver runs', async () => {
    const before = await organizations();
    const result = await api.request(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { name: 'Somewhere', kind: 'PLANET' },
    });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('kind');
    expect(await organizations()).toBe(before);
  });

  it('a contest code is unique, and a malformed one names the field', async () => {
    await make.contest({ code: 'unique-2019' });
    const before = await contests();
    const duplicate = await api.request(`mutation { createContest(input: { code: "unique-2019", name: "Again", year: 2019 }) { id } }`);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'code' });
    const malformed = await api.request(`mutation { createContest(input: { code: "Has Spaces", name: "Bad", year: 1800 }) { id } }`);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((malformed.errors?.[0]?.extensions?.details as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual([
      'code',
      'year',
    ]);
    expect(await contests()).toBe(before);
  });

  it('a submission with a too-short title is refused, naming title', async () => {
    const contest = await make.contest();
    const unit = await make.organization();
    const submissions = () => count('query($id: ID!) { submissions(contestId: $id) { totalCount } }', { id: contest.id });
    const result = await api.request(`mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`, {
      input: { contestId: contest.id, organizationId: unit.id, title: 'AI', summary: 'Long enough summary text.' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await submissions()).toBe(0);
  });

  it('two review rounds cannot share a position in one contest', async () => {
    const contest = await make.contest();
    await make.reviewRound({ contestId: contest.id, order: 1 });
    const result = await api.request(`mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`, {
      input: { contestId: contest.id, name: 'Again', stage: 'EVALUATION', order: 1 },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'order' });
    const rounds = await api.data<{ contest: { reviewRounds: { name: string }[] } }>(
      'query($id: ID!) { contest(id: $id) { reviewRounds { name } } }',
      { id: contest.id },
    );
    expect(rounds.contest.reviewRounds.map((r) => r.name)).toEqual(['Screening']);
  });

  it('an honor for the wrong kind of recipient is refused, naming recipientKind; a repeat nomination is ALREADY_EXISTS', async () => {
    const contest = await make.contest();
    const unit = await make.organization();
    for (const awardTypeCode of ['MAY_DAY_MEDAL', 'MAY_DAY_AWARD']) {
      await api.data(`mutation($c: ID!, $t: String!) { setAwardQuota(contestId: $c, awardTypeCode: $t, quota: 10) { id } }`, {
        c: contest.id,
        t: awardTypeCode,
      });
    }
    const honorsOfUnit = async () =>
      (
        await api.data<{ organization: { honors: unknown[] } }>('query($id: ID!) { organization(id: $id) { honors { status } } }', {
          id: unit.id,
        })
      ).organization.honors.length;
    const nominate = (awardTypeCode: string, recipientKind: string) =>
      api.request(`mutation($input: NominateHonorInput!) { nominateHonor(input: $input) { id } }`, {
        input: { contestId: contest.id, awardTypeCode, recipientKind, recipientId: unit.id },
      });

    const wrongKind = await nominate('MAY_DAY_MEDAL', 'ORGANIZATION');
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipientKind' });
    expect(await honorsOfUnit()).toBe(0);

    expect((await nominate('MAY_DAY_AWARD', 'ORGANIZATION')).errors).toBeUndefined();
    const repeat = await nominate('MAY_DAY_AWARD', 'ORGANIZATION');
    expect(repeat.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'recipientId' });
    expect(await honorsOfUnit()).toBe(1);
  });
});
