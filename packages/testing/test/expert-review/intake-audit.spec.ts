import type { GraphClient } from '../../src';
import { roundsSuite } from './rounds-fixtures';

/**
 * Entries taken into a round together keep what is theirs: each audit record of the intake
 * shows its own entry's reference number, title and track.
 */
describe('the intake audit', () => {
  const suite = roundsSuite();
  const { contest, submission, round, intake } = suite;
  let admin: GraphClient;
  beforeAll(() => ({ admin } = suite.world()));

  it('records each taken entry as it is, in its own audit record', async () => {
    const c = await contest('intake-audit-2019', ['AI', 'BIOMED']);
    const units = ['app1', 'app2', 'app3', 'app4', 'enterprise', 'sibling'] as const;
    for (const [i, unit] of units.entries()) await submission(c, i % 2 ? 'BIOMED' : 'AI', unit, `入库审计成果${i + 1}`);
    const r = await round(c);
    expect((await intake(r)).data?.takeEntries.taken).toBe(units.length);
    type Row = {
      id: string;
      referenceNumber: string;
      title: string;
      trackCode: string;
      auditTrail: { nodes: { action: string; after: Record<string, unknown> | null }[] };
    };
    const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: Row[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { entries(first: 20) { nodes { id referenceNumber title trackCode auditTrail(first: 5) { nodes { action after } } } } } }`,
      { r },
    );
    expect(reviewRound.entries.nodes).toHaveLength(units.length);
    for (const e of reviewRound.entries.nodes) {
      const take = e.auditTrail.nodes.find((n) => n.action === 'entry.take');
      expect({ entry: e.id, ...take?.after }).toMatchObject({
        entry: e.id,
        id: e.id,
        referenceNumber: e.referenceNumber,
        title: e.title,
        trackCode: e.trackCode,
      });
    }
  });
});
