import type { Repository } from 'typeorm';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Directive } from 'type-graphql';
import { canSeeRound, hidesEntrant, readsEverything } from '@meritgraph/domain';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { OrganizationRef, PersonRef, SubmissionRef, TrackRef } from '../references/references';
import { ReviewRound } from '../round/round.entity';
import type { RoundService } from '../round/round.service';
import { AssignmentConnection, AssignmentsArgs } from '../assignment/assignment.types';
import { ScorecardConnection, ScorecardsArgs } from '../scorecard/scorecard.types';
import type { AssignmentService } from '../assignment/assignment.service';
import type { ScorecardService } from '../scorecard/scorecard.service';
import { Entry } from './entry.entity';
import type { EntryService } from './entry.service';
import { IntakeReport } from './entry.types';

@Resolver(() => Entry)
export class EntryResolver {
  constructor(
    private readonly service: EntryService,
    private readonly rounds: RoundService,
    private readonly assignmentService: AssignmentService,
    private readonly scorecardService: ScorecardService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Entry, { nullable: true, description: 'An entry (office and analysts, or an expert assigned to it).' })
  entry(
    @Arg('id', () => ID, { description: 'The entry’s id. Null when there is none or it is hidden from the caller.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Entry | null> {
    return this.service.load(ctx, id);
  }

  @FieldResolver(() => ReviewRound, { nullable: true, description: 'The round the entry is in.' })
  async round(@Root() entry: Entry, @Ctx() ctx: RequestContext): Promise<ReviewRound | null> {
    const round = await this.rounds.find(ctx, entry.roundId);
    return round && canSeeRound(ctx.identity, round.status) ? round : null;
  }

  @FieldResolver(() => TrackRef, { nullable: true, description: 'The track it was taken in under.' })
  track(@Root() entry: Entry): TrackRef {
    return { id: entry.trackId };
  }

  @FieldResolver(() => SubmissionRef, {
    nullable: true,
    description: 'The live submission (office and analysts); experts judge the snapshot.',
  })
  submission(@Root() entry: Entry, @Ctx() ctx: RequestContext): SubmissionRef | null {
    return readsEverything(ctx.identity) ? { id: entry.submissionId } : null;
  }

  private async hidden(ctx: RequestContext, entry: Entry): Promise<boolean> {
    const round = await this.rounds.find(ctx, entry.roundId);
    return hidesEntrant(ctx.identity, round?.blind ?? true);
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: 'The submitting unit; null for experts in a blind round.' })
  async organization(@Root() entry: Entry, @Ctx() ctx: RequestContext): Promise<OrganizationRef | null> {
    return (await this.hidden(ctx, entry)) ? null : { id: entry.organizationId };
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: 'The project leader; null for experts in a blind round.' })
  async leader(@Root() entry: Entry, @Ctx() ctx: RequestContext): Promise<PersonRef | null> {
    return entry.leaderId && !(await this.hidden(ctx, entry)) ? { id: entry.leaderId } : null;
  }

  @FieldResolver(() => [PersonRef], { description: 'The leader and team as taken in; empty for experts in a blind round.' })
  async people(@Root() entry: Entry, @Ctx() ctx: RequestContext): Promise<PersonRef[]> {
    if (await this.hidden(ctx, entry)) return [];
    return (await this.service.links(ctx, entry.id)).filter((l) => l.kind === 'PERSON').map((l) => ({ id: l.refId }));
  }

  @FieldResolver(() => AssignmentConnection, {
    nullable: true,
    description: 'Experts asked to review it (office and analysts); an expert sees its own.',
  })
  assignments(@Root() entry: Entry, @Args(() => AssignmentsArgs) args: AssignmentsArgs, @Ctx() ctx: RequestContext) {
    return new AssignmentConnection(this.assignmentService.ofEntry(ctx, entry.id, args, args));
  }

  @FieldResolver(() => ScorecardConnection, { nullable: true, description: 'Its scorecards, by the same rule as the round’s.' })
  scorecards(@Root() entry: Entry, @Args(() => ScorecardsArgs) args: ScorecardsArgs, @Ctx() ctx: RequestContext) {
    return new ScorecardConnection(this.scorecardService.ofEntry(ctx, entry.id, args, args));
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Its intake, results and overrides (office and analysts).' })
  auditTrail(@Root() entry: { id: string }, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, entry.id, args));
  }

  @Authorized('ADMIN')
  // Snapshots every submission it takes from two other subgraphs.
  @Directive('@cost(weight: 100)')
  @Mutation(() => IntakeReport, {
    description:
      "Takes a DRAFT round's entries in: the contest's submissions that passed its checks for the first round (ACCEPTED after the office's form check, ENDORSED after endorsement alone, else SUBMITTED), the previous round's advanced entries after it. Each keeps a snapshot of its track, unit and people.",
  })
  async takeEntries(
    @Arg('roundId', () => ID, { description: 'The round to fill: a DRAFT or OPEN round.' }) roundId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<IntakeReport> {
    const report = await this.service.takeEntries(ctx.identity, roundId);
    return {
      round: (await this.rounds.find(ctx, roundId))!,
      taken: report.taken.length,
      alreadyIn: report.alreadyIn,
      skipped: report.skipped.map((s) => ({ submission: { id: s.submissionId }, reason: s.reason })),
    };
  }
}
