import type { Repository } from 'typeorm';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import type { EntryService } from '../entry/entry.service';
import { Expert } from '../expert/expert.entity';
import type { ExpertService } from '../expert/expert.service';
import { CriterionScore, Scorecard } from './scorecard.entity';
import type { ScorecardService } from './scorecard.service';
import { ScorecardInput } from './scorecard.types';

@Resolver(() => Scorecard)
export class ScorecardResolver {
  constructor(
    private readonly service: ScorecardService,
    private readonly entries: EntryService,
    private readonly experts: ExpertService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @FieldResolver(() => [CriterionScore], { description: 'The score given on each criterion of the round.' })
  scores(@Root() card: Scorecard): CriterionScore[] {
    return Object.entries(card.scores).map(([criterion, score]) => ({ criterion, score }));
  }

  @FieldResolver(() => Entry, { nullable: true, description: 'The entry scored.' })
  entry(@Root() card: Scorecard, @Ctx() ctx: RequestContext): Promise<Entry | null> {
    return this.entries.find(ctx, card.entryId);
  }

  @FieldResolver(() => Expert, { nullable: true, description: 'Who scored it (office, analysts and the expert).' })
  expert(@Root() card: Scorecard, @Ctx() ctx: RequestContext): Promise<Expert | null> {
    return this.experts.load(ctx, card.expertId);
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Every version of this scorecard (office and analysts).' })
  auditTrail(@Root() card: { id: string }, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, card.id, args));
  }

  @Authorized('EXPERT')
  @Mutation(() => Scorecard, {
    description: "Scores an entry the calling expert is assigned to, while the round is OPEN; again replaces the expert's scorecard.",
  })
  submitScorecard(
    @Arg('input', () => ScorecardInput, { description: 'The entry and the scores (or, in screening, the decision).' })
    input: ScorecardInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Scorecard> {
    return this.service.submit(ctx.identity, input);
  }

  @Authorized('EXPERT')
  @Mutation(() => [Scorecard], {
    description:
      'Several of the calling expert’s scorecards at once, by the same rules; all or nothing (BATCH_REFUSED lists every refusal).',
  })
  submitScorecards(
    @Arg('inputs', () => [ScorecardInput], { description: 'One scorecard per entry; all are saved or none.' }) inputs: ScorecardInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Scorecard[]> {
    return this.service.submitMany(ctx.identity, inputs);
  }
}
