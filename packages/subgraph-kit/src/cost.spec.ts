import { buildSchema, parse } from 'graphql';
import { CostModel, CostPlanCache, planCost } from './cost';
import { sizeConnections } from './schema';

const SDL = `
  directive @cost(weight: Int!) on FIELD_DEFINITION
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  type Query {
    contest(id: ID!): Contest
    organizations(first: Int): OrganizationConnection!
  }
  type Mutation { createTrack(name: String!): Track submitScorecards(ids: [ID!]!): [Track!]! @cost(weight: 50) }
  type Contest { name: String! tracks: [Track!]! @listSize(assumedSize: 4) submissions(first: Int): SubmissionConnection! }
  type Track { code: String! }
  type SubmissionConnection { nodes: [Submission!]! totalCount: Int! }
  type Submission { title: String! organization: Organization! score: Float @cost(weight: 5) }
  type OrganizationConnection { nodes: [Organization!]! }
  type Organization {
    name: String!
    ancestors: [Organization!]!
    descendants(first: Int): OrganizationConnection! @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false) @cost(weight: 3)
  }
`;
const model = new CostModel(buildSchema(SDL), SDL);
const estimate = (query: string, variables: Record<string, unknown> = {}) => planCost(model, parse(query)).estimate(variables);

describe('cost estimation (IBM cost directive specification)', () => {
  it('counts 1 per object and 0 per scalar', () => {
    expect(estimate('{ contest(id: "c") { name } }')).toBe(1);
  });

  it('multiplies a connection’s nodes by the first argument, from a literal or a variable', () => {
    // contest 1 + submissions 1 + 100 × (submission 1 + organization 1)
    expect(estimate('{ contest(id: "c") { submissions(first: 100) { nodes { title organization { name } } } } }')).toBe(202);
    expect(estimate('query($n: Int) { contest(id: "c") { submissions(first: $n) { nodes { title } totalCount } } }', { n: 5 })).toBe(7);
  });

  it('assumes the default page size when first is not given', () => {
    expect(estimate('{ contest(id: "c") { submissions { nodes { title } } } }')).toBe(2 + 20);
  });

  it('uses a declared @listSize for a plain list and the default list size otherwise', () => {
    expect(estimate('{ contest(id: "c") { tracks { code } } }')).toBe(1 + 4);
    expect(estimate('{ organizations(first: 1) { nodes { ancestors { name } } } }')).toBe(1 + 1 * (1 + 10));
  });

  it('applies a declared @cost weight', () => {
    expect(estimate('{ contest(id: "c") { submissions(first: 10) { nodes { score } } } }')).toBe(2 + 10 * (1 + 5));
    expect(estimate('{ organizations(first: 1) { nodes { descendants(first: 2) { nodes { name } } } } }')).toBe(1 + 1 * (1 + 3 + 2));
  });

  it('weighs a mutation at 10 unless it declares otherwise', () => {
    expect(estimate('mutation { createTrack(name: "x") { code } }')).toBe(10);
    expect(estimate('mutation { submitScorecards(ids: []) { code } }')).toBe(50 * 10);
  });

  it('multiplies nested fan-out, as the query that took the platform down did', () => {
    const fanOut =
      '{ contest(id: "c") { submissions(first: 100) { nodes { organization { ancestors { descendants(first: 100) { nodes { name } } } } } } } }';
    expect(estimate(fanOut)).toBe(2 + 100 * (1 + 1 + 10 * (1 + 3 + 100)));
  });

  it('counts fields reached through fragments and aliases', () => {
    expect(estimate('{ a: contest(id: "a") { ...C } b: contest(id: "b") { ...C } } fragment C on Contest { tracks { code } }')).toBe(2 * 5);
  });

  it('measures the actual cost on the response, with lists as long as they came back', () => {
    const plan = planCost(model, parse('{ contest(id: "c") { submissions(first: 100) { nodes { title organization { name } } } } }'));
    const data = {
      contest: {
        submissions: {
          nodes: [
            { title: 'a', organization: { name: 'x' } },
            { title: 'b', organization: { name: 'y' } },
          ],
        },
      },
    };
    expect(plan.actual(data)).toBe(1 + 1 + 2 * 2);
    expect(plan.actual({ contest: null })).toBe(0);
  });

  it('analyses an operation once and evaluates it per request', () => {
    const cache = new CostPlanCache(model);
    const query = 'query($n: Int) { contest(id: "c") { submissions(first: $n) { nodes { title } } } }';
    const plan = cache.plan(query, parse(query));
    expect(cache.plan(query, parse(query))).toBe(plan);
    expect(plan.estimate({ n: 3 })).toBe(5);
    expect(plan.estimate({ n: 50 })).toBe(52);
  });
});

describe('sizeConnections', () => {
  const sized = sizeConnections(`
    type Query {
      contests(first: Int, after: String): ContestConnection!
      custom(first: Int): ContestConnection! @listSize(assumedSize: 3)
      tracks(first: Int): [Track!]!
      contest(id: ID!): Contest
    }
  `);
  const line = (field: string) => sized.split('\n').find((l) => l.trim().startsWith(`${field}(`)) ?? '';

  it('sizes every connection by its first argument', () => {
    expect(line('contests')).toContain(
      '@listSize(slicingArguments: ["first"], sizedFields: ["nodes", "edges"], requireOneSlicingArgument: false)',
    );
  });

  it('keeps a size a field declares itself, and leaves lists and single objects alone', () => {
    expect(line('custom')).toContain('@listSize(assumedSize: 3)');
    expect(line('custom')).not.toContain('slicingArguments');
    expect(line('tracks')).not.toContain('@listSize');
    expect(line('contest')).not.toContain('@listSize');
  });
});
