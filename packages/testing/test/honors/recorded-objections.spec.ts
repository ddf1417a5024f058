import { type GraphClient, type GraphResponse, type TestGraph } from '../../src';
import { FRIDAY, at, ext, honorsSuite } from './fixtures';

/** Honors through the gateway: objections the office received by letter, phone or email. */
describe('honors', () => {
  const suite = honorsSuite();
  const { read, confer, announced, auditOf, resolveObjection } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let unitB: string;
  beforeAll(() => {
    ({ graph, admin, unitB } = suite.world());
  });

  const LETTER = {
    channel: 'LETTER',
    receivedOn: '2019-12-05',
    objectorName: '王建国',
    contact: '上海市浦东新区世纪大道100号',
    text: '来信反映：该单位申报的节能数据与年报不一致，请核实。',
  };
  const record = (client: GraphClient, honorId: string, input: Record<string, unknown> = LETTER) =>
    client.request<{ recordObjection: { id: string; status: string; channel: string; receivedOn: string } }>(
      `mutation($input: RecordObjectionInput!) { recordObjection(input: $input) { id status channel receivedOn } }`,
      { input: { honorId, ...input } },
    );
  type Read = { status: string; channel: string | null; receivedOn: string | null; objectorName: string | null; contact: string | null };
  const objections = async (honorId: string, client: GraphClient = admin) =>
    (
      await client.data<{ honor: { objections: Read[] } }>(
        `query($id: ID!) { honor(id: $id) { objections { status channel receivedOn objectorName contact } } }`,
        { id: honorId },
      )
    ).honor.objections;
  const rawTrail = async (id: string) =>
    JSON.stringify(
      await admin.data(`query($id: ID!) { honor(id: $id) { auditTrail(first: 100) { nodes { action actor before after reason } } } }`, {
        id,
      }),
    );
  const code = (r: GraphResponse<unknown>) => ext(r)?.code;

  it('the office records a letter received in the window; it blocks conferral (OBJECTION_OPEN) until resolved, and the writer stays out of the audit log', async () => {
    const { ids } = await announced(1, FRIDAY);
    const [id] = ids as [string];
    // Logged after the window closed, from a letter that arrived on its fifth day.
    graph.setNow(at('2019-12-09T02:00:00Z'));
    const recorded = await record(admin, id);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordObjection).toMatchObject({ status: 'OPEN', channel: 'LETTER', receivedOn: '2019-12-05' });
    expect(await objections(id)).toEqual([
      { status: 'OPEN', channel: 'LETTER', receivedOn: '2019-12-05', objectorName: '王建国', contact: '上海市浦东新区世纪大道100号' },
    ]);
    const analyst = await graph.as('ANALYST');
    expect(await objections(id, analyst)).toEqual([
      { status: 'OPEN', channel: 'LETTER', receivedOn: '2019-12-05', objectorName: null, contact: null },
    ]);

    expect(ext(await confer([id]))).toMatchObject({ code: 'OBJECTION_OPEN' });
    expect((await read(id)).status).toBe('ANNOUNCED');
    const trail = await rawTrail(id);
    expect(trail).toContain('objection.record');
    expect(trail).not.toContain('王建国');
    expect(trail).not.toContain('世纪大道');

    expect(
      (await resolveObjection(recorded.data!.recordObjection.id, 'DISMISSED', '经核实，数据口径不同，情况不属实。')).errors,
    ).toBeUndefined();
    expect((await confer([id])).data?.conferHonors[0]?.status).toBe('CONFERRED');
    expect((await auditOf(id)).map((a) => a.action)).toEqual([
      'honor.nominate',
      'honor.propose',
      'honor.announce',
      'objection.record',
      'objection.dismissed',
      'honor.confer',
    ]);
  });

  it('only the office records them: anyone else is FORBIDDEN, and nothing is written', async () => {
    const { ids } = await announced(1, FRIDAY);
    const [id] = ids as [string];
    graph.setNow(at('2019-12-05T02:00:00Z'));
    for (const client of [
      await graph.as('SUBMITTER', { org: unitB }),
      await graph.as('ORGANIZER', { org: unitB }),
      await graph.as('ANALYST'),
      graph.anonymous,
    ])
      expect(code(await record(client, id))).toBe('FORBIDDEN');
    expect(await objections(id)).toEqual([]);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['honor.nominate', 'honor.propose', 'honor.announce']);
  });

  it('received before the announcement, after the last day of the window, or after today: ANNOUNCEMENT_WINDOW_CLOSED on receivedOn, nothing written', async () => {
    const { ids } = await announced(1, FRIDAY);
    const [id] = ids as [string];
    graph.setNow(at('2019-12-04T02:00:00Z'));
    for (const receivedOn of ['2019-11-28', '2019-12-07', '2019-12-05'])
      expect(ext(await record(admin, id, { ...LETTER, receivedOn }))).toMatchObject({
        code: 'ANNOUNCEMENT_WINDOW_CLOSED',
        field: 'receivedOn',
      });
    expect(ext(await record(admin, id, { ...LETTER, channel: 'PHONE', receivedOn: '2019-12-32' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'receivedOn',
    });
    expect(ext(await record(admin, id, { ...LETTER, objectorName: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'objectorName' });
    expect(await objections(id)).toEqual([]);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['honor.nominate', 'honor.propose', 'honor.announce']);
    // By phone, on the first day: it counts.
    expect((await record(admin, id, { ...LETTER, channel: 'PHONE', receivedOn: '2019-11-29' })).errors).toBeUndefined();
  });
});
