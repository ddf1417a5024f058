import { type GraphClient, type GraphResponse } from '../../src';
import { type ReviewFixtures, ext } from './review-fixtures';
import { resultsSuite } from './results-fixtures';

/** Values the expert-review subgraph must refuse with BAD_USER_INPUT naming the field, writing nothing. */
describe('expert review: bad input', () => {
  const suite = resultsSuite();
  const { X, contestWithRound } = suite;
  let admin: GraphClient;
  let fx: ReviewFixtures;
  let f: Awaited<ReturnType<typeof contestWithRound>>;

  const SLOT = 'position startsAt endsAt referenceNumber';
  const schedule = (input: Record<string, unknown>) =>
    admin.request(
      `mutation($r: ID!, $input: ScheduleInput!) { schedulePresentations(roundId: $r, input: $input) { presentations { id } } }`,
      {
        r: f.round,
        input,
      },
    );
  const presentations = async () =>
    (
      await admin.data<{ reviewRound: { presentations: unknown[] } }>(
        `query($r: ID!) { reviewRound(id: $r) { presentations { ${SLOT} } } }`,
        { r: f.round },
      )
    ).reviewRound.presentations;
  const roundOf = async (id: string) =>
    (
      await admin.data<{ reviewRound: Record<string, unknown> }>(
        `query($r: ID!) { reviewRound(id: $r) { name status reviewDate reviewersPerEntry criteria { name } } }`,
        { r: id },
      )
    ).reviewRound;
  const roundCount = async () =>
    (
      await admin.data<{ contest: { reviewRounds: unknown[] } }>(`query($c: ID!) { contest(id: $c) { reviewRounds { id } } }`, {
        c: f.contest.id,
      })
    ).contest.reviewRounds.length;
  const refusal = (r: GraphResponse<unknown>) => ({ code: ext(r)?.code, field: ext(r)?.field });

  beforeAll(async () => {
    ({ admin, fx } = suite.world());
    f = await contestWithRound(
      'bad-input-2019',
      { A: ['app1', 'AI'], B: ['app2', 'AI'] },
      { name: '终评', stage: 'FINAL', threshold: 75, reviewDate: '2019-11-21' },
    );
    await admin.data(`mutation($input: CreatePanelInput!) { createPanel(input: $input) { id } }`, {
      input: { roundId: f.round, name: '人工智能组', trackIds: [f.contest.tracks.AI], chairId: X[0]!.id, memberIds: [X[1]!.id] },
    });
    expect((await schedule({ startTime: '2019-11-21T09:00:00+08:00', slotMinutes: 20 })).errors).toBeUndefined();
  });

  describe('review dates', () => {
    it('refuses a review date written 31/12/2026, inline and as a variable, creating no round', async () => {
      const before = await roundCount();
      const inline = await admin.request(
        `mutation($c: ID!) { createReviewRound(input: { contestId: $c, name: "复评", stage: EVALUATION, order: 2, reviewDate: "31/12/2026" }) { id } }`,
        { c: f.contest.id },
      );
      const variable = await admin.request(`mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`, {
        input: { contestId: f.contest.id, name: '复评', stage: 'EVALUATION', order: 2, reviewDate: '31/12/2026' },
      });
      for (const result of [inline, variable]) {
        expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'reviewDate' });
        expect(result.errors![0]!.extensions).not.toHaveProperty('errorId');
      }
      expect(await roundCount()).toBe(before);
    });

    it('refuses it when moving a round, which keeps its date', async () => {
      const before = await roundOf(f.round);
      const result = await fx.updateRound(f.round, { reviewDate: '2019-02-29', name: '终评答辩' });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'reviewDate' });
      expect(await roundOf(f.round)).toEqual(before);
    });
  });

  describe('the presentation schedule', () => {
    it('refuses a slot of 2147483647 minutes and other settings past their range, keeping the schedule it has', async () => {
      const before = await presentations();
      expect(before).toHaveLength(2);
      const audit = (await fx.roundAudit(f.round)).filter((a) => a === 'round.schedule').length;
      expect(refusal(await schedule({ slotMinutes: 2147483647 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'slotMinutes' });
      expect(refusal(await schedule({ slotMinutes: 241 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'slotMinutes' });
      expect(refusal(await schedule({ slotMinutes: 20, breakEvery: 0 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'breakEvery' });
      expect(refusal(await schedule({ slotMinutes: 20, breakEvery: 2, breakMinutes: -5 }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'breakMinutes',
      });
      const range = await schedule({ slotMinutes: 2147483647 });
      expect(range.errors![0]!.message).toMatch(/from 1 to 240/);
      expect(await presentations()).toEqual(before);
      expect((await fx.roundAudit(f.round)).filter((a) => a === 'round.schedule')).toHaveLength(audit);
    });

    it('refuses a start written as a bare time of day or a date of no calendar, inline and as a variable, keeping the schedule it has', async () => {
      const before = await presentations();
      const audit = (await fx.roundAudit(f.round)).filter((a) => a === 'round.schedule').length;
      const inline = await admin.request(
        `mutation($r: ID!) { schedulePresentations(roundId: $r, input: { startTime: "09:00", slotMinutes: 20 }) { presentations { id } } }`,
        { r: f.round },
      );
      for (const result of [inline, await schedule({ startTime: '2019-11-31T09:00:00+08:00', slotMinutes: 20 })]) {
        expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'startTime' });
        expect(result.errors![0]!.message).toMatch(/DateTime/);
        expect(result.errors![0]!.extensions).not.toHaveProperty('errorId');
      }
      expect(await presentations()).toEqual(before);
      expect((await fx.roundAudit(f.round)).filter((a) => a === 'round.schedule')).toHaveLength(audit);
    });
  });

  describe('numbers of a round', () => {
    it('refuses round settings outside their documented ranges, naming each, changing nothing', async () => {
      const before = await roundOf(f.round);
      const result = await fx.updateRound(f.round, { reviewersPerEntry: 1_000_000, trimMinimum: 2, passShare: 1 });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'reviewersPerEntry' });
      const problems = (ext(result)!.details as { problems: { field: string }[] }).problems.map((p) => p.field);
      expect(problems).toEqual(['reviewersPerEntry', 'trimMinimum', 'passShare']);
      expect(refusal(await fx.updateRound(f.round, { criteria: [{ code: 'OVERALL', name: '总分', weight: 1, maxScore: 1e9 }] }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'criteria[0].maxScore',
      });
      expect(await roundOf(f.round)).toEqual(before);
    });

    it('refuses a threshold too large for a number (1e309 in the JSON), naming it, with HTTP 400 and not 500', async () => {
      const before = await roundOf(f.round);
      const token = await suite.world().graph.auth.client.signDev({ roles: ['ADMIN'], sub: 'office-admin' });
      const response = await fetch(suite.world().graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: `{"query": "mutation($id: ID!, $input: UpdateReviewRoundInput!) { updateReviewRound(id: $id, input: $input) { id } }",
          "variables": {"id": "${f.round}", "input": {"threshold": 1e309}}}`,
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { extensions: { code: string; field?: string } }[] };
      expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'threshold' });
      expect(await roundOf(f.round)).toEqual(before);
    });

    it('refuses an automatic assignment asking for negative loads, assigning nobody', async () => {
      const seats = async () =>
        (
          await admin.data<{ reviewRound: { assignments: { totalCount: number } } }>(
            `query($r: ID!) { reviewRound(id: $r) { assignments { totalCount } } }`,
            { r: f.round },
          )
        ).reviewRound.assignments.totalCount;
      const before = await seats();
      const result = await admin.request(`mutation($r: ID!) { autoAssign(roundId: $r, input: { minLoad: -1, maxLoad: 0 }) { created } }`, {
        r: f.round,
      });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'minLoad' });
      expect(await seats()).toBe(before);
    });
  });

  describe('control and bidirectional-override characters', () => {
    it("refuses them in a round's name and a criterion's name, changing nothing", async () => {
      const before = await roundOf(f.round);
      expect(refusal(await fx.updateRound(f.round, { name: '终评\u202E答辩' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(
        refusal(await fx.updateRound(f.round, { criteria: [{ code: 'OVERALL', name: '总\u0000分', weight: 1, maxScore: 100 }] })),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'criteria[0].name' });
      expect(await roundOf(f.round)).toEqual(before);
    });

    it("refuses them in a panel's name, creating no panel", async () => {
      const panels = async () =>
        (
          await admin.data<{ reviewRound: { panels: unknown[] } }>(`query($r: ID!) { reviewRound(id: $r) { panels { id } } }`, {
            r: f.round,
          })
        ).reviewRound.panels.length;
      const before = await panels();
      const result = await admin.request(`mutation($input: CreatePanelInput!) { createPanel(input: $input) { id } }`, {
        input: { roundId: f.round, name: '生物\u2066医药组', trackIds: [f.contest.tracks.AI], chairId: X[2]!.id, memberIds: [] },
      });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(await panels()).toBe(before);
    });

    it('refuses a control character in the reason for moving a round on, which stays where it was', async () => {
      const result = await admin.request(
        `mutation($r: ID!) { changeReviewRoundStatus(id: $r, status: OPEN, reason: "按计划\\u0000开始") { status } }`,
        { r: f.round },
      );
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect((await roundOf(f.round)).status).toBe('DRAFT');
    });
  });
});
