import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Expert } from '../expert/expert.entity';
import type { ExpertService } from '../expert/expert.service';
import { ExpertStatistic } from './result.types';

@Resolver(() => ExpertStatistic)
export class ExpertStatisticResolver {
  constructor(private readonly experts: ExpertService) {}

  @FieldResolver(() => Expert, { nullable: true, description: 'The expert, to whoever may see the pool.' })
  expert(@Root() stat: ExpertStatistic, @Ctx() ctx: RequestContext): Promise<Expert | null> {
    return this.experts.load(ctx, stat.expertId);
  }
}
