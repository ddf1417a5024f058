import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { ContestRef } from '../references/references';
import type { ResultReportService } from './result-report.service';
import { FunnelStep } from './result.types';

@Resolver(() => ContestRef)
export class ContestFunnelResolver {
  constructor(private readonly reports: ResultReportService) {}

  @FieldResolver(() => [FunnelStep], {
    nullable: true,
    description: 'Entries in and out of each round, per quota group: published rounds for everyone, all for the office and analysts.',
  })
  reviewFunnel(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<FunnelStep[]> {
    return this.reports.funnel(ctx, contest.id);
  }
}
