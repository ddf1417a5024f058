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

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => [Honor], {
    description:
      'Nominates many recipients at once (the office anywhere, a union within its own subtree), in the order given, each held to nominateHonor’s rules, counting those before it in the list. All or nothing: BAD_USER_INPUT on `inputs` for an empty list or more than 500; BATCH_REFUSED with `details.errors` (index, recipientId, code, message) when any is refused; a list of one gives its own error.',
  })
  nominateHonors(
    @Arg('inputs', () => [NominateHonorInput], { description: '1 to 500 nominations: contest, award type and recipient each.' })
    inputs: NominateHonorInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Honor[]> {
    return this.nominations.nominateMany(ctx.identity, inputs);
  }
}
