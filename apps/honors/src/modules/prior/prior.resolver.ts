import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { SubmissionRef } from '../references/references';
import { PriorHonor } from './prior.entity';
import type { PriorHonorService } from './prior.service';
import { PriorHonorInput } from './prior.types';

@Resolver(() => PriorHonor)
export class PriorHonorResolver {
  constructor(private readonly service: PriorHonorService) {}

  @FieldResolver(() => SubmissionRef, { nullable: true, description: 'The achievement that holds it.' })
  submission(@Root() prior: PriorHonor): SubmissionRef {
    return { id: prior.submissionId };
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => PriorHonor, {
    description: 'Records an honor an achievement already holds (the office, or its own unit); the office then verifies it.',
  })
  recordPriorHonor(
    @Arg('input', () => PriorHonorInput, { description: 'The achievement and the honor it holds.' }) input: PriorHonorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PriorHonor> {
    return this.service.record(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PriorHonor, {
    description: 'The office confirms a recorded prior honor (ADMIN; FORBIDDEN otherwise, NOT_FOUND for an unknown id).',
  })
  verifyPriorHonor(
    @Arg('id', () => ID, { description: 'The prior honor to verify.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PriorHonor> {
    return this.service.verify(ctx.identity, id);
  }
}
