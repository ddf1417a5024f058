import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { SubmissionRef } from '../references/references';
import type { RoundService } from './round.service';
import { ReviewStatus } from './round.types';

@Resolver(() => SubmissionRef)
export class SubmissionReviewResolver {
  constructor(private readonly service: RoundService) {}

  @FieldResolver(() => ReviewStatus, { nullable: true })
  reviewStatus(@Root() submission: SubmissionRef, @Ctx() ctx: RequestContext): Promise<ReviewStatus> {
    return this.service.reviewOf(ctx, submission.id);
  }
}
