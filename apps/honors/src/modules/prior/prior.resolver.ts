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

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => [PriorHonor], {
    description:
      'Records many honors achievements already hold (the office, or a unit for its own achievements), in the order given, each held to recordPriorHonor’s rules. All or nothing: BAD_USER_INPUT on `inputs` for an empty list or more than 500; BATCH_REFUSED with `details.errors` (index, submissionId, code, message) when any is refused; a list of one gives its own error.',
  })
  recordPriorHonors(
    @Arg('inputs', () => [PriorHonorInput], { description: '1 to 500 achievements and the honors they hold.' }) inputs: PriorHonorInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<PriorHonor[]> {
    return this.service.recordMany(ctx.identity, inputs);
  }

  @Authorized('ADMIN')
  @Mutation(() => [PriorHonor], {
    description:
      'The office confirms many recorded prior honors at once, in the order given. All or nothing: BAD_USER_INPUT on `ids` for an empty list or more than 500; BATCH_REFUSED with `details.errors` (index, id, code, message) for unknown or already verified ones (an id named twice is already verified the second time); a list of one gives its own error. FORBIDDEN for anyone else.',
  })
  verifyPriorHonors(
    @Arg('ids', () => [ID], { description: '1 to 500 unverified prior honors.' }) ids: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<PriorHonor[]> {
    return this.service.verifyMany(ctx.identity, ids);
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
