import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Repository } from 'typeorm';
import { LocalDateResolver } from 'graphql-scalars';
import { AggregationMethod, AssignmentStatus, ReviewStage, ReviewState, RoundStatus, TieBreak } from '@meritgraph/domain';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { ContestRef, SubmissionRef, TrackRef } from '../references/references';
import { EntryConnection } from '../entry/entry.types';
import { AssignmentConnection } from '../assignment/assignment.types';
import { ScorecardConnection } from '../scorecard/scorecard.types';
import type { EntryService } from '../entry/entry.service';
import type { AssignmentService } from '../assignment/assignment.service';
import type { ScorecardService } from '../scorecard/scorecard.service';
import type { PanelService } from '../panel/panel.service';
import { Panel } from '../panel/panel.entity';
import { QuotaGroup, ReviewRound, RoundCriterion } from './round.entity';
import type { Finalizer, RoundService } from './round.service';

@ObjectType({ description: "A submission's standing in review: its latest round and how it fared there." })
class ReviewStatus {
  @Field(() => ReviewState)
  state: ReviewState;

  @Field(() => ReviewRound, { nullable: true, description: 'The latest round the submission was taken into.' })
  round: ReviewRound | null;
}

@ObjectType({ description: 'Who advances from a round: quota groups over tracks, or everyone at or above a threshold.' })
class AdvancementRuleType {
  @Field(() => [QuotaGroup])
  quotaGroups: QuotaGroup[];

  @Field(() => Float, { nullable: true })
  threshold: number | null;
}

@InputType()
class CriterionInput {
  @Field(() => String, { description: 'Upper-case code, e.g. INNOVATION.' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => Float, { description: "The criterion's share of the total; a round's weights sum to 1." })
  weight: number;

  @Field(() => Float)
  maxScore: number;
}

@InputType()
class QuotaGroupInput {
  @Field(() => String, { description: 'e.g. IC+BIG_SCIENCE.' })
  code: string;

  @Field(() => [ID])
  trackIds: string[];

  @Field(() => Int)
  quota: number;
}

// Settings shared by the create and update inputs; the base itself is never an argument.
@InputType()
class RoundSettingsFields {
  @Field(() => Boolean, { nullable: true })
  blind?: boolean | null;

  @Field(() => LocalDateResolver, { nullable: true })
  reviewDate?: string | null;

  @Field(() => [CriterionInput], { nullable: true, description: 'Absent on creation: one OVERALL criterion out of 100.' })
  criteria?: CriterionInput[] | null;

  @Field(() => Int, { nullable: true })
  reviewersPerEntry?: number | null;

  @Field(() => AggregationMethod, { nullable: true })
  aggregationMethod?: AggregationMethod | null;

  @Field(() => Int, { nullable: true })
  trimMinimum?: number | null;

  @Field(() => [QuotaGroupInput], { nullable: true, description: 'Advancement by quota groups (clears a threshold).' })
  quotaGroups?: QuotaGroupInput[] | null;

  @Field(() => Float, { nullable: true, description: 'Advancement by threshold (clears quota groups).' })
  threshold?: number | null;

  @Field(() => [TieBreak], { nullable: true })
  tieBreaks?: TieBreak[] | null;

  @Field(() => Float, { nullable: true })
  passShare?: number | null;
}

@InputType()
class CreateReviewRoundInput extends RoundSettingsFields {
  @Field(() => ID)
  contestId: string;

  @Field(() => String)
  name: string;

  @Field(() => ReviewStage)
  stage: ReviewStage;

  @Field(() => Int, { description: 'Position of the round in its contest, from 1.' })
  order: number;
}

@InputType({ description: 'Settings to change while the round is a DRAFT; absent fields stay as they are.' })
class UpdateReviewRoundInput extends RoundSettingsFields {
  @Field(() => String, { nullable: true })
  name?: string | null;
}

@ArgsType()
export class EntriesArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  trackId?: string | null;

  @Field(() => ReviewState, { nullable: true })
  state?: ReviewState | null;
}

@ArgsType()
export class AssignmentsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  expertId?: string | null;

  @Field(() => ID, { nullable: true })
  entryId?: string | null;

  @Field(() => AssignmentStatus, { nullable: true })
  status?: AssignmentStatus | null;
}

@ArgsType()
export class ScorecardsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  expertId?: string | null;
}

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

  @Query(() => ReviewRound, { nullable: true })
  reviewRound(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ReviewRound | null> {
    return this.service.load(ctx, id);
  }

  @FieldResolver(() => ContestRef, { nullable: true })
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
  @Mutation(() => ReviewRound)
  createReviewRound(
    @Arg('input', () => CreateReviewRoundInput) input: CreateReviewRoundInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewRound> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ReviewRound, { description: 'Changes how a round is judged, while it is a DRAFT.' })
  updateReviewRound(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateReviewRoundInput) input: UpdateReviewRoundInput,
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
    @Arg('id', () => ID) id: string,
    @Arg('status', () => RoundStatus) status: RoundStatus,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<ReviewRound> {
    return this.service.changeStatus(ctx.identity, id, status, this.finalize, reason);
  }
}

@Resolver(() => QuotaGroup)
export class QuotaGroupResolver {
  @FieldResolver(() => [TrackRef])
  tracks(@Root() group: QuotaGroup): TrackRef[] {
    return group.trackIds.map((id) => ({ id }));
  }
}

@Resolver(() => SubmissionRef)
export class SubmissionReviewResolver {
  constructor(private readonly service: RoundService) {}

  @FieldResolver(() => ReviewStatus, { nullable: true })
  reviewStatus(@Root() submission: SubmissionRef, @Ctx() ctx: RequestContext): Promise<ReviewStatus> {
    return this.service.reviewOf(ctx, submission.id);
  }
}

@Resolver(() => ContestRef)
export class ContestRoundsResolver {
  constructor(private readonly service: RoundService) {}

  @FieldResolver(() => [ReviewRound], { nullable: true, description: 'The review rounds of the contest, in order.' })
  reviewRounds(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<ReviewRound[]> {
    return this.service.forContest(ctx, contest.id);
  }
}
