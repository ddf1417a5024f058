import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Decision, EliminationReason } from '@meritgraph/domain';

registerEnumType(Decision, {
  name: 'ScreeningDecision',
  description: 'A screening judgement: PASS, ELIMINATE (with a reason) or RECOMMEND.',
  valuesConfig: {
    PASS: { description: 'The entry goes on; counts for it.' },
    ELIMINATE: { description: 'The entry should stop here; needs an eliminationReason.' },
    RECOMMEND: { description: 'The entry goes on and is singled out; counts for it and for the RECOMMEND_COUNT tie-break.' },
  },
});
registerEnumType(EliminationReason, {
  name: 'EliminationReason',
  description: 'Why screening eliminated an entry.',
  valuesConfig: {
    LOW_RELEVANCE: { description: 'Not an innovation achievement of the contest’s theme.' },
    INELIGIBLE: { description: 'The unit or achievement does not meet the contest’s conditions.' },
    INCOMPLETE: { description: 'Required material is missing.' },
    DUPLICATE: { description: 'The same achievement was submitted again.' },
  },
});

@ObjectType({ description: 'The score given for one criterion.' })
export class CriterionScore {
  @Field(() => String, { description: 'The criterion’s code, e.g. INNOVATION.' })
  criterion: string;

  @Field(() => Float, { description: 'The score, from 0 to the criterion’s maxScore.' })
  score: number;
}

/** An expert's judgement of one assigned entry. */
@Entity()
@Index(['roundId', 'entryId'])
@ObjectType({ description: "An expert's judgement of one entry: scores per criterion, their weighted total and a comment." })
export class Scorecard {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the scorecard.' })
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
  @Field(() => String, { nullable: true, description: 'The expert’s comment; up to 5000 characters.' })
  comment: string | null;

  @Column('varchar', { length: 12, nullable: true })
  @Field(() => Decision, { nullable: true, description: 'Screening rounds only.' })
  decision: Decision | null;

  @Column('varchar', { length: 20, nullable: true })
  @Field(() => EliminationReason, { nullable: true, description: 'Why the expert eliminated the entry (screening ELIMINATE only).' })
  eliminationReason: EliminationReason | null;

  @Column('int')
  @Field(() => Int, { description: 'Incremented by every change.' })
  version: number;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was first submitted.' })
  createdAt: Date;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was last resubmitted; scorecards change only while the round is OPEN.' })
  updatedAt: Date;
}
