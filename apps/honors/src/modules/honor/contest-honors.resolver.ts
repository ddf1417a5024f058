import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { ContestRef } from '../references/references';
import type { AwardService } from '../award/award.service';
import type { HonorReadService } from './honor-read.service';
import { HonorsSummary } from './honor.types';

@Resolver(() => ContestRef)
export class ContestHonorsResolver {
  constructor(
    private readonly read: HonorReadService,
    private readonly awards: AwardService,
  ) {}

  @FieldResolver(() => HonorsSummary, {
    nullable: true,
    description:
      'How many honors of each type the contest has, by status (public statuses only, unless the caller is the office or an analyst).',
  })
  async honorsSummary(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<HonorsSummary> {
    const counts = await this.read.summary(ctx, contest.id);
    return {
      contestId: contest.id,
      counts: await Promise.all(
        counts.map(async (c) => ({ awardType: await this.awards.type(ctx, c.awardTypeCode), status: c.status, count: c.count })),
      ),
    };
  }
}
