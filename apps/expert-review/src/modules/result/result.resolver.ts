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
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { ContestRef, PersonRef, SubmissionRef, TrackRef } from '../references/references';
import { Entry } from '../entry/entry.entity';
import type { EntryService } from '../entry/entry.service';
import { Expert } from '../expert/expert.entity';
import type { ExpertService } from '../expert/expert.service';
import { Panel } from '../panel/panel.entity';
import type { PanelService } from '../panel/panel.service';
import { ReviewRound } from '../round/round.entity';
import type { RoundService } from '../round/round.service';
import { OverrideOutcome, Presentation, QuotaRaise, ResultOverride, RoundOutcome, RoundResult } from './result.entity';
import type { ResultService } from './result.service';

export const RoundResultConnection = Connection(RoundResult);

@ArgsType()
class ResultsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  groupCode?: string | null;

  @Field(() => RoundOutcome, { nullable: true })
  outcome?: RoundOutcome | null;
}

@ObjectType({
  description: 'Entries tied on the whole tie-break chain across a quota line. None of them advances until the office decides.',
})
class QuotaTie {
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
class GroupFigures {
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
class ResultProblem {
  @Field(() => Entry, { nullable: true })
  entry: Entry | null;

  @Field(() => String, { nullable: true })
  groupCode: string | null;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: 'The results a round would have if it were finalized now. Nothing is frozen.' })
class ResultPreview {
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
class ExpertStatistic {
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
class RaterAgreement {
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
class FunnelStep {
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

@InputType()
class ScheduleInput {
  @Field(() => String, { nullable: true, description: 'HH:MM; 09:00 when absent.' })
  startTime?: string | null;

  @Field(() => Int, { description: 'Minutes per presentation, questions included.' })
  slotMinutes: number;

  @Field(() => Int, { nullable: true, description: 'A break after every N presentations.' })
  breakEvery?: number | null;

  @Field(() => Int, { nullable: true })
  breakMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'HH:MM' })
  lunchFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM' })
  lunchTo?: string | null;
}

@ObjectType({ description: 'An entry the schedule could not place, and why.' })
class Unscheduled {
  @Field(() => Entry, { nullable: true })
  entry: Entry | null;

  @Field(() => String)
  reason: string;
}

@ObjectType({ description: 'A generated presentation schedule.' })
class PresentationSchedule {
  @Field(() => [Presentation])
  presentations: Presentation[];

  @Field(() => [Unscheduled])
  unscheduled: Unscheduled[];
}

@Resolver(() => ReviewRound)
export class RoundResultsResolver {
  constructor(
    private readonly service: ResultService,
    private readonly entries: EntryService,
  ) {}

  @FieldResolver(() => RoundResultConnection, {
    nullable: true,
    description: 'Frozen results: the office and analysts once finalized, everyone once published.',
  })
  async results(@Root() round: ReviewRound, @Args(() => ResultsArgs) args: ResultsArgs, @Ctx() ctx: RequestContext) {
    return new RoundResultConnection(await this.service.list(ctx, round, args, args));
  }

