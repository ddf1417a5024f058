import { type GraphQLObjectType } from 'graphql';
import { readSupergraph } from '@meritgraph/gateway';
import { apiSchema } from '@meritgraph/supergraph';
import { ANALYTICS_TABLE } from '../analytics/authorization-table';
import { EXPERT_REVIEW_TABLE } from '../expert-review/authorization-table';
import { HONORS_TABLE } from '../honors/authorization-table';
import { ORGANIZATIONS_TABLE } from '../organizations/authorization-table';
import { SUBMISSIONS_TABLE } from '../submissions/authorization-table';

/**
 * The authorization matrix runs per subgraph, in each folder's authorization.spec.ts; together
 * its tables must name every query and mutation of the graph, so a new one fails here until
 * it joins the table of its subgraph.
 */
const TABLE = [...ORGANIZATIONS_TABLE, ...SUBMISSIONS_TABLE, ...EXPERT_REVIEW_TABLE, ...HONORS_TABLE, ...ANALYTICS_TABLE];

describe('authorization matrix', () => {
  it('covers every query and mutation of the graph, and nothing that is not in it', () => {
    const schema = apiSchema(readSupergraph());
    const operations = (type: GraphQLObjectType | null | undefined, prefix: string) =>
      Object.keys(type?.getFields() ?? {}).map((f) => `${prefix}.${f}`);
    const inSchema = [...operations(schema.getQueryType(), 'Query'), ...operations(schema.getMutationType(), 'Mutation')].sort();
    const inTable = [...new Set(TABLE.map((r) => r.operation))].sort();
    expect(inTable).toEqual(inSchema);
  });
});
