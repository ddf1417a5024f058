import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Decision, EliminationReason } from '@meritgraph/domain';

registerEnumType(Decision, {
  name: 'ScreeningDecision',
  description: 'A screening judgement: PASS, ELIMINATE (with a reason) or RECOMMEND.',
});
registerEnumType(EliminationReason, { name: 'EliminationReason', description: 'Why screening eliminated an entry.' });

@ObjectType({ description: 'The score given for one criterion.' })
export class CriterionScore {
  @Field(() => String)
  criterion: string;

  @Field(() => Float)
  score: number;
}

/** An expert's judgement of one assigned entry. */
@Entity()
@Index(['roundId', 'entryId'])
@ObjectType({ description: "An expert's judgement of one entry: scores per criterion, their weighted total and a comment." })
export class Scorecard {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  @Index({ unique: true })
  assignmentId: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 36 })
  entryId: string;

  @Column('varchar', { length: 36 })
  expertId: string;

  /** Score per criterion code, in the round's order. */
  @Column('simple-json')
  scores: Record<string, number>;

  @Column('double')
  @Field(() => Float, { description: 'The weighted sum of the criterion scores.' })
  total: number;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  comment: string | null;

  @Column('varchar', { length: 12, nullable: true })
  @Field(() => Decision, { nullable: true, description: 'Screening rounds only.' })
  decision: Decision | null;

  @Column('varchar', { length: 20, nullable: true })
  @Field(() => EliminationReason, { nullable: true })
  eliminationReason: EliminationReason | null;

  @Column('int')
  @Field(() => Int, { description: 'Incremented by every change.' })
  version: number;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;

  @Column('datetime')
  @Field(() => Date)
  updatedAt: Date;
}
