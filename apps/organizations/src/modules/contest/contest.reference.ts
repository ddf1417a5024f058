import type { ReferenceResolvers, RequestContext } from '@meritgraph/subgraph-kit';
import type { ContestService } from './contest.service';

export const contestReference = (contests: ContestService): ReferenceResolvers => ({
  Contest: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => contests.load(ctx, ref.id),
  },
});
