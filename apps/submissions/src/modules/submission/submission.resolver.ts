import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail, withRange } from '@meritgraph/subgraph-kit';
import { ContestRef, OrganizationRef, PersonRef, TrackRef } from '../references/references';
import { Submission } from './submission.entity';
import { SubmissionLifecycleService } from './submission-lifecycle.service';
import { SubmissionService } from './submission.service';
import { CreateSubmissionInput, SubmissionConnection, SubmissionsArgs, UpdateSubmissionInput } from './submission.types';

const VERSION = withRange('The version the change was made against (optimistic locking).', 1, 2147483647);

@Resolver(() => Submission)
export class SubmissionResolver {
  constructor(
    private readonly service: SubmissionService,
    private readonly lifecycle: SubmissionLifecycleService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Submission, { nullable: true })
  submission(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Submission | null> {
    return this.service.loadVisible(ctx, id);
  }

  @Query(() => SubmissionConnection, { description: 'Submissions the caller may read, by title.' })
  async submissions(@Args(() => SubmissionsArgs) args: SubmissionsArgs, @Ctx() ctx: RequestContext) {
    return new SubmissionConnection(await this.service.list(ctx, args, args));
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: 'The submitting unit.' })
  organization(@Root() submission: Submission): OrganizationRef {
    return { id: submission.organizationId };
  }

  @FieldResolver(() => ContestRef, { nullable: true })
  contest(@Root() submission: Submission): ContestRef {
    return { id: submission.contestId };
  }

  @FieldResolver(() => TrackRef, { nullable: true })
  track(@Root() submission: Submission): TrackRef | null {
    return submission.trackId ? { id: submission.trackId } : null;
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: 'The project leader.' })
  leader(@Root() submission: Submission): PersonRef | null {
    return submission.leaderId ? { id: submission.leaderId } : null;
  }

  @FieldResolver(() => [PersonRef], { description: 'The team, in the order given.' })
  teamMembers(@Root() submission: Submission): PersonRef[] {
    return submission.teamMemberIds.map((id) => ({ id }));
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this submission (office and analysts).' })
  auditTrail(@Root() submission: Submission, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, submission.id, args));
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, { description: "Starts a draft for the caller's own unit (the office: any unit)." })
  createSubmission(
    @Arg('input', () => CreateSubmissionInput) input: CreateSubmissionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.lifecycle.create(ctx.identity, input);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, { description: 'Edits a draft; refused with VERSION_CONFLICT when it changed since expectedVersion.' })
  updateSubmission(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { description: VERSION }) expectedVersion: number,
    @Arg('input', () => UpdateSubmissionInput) input: UpdateSubmissionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.lifecycle.update(ctx.identity, id, expectedVersion, input);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, { description: 'DRAFT → SUBMITTED, inside the submission window; assigns the reference number.' })
  submitSubmission(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { description: VERSION }) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.lifecycle.submit(ctx.identity, id, expectedVersion);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, { description: 'Withdraws a draft, or a submitted entry before review starts.' })
  withdrawSubmission(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<Submission> {
    return this.lifecycle.withdraw(ctx.identity, id, reason);
  }
}
