import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { type RequestContext, withRange } from '@meritgraph/subgraph-kit';
import { ReviewRound } from '../round/round.entity';
import { OverrideOutcome, QuotaRaise, ResultOverride } from './result.entity';
import type { ResultDecisionService } from './result-decision.service';

@Resolver()
export class ResultDecisionResolver {
  constructor(private readonly decisions: ResultDecisionService) {}

  @Authorized('ADMIN')
  @Mutation(() => ResultOverride, {
    description: 'Advances or eliminates one entry of a CLOSED round, with a reason. The quota still holds unless raised.',
  })
  overrideRoundResult(
    @Arg('roundId', () => ID, { description: 'The CLOSED round.' }) roundId: string,
    @Arg('entryId', () => ID, { description: 'The entry of that round to decide.' }) entryId: string,
    @Arg('outcome', () => OverrideOutcome, { description: 'What to force.' }) outcome: OverrideOutcome,
    @Arg('reason', () => String, { description: 'Why, e.g. the meeting’s decision; 4 to 500 characters, kept on the result.' })
    reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ResultOverride> {
    return this.decisions.override(ctx.identity, roundId, entryId, outcome, reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => QuotaRaise, { description: 'Gives a quota group of a CLOSED round more places, with a reason.' })
  raiseQuota(
    @Arg('roundId', () => ID, { description: 'The CLOSED round.' }) roundId: string,
    @Arg('groupCode', () => String, { description: 'The quota group, e.g. AI.' }) groupCode: string,
    @Arg('quota', () => Int, { description: withRange('The new quota, above the configured one.', 1, 1_000_000) }) quota: number,
    @Arg('reason', () => String, { description: 'Why, for the record; 4 to 500 characters.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<QuotaRaise> {
    return this.decisions.raiseQuota(ctx.identity, roundId, groupCode, quota, reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => ReviewRound, { description: 'Makes a finalized round’s results visible to submitters and the public.' })
  publishReviewRound(
    @Arg('id', () => ID, { description: 'A FINALIZED round.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewRound> {
    return this.decisions.publish(ctx.identity, id);
  }
}
