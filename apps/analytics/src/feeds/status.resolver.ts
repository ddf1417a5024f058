import { Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { assertAllowed, readsEverything } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import type { FeedConsumer } from './consumer';

@ObjectType({ description: 'How far the analytics read model has read one subgraph’s change feed.' })
export class FeedLag {
  @Field(() => String, { description: 'The subgraph: organizations, submissions, expert-review or honors.' })
  feed: string;

  @Field(() => ID, { description: 'The last position applied to the read model.' })
  position: string;

  @Field(() => ID, { description: 'The feed’s last committed position when it was last read.' })
  head: string;

  @Field(() => Int, { description: 'Changes committed but not yet applied, as of the last read (head − position).' })
  lag: number;

  @Field(() => Int, { description: 'Changes applied to the read model since it last started from zero.' })
  applied: number;

  @Field(() => Date, { nullable: true, description: 'When the feed was last read; null before the first read.' })
  readAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last read failed; null when it succeeded.' })
  lastError: string | null;

  @Field(() => Boolean, {
    description: 'Whether a rebuild from zero is still reading the feeds; until it is false, the read model’s figures are partial.',
  })
  rebuilding: boolean;
}

@Resolver()
export class AnalyticsStatusResolver {
  constructor(private readonly consumer: FeedConsumer) {}

  @Query(() => [FeedLag], {
    description: 'The read model’s lag behind each change feed; the office and analysts (FORBIDDEN to others).',
  })
  async analyticsStatus(@Ctx() ctx: RequestContext): Promise<FeedLag[]> {
    assertAllowed(readsEverything(ctx.identity), 'analyticsStatus');
    return this.status();
  }

  @Authorized('ADMIN')
  @Mutation(() => [FeedLag], {
    description:
      'Empties the read model and starts reading every change feed again from its start (the office); answers at once, each feed `rebuilding` until the pass ends (follow it with analyticsStatus). The transactional subgraphs are only read.',
  })
  async rebuildAnalytics(): Promise<FeedLag[]> {
    await this.consumer.rebuild();
    return this.status();
  }

  private async status(): Promise<FeedLag[]> {
    const rebuilding = this.consumer.rebuilding;
    return (await this.consumer.lag()).map((lag) => ({ ...lag, rebuilding }));
  }
}
