import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { RoundStatus, TieBreak } from '@meritgraph/domain';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { ContestRef } from '../references/references';
import { EntriesArgs, EntryConnection } from '../entry/entry.types';
import { AssignmentConnection, AssignmentsArgs } from '../assignment/assignment.types';
import { ScorecardConnection, ScorecardsArgs } from '../scorecard/scorecard.types';
import type { EntryService } from '../entry/entry.service';
import type { AssignmentService } from '../assignment/assignment.service';
import type { ScorecardService } from '../scorecard/scorecard.service';
import type { PanelService } from '../panel/panel.service';
import { Panel } from '../panel/panel.entity';
import { ReviewRound, RoundCriterion } from './round.entity';
import type { Finalizer, RoundService } from './round.service';
import { AdvancementRuleType, CreateReviewRoundInput, UpdateReviewRoundInput } from './round.types';

@Resolver(() => ReviewRound)
export class RoundResolver {
  constructor(
    private readonly service: RoundService,
    private readonly entryService: EntryService,
    private readonly assignmentService: AssignmentService,
    private readonly scorecardService: ScorecardService,
    private readonly panelService: PanelService,
    private readonly audit: Repository<AuditEntry>,
    private readonly finalize: Finalizer,
  ) {}

  @Query(() => ReviewRound, {
    nullable: true,
    description:
      'One review round with its settings, entries and results, as the caller may see them; null when there is none or it is a DRAFT the caller may not see.',
  })
  reviewRound(
    @Arg('id', () => ID, { description: 'The round’s id. A DRAFT round is for the office and analysts (null otherwise).' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewRound | null> {
    return this.service.load(ctx, id);
  }

  @FieldResolver(() => ContestRef, { nullable: true, description: 'The contest the round belongs to.' })
  contest(@Root() round: ReviewRound): ContestRef {
    return { id: round.contestId };
  }

  @FieldResolver(() => Int, { description: 'Experts holding assignments in the round (its judges).' })
  judgeCount(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<number> {
    return this.service.judgeCount(ctx, round.id);
  }

  @FieldResolver(() => [RoundCriterion], { description: 'What each scorecard scores, in order.' })
  criteria(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<RoundCriterion[]> {
    return this.service.criteria(ctx, round.id);
  }

  @FieldResolver(() => AdvancementRuleType, { nullable: true, description: 'Null until set; screening rounds advance by decisions.' })
  async advancement(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<AdvancementRuleType | null> {
    const groups = await this.service.quotaGroups(ctx, round.id);
    return groups.length || round.threshold !== null ? { quotaGroups: groups, threshold: round.threshold } : null;
  }

  @FieldResolver(() => Float, {
    description: 'Screening: an entry passes when its PASS and RECOMMEND decisions exceed this share of its scorecards.',
  })
  passShare(@Root() round: ReviewRound): number {
    return round.passShare;
  }

  @FieldResolver(() => [TieBreak], { description: 'How equal aggregates are ordered, first step first.' })
  tieBreaks(@Root() round: ReviewRound): TieBreak[] {
    return round.tieBreaks;
  }

  @FieldResolver(() => [Panel], { description: 'The panels of the round, by name.' })
  panels(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<Panel[]> {
    return this.panelService.forRound(ctx, round.id);
  }

  @FieldResolver(() => EntryConnection, {
    nullable: true,
    description: "The round's entries (office and analysts); an expert sees those assigned to it.",
  })
  entries(@Root() round: ReviewRound, @Args(() => EntriesArgs) args: EntriesArgs, @Ctx() ctx: RequestContext) {
    return new EntryConnection(this.entryService.list(ctx, round.id, args, args));
  }

  @FieldResolver(() => AssignmentConnection, {
    nullable: true,
    description: 'Every assignment (office and analysts); an expert sees its own.',
  })
  assignments(@Root() round: ReviewRound, @Args(() => AssignmentsArgs) args: AssignmentsArgs, @Ctx() ctx: RequestContext) {
    return new AssignmentConnection(this.assignmentService.list(ctx, round.id, args, args));
  }

  @FieldResolver(() => ScorecardConnection, {
    nullable: true,
    description: 'Scorecards: the office sees all; an expert its own; analysts all once the round is FINALIZED.',
  })
  async scorecards(@Root() round: ReviewRound, @Args(() => ScorecardsArgs) args: ScorecardsArgs, @Ctx() ctx: RequestContext) {
    return new ScorecardConnection(await this.scorecardService.list(ctx, round.id, args, args));
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this round (office and analysts).' })
  auditTrail(@Root() round: ReviewRound, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, round.id, args));
  }

  @Authorized('ADMIN')
  @Mutation(() => ReviewRound, {
    description:
      'Creates a DRAFT round in a contest (the office). FORBIDDEN for anyone else; BAD_USER_INPUT naming the field for bad settings, ALREADY_EXISTS for a taken order.',
  })
  createReviewRound(
    @Arg('input', () => CreateReviewRoundInput, { description: 'The round’s stage, order and how it is judged.' })
    input: CreateReviewRoundInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewRound> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ReviewRound, { description: 'Changes how a round is judged, while it is a DRAFT.' })
  updateReviewRound(
    @Arg('id', () => ID, { description: 'A DRAFT round.' }) id: string,
    @Arg('input', () => UpdateReviewRoundInput, { description: 'The settings to change; absent fields stay as they are.' })
    input: UpdateReviewRoundInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewRound> {
    return this.service.update(ctx.identity, id, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ReviewRound, {
    description:
      'Moves a round on: DRAFT → OPEN (configured, entries taken in) → CLOSED → FINALIZED (results computed and frozen). Never back, never skipping.',
  })
  changeReviewRoundStatus(
    @Arg('id', () => ID, { description: 'The round to move on.' }) id: string,
    @Arg('status', () => RoundStatus, { description: 'The next status; anything else is INVALID_TRANSITION.' }) status: RoundStatus,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the audit log; at most 500 characters.' }) reason?: string | null,
  ): Promise<ReviewRound> {
    return this.service.changeStatus(ctx.identity, id, status, this.finalize, reason);
  }
}
