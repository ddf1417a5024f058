import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import { ReviewRound } from '../round/round.entity';
import { RoundOutcome, RoundResult } from './result.entity';

export const RoundResultConnection = Connection(RoundResult);

@ArgsType()
export class ResultsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only results of this quota group.' })
  groupCode?: string | null;

  @Field(() => RoundOutcome, { nullable: true, description: 'Only results with this outcome.' })
  outcome?: RoundOutcome | null;
}

@ObjectType({
  description: 'Entries tied on the whole tie-break chain across a quota line. None of them advances until the office decides.',
})
export class QuotaTie {
  @Field(() => String, { description: 'The quota group the tie is in.' })
  groupCode: string;

  @Field(() => Int, { description: 'The group’s quota in force.' })
  quota: number;

  @Field(() => Int, { description: 'Places left for the tied entries.' })
  seatsLeft: number;

  @Field(() => [Entry], { description: 'The tied entries, none of which advances until an override or a raised quota settles it.' })
  entries: Entry[];
}

@ObjectType({ description: 'A quota group’s figures in a computation.' })
export class GroupFigures {
  @Field(() => String, { description: 'The quota group, e.g. IC+BIG_SCIENCE.' })
  code: string;

  @Field(() => Int, { description: 'The quota in force, after any raise.' })
  quota: number;

  @Field(() => Int, { description: 'Entries ranked in the group.' })
  candidates: number;

  @Field(() => Int, { description: 'Entries that advance (or are EXCELLENT in a final round).' })
  advanced: number;
}

@ObjectType({ description: 'Something the office must settle before the round can be finalized.' })
export class ResultProblem {
  @Field(() => Entry, { nullable: true, description: 'The entry concerned; null when the problem is the group’s.' })
  entry: Entry | null;

  @Field(() => String, { nullable: true, description: 'The quota group concerned, if any.' })
  groupCode: string | null;

  @Field(() => String, { description: 'What is wrong, in words.' })
  message: string;
}

@ObjectType({ description: 'The results a round would have if it were finalized now. Nothing is frozen.' })
export class ResultPreview {
  @Field(() => ReviewRound, { description: 'The round computed.' })
  round: ReviewRound;

  @Field(() => [RoundResult], { description: 'By quota group and rank.' })
  results: RoundResult[];

  @Field(() => [GroupFigures], { description: 'Figures per quota group.' })
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

  @Field(() => Int, { description: 'Scorecards the expert submitted in the round.' })
  count: number;

  @Field(() => Float, { description: 'Mean of the expert’s scorecard totals.' })
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

  @Field(() => Int, { description: 'Entries with two or more scorecards, which the measure is taken over.' })
  entries: number;

  @Field(() => Int, { description: 'Experts whose scorecards were counted.' })
  raters: number;
}

@ObjectType({ description: 'Per round and quota group: how many entries went in and how they came out.' })
export class FunnelStep {
  @Field(() => ReviewRound, { description: 'The round.' })
  round: ReviewRound;

  @Field(() => String, { nullable: true, description: 'Null for a round without quota groups, or one not finalized yet.' })
  groupCode: string | null;

  @Field(() => Int, { description: 'Entries decided in the round and group: advanced + eliminated + excellent.' })
  entries: number;

  @Field(() => Int, { description: 'Entries sent on to the next round.' })
  advanced: number;

  @Field(() => Int, { description: 'Entries that stopped here.' })
  eliminated: number;

  @Field(() => Int, { description: 'Entries found excellent (final round only).' })
  excellent: number;
}
