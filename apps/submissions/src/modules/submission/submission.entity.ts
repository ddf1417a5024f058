import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AchievementKind, METRIC_VALUE_LIMIT, SubmissionStatus } from '@meritgraph/domain';
import { withRange } from '@meritgraph/subgraph-kit';

registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description:
    'DRAFT → SUBMITTED, then, as the contest asks, → ENDORSED or RETURNED (its union) → ACCEPTED or REJECTED (the office); a returned entry is resubmitted. Anything not final may be withdrawn (an entered one only before review starts).',
  valuesConfig: {
    DRAFT: { description: 'Being written by its unit; it can change and is not yet entered.' },
    SUBMITTED: { description: 'Entered in the contest, with a reference number; fixed from then on except after a return.' },
    ENDORSED: {
      description: 'Endorsed by the union that mobilized its unit (已推荐); awaiting the office’s form check if the contest asks one.',
    },
    RETURNED: {
      description:
        'Returned by its union for revision (退回修改), with a reason: its unit edits it and submits it again within the window, keeping its reference number.',
    },
    ACCEPTED: { description: 'Its form checked and found in order by the office (已受理, 形式审查通过): review takes it in.' },
    REJECTED: { description: 'Its form found not in order by the office (未通过形式审查), with a reason; final.' },
    WITHDRAWN: { description: 'Taken back by its unit (an entered one only before review starts); final.' },
  },
});
registerEnumType(AchievementKind, {
  name: 'AchievementKind',
  description: 'What kind of innovation achievement an entry is.',
  valuesConfig: {
    TECHNOLOGY: { description: 'A new technique or technical solution (技术).' },
    PRODUCT: { description: 'A new or improved product (产品).' },
    PLATFORM: { description: 'A shared platform or system others build on (平台).' },
    FACILITY: { description: 'A piece of equipment, a tool or an installation (装置).' },
    PROCESS: { description: 'A new or improved process or method of work (工艺、工法).' },
    SOFTWARE: { description: 'A software system or application (软件).' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType({ description: 'A measured effect of applying the achievement, e.g. 412 hospitals.' })
@InputType('MetricInput', { description: 'A measured effect of applying the achievement: a name, a figure and its unit.' })
export class Metric {
  @Field(() => String, { description: 'What was measured, 1 to 60 characters, e.g. 覆盖医院.' })
  name: string;

  @Field(() => Float, { description: withRange('The measured figure.', -METRIC_VALUE_LIMIT, METRIC_VALUE_LIMIT) })
  value: number;

  @Field(() => String, { description: 'The unit of value, at most 20 characters, e.g. 家 or 万元; empty for a plain count.' })
  unit: string;
}

@Entity()
@Index(['contestId', 'status'])
// A contest's submissions page by title: its first page is an index walk, whatever the contest's size.
@Index(['contestId', 'title', 'id'])
@Index(['contestId', 'referenceNumber'], { unique: true })
@Index(['organizationId', 'titleKey'])
@ObjectType({
  description:
    "An innovation achievement (创新成果) entered in a contest by a participating unit. Readable by the unit's submitters, the organizers of its union, the office and analysts; to anyone else FORBIDDEN.",
})
@Directive('@key(fields: "id")')
export class Submission {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier; the key other subgraphs use.' })
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
  @Field(() => String, { description: 'The title, at most 200 characters; unique per unit and contest, ignoring case, width and spaces.' })
  title: string;

  /** The title with whitespace, width and case normalized, for duplicate detection. */
  @Column('varchar', { length: 200 })
  titleKey: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'What the achievement is (成果简介); required to submit.' })
  summary: string | null;

  @Column('varchar', { length: 16, nullable: true })
  @Field(() => AchievementKind, { nullable: true, description: 'What kind of achievement it is; required to submit.' })
  achievementKind: AchievementKind | null;

  @Column('simple-array')
  @Field(() => [String], { description: 'Up to 10 keywords, each 1 to 30 characters; at least one to submit.' })
  keywords: string[];

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'The application effect, in words (应用效果).' })
  applicationEffect: string | null;

  @Column('simple-json')
  @Field(() => [Metric], { description: 'The application effect, in figures.' })
  metrics: Metric[];

  @Column('varchar', { length: 36, nullable: true })
  @Index()
  leaderId: string | null;

  @Column('simple-array')
  teamMemberIds: string[];

  @Column('varchar', { length: 16 })
  @Field(() => SubmissionStatus, { description: 'Where the entry stands in its lifecycle.' })
  status: SubmissionStatus;

  @Column('int')
  @Field(() => Int, { description: 'Incremented by every change; an update must quote it (optimistic locking).' })
  version: number;

  @Column('datetime')
  @Field(() => Date, { description: 'When the draft was started (UTC).' })
  createdAt: Date;

  @Column('datetime')
  @Field(() => Date, { description: 'When it last changed (UTC).' })
  updatedAt: Date;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was submitted (UTC); null while a draft.' })
  submittedAt: Date | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was withdrawn (UTC); null unless withdrawn.' })
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
