import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AchievementKind, SubmissionStatus } from '@meritgraph/domain';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { TrackRef } from '../references/references';
import { Attachment, Metric, Submission } from './submission.entity';

export const SubmissionConnection = Connection(Submission);

@ArgsType()
export class SubmissionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  contestId?: string | null;

  @Field(() => ID, { nullable: true })
  trackId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => SubmissionStatus, { nullable: true })
  status?: SubmissionStatus | null;

  @Field(() => String, { nullable: true, description: 'Words that must all appear in the title or keywords (case-insensitive).' })
  search?: string | null;
}

@ArgsType()
export class ChildSubmissionsArgs extends PageArgs {
  @Field(() => SubmissionStatus, { nullable: true })
  status?: SubmissionStatus | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}

// Fields shared by the create and update inputs; the base itself is never an argument, so it is not in the schema.
@InputType()
class SubmissionContentFields {
  @Field(() => ID, { nullable: true, description: 'One of the contest’s tracks.' })
  trackId?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => AchievementKind, { nullable: true })
  achievementKind?: AchievementKind | null;

  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;

  @Field(() => String, { nullable: true })
  applicationEffect?: string | null;

  @Field(() => [Metric], { nullable: true })
  metrics?: Metric[] | null;

  @Field(() => [Attachment], { nullable: true })
  attachments?: Attachment[] | null;

  @Field(() => ID, { nullable: true, description: 'A person of the submitting unit (or a unit below it).' })
  leaderId?: string | null;

  @Field(() => [ID], { nullable: true })
  teamMemberIds?: string[] | null;
}

@InputType()
export class CreateSubmissionInput extends SubmissionContentFields {
  @Field(() => ID)
  contestId: string;

  @Field(() => ID, { description: 'The submitting unit; it must be enrolled in the contest.' })
  organizationId: string;

  @Field(() => String)
  title: string;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateSubmissionInput extends SubmissionContentFields {
  @Field(() => String, { nullable: true })
  title?: string | null;
}

@ObjectType({ description: 'How many submissions of a contest are in one track and status.' })
export class SubmissionStat {
  @Field(() => TrackRef, { nullable: true })
  track: TrackRef | null;

  @Field(() => SubmissionStatus)
  status: SubmissionStatus;

  @Field(() => Int)
  count: number;
}
