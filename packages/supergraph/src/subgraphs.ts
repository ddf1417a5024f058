import type { GraphQLSchema } from 'graphql';
import { SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/config';
import type { SubgraphSchema } from '@meritgraph/db';
import type { SchemaDeps, Service, SubgraphDeps } from '@meritgraph/subgraph-kit';
import * as analytics from '@meritgraph/analytics';
import * as expertReview from '@meritgraph/expert-review';
import * as honors from '@meritgraph/honors';
import * as organizations from '@meritgraph/organizations';
import * as submissions from '@meritgraph/submissions';

/** What every subgraph app exports: its schema, its server and its database. */
export interface SubgraphModule {
  /** The npm workspace the subgraph lives in. */
  workspace: string;
  buildSchema(deps: SchemaDeps): Promise<GraphQLSchema>;
  createServer(deps: SubgraphDeps): Promise<Service>;
  databaseSchema: SubgraphSchema;
}

/**
 * The code behind each subgraph of the list in @meritgraph/config. Only composition, the
 * migration generator and the in-process graph load it; the running gateway never does.
 */
export const SUBGRAPH_MODULES: Readonly<Record<SubgraphName, SubgraphModule>> = {
  organizations: { workspace: '@meritgraph/organizations', ...organizations },
  submissions: { workspace: '@meritgraph/submissions', ...submissions },
  'expert-review': { workspace: '@meritgraph/expert-review', ...expertReview },
  honors: { workspace: '@meritgraph/honors', ...honors },
  analytics: { workspace: '@meritgraph/analytics', ...analytics },
};

export { SUBGRAPH_NAMES, type SubgraphName };
