import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { ContestRef } from '../references/references';
import { SubmissionService } from './submission.service';
import { ChildSubmissionsArgs, SubmissionConnection, SubmissionStat } from './submission.types';

@Resolver(() => ContestRef)
export class ContestSubmissionsResolver {
  constructor(private readonly service: SubmissionService) {}

  @FieldResolver(() => SubmissionConnection, { nullable: true, description: 'Achievements entered in this contest.' })
  async submissions(@Root() contest: ContestRef, @Args(() => ChildSubmissionsArgs) args: ChildSubmissionsArgs, @Ctx() ctx: RequestContext) {
    return new SubmissionConnection(await this.service.listFor(ctx, 'contest', contest.id, args, args));
  }

  @FieldResolver(() => [SubmissionStat], {
    description: 'How many entries per track and status, counted by the database: of those the caller may read, as in `submissions`.',
  })
  async submissionStats(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<SubmissionStat[]> {
    return (await this.service.stats(ctx, contest.id)).map((s) => ({
      track: s.trackId ? { id: s.trackId } : null,
      status: s.status,
      count: s.count,
    }));
  }
}
