import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { SubmissionRef, TrackRef } from '../references/references';
import type { EntryService } from '../entry/entry.service';
import { ReviewRound } from '../round/round.entity';
import type { RoundService } from '../round/round.service';
import { RoundResult } from './result.entity';

@Resolver(() => RoundResult)
export class RoundResultResolver {
  constructor(
    private readonly entries: EntryService,
    private readonly rounds: RoundService,
  ) {}

  @FieldResolver(() => ReviewRound, { nullable: true, description: 'The round the result is of.' })
  round(@Root() result: RoundResult, @Ctx() ctx: RequestContext): Promise<ReviewRound | null> {
    return this.rounds.find(ctx, result.roundId);
  }

  @FieldResolver(() => SubmissionRef, { nullable: true, description: 'The submission the entry stands for.' })
  submission(@Root() result: RoundResult): SubmissionRef {
    return { id: result.submissionId };
  }

  @FieldResolver(() => TrackRef, { nullable: true, description: 'The entry’s track.' })
  track(@Root() result: RoundResult): TrackRef {
    return { id: result.trackId };
  }

  @FieldResolver(() => String, { nullable: true, description: 'The reference number, e.g. 2019-AI-0042.' })
  async referenceNumber(@Root() result: RoundResult, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.entries.find(ctx, result.entryId))?.referenceNumber ?? null;
  }
}
