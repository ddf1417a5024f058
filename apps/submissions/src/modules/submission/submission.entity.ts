import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SubmissionStatus } from '@meritgraph/domain';

registerEnumType(SubmissionStatus, { name: 'SubmissionStatus', description: 'DRAFT → SUBMITTED → WITHDRAWN.' });

@Entity()
@Index(['contestId', 'status'])
@ObjectType({ description: 'An innovation achievement (创新成果) entered in a contest by a participating unit.' })
@Directive('@key(fields: "id")')
export class Submission {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

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
  @Index()
  titleKey: string;

  @Column('text')
  @Field(() => String)
  summary: string;

  @Column('varchar', { length: 16 })
  @Field(() => SubmissionStatus)
  status: SubmissionStatus;

  @Column('int')
  @Field(() => Int, { description: 'Incremented by every change; updates must quote it (optimistic locking).' })
  version: number;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;

  @Column('datetime')
  @Field(() => Date)
  updatedAt: Date;
}
