import { type GraphClient, type TestGraph } from '../../src';
import { at, honorsSuite } from './fixtures';

/** The platform's own time: what the graph's clock says, not the machine's, in every trail and stamp. */
describe('honors', () => {
  const suite = honorsSuite();
  const { contest, unit, nominated, propose, announce } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  beforeAll(() => {
    ({ graph, admin } = suite.world());
  });

  const trail = async (id: string) =>
    (
      await admin.data<{ honor: { auditTrail: { nodes: { action: string; at: string }[] } } }>(
        `query($id: ID!) { honor(id: $id) { auditTrail(first: 100) { nodes { action at } } } }`,
        { id },
      )
    ).honor.auditTrail.nodes;

  it('an honor nominated, proposed and announced on 2019 dates reads those dates in its audit trail, in the order they happened', async () => {
    graph.setNow(at('2019-11-20T02:00:00Z'));
    const c = await contest();
    const [id] = (await nominated(c, 'MAY_DAY_AWARD', [await unit('上海华谊（集团）公司')], 1)) as [string];
    graph.setNow(at('2019-11-25T03:30:00Z'));
    expect((await propose([id])).errors).toBeUndefined();
    graph.setNow(at('2019-11-29T02:00:00Z'));
    expect((await announce([id])).errors).toBeUndefined();

    expect(await trail(id)).toEqual([
      { action: 'honor.nominate', at: '2019-11-20T02:00:00.000Z' },
      { action: 'honor.propose', at: '2019-11-25T03:30:00.000Z' },
      { action: 'honor.announce', at: '2019-11-29T02:00:00.000Z' },
    ]);
  });

  it("a unit created on the graph's clock carries that day in its own trail", async () => {
    graph.setNow(at('2019-03-01T01:00:00Z'));
    const id = await unit('上海电气集团股份有限公司');
    const { organization } = await admin.data<{ organization: { auditTrail: { nodes: { action: string; at: string }[] } } }>(
      `query($id: ID!) { organization(id: $id) { auditTrail(first: 10) { nodes { action at } } } }`,
      { id },
    );
    expect(organization.auditTrail.nodes).toEqual([{ action: 'organization.create', at: '2019-03-01T01:00:00.000Z' }]);
  });
});
