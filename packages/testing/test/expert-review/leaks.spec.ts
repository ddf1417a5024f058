import { type GraphClient } from '../../src';
import { type ReviewFixtures, ext, overall } from './review-fixtures';
import { resultsSuite } from './results-fixtures';

type Slot = {
  referenceNumber: string;
  presenter: { id: string; name: string; organization: { name: string } | null } | null;
  submission: { id: string } | null;
};
const SLOTS = `presentations { referenceNumber presenter { id name organization { name } } submission { id } }`;

/**
 * What the review rounds must not tell: the schedule of an unpublished final round to anyone
 * but the office, analysts and the round's panel, and who presents an entry (so its unit) to
 * the experts of a blind round.
 */
describe('expert review: what the presentation schedule reveals', () => {
  const suite = resultsSuite();
  const { unit, X, contestWithRound, clientOf, publish } = suite;
  let admin: GraphClient;
  let fx: ReviewFixtures;
  let blind: Awaited<ReturnType<typeof contestWithRound>>;
  let open: Awaited<ReturnType<typeof contestWithRound>>;
  let unitNames: string[];
  let leaderNames: string[];

  const read = (client: GraphClient, round: string) =>
    client.request<{ reviewRound: { name: string; presentations: Slot[] | null } | null }>(
      `query($r: ID!) { reviewRound(id: $r) { name ${SLOTS} } }`,
      { r: round },
    );

  /** A final round of its own contest: one panel of X1 and X2 over track AI, three entries, the schedule laid out. */
  async function finalRound(code: string, isBlind: boolean) {
    const f = await contestWithRound(
      code,
      { A: ['app1', 'AI'], B: ['app2', 'AI'], C: ['app3', 'AI'] },
      { name: '终评', stage: 'FINAL', threshold: 75, reviewDate: '2019-11-21', blind: isBlind },
    );
    await admin.data(`mutation($input: CreatePanelInput!) { createPanel(input: $input) { id } }`, {
      input: { roundId: f.round, name: '人工智能组', trackIds: [f.contest.tracks.AI], chairId: X[0]!.id, memberIds: [X[1]!.id] },
    });
    await admin.data(`mutation($r: ID!) { schedulePresentations(roundId: $r, input: { slotMinutes: 20 }) { presentations { id } } }`, {
      r: f.round,
    });
    return f;
  }

  const JUDGES: Record<string, () => (typeof X)[number]> = { A: () => X[1]!, B: () => X[0]!, C: () => X[0]! };

  beforeAll(async () => {
    ({ admin, fx } = suite.world());
    blind = await finalRound('leaks-blind', true);
    open = await finalRound('leaks-open', false);
    // X2 judges only entry A of the blind round, X1 the others; the schedule lists all three.
    for (const [label, by] of Object.entries(JUDGES)) expect((await fx.assign(blind.entry[label]!, by().id)).errors).toBeUndefined();
    for (const f of [blind, open]) expect((await fx.moveRound(f.round, 'OPEN')).errors).toBeUndefined();
    const names = await admin.data<Record<string, { name: string }>>(
      `query($a: ID!, $b: ID!, $c: ID!, $la: ID!, $lb: ID!, $lc: ID!) {
        a: organization(id: $a) { name } b: organization(id: $b) { name } c: organization(id: $c) { name }
        la: person(id: $la) { name } lb: person(id: $lb) { name } lc: person(id: $lc) { name } }`,
      {
        a: unit.app1!.id,
        b: unit.app2!.id,
        c: unit.app3!.id,
        la: unit.app1!.leaderId,
        lb: unit.app2!.leaderId,
        lc: unit.app3!.leaderId,
      },
    );
    unitNames = [names.a!.name, names.b!.name, names.c!.name];
    leaderNames = [names.la!.name, names.lb!.name, names.lc!.name];
  });

  const leaderIds = () => [unit.app1!.leaderId, unit.app2!.leaderId, unit.app3!.leaderId];
  const expectNoTrace = (json: string) => {
    for (const secret of [...leaderIds(), ...unitNames, ...leaderNames, unit.app1!.id, unit.app2!.id, unit.app3!.id])
      expect(json).not.toContain(secret);
  };

  it("shows a panel expert of an open blind round every slot, also of entries it does not judge, but no slot's presenter, unit or submission", async () => {
    const result = await read(await clientOf(X[1]!), blind.round);
    expect(result.errors).toBeUndefined();
    const slots = result.data!.reviewRound!.presentations!;
    expect(slots.map((s) => s.referenceNumber).sort()).toEqual(Object.values(blind.ref).sort());
    for (const slot of slots) expect(slot).toMatchObject({ presenter: null, submission: null });
    expectNoTrace(JSON.stringify(result));
  });

  it('reveals the presenter of its own entry by no other path either: not the entry, its assignment or its scorecard', async () => {
    const x2 = await clientOf(X[1]!);
    const result = await x2.request(
      `query($e: ID!) { entry(id: $e) { referenceNumber leader { id name } people { id name } organization { id name } submission { id }
        assignments { nodes { entry { leader { id } organization { id } } } } scorecards { nodes { entry { leader { id } } } } } }`,
      { e: blind.entry.A },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      entry: { referenceNumber: blind.ref.A, leader: null, people: [], organization: null, submission: null },
    });
    expectNoTrace(JSON.stringify(result));
  });

  it('still shows the office and analysts every presenter and unit', async () => {
    for (const client of [admin, await suite.world().graph.as('ANALYST')]) {
      const slots = (await read(client, blind.round)).data!.reviewRound!.presentations!;
      expect(slots.map((s) => s.presenter?.id).sort()).toEqual(leaderIds().sort());
      expect(slots.map((s) => s.presenter?.organization?.name).sort()).toEqual([...unitNames].sort());
      expect(slots.every((s) => s.submission !== null)).toBe(true);
    }
  });

  it('shows the presenters to the panel of a round that is not blind', async () => {
    const slots = (await read(await clientOf(X[0]!), open.round)).data!.reviewRound!.presentations!;
    expect(slots.map((s) => s.presenter?.name).sort()).toEqual([...leaderNames].sort());
    // The live submission stays the office's until the round is published.
    expect(slots.every((s) => s.submission === null)).toBe(true);
  });

  it('refuses the schedule of an unpublished round to the public, submitters and experts off its panel (FORBIDDEN), the round itself still readable', async () => {
    const graph = suite.world().graph;
    const outsiders = [
      graph.anonymous,
      await graph.as('SUBMITTER', { org: unit.app1!.id }),
      await clientOf(X[2]!),
      await graph.as('AGENCY'),
    ];
    for (const client of outsiders) {
      for (const round of [blind.round, open.round]) {
        const result = await read(client, round);
        expect(ext(result)).toMatchObject({ code: 'FORBIDDEN', field: 'presentations' });
        expect(result.data!.reviewRound).toEqual({ name: '终评', presentations: null });
        expectNoTrace(JSON.stringify(result));
      }
    }
  });

  it('makes the schedule public, presenters included, once the round is published', async () => {
    for (const [label, by] of Object.entries(JUDGES)) {
      const card = { entryId: blind.entry[label]!, scores: overall(80) };
      expect((await fx.score(await clientOf(by()), card)).errors).toBeUndefined();
    }
    for (const status of ['CLOSED', 'FINALIZED']) expect((await fx.moveRound(blind.round, status)).errors).toBeUndefined();
    expect((await publish(blind.round)).errors).toBeUndefined();
    const graph = suite.world().graph;
    for (const client of [graph.anonymous, await clientOf(X[1]!)]) {
      const result = await client.request<{ reviewRound: { presentations: { presenter: { id: string } | null }[] } }>(
        `query($r: ID!) { reviewRound(id: $r) { presentations { referenceNumber presenter { id } } } }`,
        { r: blind.round },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.reviewRound.presentations.map((s) => s.presenter?.id).sort()).toEqual(leaderIds().sort());
    }
  });
});
