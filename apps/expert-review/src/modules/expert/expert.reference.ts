import type { ReferenceResolvers, RequestContext } from '@meritgraph/subgraph-kit';
import type { ExpertService } from './expert.service';

export const expertReference = (experts: ExpertService): ReferenceResolvers => ({
  Expert: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => experts.load(ctx, ref.id),
  },
});
