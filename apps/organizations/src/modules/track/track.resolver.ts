import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Contest } from '../contest/contest.entity';
import { ContestService } from '../contest/contest.service';
import { Track } from './track.entity';
import { TrackService } from './track.service';

@InputType()
class CreateTrackInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => String, { description: 'Upper-case code, unique in the contest, e.g. BIG_SCIENCE.' })
  code: string;

  @Field(() => String)
  name: string;
}

@InputType()
class UpdateTrackInput {
  @Field(() => String, { nullable: true, description: 'Changes only while the contest is a draft.' })
  code?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

@Resolver(() => Track)
export class TrackResolver {
  constructor(
    private readonly service: TrackService,
    private readonly contests: ContestService,
  ) {}

  @FieldResolver(() => Contest, { nullable: true })
  contest(@Root() track: Track, @Ctx() ctx: RequestContext) {
    return this.contests.load(ctx, track.contestId);
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
