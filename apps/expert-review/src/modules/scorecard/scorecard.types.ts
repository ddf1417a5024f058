import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { Decision, EliminationReason } from '@meritgraph/domain';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Scorecard } from './scorecard.entity';

export const ScorecardConnection = Connection(Scorecard);

@ArgsType()
export class ScorecardsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  expertId?: string | null;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => String, { description: 'A criterion code of the round.' })
  criterion: string;

  @Field(() => Float, {
    description: "From 0 to the criterion's maximum (itself at most 1000), checked against the round's criteria as scores.<CODE>.",
  })
  score: number;
}

@InputType()
export class ScorecardInput {
  @Field(() => ID)
  entryId: string;

  @Field(() => [CriterionScoreInput], { description: 'One score per criterion of the round.' })
  scores: CriterionScoreInput[];

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => Decision, { nullable: true, description: 'Required in screening rounds, refused in others.' })
  decision?: Decision | null;

  @Field(() => EliminationReason, { nullable: true, description: 'Required with ELIMINATE.' })
  eliminationReason?: EliminationReason | null;
}
