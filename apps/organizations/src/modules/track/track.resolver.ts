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

  @FieldResolver(() => Contest, { nullable: true, description: 'The contest the track belongs to.' })
  contest(@Root() track: Track, @Ctx() ctx: RequestContext) {
    return this.contests.loadVisible(ctx, track.contestId);
  }

  @Authorized('ADMIN')
  @Mutation(() => Track, { description: 'Adds a track to a draft contest. The office only (else FORBIDDEN, or UNAUTHENTICATED).' })
  createTrack(
    @Arg('input', () => CreateTrackInput, { description: 'The new track.' }) input: CreateTrackInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Track> {
    return this.service.create(ctx.identity, input.contestId, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Track, { description: 'Renames a track, recorded in its audit trail. The office only; an unknown id is NOT_FOUND.' })
  updateTrack(
    @Arg('id', () => ID, { description: 'The track to edit.' }) id: string,
    @Arg('input', () => UpdateTrackInput, { description: 'The fields to change.' }) input: UpdateTrackInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Track> {
    return this.service.update(ctx.identity, id, input);
  }
}