  @FieldResolver(() => [ExpertStatistic], {
    nullable: true,
    description: 'Per-expert mean and spread (the office; analysts once finalized).',
  })
  expertStatistics(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<ExpertStatistic[]> {
    return this.service.expertStatistics(ctx, round);
  }

  @FieldResolver(() => RaterAgreement, { nullable: true, description: 'Inter-rater agreement (the office; analysts once finalized).' })
  agreement(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<RaterAgreement> {
    return this.service.agreement(ctx, round);
  }

  @FieldResolver(() => [Presentation], { description: 'The final-round presentation schedule, by panel and running order.' })
  presentations(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<Presentation[]> {
    return this.service.presentations(ctx, round.id);
  }

  @FieldResolver(() => [ResultOverride], { nullable: true, description: 'Office overrides (office and analysts).' })
  overrides(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<ResultOverride[]> {
    return this.service.overrides(ctx, round.id);
  }

  @FieldResolver(() => [QuotaRaise], { nullable: true, description: 'Quotas raised by the office (office and analysts).' })
  quotaRaises(@Root() round: ReviewRound, @Ctx() ctx: RequestContext): Promise<QuotaRaise[]> {
    return this.service.quotaRaises(ctx, round.id);
  }

  @Query(() => ResultPreview, { nullable: true, description: 'The results a round would have if finalized now (the office).' })
  async reviewRoundPreview(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ResultPreview> {
    const preview = await this.service.preview(ctx, id);
    const entry = async (entryId: string) => (await this.entries.find(ctx, entryId))!;
    const order = new Map(preview.groups.map((g, i) => [g.code, i]));
    const results = [...preview.results].sort(
      (a, b) =>
        (order.get(a.groupCode ?? '') ?? 1e9) - (order.get(b.groupCode ?? '') ?? 1e9) ||
        (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
        a.entryId.localeCompare(b.entryId),
    );
    return {
      round: preview.round,
      results,
      groups: preview.groups,
      ties: await Promise.all(preview.ties.map(async (t) => ({ ...t, entries: await Promise.all(t.entryIds.map(entry)) }))),
      problems: await Promise.all(
        preview.problems.map(async (p) => ({
          entry: p.entryId ? await entry(p.entryId) : null,
          groupCode: p.groupCode ?? null,
          message: p.message,
        })),
      ),
      finalizable: preview.ties.length === 0 && preview.problems.length === 0,
    };
  }

  @Authorized('ADMIN')
  @Mutation(() => ResultOverride, {
    description: 'Advances or eliminates one entry of a CLOSED round, with a reason. The quota still holds unless raised.',
  })
  overrideRoundResult(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('entryId', () => ID) entryId: string,
    @Arg('outcome', () => OverrideOutcome) outcome: OverrideOutcome,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ResultOverride> {
    return this.service.override(ctx.identity, roundId, entryId, outcome, reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => QuotaRaise, { description: 'Gives a quota group of a CLOSED round more places, with a reason.' })
  raiseQuota(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('groupCode', () => String) groupCode: string,
    @Arg('quota', () => Int) quota: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<QuotaRaise> {
    return this.service.raiseQuota(ctx.identity, roundId, groupCode, quota, reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => ReviewRound, { description: 'Makes a finalized round’s results visible to submitters and the public.' })
  publishReviewRound(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ReviewRound> {
    return this.service.publish(ctx.identity, id);
  }

  @Authorized('ADMIN')
  @Mutation(() => PresentationSchedule, {
    description: 'Lays out the presentations of a round with panels on its review date; replaces an earlier schedule.',
  })
  async schedulePresentations(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('input', () => ScheduleInput) input: ScheduleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PresentationSchedule> {
    const { slots, unscheduled } = await this.service.schedule(ctx.identity, roundId, input);
    return {
      presentations: slots,
      unscheduled: await Promise.all(unscheduled.map(async (u) => ({ entry: await this.entries.find(ctx, u.entryId), reason: u.reason }))),
    };
  }
}

@Resolver(() => ExpertStatistic)
export class ExpertStatisticResolver {
  constructor(private readonly experts: ExpertService) {}

  @FieldResolver(() => Expert, { nullable: true })
  expert(@Root() stat: ExpertStatistic, @Ctx() ctx: RequestContext): Promise<Expert | null> {
    return this.experts.load(ctx, stat.expertId);
  }
}

@Resolver(() => RoundResult)
export class RoundResultResolver {
  constructor(
    private readonly entries: EntryService,
    private readonly rounds: RoundService,
  ) {}

  @FieldResolver(() => ReviewRound, { nullable: true })
  round(@Root() result: RoundResult, @Ctx() ctx: RequestContext): Promise<ReviewRound | null> {
    return this.rounds.find(ctx, result.roundId);
  }

  @FieldResolver(() => SubmissionRef, { nullable: true })
  submission(@Root() result: RoundResult): SubmissionRef {
    return { id: result.submissionId };
  }

  @FieldResolver(() => TrackRef, { nullable: true })
  track(@Root() result: RoundResult): TrackRef {
    return { id: result.trackId };
  }

  @FieldResolver(() => String, { nullable: true, description: 'The reference number, e.g. 2019-AI-0042.' })
  async referenceNumber(@Root() result: RoundResult, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.entries.find(ctx, result.entryId))?.referenceNumber ?? null;
  }
}

@Resolver(() => Presentation)
export class PresentationResolver {
  constructor(
    private readonly entries: EntryService,
    private readonly panels: PanelService,
  ) {}

  @FieldResolver(() => Panel, { nullable: true })
  panel(@Root() p: Presentation, @Ctx() ctx: RequestContext): Promise<Panel | null> {
    return this.panels.find(ctx, p.panelId);
  }

  @FieldResolver(() => SubmissionRef, { nullable: true })
  async submission(@Root() p: Presentation, @Ctx() ctx: RequestContext): Promise<SubmissionRef | null> {
    const entry = await this.entries.find(ctx, p.entryId);
    return entry ? { id: entry.submissionId } : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async referenceNumber(@Root() p: Presentation, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.entries.find(ctx, p.entryId))?.referenceNumber ?? null;
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: "The entry's leader, who presents it." })
  presenter(@Root() p: Presentation): PersonRef | null {
    return p.presenterId ? { id: p.presenterId } : null;
  }
}

@Resolver(() => SubmissionRef)
export class SubmissionResultsResolver {
  constructor(private readonly service: ResultService) {}

  @FieldResolver(() => [RoundResult], {
    nullable: true,
    description: 'Its results in each round, where the caller may see them (published, or office and analysts once finalized).',
  })
  roundResults(@Root() submission: SubmissionRef, @Ctx() ctx: RequestContext): Promise<RoundResult[]> {
    return this.service.ofSubmission(ctx, submission.id);
  }
}

@Resolver(() => ContestRef)
export class ContestFunnelResolver {
  constructor(private readonly service: ResultService) {}

  @FieldResolver(() => [FunnelStep], {
    nullable: true,
    description: 'Entries in and out of each round, per quota group: published rounds for everyone, all for the office and analysts.',
  })
  reviewFunnel(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<FunnelStep[]> {
    return this.service.funnel(ctx, contest.id);
  }
}
