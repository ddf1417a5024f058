import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AchievementKind, SubmissionStatus } from '@meritgraph/domain';
import { Connection, PageArgs, withRange } from '@meritgraph/subgraph-kit';
import { TrackRef } from '../references/references';
import { Metric, Submission } from './submission.entity';

export const SubmissionConnection = Connection(Submission);

@ArgsType()
export class SubmissionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the entries of this contest.' })
  contestId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the entries of this track.' })
  trackId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the entries of this unit (within what the caller may read).' })
  organizationId?: string | null;

  @Field(() => SubmissionStatus, { nullable: true, description: 'Only the entries in this status.' })
  status?: SubmissionStatus | null;

  @Field(() => String, { nullable: true, description: 'Words that must all appear in the title or keywords (case-insensitive).' })
  search?: string | null;
}

@ArgsType()
export class ChildSubmissionsArgs extends PageArgs {
  @Field(() => SubmissionStatus, { nullable: true, description: 'Only the entries in this status.' })
  status?: SubmissionStatus | null;

  @Field(() => String, { nullable: true, description: 'Words that must all appear in the title or keywords (case-insensitive).' })
  search?: string | null;
}

// Fields shared by the create and update inputs; the base itself is never an argument, so it is not in the schema.
@InputType()
class SubmissionContentFields {
  @Field(() => ID, { nullable: true, description: 'One of the contest’s tracks.' })
  trackId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the achievement is (成果简介); required to submit.' })
  summary?: string | null;

  @Field(() => AchievementKind, { nullable: true, description: 'What kind of achievement it is; required to submit.' })
  achievementKind?: AchievementKind | null;

  @Field(() => [String], { nullable: true, description: 'Up to 10 keywords, each 1 to 30 characters; at least one to submit.' })
  keywords?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The application effect, in words (应用效果); required to submit.' })
  applicationEffect?: string | null;

  @Field(() => [Metric], { nullable: true, description: 'The application effect, in figures; replaces the whole list.' })
  metrics?: Metric[] | null;

  @Field(() => ID, { nullable: true, description: 'A person of the submitting unit (or a unit below it).' })
  leaderId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The team, in order: people of the submitting unit or of units below it.' })
  teamMemberIds?: string[] | null;
}

@InputType({ description: 'A new draft. Problems are refused together as BAD_USER_INPUT, each naming its field.' })
export class CreateSubmissionInput extends SubmissionContentFields {
  @Field(() => ID, { description: 'The contest, open for submissions (else CONTEST_NOT_OPEN).' })
  contestId: string;

  @Field(() => ID, { description: 'The submitting unit; it must be enrolled in the contest (else NOT_ENROLLED).' })
  organizationId: string;

  @Field(() => String, { description: 'The title, 1 to 200 characters; one the unit already entered is DUPLICATE_SUBMISSION.' })
  title: string;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateSubmissionInput extends SubmissionContentFields {
  @Field(() => String, { nullable: true, description: 'A new title, 1 to 200 characters, not one the unit already entered.' })
  title?: string | null;
}

@InputType({ description: 'A draft to submit, and the version it was read at.' })
export class SubmitSubmissionInput {
  @Field(() => ID, { description: 'The draft to submit.' })
  id: string;

  @Field(() => Int, { description: withRange('The version the draft was read at (optimistic locking).', 1, 2147483647) })
  expectedVersion: number;
}

@ObjectType({ description: 'How many submissions of a contest are in one track and status.' })
export class SubmissionStat {
  @Field(() => TrackRef, { nullable: true, description: 'The track; null for entries without one.' })
  track: TrackRef | null;

  @Field(() => SubmissionStatus, { description: 'The status counted.' })
  status: SubmissionStatus;

  @Field(() => Int, { description: 'How many entries are in this track and status.' })
  count: number;
}

@InputType({ description: 'An entry to take a step of its checks on, and the version it was read at.' })
export class SubmissionStepInput {
  @Field(() => ID, { description: 'The entry.' })
  id: string;

  @Field(() => Int, { description: withRange('The version the entry was read at (optimistic locking).', 1, 2147483647) })
  expectedVersion: number;
}
