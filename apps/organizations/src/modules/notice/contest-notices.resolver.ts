import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Contest } from '../contest/contest.entity';
import type { NoticeService } from './notice.service';
import { ContestNoticesArgs, NoticeConnection } from './notice.types';

@Resolver(() => Contest)
export class ContestNoticesResolver {
  constructor(private readonly service: NoticeService) {}

  @FieldResolver(() => NoticeConnection, {
    description: "The contest's notices (通知公告), newest published first: the published ones for anyone, every one for the office.",
  })
  notices(@Root() contest: Contest, @Args(() => ContestNoticesArgs) args: ContestNoticesArgs, @Ctx() ctx: RequestContext) {
    return new NoticeConnection(this.service.forContest(ctx, contest.id, args.kinds, args));
  }
}
