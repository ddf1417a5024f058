import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { ReviewRound } from '../round/round.entity';
import { QuotaRaise, ResultOverride } from './result.entity';
import type { ResultDecisionService } from './result-decision.service';

@Resolver(() => ReviewRound)
export class RoundDecisionsResolver {
  constructor(private readonly decisions: ResultDecisionService) {}

  @FieldResolver(() => [ResultOverride], { nullable: true, description: 'Office overrides (office and analysts).' })
  overrides(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<ResultOverride[]> {
    return this.decisions.overrides(ctx, round.id);
  }

  @FieldResolver(() => [QuotaRaise], { nullable: true, description: 'Quotas raised by the office (office and analysts).' })
  quotaRaises(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<QuotaRaise[]> {
    return this.decisions.quotaRaises(ctx, round.id);
  }
}
