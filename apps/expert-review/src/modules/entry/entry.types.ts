import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReviewState } from '@meritgraph/domain';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { SubmissionRef } from '../references/references';
import { ReviewRound } from '../round/round.entity';
import { Entry } from './entry.entity';
import { SkipReason } from './entry.service';

export const EntryConnection = Connection(Entry);

@ArgsType()
export class EntriesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only entries of this track.' })
  trackId?: string | null;

  @Field(() => ReviewState, { nullable: true, description: 'Only entries in this state.' })
  state?: ReviewState | null;
}

registerEnumType(SkipReason, {
  name: 'IntakeSkipReason',
  description: 'Why intake left a submission out.',
  valuesConfig: {
    NO_LONGER_SUBMITTED: { description: 'Withdrawn after the previous round advanced it.' },
    NO_TRACK: { description: 'It has no track, so no round can judge it.' },
  },
});

@ObjectType({ description: 'A submission intake left out, and why.' })
export class SkippedSubmission {
  @Field(() => SubmissionRef, { nullable: true, description: 'The submission left out.' })
  submission: SubmissionRef;

  @Field(() => SkipReason, { description: 'Why it was left out.' })
  reason: SkipReason;
}

@ObjectType({ description: 'What taking entries into a round did.' })
export class IntakeReport {
  @Field(() => ReviewRound, { description: 'The round filled.' })
  round: ReviewRound;

  @Field(() => Int, { description: 'Entries taken in now.' })
  taken: number;

  @Field(() => Int, { description: 'Entries that were already in the round.' })
  alreadyIn: number;

  @Field(() => [SkippedSubmission], { description: 'Submissions that qualified but could not be taken in, with why.' })
  skipped: SkippedSubmission[];
}
