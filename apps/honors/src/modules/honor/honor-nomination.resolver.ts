import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Honor } from './honor.entity';
import type { HonorNominationService } from './honor-nomination.service';
import { NominateHonorInput } from './honor.types';

@Resolver(() => Honor)
export class HonorNominationResolver {
  constructor(private readonly nominations: HonorNominationService) {}

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Honor, {
    description: 'Nominates a recipient: the office anywhere, a union within its own subtree. Up to 120% of the quota.',
  })
  nominateHonor(
    @Arg('input', () => NominateHonorInput, { description: 'The contest, award type and recipient.' }) input: NominateHonorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Honor> {
    return this.nominations.nominate(ctx.identity, input);
  }
}
