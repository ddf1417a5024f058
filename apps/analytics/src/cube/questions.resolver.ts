import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, Float, ID, Int, Resolver } from 'type-graphql';
import { DomainError, ErrorCode, MAX_HISTOGRAM_BUCKETS } from '@meritgraph/domain';
import { type RequestContext, withRange } from '@meritgraph/subgraph-kit';
import { Analytics } from './cube.resolver';
import { HARSHNESS_FIRST_MAX, type QuestionsService } from './questions.service';
import {
  AgreementBy,
  AgreementCell,
  HarshnessOrder,
  HistogramOf,
  JudgeHarshness,
  ScoreDistribution,
  SeriesBy,
  SeriesFact,
  SeriesUnit,
  TimeSeries,
} from './questions.types';

/** Which round a question is about: its id, or the contest's code and the stage. */
@ArgsType()
class RoundArgs {
  @Field(() => ID, { nullable: true, description: 'The round; or give `contest` and `stage`.' })
  round?: string | null;

  @Field(() => String, { nullable: true, description: 'The contest’s code, with `stage`, in place of `round`.' })
  contest?: string | null;

  @Field(() => String, { nullable: true, description: 'SCREENING, EVALUATION or FINAL: the contest’s round of that stage.' })
  stage?: string | null;
}

@Resolver(() => Analytics)
export class QuestionsResolver {
  constructor(private readonly questions: QuestionsService) {}

  @FieldResolver(() => [ScoreDistribution], {
    nullable: true,
    description: `A round's score distribution in buckets of \`width\`, for the round or per track or panel; the series share their buckets. Within the caller's access to scorecards or entries (analysts: finalized rounds). At most ${MAX_HISTOGRAM_BUCKETS} buckets (else BAD_USER_INPUT on width).`,
  })
  @Directive('@cost(weight: 50)')
  scoreHistogram(
    @Ctx() ctx: RequestContext,
    @Args() round: RoundArgs,
    @Arg('width', () => Float, { description: withRange('The buckets’ width, in points (e.g. 10).', 0.01, 10000) }) width: number,
    @Arg('by', () => SeriesBy, { defaultValue: 'NONE', description: 'One series, or one per track or panel.' }) by: SeriesBy,
    @Arg('of', () => HistogramOf, { defaultValue: 'SCORECARD_TOTAL', description: 'Scorecards’ totals, or entries’ aggregates.' })
    of: HistogramOf,
  ): Promise<ScoreDistribution[]> {
    if (!(width >= 0.01 && width <= 10000)) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'width must be 0.01 to 10000', 'width');
    return this.questions.histogram(ctx.identity, round, width, by, of);
  }

  @FieldResolver(() => [JudgeHarshness], {
    nullable: true,
    description:
      "The judges of a round by relative harshness (each judge's mean deviation from the other judges of the same entries, with a 95% interval); the office and analysts (finalized rounds), FORBIDDEN to others.",
  })
  @Directive('@cost(weight: 50)')
  @Directive('@listSize(slicingArguments: ["first"])')
  judgeHarshness(
    @Ctx() ctx: RequestContext,
    @Args() round: RoundArgs,
    @Arg('order', () => HarshnessOrder, { defaultValue: 'HARSHEST_FIRST', description: 'Harshest first, or most lenient first.' })
    order: HarshnessOrder,
    @Arg('first', () => Int, { nullable: true, description: withRange('Judges to list (default 10).', 1, HARSHNESS_FIRST_MAX) })
    first?: number | null,
  ): Promise<JudgeHarshness[]> {
    const size = first ?? 10;
    if (!Number.isInteger(size) || size < 1 || size > HARSHNESS_FIRST_MAX)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `first must be 1 to ${HARSHNESS_FIRST_MAX}`, 'first');
    return this.questions.harshness(ctx.identity, round, order, size);
  }

  @FieldResolver(() => [AgreementCell], {
    nullable: true,
    description:
      "How far a round's judges agree, for the round or per panel or track: ICC(2,1), ICC(3,1) and Kendall's W over the judges who scored every entry; the office and analysts (finalized rounds).",
  })
  @Directive('@cost(weight: 50)')
  panelAgreement(
    @Ctx() ctx: RequestContext,
    @Args() round: RoundArgs,
    @Arg('by', () => AgreementBy, { defaultValue: 'PANEL', description: 'The round, each panel, or each track.' }) by: AgreementBy,
  ): Promise<AgreementCell[]> {
    return this.questions.agreement(ctx.identity, round, by);
  }

  @FieldResolver(() => TimeSeries, {
    nullable: true,
    description:
      'Submissions per day or week (by when they were submitted, over the submission window unless from/to say otherwise), or honors per status per day or week (by the day of each step); empty buckets included.',
  })
  @Directive('@cost(weight: 50)')
  timeSeries(
    @Ctx() ctx: RequestContext,
    @Arg('fact', () => SeriesFact, { description: 'Submissions, or honors’ steps.' }) fact: SeriesFact,
    @Arg('contest', () => ID, { description: 'The contest, by id.' }) contest: string,
    @Arg('unit', () => SeriesUnit, { defaultValue: 'WEEK', description: 'Days or weeks.' }) unit: SeriesUnit,
    @Arg('from', () => String, { nullable: true, description: 'The first day (YYYY-MM-DD).' }) from?: string | null,
    @Arg('to', () => String, { nullable: true, description: 'The last day (YYYY-MM-DD).' }) to?: string | null,
  ): Promise<TimeSeries> {
    return this.questions.series(ctx.identity, fact, contest, unit, from, to);
  }
}
