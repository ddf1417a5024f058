import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalDateResolver } from 'graphql-scalars';
import { ContestStatus } from '@meritgraph/domain';

registerEnumType(ContestStatus, {
  name: 'ContestStatus',
  description: 'DRAFT → OPEN_FOR_SUBMISSIONS → REVIEWING → CLOSED, with no skipping.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared: seen only by the office and analysts; tracks and codes may still change.' },
    OPEN_FOR_SUBMISSIONS: { description: 'Public; enrolled units file submissions within the submission window.' },
    REVIEWING: { description: 'Submissions are closed and the review rounds run.' },
    CLOSED: { description: 'Finished: results and honors stand.' },
  },
});

@Entity()
@ObjectType({
  description:
    'A merit contest (立功竞赛), such as the 2019 sci-tech innovation contest. Public once it leaves DRAFT; a draft is FORBIDDEN to all but the office and analysts.',
})
@Directive('@key(fields: "id")')
export class Contest {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier; the key other subgraphs use.' })
  id: string;

  @Column('varchar', { length: 40, unique: true })
  @Field(() => String, { description: 'Short unique code, e.g. 2019-sci-tech.' })
  code: string;

  @Column('varchar', { length: 200 })
  @Field(() => String, { description: 'Full name, e.g. 2019年上海市职工科技创新立功竞赛 (at most 200 characters).' })
  name: string;

  @Column('int')
  @Field(() => Int, { description: 'The contest year, e.g. 2019.' })
  year: number;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'The theme, as announced (at most 500 characters); null if none.' })
  theme: string | null;

  @Column('varchar', { length: 24 })
  @Field(() => ContestStatus, { description: 'Where the contest stands; it moves one step at a time.' })
  status: ContestStatus;

  @Column('varchar', { length: 36, nullable: true })
  organizerId: string | null;

  /** Co-organizing agencies, in the order they are named. */
  @Column('simple-array')
  coOrganizerIds: string[];

  @Column('date', { nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'First day of the contest period.' })
  startsOn: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of the contest period (it may run into the next year).' })
  endsOn: string | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'Submissions are accepted from this moment (inclusive, UTC)…' })
  submissionOpensAt: Date | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: '…until this one (inclusive); outside it a submission is SUBMISSION_WINDOW_CLOSED.' })
  submissionClosesAt: Date | null;

  @Column('boolean', { default: false })
  @Field(() => Boolean, {
    description:
      'Whether each entry goes first to the union that mobilized its unit, which endorses it (推荐) or returns it for revision (退回修改).',
  })
  requiresEndorsement: boolean;

  @Column('boolean', { default: false })
  @Field(() => Boolean, {
    description: 'Whether the office checks each entry’s form (形式审查), accepting or rejecting it, before review takes it in.',
  })
  requiresFormCheck: boolean;

  @Column('datetime')
  @Field(() => Date, { description: 'When the contest was created on the platform (UTC).' })
  createdAt: Date;
}
