import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An organizing unit's assessment at the awards meeting, on the five dimensions (each out of 20). */
@Entity()
@Index(['contestId', 'organizationId'], { unique: true })
@ObjectType({ description: 'An organizing unit assessed on the five dimensions, each out of 20.' })
export class OrganizerEvaluation {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the assessment.' })
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('double')
  @Field(() => Float, { description: '组织领导' })
  leadership: number;

  @Column('double')
  @Field(() => Float, { description: '推进举措' })
  promotion: number;

  @Column('double')
  @Field(() => Float, { description: '竞赛绩效' })
  performance: number;

  @Column('double')
  @Field(() => Float, { description: '激励机制' })
  incentive: number;

  @Column('double')
  @Field(() => Float, { description: '竞赛特色' })
  features: number;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'The office’s comment; at most 1000 characters.' })
  comment: string | null;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was last recorded or revised.' })
  updatedAt: Date;
}
