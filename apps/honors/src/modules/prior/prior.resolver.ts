import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { SubmissionRef } from '../references/references';
import { PriorHonor } from './prior.entity';
import type { PriorHonorService } from './prior.service';
import { PriorHonorInput } from './prior.types';

@Resolver(() => PriorHonor)
export class PriorHonorResolver {
  constructor(private readonly service: PriorHonorService) {}

  @FieldResolver(() => SubmissionRef, { nullable: true })
  submission(@Root() prior: PriorHonor): SubmissionRef {
    return { id: prior.submissionId };
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => PriorHonor, {
    description: 'Records an honor an achievement already holds (the office, or its own unit); the office then verifies it.',
  })
  recordPriorHonor(@Arg('input', () => PriorHonorInput) input: PriorHonorInput, @Ctx() ctx: RequestContext): Promise<PriorHonor> {
    return this.service.record(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PriorHonor)
  verifyPriorHonor(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<PriorHonor> {
    return this.service.verify(ctx.identity, id);
  }
}
