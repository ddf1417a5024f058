import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

/** Values the honors subgraph must refuse with BAD_USER_INPUT naming the field, writing nothing. */
describe('honors: bad input', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let make: Factories;
  let contest: string;
  let union: string;
  let draft: string;

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    make = new Factories(admin);
    contest = (await make.contest()).id;
    await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: contest });
    union = (await make.organization({ name: '坏输入区总工会', kind: 'DISTRICT_UNION' })).id;
    const unit = (await make.organization({ parentId: union })).id;
    draft = (await make.submission({ contestId: contest, organizationId: unit })).id;
  });
  afterAll(() => graph?.stop());

  const refusal = (r: GraphResponse<unknown>) => ({ code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.field });
  const EVALUATE = `mutation($input: EvaluationInput!) { evaluateOrganizer(input: $input) { id } }`;
  const scores = { leadership: 18, promotion: 17, performance: 19, incentive: 16, features: 15 };
  const evaluations = async () =>
    (
      await admin.data<{ organizerEvaluations: { total: number }[] }>(`query($c: ID!) { organizerEvaluations(contestId: $c) { total } }`, {
        c: contest,
      })
    ).organizerEvaluations;

  describe('organizer evaluation scores', () => {
    it('refuses a score of 1e309 sent in the JSON, naming the dimension, with HTTP 400 and not 500, recording nothing', async () => {
      const token = await graph.auth.client.signDev({ roles: ['ADMIN'], sub: 'office-admin' });
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: `{"query": ${JSON.stringify(EVALUATE)}, "variables": {"input": {"contestId": "${contest}", "organizationId": "${union}",
          "leadership": 1e309, "promotion": 17, "performance": 19, "incentive": 16, "features": 15}}}`,
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'leadership' });
      expect(await evaluations()).toEqual([]);
    });

    it('refuses leadership: 1e309 written into the operation, at the gateway and at the honors subgraph, naming the field, never HTTP 500', async () => {
      const direct = graph
        .direct('honors')
        .with({ authorization: `Bearer ${await graph.auth.internal.forCaller({ roles: ['ADMIN'], sub: 'office-admin' }, 'honors')}` });
      for (const client of [admin, direct]) {
        const result = await client.request(
          `mutation($c: ID!, $o: ID!) { evaluateOrganizer(input: { contestId: $c, organizationId: $o, leadership: 1e309, promotion: 17, performance: 19, incentive: 16, features: 15 }) { id } }`,
          { c: contest, o: union },
        );
        expect(result.status).toBe(400);
        expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'leadership' });
        expect(result.errors![0]!.message).toMatch(/non-finite/);
      }
      expect(await evaluations()).toEqual([]);
    });

    it('refuses a score above 20, as documented, recording nothing', async () => {
      const result = await admin.request(EVALUATE, { input: { contestId: contest, organizationId: union, ...scores, features: 25 } });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'features' });
      expect(result.errors![0]!.message).toMatch(/between 0 and 20/);
      expect(await evaluations()).toEqual([]);
      expect((await admin.request(EVALUATE, { input: { contestId: contest, organizationId: union, ...scores } })).errors).toBeUndefined();
      expect(await evaluations()).toEqual([{ total: 85 }]);
    });
  });

  describe('dates and numbers', () => {
    const days = async () =>
      (await admin.data<{ calendarDays: { date: string }[] }>(`{ calendarDays { date } }`)).calendarDays.map((d) => d.date);

    it('refuses a calendar day that does not exist, inline and as a variable, adding none', async () => {
      const before = await days();
      const inline = await admin.request(`mutation { setCalendarDay(date: "2026-13-01", kind: HOLIDAY, name: "不存在的节日") { date } }`);
      const variable = await admin.request(
        `mutation($d: LocalDate!) { setCalendarDay(date: $d, kind: HOLIDAY, name: "不存在的节日") { date } }`,
        { d: '2026-02-30' },
      );
      for (const result of [inline, variable]) expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
      expect(refusal(await admin.request(`mutation { removeCalendarDay(date: "31/12/2026") { date } }`))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'date',
      });
      expect(await days()).toEqual(before);
    });

    it('refuses a calendar year outside its documented range', async () => {
      expect(refusal(await admin.request(`{ calendarDays(year: 99999) { date } }`))).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
    });

    it('refuses a quota of 2147483647 places, setting none', async () => {
      const quotas = async () =>
        (
          await admin.data<{ contest: { awardQuotas: unknown[] } }>(`query($c: ID!) { contest(id: $c) { awardQuotas { quota } } }`, {
            c: contest,
          })
        ).contest.awardQuotas;
      const before = await quotas();
      const result = await admin.request(
        `mutation($c: ID!) { setAwardQuota(contestId: $c, awardTypeCode: "MAY_DAY_MEDAL", quota: 2147483647) { id } }`,
        { c: contest },
      );
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'quota' });
      // Beyond 32 bits the gateway refuses it before any subgraph sees it, naming it the same way.
      const beyond = await admin.request(
        `mutation($c: ID!) { setAwardQuota(contestId: $c, awardTypeCode: "MAY_DAY_MEDAL", quota: 99999999999) { id } }`,
        { c: contest },
      );
      expect(refusal(beyond)).toEqual({ code: 'BAD_USER_INPUT', field: 'quota' });
      expect(await quotas()).toEqual(before);
    });
  });

  describe('control and bidirectional-override characters', () => {
    const priorHonors = async () =>
      (
        await admin.data<{ submission: { priorHonors: unknown[] } }>(`query($s: ID!) { submission(id: $s) { priorHonors { name } } }`, {
          s: draft,
        })
      ).submission.priorHonors;

    it("refuses them in a prior honor's name and issuer, and a year out of range, recording none", async () => {
      const record = (input: Record<string, unknown>) =>
        admin.request(`mutation($input: PriorHonorInput!) { recordPriorHonor(input: $input) { id } }`, {
          input: { submissionId: draft, level: 'MUNICIPAL', name: '上海市科技进步奖', issuer: '上海市人民政府', year: 2018, ...input },
        });
      expect(refusal(await record({ name: '上海市科技\u0000进步奖' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(refusal(await record({ issuer: '上海市\u202E人民政府' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'issuer' });
      expect(refusal(await record({ year: 99999 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
      expect(await priorHonors()).toEqual([]);
    });

    it("refuses them in a calendar day's name and a conferral's decision number", async () => {
      expect(
        refusal(await admin.request(`mutation { setCalendarDay(date: "2031-05-01", kind: HOLIDAY, name: "劳动节\\u2067") { date } }`)),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
      const confer = await admin.request(
        `mutation { conferHonors(ids: ["00000000-0000-4000-8000-000000000000"], input: { decisionNumber: "沪工总\\u0000〔2020〕1号", conferredOn: "2020-01-15" }) { id } }`,
      );
      expect(refusal(confer)).toEqual({ code: 'BAD_USER_INPUT', field: 'decisionNumber' });
    });
  });
});
