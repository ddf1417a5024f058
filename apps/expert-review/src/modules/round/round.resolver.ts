import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ReviewStage, ReviewState } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { ContestRef, SubmissionRef } from '../references/references';
import { ReviewRound } from './round.entity';
import { RoundService } from './round.service';

@ObjectType({ description: "A submission's standing in review: its latest round and how it fared there." })
class ReviewStatus {
  @Field(() => ReviewState)
  state: ReviewState;

  @Field(() => ReviewRound, { nullable: true, description: 'The latest round the submission was taken into.' })
  round: ReviewRound | null;
}

@InputType()
class CreateReviewRoundInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => String)
  name: string;

  @Field(() => ReviewStage)
  stage: ReviewStage;

  @Field(() => Int, { description: 'Position of the round in its contest, from 1.' })
  order: number;

  @Field(() => Boolean, { nullable: true })
  blind?: boolean | null;
}

@Resolver(() => ReviewRound)
export class RoundResolver {
  constructor(private readonly service: RoundService) {}

  @Query(() => ReviewRound, { nullable: true })
  reviewRound(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ReviewRound | null> {
    return this.service.load(ctx, id);
  }

  @FieldResolver(() => ContestRef, { nullable: true })
  contest(@Root() round: ReviewRound): ContestRef {
    return { id: round.contestId };
  }

  @Authorized('ADMIN')
  @Mutation(() => ReviewRound)
  createReviewRound(@Arg('input', () => CreateReviewRoundInput) input: CreateReviewRoundInput): Promise<ReviewRound> {
    return this.service.create(input);
  }
}

@Resolver(() => SubmissionRef)
export class SubmissionReviewResolver {
  constructor(private readonly service: RoundService) {}

  @FieldResolver(() => ReviewStatus, { nullable: true })
  reviewStatus(@Root() submission: SubmissionRef, @Ctx() ctx: RequestContext): Promise<ReviewStatus> {
    return this.service.reviewOf(ctx, submission.id);
  }
}

@Resolver(() => ContestRef)
export class ContestRoundsResolver {
  constructor(private readonly service: RoundService) {}

  @FieldResolver(() => [ReviewRound], { nullable: true, description: 'The review rounds of the contest, in order.' })
  reviewRounds(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<ReviewRound[]> {
    return this.service.forContest(ctx, contest.id);
  }
}
