import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { SubmissionRef } from '../references/references';
import { RoundResult } from './result.entity';
import type { ResultReportService } from './result-report.service';

@Resolver(() => SubmissionRef)
export class SubmissionResultsResolver {
  constructor(private readonly reports: ResultReportService) {}

  @FieldResolver(() => [RoundResult], {
    nullable: true,
    description: 'Its results in each round, where the caller may see them (published, or office and analysts once finalized).',
  })
  roundResults(@Root() submission: SubmissionRef, @Ctx() ctx: RequestContext): Promise<RoundResult[]> {
    return this.reports.ofSubmission(ctx, submission.id);
  }
}
