import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalDateResolver } from 'graphql-scalars';
import { ContestStatus } from '@meritgraph/domain';

registerEnumType(ContestStatus, {
  name: 'ContestStatus',
  description: 'DRAFT → OPEN_FOR_SUBMISSIONS → REVIEWING → CLOSED, with no skipping.',
});

@Entity()
@ObjectType({ description: 'A merit contest (立功竞赛), such as the 2019 sci-tech innovation contest.' })
@Directive('@key(fields: "id")')
export class Contest {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 40, unique: true })
  @Field(() => String, { description: 'Short unique code, e.g. 2019-sci-tech.' })
  code: string;

  @Column('varchar', { length: 200 })
  @Field(() => String)
  name: string;

  @Column('int')
  @Field(() => Int)
  year: number;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  theme: string | null;

  @Column('varchar', { length: 24 })
  @Field(() => ContestStatus)
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
  @Field(() => Date, { nullable: true, description: 'Submissions are accepted from this moment…' })
  submissionOpensAt: Date | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: '…until this one.' })
  submissionClosesAt: Date | null;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;
}
