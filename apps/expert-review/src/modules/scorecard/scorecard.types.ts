import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { Decision, EliminationReason } from '@meritgraph/domain';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Scorecard } from './scorecard.entity';

export const ScorecardConnection = Connection(Scorecard);

@ArgsType()
export class ScorecardsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this expert’s scorecards.' })
  expertId?: string | null;
}

@InputType({ description: 'The score for one criterion.' })
export class CriterionScoreInput {
  @Field(() => String, { description: 'A criterion code of the round.' })
  criterion: string;

  @Field(() => Float, {
    description: "From 0 to the criterion's maximum (itself at most 1000), checked against the round's criteria as scores.<CODE>.",
  })
  score: number;
}

@InputType({ description: 'An expert’s scorecard for one of its entries: scores per criterion, or a screening decision.' })
export class ScorecardInput {
  @Field(() => ID, { description: 'An entry assigned to the calling expert, in an OPEN round.' })
  entryId: string;

  @Field(() => [CriterionScoreInput], { description: 'One score per criterion of the round.' })
  scores: CriterionScoreInput[];

  @Field(() => String, { nullable: true, description: 'The expert’s comment on the entry; up to 5000 characters.' })
  comment?: string | null;

  @Field(() => Decision, { nullable: true, description: 'Required in screening rounds, refused in others.' })
  decision?: Decision | null;

  @Field(() => EliminationReason, { nullable: true, description: 'Required with ELIMINATE.' })
  eliminationReason?: EliminationReason | null;
}
