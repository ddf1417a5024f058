import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

/** Values the submissions subgraph must refuse with BAD_USER_INPUT naming the field, writing nothing. */
describe('submissions: bad input', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let contestId: string;
  let unit: string;
  let draft: { id: string; title: string };

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    const make = new Factories(admin);
    contestId = (await make.contest()).id;
    await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: contestId });
    unit = (await make.organization({ name: '坏输入申报单位' })).id;
    draft = await make.submission({ contestId, organizationId: unit, title: '原来的成果名称' });
  });
  afterAll(() => graph?.stop());

  const refusal = (r: GraphResponse<unknown>) => ({ code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.field });
  const create = (input: Record<string, unknown>) =>
    admin.request(`mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`, {
      input: { contestId, organizationId: unit, title: '一项新的成果', ...input },
    });
  const count = async () =>
    (
      await admin.data<{ submissions: { totalCount: number } }>(`query($c: ID!) { submissions(contestId: $c) { totalCount } }`, {
        c: contestId,
      })
    ).submissions.totalCount;
  const current = async () =>
    (
      await admin.data<{ submission: Record<string, unknown> }>(
        `query($id: ID!) { submission(id: $id) { title summary version keywords metrics { name value unit } } }`,
        { id: draft.id },
      )
    ).submission;

  it('refuses a null byte or a bidirectional override in a title, creating nothing', async () => {
    const before = await count();
    for (const title of ['隧道内镜\u0000技术', '隧道内镜技术\u202Efdp.exe', '隧道内镜\u2067技术']) {
      const result = await create({ title });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
      expect(result.errors![0]!.message).toMatch(/control or bidirectional-override characters/);
    }
    expect(await count()).toBe(before);
  });

  it('refuses them in a retitled draft, a keyword, a metric and a file name, keeping the draft as it was', async () => {
    const before = await current();
    const update = (input: Record<string, unknown>) =>
      admin.request(
        `mutation($id: ID!, $input: UpdateSubmissionInput!) { updateSubmission(id: $id, expectedVersion: 1, input: $input) { id } }`,
        {
          id: draft.id,
          input,
        },
      );
    expect(refusal(await update({ title: '新名称\u001b[31m' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(refusal(await update({ keywords: ['AI', '医疗\u202E'] }))).toEqual({ code: 'BAD_USER_INPUT', field: 'keywords[1]' });
    expect(refusal(await update({ metrics: [{ name: '推广\u0000医院', value: 412, unit: '家' }] }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'metrics[0].name',
    });
    expect(await current()).toEqual(before);
  });

  it('keeps line breaks in a summary, where text has several lines, and refuses other controls there', async () => {
    const before = await count();
    expect(refusal(await create({ summary: '第一段\u0007第二段' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'summary' });
    expect(await count()).toBe(before);
    const result = await create({ title: '多段摘要的成果', summary: '第一段。\n第二段。\r\n\t第三段。' });
    expect(result.errors).toBeUndefined();
  });

  it('refuses numbers outside their documented range, naming the field, changing nothing', async () => {
    const before = await current();
    const big = await admin.request(
      `mutation($id: ID!) { updateSubmission(id: $id, expectedVersion: 1, input: { metrics: [{ name: "产值", value: 1e16, unit: "元" }] }) { id } }`,
      { id: draft.id },
    );
    expect(refusal(big)).toEqual({ code: 'BAD_USER_INPUT', field: 'metrics[0].value' });
    const version = await admin.request(
      `mutation($id: ID!) { updateSubmission(id: $id, expectedVersion: 0, input: { title: "另一个名称" }) { id } }`,
      {
        id: draft.id,
      },
    );
    expect(refusal(version)).toEqual({ code: 'BAD_USER_INPUT', field: 'expectedVersion' });
    expect(await current()).toEqual(before);
  });

  it('refuses a metric too large for a number (1e309 in the JSON), naming it, with HTTP 400 and not 500', async () => {
    const before = await current();
    const token = await graph.auth.client.signDev({ roles: ['ADMIN'], sub: 'office-admin' });
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: `{"query": "mutation($id: ID!, $input: UpdateSubmissionInput!) { updateSubmission(id: $id, expectedVersion: 1, input: $input) { id } }",
        "variables": {"id": "${draft.id}", "input": {"metrics": [{"name": "产值", "value": 1e309, "unit": "元"}]}}}`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; field?: string } }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'metrics[0].value' });
    expect(await current()).toEqual(before);
  });
});
