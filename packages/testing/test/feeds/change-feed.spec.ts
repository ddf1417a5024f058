/**
 * Each subgraph's change feed: a row per change, written in the change's transaction, served
 * in commit order to the graph's own services only, and never skipping a change that commits
 * late with a lower position.
 */
import type { SubgraphName } from '@meritgraph/config';
import { AWARD_TYPES_2019 } from '@meritgraph/domain';
import { Factories, GraphClient, type TestGraph, startGraph } from '../../src';

interface Change {
  position: string;
  entityType: string;
  entityId: string;
  version: number;
  change: string;
  state: Record<string, unknown> | null;
}
interface FeedPage {
  changes: Change[];
  endCursor: string;
  head: string;
  hasMore: boolean;
}

const FEED = `query($after: ID, $first: Int) { changes(after: $after, first: $first) {
  changes { position entityType entityId version change state } endCursor head hasMore } }`;

let graph: TestGraph;
let make: Factories;

const reader = async (subgraph: SubgraphName) =>
  new GraphClient(graph.subgraphs[subgraph].url).with({
    authorization: `Bearer ${await graph.auth.internal.forService('analytics', subgraph)}`,
  });

/** Every change of a subgraph's feed after `after`, page by page. */
async function readAll(subgraph: SubgraphName, after: string | null = null, first = 100): Promise<Change[]> {
  const client = await reader(subgraph);
  const all: Change[] = [];
  for (;;) {
    const { changes: page } = await client.data<{ changes: FeedPage }>(FEED, { after, first });
    all.push(...page.changes);
    after = page.endCursor;
    if (!page.hasMore) return all;
  }
}

const headOf = async (subgraph: SubgraphName) =>
  (await (await reader(subgraph)).data<{ changes: FeedPage }>(FEED, { first: 1 })).changes.head;

beforeAll(async () => {
  graph = await startGraph();
  make = new Factories(graph.gateway);
});
afterAll(() => graph.stop());

describe('a change through the gateway', () => {
  it('lands in its subgraph’s feed with its type, id, version, change and new state, and an update is version 2', async () => {
    const before = await headOf('organizations');
    const unit = await make.organization({ name: '上海测试科技有限公司', district: '浦东新区' });
    await graph.gateway.data(`mutation($id: ID!) { updateOrganization(id: $id, input: { district: "徐汇区" }) { id } }`, { id: unit.id });
    const changes = (await readAll('organizations', before)).filter((c) => c.entityId === unit.id);
    expect(changes.map((c) => [c.entityType, c.version, c.change])).toEqual([
      ['Organization', 1, 'organization.create'],
      ['Organization', 2, 'organization.update'],
    ]);
    // The state is the record as each change committed it.
    expect(changes[0]!.state).toMatchObject({ id: unit.id, name: '上海测试科技有限公司', kind: 'ENTERPRISE' });
    expect(changes[1]!.state).toMatchObject({ district: '徐汇区' });
    expect(BigInt(changes[1]!.position)).toBeGreaterThan(BigInt(changes[0]!.position));
  });

  it('carries no contact data: a person’s phone and email stay out of the feed', async () => {
    const unit = await make.organization();
    const { createPerson } = await graph.gateway.data<{ createPerson: { id: string } }>(
      `mutation($o: ID!) { createPerson(input: { name: "王小明", organizationId: $o, phone: "13800138000", email: "wang@example.cn" }) { id } }`,
      { o: unit.id },
    );
    const [change] = (await readAll('organizations')).filter((c) => c.entityId === createPerson.id);
    expect(change!.state).toMatchObject({ name: '王小明', organizationId: unit.id });
    expect(JSON.stringify(change)).not.toMatch(/13800138000|wang@example/);
  });

  it('a refused mutation adds nothing to the feed', async () => {
    const head = await headOf('organizations');
    const refused = await graph.gateway.request(`mutation { createOrganization(input: { name: "x", kind: ENTERPRISE }) { id } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await headOf('organizations')).toBe(head);
  });
});

describe('who may read it', () => {
  it('is the graph’s own services only: a subgraph called without a service token answers FORBIDDEN', async () => {
    const office = new GraphClient(graph.subgraphs.submissions.url).with({
      authorization: `Bearer ${await graph.auth.internal.forCaller({ roles: ['ADMIN'], sub: 'office-admin' }, 'submissions')}`,
    });
    for (const client of [new GraphClient(graph.subgraphs.submissions.url), office]) {
      const answer = await client.request(FEED, {});
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(answer.data?.changes ?? null).toBeNull();
    }
  });

  it('is not part of the public graph: the gateway does not know the field', async () => {
    const answer = await graph.gateway.request(FEED, {});
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a page size over 500 and a cursor it did not give, naming the argument', async () => {
    const client = await reader('honors');
    const big = await client.request(FEED, { first: 501 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const odd = await client.request(FEED, { after: 'abc' });
    expect(odd.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('from zero', () => {
  it('starts with the records the database held before its first change: the five seeded award types', async () => {
    const seeded = (await readAll('honors')).filter((c) => c.change === 'feed.snapshot');
    expect(seeded.map((c) => c.entityId).sort()).toEqual(AWARD_TYPES_2019.map((t) => t.code).sort());
    expect(seeded.every((c) => c.entityType === 'AwardType' && c.version === 1)).toBe(true);
  });
});

describe('under concurrent writers', () => {
  it('a reader polling while 40 writes commit at once sees every change exactly once, in increasing positions', async () => {
    const start = await headOf('organizations');
    const seen: Change[] = [];
    let cursor = start;
    let writing = true;
    const client = await reader('organizations');
    const poll = (async () => {
      while (writing || (await headOf('organizations')) !== cursor) {
        const { changes: page } = await client.data<{ changes: FeedPage }>(FEED, { after: cursor, first: 7 });
        seen.push(...page.changes);
        cursor = page.endCursor;
      }
    })();
    const made = await Promise.all(Array.from({ length: 40 }, (_, i) => make.organization({ name: `并发单位 ${i}` })));
    writing = false;
    await poll;
    const ids = new Set(made.map((m) => m.id));
    const mine = seen.filter((c) => ids.has(c.entityId));
    expect(new Set(mine.map((c) => c.entityId)).size).toBe(40);
    const positions = seen.map((c) => BigInt(c.position));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    // Nothing was passed over: what the reader saw is every row committed after it started.
    expect(seen.map((c) => c.position)).toEqual((await readAll('organizations', start)).map((c) => c.position));
  });
});
