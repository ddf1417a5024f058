import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Fixtures, OPERATIONS, interleave, operation, requestBodies, variablesFor } from './operations';
import { operationProblems } from './schema-check';

const fixtures: Fixtures = {
  identical: 'the first of each',
  contestCode: '2019-sci-tech',
  contestId: 'c1',
  listPages: [
    { contestId: 'c1', trackId: null, search: null, after: null },
    { contestId: 'c1', trackId: 't1', search: null, after: null },
    { contestId: 'c1', trackId: null, search: null, after: 'cur-1' },
  ],
  leaderboards: [
    { round: 'r2', group: 'AI', after: null },
    { round: 'r1', group: 'BIOMED', after: null },
  ],
  stories: ['s1', 's2', 's3'],
  agencyPages: [
    { awardTypeCode: null, after: null },
    { awardTypeCode: 'MAY_DAY_MEDAL', after: null },
  ],
};

describe('the benchmark operations', () => {
  it('all fit the client-facing schema (schema.graphql at the repository root)', () => {
    const schema = readFileSync(resolve(__dirname, '../../../schema.graphql'), 'utf8');
    expect(operationProblems(OPERATIONS, schema)).toEqual([]);
  });

  it('are told apart by a schema that lacks a field they ask for', () => {
    const schema = 'type Query { contest(code: String): Contest }\ntype Contest { id: ID! }';
    expect(operationProblems([operation('contest')], schema)[0]).toMatch(/^ContestPage: Cannot query field "code" on type "Contest"/);
  });

  it('send one set of variables in the identical workload, the first gathered', () => {
    expect(variablesFor('contest', 'identical', fixtures)).toEqual([{ code: '2019-sci-tech' }]);
    expect(variablesFor('list', 'identical', fixtures)).toEqual([{ contestId: 'c1', trackId: null, search: null, after: null }]);
    expect(variablesFor('leaderboard', 'identical', fixtures)).toEqual([{ round: 'r2', group: 'AI', after: null }]);
    expect(variablesFor('story', 'identical', fixtures)).toEqual([{ id: 's1' }]);
    expect(variablesFor('agency', 'identical', fixtures)).toEqual([{ awardTypeCode: null, after: null }]);
  });

  it('send every gathered set in the diverse workload, and none for the one contest page', () => {
    expect(variablesFor('contest', 'diverse', fixtures)).toEqual([]);
    expect(variablesFor('list', 'diverse', fixtures)).toHaveLength(3);
    expect(variablesFor('story', 'diverse', fixtures)).toEqual([{ id: 's1' }, { id: 's2' }, { id: 's3' }]);
    expect(variablesFor('leaderboard', 'diverse', fixtures)).toHaveLength(2);
  });

  it('serialize each body once, with the operation name', () => {
    const [body] = requestBodies(operation('story'), [{ id: 's9' }]);
    expect(JSON.parse(body!)).toEqual({ query: operation('story').query, operationName: 'Story', variables: { id: 's9' } });
  });

  it('interleave groups of variants so neighbours differ', () => {
    expect(interleave([[1, 2, 3], [10], [20, 21]])).toEqual([1, 10, 20, 2, 21, 3]);
    expect(interleave([])).toEqual([]);
  });

  it('send the agency list to the honors subgraph as an agency, and everything else through a gateway as the office', () => {
    expect(OPERATIONS.map((o) => [o.key, o.role, o.via])).toEqual([
      ['contest', 'ADMIN', 'gateway'],
      ['list', 'ADMIN', 'gateway'],
      ['leaderboard', 'ADMIN', 'gateway'],
      ['story', 'ADMIN', 'gateway'],
      ['agency', 'AGENCY', 'honors'],
    ]);
  });
});
