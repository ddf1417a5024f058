import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Contest } from '../contest/contest.entity';
import { ContestService } from '../contest/contest.service';
import { Track } from './track.entity';
import { TrackService } from './track.service';
import { CreateTrackInput, UpdateTrackInput } from './track.types';

@Resolver(() => Track)
export class TrackResolver {
  constructor(
    private readonly service: TrackService,
    private readonly contests: ContestService,
  ) {}

  @FieldResolver(() => Contest, { nullable: true })
  contest(@Root() track: Track, @Ctx() ctx: RequestContext) {
    return this.contests.loadVisible(ctx, track.contestId);
  }

  @Authorized('ADMIN')
  @Mutation(() => Track)
  createTrack(@Arg('input', () => CreateTrackInput) input: CreateTrackInput, @Ctx() ctx: RequestContext): Promise<Track> {
    return this.service.create(ctx.identity, input.contestId, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Track)
  updateTrack(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTrackInput) input: UpdateTrackInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Track> {
    return this.service.update(ctx.identity, id, input);
  }
}
