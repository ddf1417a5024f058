import { type GraphClient, type TestGraph } from '../../src';
import { FRIDAY, at, honorsSuite } from './fixtures';

type Entry = {
  action: string;
  actor: string;
  actorRoles: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
};

/** Who objected to an honor is the office's to know: not in the audit trail analysts read, by actor or by record. */
describe('honors: who objected', () => {
  const suite = honorsSuite();
  const { announced, fileObjection, resolveObjection } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let honorId: string;
  const OBJECTOR = 'objector-person-7731';
  const CONTACT = '13912345678';

  const trail = async (client: GraphClient) => {
    const result = await client.request<{ honor: { auditTrail: { nodes: Entry[] } } }>(
      `query($id: ID!) { honor(id: $id) { auditTrail(first: 100) { nodes { action actor actorRoles before after reason } } } }`,
      { id: honorId },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.honor.auditTrail.nodes;
  };

  beforeAll(async () => {
    ({ graph, admin } = suite.world());
    const { unitB } = suite.world();
    honorId = (await announced(1, FRIDAY)).ids[0]!;
    graph.setNow(at('2019-12-03T03:00:00Z'));
    const filed = await fileObjection(await graph.as('SUBMITTER', { org: unitB, sub: OBJECTOR }), honorId, CONTACT);
    expect(filed.errors).toBeUndefined();
    expect((await resolveObjection(filed.data!.fileObjection.id, 'DISMISSED', '经核实，申报材料属实。')).errors).toBeUndefined();
    graph.setNow(null);
  });

  it('shows an analyst the objection in the audit trail, but not who filed it nor with what roles', async () => {
    const entries = await trail(await graph.as('ANALYST'));
    const filing = entries.find((e) => e.action === 'objection.file')!;
    expect(filing).toMatchObject({ actor: 'withheld', actorRoles: [] });
    expect(filing.after).toMatchObject({ text: expect.stringContaining('请核实') });
    const json = JSON.stringify(entries);
    expect(json).not.toContain(OBJECTOR);
    expect(json).not.toContain(CONTACT);
    expect(json).not.toContain('SUBMITTER');
  });

  it("keeps every other entry's actor for the analyst: the office's own steps are on record", async () => {
    const entries = await trail(await graph.as('ANALYST'));
    expect(entries.map((e) => e.action)).toEqual([
      'honor.nominate',
      'honor.propose',
      'honor.announce',
      'objection.file',
      'objection.dismissed',
    ]);
    for (const e of entries.filter((x) => x.action !== 'objection.file')) expect(e.actor).toBe('office-admin');
  });

  it('names the objector to the office alone', async () => {
    const filing = (await trail(admin)).find((e) => e.action === 'objection.file')!;
    expect(filing).toMatchObject({ actor: OBJECTOR, actorRoles: ['SUBMITTER'] });
  });

  it("gives the analyst the objection itself without its author's contact", async () => {
    const { honor } = await (
      await graph.as('ANALYST')
    ).data<{ honor: { objections: { text: string; contact: string | null; status: string }[] } }>(
      `query($id: ID!) { honor(id: $id) { objections { text contact status } } }`,
      { id: honorId },
    );
    expect(honor.objections).toEqual([{ text: expect.stringContaining('请核实'), contact: null, status: 'DISMISSED' }]);
  });
});
