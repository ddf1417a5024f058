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
  @Field(() => ID, { nullable: true })
  trackId?: string | null;

  @Field(() => ReviewState, { nullable: true })
  state?: ReviewState | null;
}

registerEnumType(SkipReason, { name: 'IntakeSkipReason', description: 'Why intake left a submission out.' });

@ObjectType({ description: 'A submission intake left out, and why.' })
export class SkippedSubmission {
  @Field(() => SubmissionRef, { nullable: true })
  submission: SubmissionRef;

  @Field(() => SkipReason)
  reason: SkipReason;
}

@ObjectType({ description: 'What taking entries into a round did.' })
export class IntakeReport {
  @Field(() => ReviewRound)
  round: ReviewRound;

  @Field(() => Int, { description: 'Entries taken in now.' })
  taken: number;

  @Field(() => Int, { description: 'Entries that were already in the round.' })
  alreadyIn: number;

  @Field(() => [SkippedSubmission])
  skipped: SkippedSubmission[];
}
