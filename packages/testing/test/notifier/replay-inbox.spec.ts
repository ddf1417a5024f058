import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayCopy } from '@meritgraph/contest-data';
import { type GraphClient, type TestGraph, startGraph, throwawayLocation } from '../../src';
import { memoryMail } from './notifier-fixtures';

interface ExpertRow {
  id: string;
  person: { id: string } | null;
  assignments: { totalCount: number };
}

/** Every notification of a caller's inboxes, kind by kind counted. */
async function kindsOf(client: GraphClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let after: string | null = null;
  for (;;) {
    const { me }: { me: { notifications: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { kind: string }[] } } } =
      await client.data(
        `query($after: String) { me { notifications(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { kind } } } }`,
        { after },
      );
    for (const n of me.notifications.nodes) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
    if (!me.notifications.pageInfo.hasNextPage) return counts;
    after = me.notifications.pageInfo.endCursor;
  }
}

/** After the 2019 replay, the notifier reads the whole contest from its feeds: each expert's inbox holds one ASSIGNMENT_MADE per assignment. */
describe('notifications: the 2019 replay', () => {
  let graph: TestGraph;
  const mail = memoryMail();
  const location = process.env.DATABASE_URL
    ? throwawayLocation()
    : { prefix: '', dataDir: mkdtempSync(join(tmpdir(), 'mg-notify-replay-')), log: 'none' as const };

  beforeAll(async () => {
    await replayCopy(location);
    graph = await startGraph({ location, notifier: { mail } });
    await graph.notifier!.catchUp();
  }, 1_200_000);
  afterAll(() => graph?.stop());

  it('gives each expert an ASSIGNMENT_MADE for each of its assignments, and reading the feeds again adds none', async () => {
    const { experts } = await graph.gateway.data<{ experts: { totalCount: number; nodes: ExpertRow[] } }>(
      `{ experts(first: 100) { totalCount nodes { id person { id } assignments(first: 1) { totalCount } } } }`,
    );
    expect(experts.totalCount).toBeLessThanOrEqual(100);
    const assigned = experts.nodes.filter((x) => x.assignments.totalCount > 0);
    expect(assigned.length).toBeGreaterThan(10);
    await graph.notifier!.catchUp();
    for (const x of experts.nodes) {
      const client = await graph.as('EXPERT', { expert: x.id, sub: x.person!.id });
      const kinds = await kindsOf(client);
      expect({ expert: x.id, made: kinds.ASSIGNMENT_MADE ?? 0 }).toEqual({ expert: x.id, made: x.assignments.totalCount });
    }
  }, 300_000);
});
