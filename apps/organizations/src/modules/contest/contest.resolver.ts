import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { ContestStatus } from '@meritgraph/domain';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { Milestone } from '../milestone/milestone.entity';
import { MilestoneService } from '../milestone/milestone.service';
import { Organization } from '../organization/organization.entity';
import { OrganizationService } from '../organization/organization.service';
import { Track } from '../track/track.entity';
import { TrackService } from '../track/track.service';
import { Contest } from './contest.entity';
import { ContestService } from './contest.service';
import { ContestConnection, CreateContestInput, UpdateContestInput } from './contest.types';

@Resolver(() => Contest)
export class ContestResolver {
  constructor(
    private readonly service: ContestService,
    private readonly organizations: OrganizationService,
    private readonly trackService: TrackService,
    private readonly milestoneService: MilestoneService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Contest, {
    nullable: true,
    description: 'A contest by id, or by its code; null if there is none. A draft is FORBIDDEN to all but the office and analysts.',
  })
  async contest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true, description: 'The contest’s id; wins over code.' }) id?: string | null,
    @Arg('code', () => String, { nullable: true, description: 'The contest’s code, e.g. 2019-sci-tech.' }) code?: string | null,
  ): Promise<Contest | null> {
    if (id) return this.service.loadVisible(ctx, id);
    return code ? this.service.findVisibleByCode(ctx, code) : null;
  }

  @Query(() => ContestConnection, { nullable: true, description: 'Contests by year and code; drafts only for the office and analysts.' })
  contests(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RequestContext) {
    return new ContestConnection(this.service.list(ctx.identity, page));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organizing body (主办).' })
  organizer(@Root() contest: Contest, @Ctx() ctx: RequestContext) {
    return contest.organizerId ? this.organizations.load(ctx, contest.organizerId) : null;
  }

  @FieldResolver(() => [Organization], { description: 'Co-organizing agencies (协办), in the order named.' })
  async coOrganizers(@Root() contest: Contest, @Ctx() ctx: RequestContext): Promise<Organization[]> {
    const found = await Promise.all(contest.coOrganizerIds.map((id) => this.organizations.load(ctx, id)));
    return found.filter((o): o is Organization => o !== null);
  }

  @FieldResolver(() => [Track], { description: 'The tracks, by code.' })
  tracks(@Root() contest: Contest, @Ctx() ctx: RequestContext): Promise<Track[]> {
    return this.trackService.forContest(ctx, contest.id);
  }

  @FieldResolver(() => [Milestone], { description: 'The timeline, by date.' })
  milestones(@Root() contest: Contest, @Ctx() ctx: RequestContext): Promise<Milestone[]> {
    return this.milestoneService.forContest(ctx, contest.id);
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this contest (office and analysts).' })
  auditTrail(@Root() contest: Contest, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, contest.id, args));
  }

  @Authorized('ADMIN')
  @Mutation(() => Contest, { description: 'Creates a contest as a draft. The office only (else FORBIDDEN, or UNAUTHENTICATED).' })
  createContest(
    @Arg('input', () => CreateContestInput, { description: 'The new contest.' }) input: CreateContestInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Contest> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Contest, { description: 'Edits a contest, recorded in its audit trail. The office only; an unknown id is NOT_FOUND.' })
  updateContest(
    @Arg('id', () => ID, { description: 'The contest to edit.' }) id: string,
    @Arg('input', () => UpdateContestInput, { description: 'The fields to change.' }) input: UpdateContestInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Contest> {
    return this.service.update(ctx.identity, id, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Contest, {
    description: 'Moves a contest to its next status; a skip or a step back is INVALID_TRANSITION. The office only.',
  })
  changeContestStatus(
    @Arg('id', () => ID, { description: 'The contest to move.' }) id: string,
    @Arg('status', () => ContestStatus, { description: 'The status to move to: the next one.' }) status: ContestStatus,
    @Ctx() ctx: RequestContext,
  ): Promise<Contest> {
    return this.service.changeStatus(ctx.identity, id, status);
  }
}
