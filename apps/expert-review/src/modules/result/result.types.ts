import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import { ReviewRound } from '../round/round.entity';
import { RoundOutcome, RoundResult } from './result.entity';

export const RoundResultConnection = Connection(RoundResult);

@ArgsType()
export class ResultsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  groupCode?: string | null;

  @Field(() => RoundOutcome, { nullable: true })
  outcome?: RoundOutcome | null;
}

@ObjectType({
  description: 'Entries tied on the whole tie-break chain across a quota line. None of them advances until the office decides.',
})
export class QuotaTie {
  @Field(() => String)
  groupCode: string;

  @Field(() => Int)
  quota: number;

  @Field(() => Int, { description: 'Places left for the tied entries.' })
  seatsLeft: number;

  @Field(() => [Entry])
  entries: Entry[];
}

@ObjectType({ description: 'A quota group’s figures in a computation.' })
export class GroupFigures {
  @Field(() => String)
  code: string;

  @Field(() => Int, { description: 'The quota in force, after any raise.' })
  quota: number;

  @Field(() => Int)
  candidates: number;

  @Field(() => Int)
  advanced: number;
}

@ObjectType({ description: 'Something the office must settle before the round can be finalized.' })
export class ResultProblem {
  @Field(() => Entry, { nullable: true })
  entry: Entry | null;

  @Field(() => String, { nullable: true })
  groupCode: string | null;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: 'The results a round would have if it were finalized now. Nothing is frozen.' })
export class ResultPreview {
  @Field(() => ReviewRound)
  round: ReviewRound;

  @Field(() => [RoundResult], { description: 'By quota group and rank.' })
  results: RoundResult[];

  @Field(() => [GroupFigures])
  groups: GroupFigures[];

  @Field(() => [QuotaTie], { description: 'Ties that block finalization.' })
  ties: QuotaTie[];

  @Field(() => [ResultProblem], { description: 'Other things that block finalization.' })
  problems: ResultProblem[];

  @Field(() => Boolean, { description: 'True when nothing blocks finalization.' })
  finalizable: boolean;
}

@ObjectType({ description: 'How one expert scored in a round: how harsh or lenient they were.' })
export class ExpertStatistic {
  /** The expert is resolved (and access-checked) by ExpertStatisticResolver. */
  expertId: string;

  @Field(() => Int)
  count: number;

  @Field(() => Float)
  mean: number;

  @Field(() => Float, { description: 'Population standard deviation of their totals.' })
  stdDev: number;
}

@ObjectType({ description: 'Inter-rater agreement of a round.' })
export class RaterAgreement {
  @Field(() => String, {
    description: 'ICC(1): one-way random-effects intraclass correlation, which suits rounds where each entry has its own set of experts.',
  })
  measure: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Null when the round cannot say (fewer than two entries with two or more scorecards, or no variance).',
  })
  value: number | null;

  @Field(() => Int)
  entries: number;

  @Field(() => Int)
  raters: number;
}

@ObjectType({ description: 'Per round and quota group: how many entries went in and how they came out.' })
export class FunnelStep {
  @Field(() => ReviewRound)
  round: ReviewRound;

  @Field(() => String, { nullable: true, description: 'Null for a round without quota groups, or one not finalized yet.' })
  groupCode: string | null;

  @Field(() => Int)
  entries: number;

  @Field(() => Int)
  advanced: number;

  @Field(() => Int)
  eliminated: number;

  @Field(() => Int)
  excellent: number;
}
