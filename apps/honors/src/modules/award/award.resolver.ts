import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type RequestContext, withRange } from '@meritgraph/subgraph-kit';
import { AwardQuota, AwardType } from './award.entity';
import type { AwardService } from './award.service';

@Resolver(() => AwardQuota)
export class AwardResolver {
  constructor(private readonly service: AwardService) {}

  @Query(() => [AwardType], { description: 'The award catalog.' })
  awardTypes(): Promise<AwardType[]> {
    return this.service.types();
  }

  @FieldResolver(() => AwardType, { nullable: true, description: 'The award type the quota is for.' })
  awardType(@Root() quota: AwardQuota, @Ctx() ctx: RequestContext): Promise<AwardType | null> {
    return this.service.type(ctx, quota.awardTypeCode);
  }

  @Authorized('ADMIN')
  @Mutation(() => AwardQuota, { description: 'Sets how many honors of a type a contest may confer (nominations may reach 120% of it).' })
  setAwardQuota(
    @Arg('contestId', () => ID, { description: 'The contest.' }) contestId: string,
    @Arg('awardTypeCode', () => String, { description: 'An award type code of the catalog, e.g. MAY_DAY_MEDAL.' }) awardTypeCode: string,
    @Arg('quota', () => Int, { description: withRange('Places of the award type in the contest.', 1, 100_000) }) quota: number,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardQuota> {
    return this.service.setQuota(ctx.identity, contestId, awardTypeCode, quota);
  }
}
