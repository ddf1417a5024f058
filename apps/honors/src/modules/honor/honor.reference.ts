import type { ReferenceResolvers, RequestContext } from '@meritgraph/subgraph-kit';
import type { HonorReadService } from './honor-read.service';

export const honorReference = (honors: HonorReadService): ReferenceResolvers => ({
  Honor: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => honors.load(ctx, ref.id),
  },
});
