import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { ContestRef } from '../references/references';
import { ReviewRound } from './round.entity';
import type { RoundService } from './round.service';

@Resolver(() => ContestRef)
export class ContestRoundsResolver {
  constructor(private readonly service: RoundService) {}

  @FieldResolver(() => [ReviewRound], { nullable: true, description: 'The review rounds of the contest, in order.' })
  reviewRounds(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<ReviewRound[]> {
    return this.service.forContest(ctx, contest.id);
  }
}
