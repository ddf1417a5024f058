import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { SubmissionRef } from '../references/references';
import { PriorHonor } from './prior.entity';
import type { PriorHonorService } from './prior.service';

@Resolver(() => SubmissionRef)
export class SubmissionPriorHonorsResolver {
  constructor(private readonly service: PriorHonorService) {}

  @FieldResolver(() => [PriorHonor], {
    nullable: true,
    description: 'Honors the achievement already held: verified ones for everyone, the rest for the office and analysts.',
  })
  priorHonors(@Root() submission: SubmissionRef, @Ctx() ctx: RequestContext): Promise<PriorHonor[]> {
    return this.service.ofSubmission(ctx, submission.id);
  }
}
