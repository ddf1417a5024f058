import * as gateway from '@meritgraph/gateway';
import { ANONYMOUS } from '@meritgraph/domain';
import { SUBGRAPH_MODULES, SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/supergraph';
import { Factories, GraphClient, type RunningSubgraph, type TestGraph, startGraph } from '../../src';

const DEADLINE_HEADER = 'x-meritgraph-deadline';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** From an organization up through seven parents: eight reads, one after the other. */
const EIGHT_PARENTS = `query($id: ID!) { organization(id: $id) { name parent { name parent { name parent { name parent { name
  parent { name parent { name parent { name } } } } } } } } }`;

/**
 * Makes every statement of a subgraph's database take `ms` (as a loaded database would) and
 * records when each one was sent. The kit's guard runs first, so a refused statement is not
 * recorded.
 */
function slowStatements(subgraph: RunningSubgraph, ms: number) {
  const sent: number[] = [];
  const slow = {
    beforeQuery: async () => {
      sent.push(Date.now());
      await sleep(ms);
    },
  };
  subgraph.db.dataSource.subscribers.push(slow);
  return {
    sent,
    restore: () => subgraph.db.dataSource.subscribers.splice(subgraph.db.dataSource.subscribers.indexOf(slow), 1),
  };
}

/** The names along the parent chain an answer reached before it stopped. */
function namesReached(data: unknown): string[] {
  const names: string[] = [];
  for (let node = (data as { organization?: unknown } | null)?.organization; node; node = (node as { parent?: unknown }).parent) {
    names.push((node as { name: string }).name);
  }
  return names;
}

describe('the work one request makes a subgraph do', () => {
  let graph: TestGraph;
  let chain: { id: string; name: string }[];
  const extra: { stop(): Promise<void> }[] = [];

  /** The graph's organizations database served again, with other bounds. */
  async function organizationsWith(work: { executionTimeoutMs: number; maxResponseObjects: number }) {
    const service = await SUBGRAPH_MODULES.organizations.createServer({ db: graph.subgraphs.organizations.db, auth: graph.auth, work });
    extra.push(service);
    return `${await service.start(0)}/graphql`;
  }

  beforeAll(async () => {
    // The entity requests at the end move 20,000 entities: on a shared machine under load that can take longer than the
    // default 15 s a subgraph gets, and these tests are about sizes, not speed. The deadline tests bring their own bounds.
    graph = await startGraph({ subgraphTimeoutMs: 45_000 });
    const make = new Factories(graph.gateway);
    chain = [];
    // 50 units, each under the one before: the last has 50 ancestors (the union among them).
    for (let i = 0; i < 50; i++) {
      const unit = await make.organization({
        name: `链上单位${String(i).padStart(2, '0')}`,
        ...(i > 0 ? { parentId: chain[i - 1]!.id } : {}),
      });
      chain.push({ id: unit.id, name: `链上单位${String(i).padStart(2, '0')}` });
    }
  });
  afterAll(async () => {
    for (const service of extra) await service.stop();
    await graph?.stop();
  });

  const leaf = () => chain[chain.length - 1]!;
  const internal = async (name: SubgraphName) => ({
    authorization: `Bearer ${await graph.auth.internal.forCaller({ roles: ['ADMIN'] }, name)}`,
  });

  describe('a deadline', () => {
    it('walks all eight parents, one slow read after another, when nothing stops it', async () => {
      const slow = slowStatements(graph.subgraphs.organizations, 200);
      const result = await graph.direct('organizations').request(EIGHT_PARENTS, { id: leaf().id });
      slow.restore();
      expect(result.errors).toBeUndefined();
      expect(namesReached(result.data)).toHaveLength(8);
      expect(slow.sent.length).toBeGreaterThanOrEqual(8);
    });

    it('stops the walk at the deadline the gateway sends: no statement after it, DEADLINE_EXCEEDED, what was read before', async () => {
      const slow = slowStatements(graph.subgraphs.organizations, 200);
      const deadline = Date.now() + 500;
      const result = await graph
        .direct('organizations')
        .with({ [DEADLINE_HEADER]: String(deadline) })
        .request(EIGHT_PARENTS, { id: leaf().id });
      slow.restore();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['DEADLINE_EXCEEDED']);
      expect(slow.sent.filter((at) => at > deadline + 5)).toEqual([]);
      expect(slow.sent.length).toBeLessThan(8);
      const reached = namesReached(result.data);
      expect(reached.length).toBeGreaterThan(0);
      expect(reached.length).toBeLessThan(8);
      expect(reached).toEqual(
        chain
          .map((c) => c.name)
          .reverse()
          .slice(0, reached.length),
      );
    });

    it('stops the walk at the subgraph’s own execution timeout when no deadline is sent', async () => {
      const url = await organizationsWith({ executionTimeoutMs: 500, maxResponseObjects: 50_000 });
      const slow = slowStatements(graph.subgraphs.organizations, 200);
      const started = Date.now();
      const result = await new GraphClient(url).request(EIGHT_PARENTS, { id: leaf().id });
      slow.restore();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['DEADLINE_EXCEEDED']);
      expect(slow.sent.filter((at) => at > started + 500 + 5)).toEqual([]);
      expect(slow.sent.length).toBeLessThan(8);
    });

    it('keeps the earlier of the two: a later deadline from the gateway does not lengthen the timeout', async () => {
      const url = await organizationsWith({ executionTimeoutMs: 500, maxResponseObjects: 50_000 });
      const slow = slowStatements(graph.subgraphs.organizations, 200);
      const started = Date.now();
      const result = await new GraphClient(url, { [DEADLINE_HEADER]: String(started + 60_000) }).request(EIGHT_PARENTS, { id: leaf().id });
      slow.restore();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['DEADLINE_EXCEEDED']);
      expect(slow.sent.length).toBeLessThan(8);
    });

    it('does no work at all for a request that arrives after its deadline', async () => {
      graph.resetStatements();
      const result = await graph
        .direct('organizations')
        .with({ [DEADLINE_HEADER]: String(Date.now() - 1) })
        .request(EIGHT_PARENTS, { id: leaf().id });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['DEADLINE_EXCEEDED']);
      expect(result.data).toEqual({ organization: null });
      expect(graph.statements().organizations).toBe(0);
    });

    it('refuses a malformed deadline with 400 BAD_REQUEST, before any work', async () => {
      graph.resetStatements();
      const result = await graph
        .direct('organizations')
        .with({ [DEADLINE_HEADER]: 'tomorrow' })
        .request(EIGHT_PARENTS, { id: leaf().id });
      expect([result.status, result.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
      expect(result.data).toBeUndefined();
      expect(graph.statements().organizations).toBe(0);
    });
  });

  describe('the objects of one answer', () => {
    const representations = (n: number) => Array.from({ length: n }, () => ({ __typename: 'Organization', id: leaf().id }));
    const ENTITIES = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { name } } }';

    it('answers within the bound whole', async () => {
      const client = new GraphClient(
        await organizationsWith({ executionTimeoutMs: 9000, maxResponseObjects: 15 }),
        await internal('organizations'),
      );
      const result = await client.request<{ _entities: unknown[] }>(ENTITIES, { reps: representations(15) });
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toHaveLength(15);
    });

    it('refuses a list that would pass the bound with RESULT_TOO_LARGE, without building or reading it', async () => {
      const client = new GraphClient(
        await organizationsWith({ executionTimeoutMs: 9000, maxResponseObjects: 15 }),
        await internal('organizations'),
      );
      graph.resetStatements();
      const result = await client.request<{ _entities: unknown[] | null }>(ENTITIES, { reps: representations(16) });
      expect(result.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['RESULT_TOO_LARGE', ['_entities']]]);
      expect(result.errors?.[0]?.extensions?.details).toEqual({ limit: 15 });
      expect(result.data).toBeNull();
      expect(graph.statements().organizations).toBe(0);
    });

    it('reaches a client through the gateway as RESULT_TOO_LARGE, not as a masked internal error', async () => {
      const bounded = await organizationsWith({ executionTimeoutMs: 9000, maxResponseObjects: 15 });
      const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, graph.subgraphs[name].url])) as Record<SubgraphName, string>;
      const service = await gateway.createServer({
        supergraphSdl: gateway.readSupergraph(),
        subgraphUrls: { ...urls, organizations: bounded },
        auth: graph.auth,
      });
      extra.push(service);
      const client = new GraphClient(`${await service.start(0)}/graphql`, {
        authorization: `Bearer ${await graph.auth.client.signDev({ roles: ['ADMIN'] })}`,
      });
      const result = await client.request('{ organizations(first: 30) { nodes { name } } }');
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['RESULT_TOO_LARGE']);
      expect(JSON.stringify(result.data ?? null)).not.toMatch(/链上单位/);
    });
  });

  describe('the body of the gateway’s entity requests', () => {
    const ENTITIES = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { name } } }';
    const post = (url: string, body: string, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const manyRepresentations = (n: number) =>
      JSON.stringify({
        query: ENTITIES,
        variables: { reps: Array.from({ length: n }, () => ({ __typename: 'Organization', id: leaf().id })) },
      });

    it('is accepted past the 1 MB a client may send when it comes from the gateway', async () => {
      const body = manyRepresentations(20_000);
      expect(body.length).toBeGreaterThan(1024 * 1024);
      for (const caller of [{ roles: ['ADMIN'] as const }, ANONYMOUS]) {
        const token = await graph.auth.internal.forCaller({ ...caller, roles: [...caller.roles] }, 'organizations');
        const response = await post(graph.subgraphs.organizations.url, body, { authorization: `Bearer ${token}` });
        expect(response.status).toBe(200);
        const result = (await response.json()) as { data: { _entities: { name: string }[] }; errors?: unknown };
        expect(result.errors).toBeUndefined();
        expect(result.data._entities).toHaveLength(20_000);
        expect(result.data._entities[19_999]).toEqual({ name: leaf().name });
      }
    }, 90_000);

    it('is refused with 413 PAYLOAD_TOO_LARGE from anyone else, before anything runs', async () => {
      const body = manyRepresentations(20_000);
      const clientToken = { authorization: `Bearer ${await graph.auth.client.signDev({ roles: ['ADMIN'] })}` };
      for (const headers of [{}, clientToken] as Record<string, string>[]) {
        graph.resetStatements();
        const response = await post(graph.subgraphs.organizations.url, body, headers);
        expect(response.status).toBe(413);
        const result = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
        expect(result.errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
        expect(result.data).toBeUndefined();
        expect(graph.statements().organizations).toBe(0);
      }
    });

    it('is still bounded for the gateway: no earlier answer can hold more entities than the object bound', async () => {
      const body = manyRepresentations(120_000);
      graph.resetStatements();
      const response = await post(graph.subgraphs.organizations.url, body, await internal('organizations'));
      expect(response.status).toBe(413);
      expect(graph.statements().organizations).toBe(0);
    });

    it('lets a query fanning out over 17,000 entities be answered, where its entity request of over 1 MB was refused before', async () => {
      // Three levels of ancestors from the leaf (32 + 1,024 + 17,152 organizations; a unit lists its nearest 32), then each one's honors: within
      // the gateway's cost budget, which assumes lists of ten.
      const query = `query($id: ID!) { organization(id: $id) { ancestors { ancestors { ancestors { honors { status } } } } } }`;
      let largest = 0;
      const measure = (req: { headers: Record<string, string | string[] | undefined> }) =>
        (largest = Math.max(largest, Number(req.headers['content-length'] ?? 0)));
      graph.subgraphs.honors.service.http.on('request', measure);
      type Level = { ancestors: Level[]; honors?: unknown[] };
      const result = await graph.gateway.request<{ organization: Level }>(query, { id: leaf().id });
      graph.subgraphs.honors.service.http.off('request', measure);
      expect(result.errors).toBeUndefined();
      const third = result.data!.organization.ancestors.flatMap((a) => a.ancestors).flatMap((a) => a.ancestors);
      expect(third).toHaveLength(17_152);
      expect(third.every((a) => Array.isArray(a.honors))).toBe(true);
      expect(largest).toBeGreaterThan(1024 * 1024);
    }, 90_000);
  });
});
