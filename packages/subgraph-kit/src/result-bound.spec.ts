import { ApolloServer } from '@apollo/server';
import { type ExecutionResult, type GraphQLObjectType, buildSchema, execute, parse } from 'graphql';
import { createErrorFormatter } from './errors';
import { boundResolvers, countObjects, stoppedWorkPlugin } from './result-bound';
import { RequestWork, type SubgraphContext } from './work';

const SDL = `
  type Query { items(n: Int!): [Item!] item: Item total: Int }
  type Item { id: ID! children(n: Int!): [Item!] }
`;

type Item = { id: string };

/** A schema whose resolvers count their calls, bounded as a subgraph's is. */
function countingSchema() {
  const calls = { items: 0, children: 0, total: 0 };
  const schema = buildSchema(SDL);
  const list = (prefix: string, n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));
  const resolvers = {
    items: (_: unknown, { n }: { n: number }) => {
      calls.items += 1;
      return list('', n);
    },
    item: (): Item => ({ id: 'one' }),
    total: () => {
      calls.total += 1;
      return 7;
    },
  };
  const query = schema.getQueryType()!.getFields();
  // Looked up at each call, so a test can swap one resolver for another.
  for (const name of Object.keys(resolvers) as (keyof typeof resolvers)[]) {
    query[name]!.resolve = (source, args) => resolvers[name](source, args as { n: number });
  }
  (schema.getType('Item') as GraphQLObjectType).getFields().children!.resolve = (item: Item, { n }) => {
    calls.children += 1;
    return list(`${item.id}.`, n);
  };
  return { schema: boundResolvers(schema), resolvers, calls };
}

function run(query: string, maxObjects: number, clock?: { now: () => number }) {
  const { schema, calls } = countingSchema();
  const work = new RequestWork((clock?.now() ?? Date.now()) + 60_000, maxObjects, clock?.now);
  const result = execute({ schema, document: parse(query), contextValue: { work } }) as ExecutionResult;
  work.finish();
  return { result, calls, work };
}

const codes = (result: ExecutionResult) => result.errors?.map((e) => (e.originalError as { code?: string } | undefined)?.code);

describe('objects in an answer', () => {
  it('counts objects, the objects of lists, and nothing for null', () => {
    expect(countObjects(null)).toBe(0);
    expect(countObjects({ id: 1 })).toBe(1);
    expect(countObjects([{}, null, {}])).toBe(2);
    expect(countObjects([[{}], [{}, {}], []])).toBe(3);
  });

  it('lets an answer within the bound through whole', () => {
    const { result } = run('{ items(n: 5) { id children(n: 3) { id } } }', 20);
    expect(result.errors).toBeUndefined();
    expect((result.data as { items: { children: unknown[] }[] }).items.flatMap((i) => i.children)).toHaveLength(15);
  });

  it('refuses a list that would pass the bound whole, before any of its items is completed', () => {
    const { result, calls } = run('{ items(n: 200) { id children(n: 3) { id } } }', 100);
    expect(result.data).toEqual({ items: null });
    expect(codes(result)).toEqual(['RESULT_TOO_LARGE']);
    expect(calls.children).toBe(0);
  });

  it('starts no resolver once the bound is passed', () => {
    const { result, calls } = run('{ a: items(n: 60) { id } b: items(n: 60) { id } total }', 100);
    expect(result.data).toEqual({ a: expect.any(Array), b: null, total: null });
    expect(calls).toEqual({ items: 2, children: 0, total: 0 });
    expect(new Set(codes(result))).toEqual(new Set(['RESULT_TOO_LARGE']));
  });

  it('starts no resolver after the deadline', () => {
    let now = 1_000_000;
    const clock = { now: () => now };
    const { schema, resolvers, calls } = countingSchema();
    const work = new RequestWork(now + 100, 1000, clock.now);
    resolvers.item = () => {
      now += 100;
      return { id: 'slow' };
    };
    const result = execute({ schema, document: parse('{ item { id children(n: 1) { id } } total }'), contextValue: { work } });
    work.finish();
    expect(codes(result as ExecutionResult)).toEqual(['DEADLINE_EXCEEDED', 'DEADLINE_EXCEEDED']);
    expect(calls).toMatchObject({ children: 0, total: 0 });
  });

  it('leaves a schema run without the kit’s context unbounded (composition, specs)', () => {
    const { schema } = countingSchema();
    const result = execute({ schema, document: parse('{ items(n: 300) { id } }'), contextValue: {} }) as ExecutionResult;
    expect(result.errors).toBeUndefined();
  });
});

describe('the answer of a stopped request', () => {
  it('carries one error for the reason it stopped, at the first place it struck, and what was built before', async () => {
    const { schema } = countingSchema();
    const apollo = new ApolloServer<SubgraphContext>({ schema, plugins: [stoppedWorkPlugin], formatError: createErrorFormatter('spec') });
    await apollo.start();
    const work = new RequestWork(Date.now() + 60_000, 100);
    const response = await apollo.executeOperation(
      { query: '{ a: items(n: 90) { id } b: items(n: 20) { id } c: items(n: 1) { id } d: item { id } total }' },
      { contextValue: { work } as SubgraphContext },
    );
    work.finish();
    await apollo.stop();
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    expect(result?.errors).toEqual([
      {
        message: 'The response would hold more than 100 objects; ask for smaller pages',
        locations: expect.any(Array),
        path: ['b'],
        extensions: { code: 'RESULT_TOO_LARGE', details: { limit: 100 } },
      },
    ]);
    expect(result?.data).toEqual({ a: expect.any(Array), b: null, c: null, d: null, total: null });
    expect((result?.data as { a: unknown[] }).a).toHaveLength(90);
  });
});
