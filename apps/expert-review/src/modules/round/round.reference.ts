import type { ReferenceResolvers, RequestContext } from '@meritgraph/subgraph-kit';
import type { RoundService } from './round.service';

export const roundReference = (rounds: RoundService): ReferenceResolvers => ({
  ReviewRound: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => rounds.load(ctx, ref.id),
  },
});
