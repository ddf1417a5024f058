import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AchievementKind, MAX_ATTACHMENT_BYTES, METRIC_VALUE_LIMIT, SubmissionStatus } from '@meritgraph/domain';
import { withRange } from '@meritgraph/subgraph-kit';

registerEnumType(SubmissionStatus, { name: 'SubmissionStatus', description: 'DRAFT → SUBMITTED → WITHDRAWN.' });
registerEnumType(AchievementKind, { name: 'AchievementKind', description: 'What kind of innovation achievement an entry is.' });

@ObjectType({ description: 'A measured effect of applying the achievement, e.g. 412 hospitals.' })
@InputType('MetricInput')
export class Metric {
  @Field(() => String)
  name: string;

  @Field(() => Float, { description: withRange('The measured figure.', -METRIC_VALUE_LIMIT, METRIC_VALUE_LIMIT) })
  value: number;

  @Field(() => String)
  unit: string;
}

@ObjectType({ description: 'Metadata of an attached file (the file itself is kept elsewhere).' })
@InputType('AttachmentInput')
export class Attachment {
  @Field(() => String)
  fileName: string;

  @Field(() => Float, { description: withRange('Bytes.', 1, MAX_ATTACHMENT_BYTES) })
  size: number;

  @Field(() => String, { description: 'SHA-256 of the content, hex.' })
  sha256: string;

  @Field(() => String)
  contentType: string;
}

@Entity()
@Index(['contestId', 'status'])
@Index(['contestId', 'referenceNumber'], { unique: true })
@Index(['organizationId', 'titleKey'])
@ObjectType({ description: 'An innovation achievement (创新成果) entered in a contest by a participating unit.' })
@Directive('@key(fields: "id")')
export class Submission {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('varchar', { length: 36, nullable: true })
  trackId: string | null;

  @Column('varchar', { length: 36 })
  @Index()
  organizationId: string;

  @Column('varchar', { length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: 'Assigned on submission, unique per contest and track, e.g. 2019-AI-0042.' })
  referenceNumber: string | null;

  @Column('varchar', { length: 200 })
  @Field(() => String)
  title: string;

  /** The title with whitespace, width and case normalized, for duplicate detection. */
  @Column('varchar', { length: 200 })
  titleKey: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  summary: string | null;

  @Column('varchar', { length: 16, nullable: true })
  @Field(() => AchievementKind, { nullable: true })
  achievementKind: AchievementKind | null;

  @Column('simple-array')
  @Field(() => [String])
  keywords: string[];

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'The application effect, in words (应用效果).' })
  applicationEffect: string | null;

  @Column('simple-json')
  @Field(() => [Metric], { description: 'The application effect, in figures.' })
  metrics: Metric[];

  @Column('simple-json')
  @Field(() => [Attachment])
  attachments: Attachment[];

  @Column('varchar', { length: 36, nullable: true })
  @Index()
  leaderId: string | null;

  @Column('simple-array')
  teamMemberIds: string[];

  @Column('varchar', { length: 16 })
  @Field(() => SubmissionStatus)
  status: SubmissionStatus;

  @Column('int')
  @Field(() => Int, { description: 'Incremented by every change; an update must quote it (optimistic locking).' })
  version: number;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;

  @Column('datetime')
  @Field(() => Date)
  updatedAt: Date;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true })
  withdrawnAt: Date | null;
}

/** The last reference number issued per contest and track. */
@Entity()
export class ReferenceCounter {
  @PrimaryColumn('varchar', { length: 36 })
  contestId: string;

  @PrimaryColumn('varchar', { length: 20 })
  trackCode: string;

  @Column('int')
  lastValue: number;
}
