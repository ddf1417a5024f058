import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import type { EntryService } from '../entry/entry.service';
import { Presentation } from '../result/result.entity';
import { ReviewRound } from '../round/round.entity';
import type { PresentationService } from './presentation.service';
import { PresentationSchedule, ScheduleInput } from './presentation.types';

@Resolver(() => ReviewRound)
export class RoundPresentationsResolver {
  constructor(
    private readonly service: PresentationService,
    private readonly entries: EntryService,
  ) {}

  @FieldResolver(() => [Presentation], {
    nullable: true,
    description:
      "The final-round presentation schedule, by panel and running order: the office, analysts and the round's panel members until the round is published (experts without presenters in a blind round), then everyone.",
  })
  presentations(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<Presentation[]> {
    return this.service.forRound(ctx, round);
  }

  @Authorized('ADMIN')
  @Mutation(() => PresentationSchedule, {
    description: 'Lays out the presentations of a round with panels on its review date; replaces an earlier schedule.',
  })
  async schedulePresentations(
    @Arg('roundId', () => ID, { description: 'A FINAL round, DRAFT or OPEN, with a reviewDate and panels.' }) roundId: string,
    @Arg('input', () => ScheduleInput, { description: 'When the day starts, slot length, breaks and lunch.' }) input: ScheduleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PresentationSchedule> {
    const { slots, unscheduled } = await this.service.schedule(ctx.identity, roundId, input);
    return {
      presentations: slots,
      unscheduled: await Promise.all(unscheduled.map(async (u) => ({ entry: await this.entries.find(ctx, u.entryId), reason: u.reason }))),
    };
  }
}
