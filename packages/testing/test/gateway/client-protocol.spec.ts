import { createHash } from 'node:crypto';
import { Factories, type TestGraph, startGraph } from '../../src';

/**
 * What the README's "For client developers" promises a client that speaks plain
 * GraphQL-over-HTTP: GET needs a preflight header, automatic persisted queries work over POST
 * and GET, mutations are never run over GET, and errors carry their code.
 */
describe('GraphQL over HTTP, as clients send it', () => {
  let graph: TestGraph;
  let contestId: string;
  let authorization: string;
  const QUERY = 'query ContestName($id: ID!) { contest(id: $id) { id name } }';

  beforeAll(async () => {
    graph = await startGraph();
    contestId = (await new Factories(graph.gateway).contest()).id;
    authorization = `Bearer ${await graph.auth.client.signDev({ roles: ['ADMIN'], sub: 'client-developer' })}`;
  });
  afterAll(() => graph?.stop());

  const get = (params: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${graph.gateway.url}?${new URLSearchParams(params)}`, { headers: { authorization, ...headers } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { data?: { contest?: { id: string } }; errors?: { extensions?: { code?: string } }[] },
    }));

  it('refuses a GET without a preflight header as a possible cross-site request, and answers it with one', async () => {
    const params = { query: QUERY, variables: JSON.stringify({ id: contestId }) };
    const bare = await get(params);
    expect(bare.status).toBe(400);
    expect(bare.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(bare.body.data).toBeUndefined();

    const preflights: Record<string, string>[] = [{ 'apollo-require-preflight': 'true' }, { 'x-apollo-operation-name': 'ContestName' }];
    for (const header of preflights) {
      const answered = await get(params, header);
      expect(answered.status).toBe(200);
      expect(answered.body.data?.contest?.id).toBe(contestId);
    }
  });

  it('never runs a mutation sent over GET, and writes nothing', async () => {
    const name = '经由GET创建的工会';
    const mutation = `mutation { createOrganization(input: { name: "${name}", kind: DISTRICT_UNION }) { id } }`;
    const refused = await fetch(`${graph.gateway.url}?${new URLSearchParams({ query: mutation })}`, {
      headers: { 'apollo-require-preflight': 'true', authorization },
    });
    expect(refused.status).toBe(405);
    const found = await graph.gateway.data<{ organizations: { totalCount: number } }>(
      'query($n: String!) { organizations(nameContains: $n) { totalCount } }',
      { n: name },
    );
    expect(found.organizations.totalCount).toBe(0);
  });

  it('serves automatic persisted queries: a hash the gateway has not seen asks for the query, then the hash alone is enough', async () => {
    const sha256Hash = createHash('sha256').update(QUERY).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = (body: unknown) =>
      fetch(graph.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ data?: { contest?: { id: string } }; errors?: { extensions?: { code?: string } }[] }>);

    const unknown = await post({ variables: { id: contestId }, extensions });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post({ query: QUERY, variables: { id: contestId }, extensions });
    expect(registered.data?.contest?.id).toBe(contestId);

    const byHash = await get(
      { variables: JSON.stringify({ id: contestId }), extensions: JSON.stringify(extensions) },
      { 'apollo-require-preflight': 'true' },
    );
    expect(byHash.status).toBe(200);
    expect(byHash.body.data?.contest?.id).toBe(contestId);
  });
});
