import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Honor } from './honor.entity';
import type { HonorLifecycleService } from './honor-lifecycle.service';
import type { HonorNominationService } from './honor-nomination.service';
import { ConferralInput } from './honor.types';

@Resolver(() => Honor)
export class HonorLifecycleResolver {
  constructor(
    private readonly lifecycle: HonorLifecycleService,
    private readonly nominations: HonorNominationService,
  ) {}

  @Authorized('ADMIN')
  @Mutation(() => [Honor], {
    description: '拟授予: proposes nominated honors, taking the recipients’ names as awarded; never beyond the quota. All or nothing.',
  })
  proposeHonors(@Arg('ids', () => [ID], { description: 'NOMINATED honors.' }) ids: string[], @Ctx() ctx: RequestContext): Promise<Honor[]> {
    return this.lifecycle.propose(ctx.identity, ids);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Honor], { description: 'Nominates and proposes every achievement a final round found EXCELLENT. All or nothing.' })
  proposeExcellentAchievements(
    @Arg('roundId', () => ID, { description: 'A FINALIZED final round.' }) roundId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Honor[]> {
    return this.nominations.proposeExcellent(ctx.identity, roundId);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Honor], { description: '公示: announces proposed honors, opening 5 working days for objections. All or nothing.' })
  announceHonors(@Arg('ids', () => [ID], { description: 'PROPOSED honors.' }) ids: string[], @Ctx() ctx: RequestContext): Promise<Honor[]> {
    return this.lifecycle.announce(ctx.identity, ids);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Honor], {
    description:
      'Confers announced honors whose window has closed with no open objection; certificate numbers, per year and award type, run in the order of `ids`. All or nothing.',
  })
  conferHonors(
    @Arg('ids', () => [ID], { description: 'ANNOUNCED honors whose window has closed without an open objection.' }) ids: string[],
    @Arg('input', () => ConferralInput, { description: 'The conferral decision.' }) input: ConferralInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Honor[]> {
    return this.lifecycle.confer(ctx.identity, ids, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Honor, { description: 'Withdraws an honor before conferral, with a reason.' })
  withdrawHonor(
    @Arg('id', () => ID, { description: 'An honor not yet conferred.' }) id: string,
    @Arg('reason', () => String, { description: 'Why, for the record; 4 to 500 characters.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Honor> {
    return this.lifecycle.withdraw(ctx.identity, id, reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Honor], {
    description:
      'Withdraws many honors before conferral, for one reason, in the order given. All or nothing: BAD_USER_INPUT on `ids` for an empty list, more than 500 or an id named twice; BATCH_REFUSED with `details.errors` (index, id, code, message) when any cannot be withdrawn; a list of one gives its own error.',
  })
  withdrawHonors(
    @Arg('ids', () => [ID], { description: '1 to 500 honors not yet conferred.' }) ids: string[],
    @Arg('reason', () => String, { description: 'Why, for the record; 4 to 500 characters.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Honor[]> {
    return this.lifecycle.withdrawMany(ctx.identity, ids, reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => Honor, { description: 'Revokes a conferred honor, with a reason.' })
  revokeHonor(
    @Arg('id', () => ID, { description: 'A CONFERRED honor.' }) id: string,
    @Arg('reason', () => String, { description: 'Why, shown on the public record; 4 to 500 characters.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Honor> {
    return this.lifecycle.revoke(ctx.identity, id, reason);
  }
}
