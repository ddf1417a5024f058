import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { HonorsSummary } from '../honor/honor.types';
import type { PriorHonorService } from './prior.service';
import { LevelCount } from './prior.types';

@Resolver(() => HonorsSummary)
export class SummaryPriorHonorsResolver {
  constructor(private readonly service: PriorHonorService) {}

  @FieldResolver(() => [LevelCount], {
    description:
      'Of the honors of one type (by default the excellent achievements), how many hold verified prior honors, by highest level.',
  })
  priorHonorLevels(
    @Root() summary: HonorsSummary,
    @Ctx() ctx: RequestContext,
    @Arg('awardTypeCode', () => String, {
      defaultValue: 'EXCELLENT_ACHIEVEMENT',
      description: 'The award type whose honors are counted, e.g. EXCELLENT_ACHIEVEMENT.',
    })
    awardTypeCode: string,
  ): Promise<LevelCount[]> {
    return this.service.levels(ctx, summary.contestId, awardTypeCode);
  }
}
