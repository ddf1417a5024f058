import type { ReferenceResolvers, RequestContext } from '@meritgraph/subgraph-kit';
import type { HonorService } from './honor.service';

export const honorReference = (honors: HonorService): ReferenceResolvers => ({
  Honor: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => honors.load(ctx, ref.id),
  },
});
