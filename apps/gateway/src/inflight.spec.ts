import { ANONYMOUS, type Identity } from '@meritgraph/domain';
import { InflightFetches, fetchKey, isQuery } from './inflight';

/** A fetch whose answer the test releases, counting how often it really ran. */
function controlled<T>() {
  let calls = 0;
  const waiting: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  return {
    get calls() {
      return calls;
    },
    fetch: () =>
      new Promise<T>((resolve, reject) => {
        calls += 1;
        waiting.push({ resolve, reject });
      }),
    resolve: (value: T) => waiting.shift()!.resolve(value),
    reject: (error: unknown) => waiting.shift()!.reject(error),
  };
}

const OFFICE: Identity = { roles: ['ADMIN'], sub: 'office-1' };
const UNIT: Identity = { roles: ['SUBMITTER'], sub: 'person-7', org: 'org-7' };

describe('InflightFetches', () => {
  it('runs identical concurrent fetches once, and gives every waiter its own copy of the answer', async () => {
    const inflight = new InflightFetches<{ data: { n: number[] } }>();
    const upstream = controlled<{ data: { n: number[] } }>();
    const key = fetchKey('honors', 'query Q { n }', {}, OFFICE);
    const answers = Promise.all([1, 2, 3].map(() => inflight.run(key, upstream.fetch)));
    expect(upstream.calls).toBe(1);
    upstream.resolve({ data: { n: [1, 2] } });
    const [a, b, c] = await answers;
    expect([a, b, c]).toEqual([{ data: { n: [1, 2] } }, { data: { n: [1, 2] } }, { data: { n: [1, 2] } }]);
    a!.data.n.push(3);
    expect(b!.data.n).toEqual([1, 2]);
    expect(c).not.toBe(b);
    expect(inflight.shared).toBe(2);
    expect(inflight.size).toBe(0);
  });

  it('shares a failure only with the fetches already waiting: the next one runs anew', async () => {
    const inflight = new InflightFetches<string>();
    const upstream = controlled<string>();
    const key = fetchKey('honors', 'query Q { n }', {}, OFFICE);
    const first = Promise.allSettled([inflight.run(key, upstream.fetch), inflight.run(key, upstream.fetch)]);
    upstream.reject(new Error('fetch failed'));
    expect((await first).map((r) => r.status)).toEqual(['rejected', 'rejected']);

    const later = inflight.run(key, upstream.fetch);
    expect(upstream.calls).toBe(2);
    upstream.resolve('fresh');
    expect(await later).toBe('fresh');
  });

  it('never shares between two identities, two variable sets, two subgraphs, or a later fetch', async () => {
    const inflight = new InflightFetches<string>();
    const upstream = controlled<string>();
    const keys = [
      fetchKey('honors', 'query Q($y: Int) { n(y: $y) }', { y: 2019 }, OFFICE),
      fetchKey('honors', 'query Q($y: Int) { n(y: $y) }', { y: 2019 }, UNIT),
      fetchKey('honors', 'query Q($y: Int) { n(y: $y) }', { y: 2019 }, ANONYMOUS),
      fetchKey('honors', 'query Q($y: Int) { n(y: $y) }', { y: 2020 }, OFFICE),
      fetchKey('submissions', 'query Q($y: Int) { n(y: $y) }', { y: 2019 }, OFFICE),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    const answers = Promise.all(keys.map((key) => inflight.run(key, upstream.fetch)));
    expect(upstream.calls).toBe(5);
    keys.forEach((_, i) => upstream.resolve(`answer ${i}`));
    expect(await answers).toEqual(['answer 0', 'answer 1', 'answer 2', 'answer 3', 'answer 4']);

    const again = inflight.run(keys[0]!, upstream.fetch);
    expect(upstream.calls).toBe(6);
    upstream.resolve('again');
    await again;
    expect(inflight.shared).toBe(0);
  });

  it('never shares a mutation, even sent twice at once by one caller', async () => {
    expect(fetchKey('honors', 'mutation M { confer }', {}, OFFICE)).toBeNull();
    const inflight = new InflightFetches<string>();
    const upstream = controlled<string>();
    const both = Promise.all([inflight.run(null, upstream.fetch), inflight.run(null, upstream.fetch)]);
    expect(upstream.calls).toBe(2);
    upstream.resolve('one');
    upstream.resolve('two');
    expect(await both).toEqual(['one', 'two']);
  });

  it('tells queries from mutations as the query planner prints them', () => {
    expect(isQuery('query Figures__honors__1($representations:[_Any!]!){_entities}')).toBe(true);
    expect(isQuery('{contest{id}}')).toBe(true);
    expect(isQuery('mutation Confer__honors__0{conferHonors}')).toBe(false);
    expect(isQuery('subscription S{x}')).toBe(false);
    expect(isQuery('queryX { a }')).toBe(false);
  });

  it('keys an identity by what its token says, not by the order of its roles', () => {
    const q = 'query Q { n }';
    expect(fetchKey('honors', q, {}, { roles: ['ADMIN', 'ANALYST'], sub: 'a' })).toBe(
      fetchKey('honors', q, {}, { roles: ['ANALYST', 'ADMIN'], sub: 'a' }),
    );
  });
});
