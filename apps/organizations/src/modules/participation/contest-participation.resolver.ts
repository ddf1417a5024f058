import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Contest } from '../contest/contest.entity';
import { ParticipationService } from './participation.service';

@Resolver(() => Contest)
export class ContestParticipationResolver {
  constructor(private readonly service: ParticipationService) {}

  @FieldResolver(() => Int, { description: 'How many units are enrolled (participating units).' })
  participantCount(@Root() contest: Contest, @Ctx() ctx: RequestContext): Promise<number> {
    return this.service.count(ctx, contest.id);
  }
}
