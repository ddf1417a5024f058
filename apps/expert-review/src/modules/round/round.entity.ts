import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ReviewStage, ReviewState, RoundStatus } from '@meritgraph/domain';

registerEnumType(ReviewStage, { name: 'ReviewStage', description: 'SCREENING (初审), EVALUATION (第二轮评审) or FINAL (终评).' });
registerEnumType(RoundStatus, { name: 'RoundStatus', description: 'DRAFT → OPEN → CLOSED → FINALIZED.' });
registerEnumType(ReviewState, { name: 'ReviewState', description: 'Where a submission stands in review.' });

@Entity()
@Index(['contestId', 'roundOrder'], { unique: true })
@ObjectType({ description: 'One round of expert review in a contest.' })
@Directive('@key(fields: "id")')
export class ReviewRound {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('varchar', { length: 120 })
  @Field(() => String)
  name: string;

  @Column('varchar', { length: 16 })
  @Field(() => ReviewStage)
  stage: ReviewStage;

  @Column('int')
  @Field(() => Int, { description: 'Position of the round in its contest, from 1.' })
  roundOrder: number;

  @Column('varchar', { length: 16 })
  @Field(() => RoundStatus)
  status: RoundStatus;

  @Column('boolean')
  @Field(() => Boolean, { description: 'Blind rounds hide the submitting organization and people from experts.' })
  blind: boolean;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;
}

/** A submission taken into a round. */
@Entity()
@Index(['roundId', 'submissionId'], { unique: true })
export class Entry {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 36 })
  @Index()
  submissionId: string;

  /** The submitting unit, as the round saw it when taking the entry in (snapshot). */
  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 16 })
  state: ReviewState;
}
