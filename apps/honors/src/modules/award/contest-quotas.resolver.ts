import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { ContestRef } from '../references/references';
import { AwardQuota } from './award.entity';
import type { AwardService } from './award.service';

@Resolver(() => ContestRef)
export class ContestQuotasResolver {
  constructor(private readonly service: AwardService) {}

  @FieldResolver(() => [AwardQuota], { nullable: true, description: 'How many honors of each type the contest may confer.' })
  awardQuotas(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<AwardQuota[]> {
    return this.service.quotas(ctx, contest.id);
  }
}
