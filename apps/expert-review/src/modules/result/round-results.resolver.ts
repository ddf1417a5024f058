import { Args, Ctx, FieldResolver, Resolver, Root, Directive } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { ReviewRound } from '../round/round.entity';
import type { ResultReportService } from './result-report.service';
import { ExpertStatistic, RaterAgreement, ResultsArgs, RoundResultConnection } from './result.types';

@Resolver(() => ReviewRound)
export class RoundResultsResolver {
  constructor(private readonly reports: ResultReportService) {}

  @FieldResolver(() => RoundResultConnection, {
    nullable: true,
    description: 'Frozen results: the office and analysts once finalized, everyone once published.',
  })
  async results(@Root() round: ReviewRound, @Args(() => ResultsArgs) args: ResultsArgs, @Ctx() ctx: RequestContext) {
    return new RoundResultConnection(await this.reports.list(ctx, round, args, args));
  }

  // Reads every scorecard of the round.
  @Directive('@cost(weight: 20)')
  @FieldResolver(() => [ExpertStatistic], {
    nullable: true,
    description: 'Per-expert mean and spread (the office; analysts once finalized).',
  })
  expertStatistics(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<ExpertStatistic[]> {
    return this.reports.expertStatistics(ctx, round);
  }

  // Reads every scorecard of the round.
  @Directive('@cost(weight: 20)')
  @FieldResolver(() => RaterAgreement, { nullable: true, description: 'Inter-rater agreement (the office; analysts once finalized).' })
  agreement(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<RaterAgreement> {
    return this.reports.agreement(ctx, round);
  }
}
