import type { Repository } from 'typeorm';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root, Directive } from 'type-graphql';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import type { EntryService } from '../entry/entry.service';
import { Expert } from '../expert/expert.entity';
import type { ExpertService } from '../expert/expert.service';
import { Panel } from '../panel/panel.entity';
import type { PanelService } from '../panel/panel.service';
import { Scorecard } from '../scorecard/scorecard.entity';
import type { ScorecardService } from '../scorecard/scorecard.service';
import { Assignment } from './assignment.entity';
import { type AssignmentService, MAX_MANUAL_BATCH } from './assignment.service';
import { AssignExpertInput, AutoAssignInput, AutoAssignmentReport } from './assignment.types';

@Resolver(() => Assignment)
export class AssignmentResolver {
  constructor(
    private readonly service: AssignmentService,
    private readonly entries: EntryService,
    private readonly experts: ExpertService,
    private readonly panels: PanelService,
    private readonly scorecards: ScorecardService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @FieldResolver(() => Entry, {
    nullable: true,
    description: 'The entry to score, as the expert may see it (without unit and people in a blind round).',
  })
  entry(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<Entry | null> {
    return this.entries.find(ctx, assignment.entryId);
  }

  @FieldResolver(() => Expert, { nullable: true, description: 'The assigned expert.' })
  expert(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<Expert | null> {
    return this.experts.load(ctx, assignment.expertId);
  }

  @FieldResolver(() => Panel, { nullable: true, description: 'The panel the assignment comes from; null in a pool round.' })
  panel(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<Panel | null> {
    return assignment.panelId ? this.panels.find(ctx, assignment.panelId) : Promise.resolve(null);
  }

  @FieldResolver(() => Scorecard, { nullable: true, description: 'The scorecard, to whoever may read it.' })
  scorecard(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<Scorecard | null> {
    return this.scorecards.ofAssignment(ctx, assignment);
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this assignment (office and analysts).' })
  auditTrail(@Root() assignment: { id: string }, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, assignment.id, args));
  }

  @Authorized('ADMIN')
  // A min-cost flow over every entry and expert of the round.
  @Directive('@cost(weight: 100)')
  @Mutation(() => AutoAssignmentReport, {
    description:
      'Staffs every entry of the round still short of reviewers: no conflicts, matching expertise (or panel), balanced loads. Deterministic.',
  })
  async autoAssign(
    @Arg('roundId', () => ID, { description: 'The round to staff: DRAFT or OPEN, with entries.' }) roundId: string,
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AutoAssignInput, {
      nullable: true,
      description: 'Which experts to draw on and the load limits; the whole active pool without limits when absent.',
    })
    input?: AutoAssignInput | null,
  ): Promise<AutoAssignmentReport> {
    const { round, created, plan } = await this.service.autoAssign(ctx.identity, roundId, input ?? {});
    const entry = async (id: string) => (await this.entries.find(ctx, id))!;
    const expert = async (id: string) => (await this.experts.byIds(ctx, [id]))[0]!;
    return {
      round,
      created,
      unstaffed: await Promise.all(plan.unstaffed.map(async (u) => ({ ...u, entry: await entry(u.entryId) }))),
      underloaded: await Promise.all(plan.underloaded.map(async (u) => ({ expert: await expert(u.expertId), load: u.load }))),
      loads: await Promise.all(plan.loads.map(async (l) => ({ expert: await expert(l.expertId), load: l.load }))),
    };
  }

  @Authorized('ADMIN')
  @Mutation(() => Assignment, { description: 'Assigns one expert by hand, by the same rules as the automatic assignment.' })
  assignExpert(
    @Arg('entryId', () => ID, { description: 'The entry to staff.' }) entryId: string,
    @Arg('expertId', () => ID, {
      description: 'The expert to assign: active, judging the entry’s track, without a conflict (CONFLICT_OF_INTEREST otherwise).',
    })
    expertId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Assignment> {
    return this.service.assign(ctx.identity, entryId, expertId);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Assignment], {
    description:
      'Several experts assigned by hand at once, each pair by the same rules as assignExpert; all or nothing (BATCH_REFUSED lists every refusal).',
  })
  assignExperts(
    @Arg('inputs', () => [AssignExpertInput], { description: `The pairs to make, 1 to ${MAX_MANUAL_BATCH}; all are made or none.` })
    inputs: AssignExpertInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Assignment[]> {
    return this.service.assignMany(ctx.identity, inputs);
  }

  @Authorized('ADMIN')
  @Mutation(() => Assignment, { description: 'Removes an assignment that has no scorecard yet.' })
  removeAssignment(
    @Arg('id', () => ID, { description: 'The assignment to remove.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the audit log; at most 500 characters.' }) reason?: string | null,
  ): Promise<Assignment> {
    return this.service.remove(ctx.identity, id, reason);
  }

  @Authorized('EXPERT', 'ADMIN')
  @Mutation(() => Assignment, { description: 'The expert cannot take the entry on.' })
  declineAssignment(
    @Arg('id', () => ID, { description: 'One of the calling expert’s own assignments.' }) id: string,
    @Arg('reason', () => String, { description: 'Why the expert cannot take it on; 2 to 500 characters.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Assignment> {
    return this.service.stepBack(ctx.identity, id, 'DECLINED', reason);
  }

  @Authorized('EXPERT', 'ADMIN')
  @Mutation(() => Assignment, {
    description: 'The expert declares a conflict of interest (回避); it holds for the submission in later rounds too.',
  })
  declareConflict(
    @Arg('id', () => ID, { description: 'One of the calling expert’s own assignments.' }) id: string,
    @Arg('reason', () => String, { description: 'The conflict, e.g. a former colleague on the team; 2 to 500 characters.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Assignment> {
    return this.service.stepBack(ctx.identity, id, 'CONFLICT_DECLARED', reason);
  }
}
