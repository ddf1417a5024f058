import { type GraphClient, type TestGraph } from '../../src';
import { FRIDAY, MISSING, at, ext, honorsSuite } from './fixtures';

/** Honors through the gateway: objections during the announcement. */
describe('honors', () => {
  const suite = honorsSuite();
  const { contest, unit, nominated, read, propose, confer, announced, auditOf, fileObjection, resolveObjection, objectionsOf } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  let otherUnion: string;
  let unitA: string;
  let unitB: string;
  beforeAll(() => {
    ({ graph, admin, otherUnion, unitA, unitB } = suite.world());
  });

  describe('objections during the announcement', () => {
    it('anyone signed in may object while the window is open; an anonymous caller may not; after the window it is ANNOUNCEMENT_WINDOW_CLOSED', async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      const citizen = await graph.as('SUBMITTER', { org: unitB, sub: 'objector-1' });
      graph.setNow(at('2019-12-03T03:00:00Z'));
      const filed = await fileObjection(citizen, id);
      expect(filed.errors).toBeUndefined();
      expect(filed.data?.fileObjection.status).toBe('OPEN');

      expect(ext(await fileObjection(graph.anonymous, id))).toMatchObject({ code: 'FORBIDDEN' });
      graph.setNow(at('2019-12-06T16:00:00Z'));
      expect(ext(await fileObjection(citizen, id))).toMatchObject({ code: 'ANNOUNCEMENT_WINDOW_CLOSED', field: 'honorId' });
      expect((await objectionsOf(id)).map((o) => o.status)).toEqual(['OPEN']);
    });

    it('an honor not yet announced takes no objection: FORBIDDEN to those who may not see it, ANNOUNCEMENT_WINDOW_CLOSED to the office', async () => {
      const c = await contest();
      const [proposedId] = await nominated(c, 'MAY_DAY_AWARD', [await unit()], 2);
      expect((await propose([proposedId!])).errors).toBeUndefined();
      const citizen = await graph.as('SUBMITTER', { org: unitB, sub: 'objector-2' });
      expect(ext(await fileObjection(citizen, proposedId!))).toMatchObject({ code: 'FORBIDDEN', field: 'honorId' });
      expect(ext(await fileObjection(admin, proposedId!))).toMatchObject({ code: 'ANNOUNCEMENT_WINDOW_CLOSED' });
      expect(await objectionsOf(proposedId!)).toEqual([]);
    });

    it('an open objection blocks conferral (OBJECTION_OPEN, nothing changes); dismissed, the honor is conferred', async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      graph.setNow(at('2019-12-02T03:00:00Z'));
      const filed = await fileObjection(await graph.as('EXPERT', { sub: 'objector-3' }), id);
      graph.setNow(at('2019-12-10T02:00:00Z'));
      expect(ext(await confer([id]))).toMatchObject({ code: 'OBJECTION_OPEN', field: 'ids' });
      expect(await read(id)).toMatchObject({ status: 'ANNOUNCED', decisionNumber: null });
      const dismissed = await resolveObjection(filed.data!.fileObjection.id, 'DISMISSED', '经核实，申报材料属实。');
      expect(dismissed.data?.resolveObjection).toMatchObject({ status: 'DISMISSED', resolution: '经核实，申报材料属实。' });
      expect(ext(await resolveObjection(filed.data!.fileObjection.id, 'UPHELD'))).toMatchObject({ code: 'INVALID_TRANSITION' });
      expect((await confer([id])).data?.conferHonors[0]?.status).toBe('CONFERRED');
      expect((await auditOf(id)).map((a) => a.action)).toEqual([
        'honor.nominate',
        'honor.propose',
        'honor.announce',
        'objection.file',
        'objection.dismissed',
        'honor.confer',
      ]);
    });

    it('an upheld objection withdraws the honor', async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      graph.setNow(at('2019-12-02T03:00:00Z'));
      const filed = await fileObjection(await graph.as('ORGANIZER', { org: otherUnion, sub: 'objector-4' }), id);
      const upheld = await resolveObjection(filed.data!.fileObjection.id, 'UPHELD', '经核实，该单位存在违规行为。');
      expect(upheld.data?.resolveObjection.status).toBe('UPHELD');
      expect(await read(id)).toMatchObject({ status: 'WITHDRAWN', endReason: expect.stringContaining('经核实，该单位存在违规行为。') });
      // Both are recorded in the same instant, by the same request.
      expect(
        (await auditOf(id))
          .slice(-2)
          .map((a) => [a.action, a.reason])
          .sort(),
      ).toEqual([
        ['honor.withdraw', '经核实，该单位存在违规行为。'],
        ['objection.upheld', '经核实，该单位存在违规行为。'],
      ]);
      expect(ext(await resolveObjection(MISSING, 'DISMISSED'))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('a second objection to an honor already withdrawn can still be resolved, and the honor stays withdrawn', async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      graph.setNow(at('2019-12-02T03:00:00Z'));
      const first = await fileObjection(await graph.as('SUBMITTER', { org: unitA, sub: 'objector-7' }), id);
      const second = await fileObjection(await graph.as('SUBMITTER', { org: unitB, sub: 'objector-8' }), id);
      expect((await resolveObjection(first.data!.fileObjection.id, 'UPHELD', '材料存在虚假内容。')).errors).toBeUndefined();
      const again = await resolveObjection(second.data!.fileObjection.id, 'UPHELD', '同一问题，一并处理。');
      expect(again.errors).toBeUndefined();
      expect(again.data?.resolveObjection.status).toBe('UPHELD');
      expect(await read(id)).toMatchObject({ status: 'WITHDRAWN', endReason: expect.stringContaining('材料存在虚假内容。') });
      expect((await objectionsOf(id)).map((o) => o.status)).toEqual(['UPHELD', 'UPHELD']);
      expect((await auditOf(id)).filter((a) => a.action === 'honor.withdraw')).toHaveLength(1);
    });

    it("the objector's contact is for the office only: null for analysts, and never in the audit trail", async () => {
      const { ids } = await announced(1, FRIDAY);
      const [id] = ids as [string];
      graph.setNow(at('2019-12-02T03:00:00Z'));
      expect(
        (await fileObjection(await graph.as('SUBMITTER', { org: unitA, sub: 'objector-5' }), id, 'objector@example.org')).errors,
      ).toBeUndefined();
      expect((await objectionsOf(id))[0]).toMatchObject({ status: 'OPEN', contact: 'objector@example.org' });
      const analyst = await graph.as('ANALYST', { sub: 'analyst-1' });
      expect((await objectionsOf(id, analyst))[0]).toMatchObject({ status: 'OPEN', contact: null, text: expect.stringContaining('核实') });
      expect(JSON.stringify(await auditOf(id))).not.toContain('objector@example.org');
      expect(
        JSON.stringify(
          await analyst.data(`query($id: ID!) { honor(id: $id) { auditTrail(first: 100) { nodes { before after } } } }`, { id }),
        ),
      ).not.toContain('objector@example.org');
      // Objections are not public.
      const publicView = await graph.anonymous.request<{ honor: { objections: unknown } }>(
        `query($id: ID!) { honor(id: $id) { status objections { id } } }`,
        { id },
      );
      expect(ext(publicView)).toMatchObject({ code: 'FORBIDDEN' });
      expect(publicView.data?.honor?.objections ?? null).toBeNull();
    });
  });
});
