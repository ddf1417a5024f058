import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { SubmissionRef } from '../references/references';
import type { RoundService } from './round.service';
import { ReviewStatus } from './round.types';

@Resolver(() => SubmissionRef)
export class SubmissionReviewResolver {
  constructor(private readonly service: RoundService) {}

  @FieldResolver(() => ReviewStatus, {
    nullable: true,
    description:
      'Where the submission stands in review: the office and analysts see it as it is, its own unit its latest round, others the latest published outcome (FORBIDDEN when there is none).',
  })
  reviewStatus(@Root() submission: SubmissionRef, @Ctx() ctx: RequestContext): Promise<ReviewStatus> {
    return this.service.reviewOf(ctx, submission.id);
  }
}
