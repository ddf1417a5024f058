import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail, withRange } from '@meritgraph/subgraph-kit';
import { ContestRef, OrganizationRef, PersonRef, TrackRef } from '../references/references';
import { Submission } from './submission.entity';
import { MAX_BATCH, SubmissionLifecycleService } from './submission-lifecycle.service';
import { SubmissionService } from './submission.service';
import {
  CreateSubmissionInput,
  SubmissionConnection,
  SubmissionsArgs,
  SubmitSubmissionInput,
  UpdateSubmissionInput,
} from './submission.types';

const VERSION = withRange('The version the change was made against (optimistic locking).', 1, 2147483647);

@Resolver(() => Submission)
export class SubmissionResolver {
  constructor(
    private readonly service: SubmissionService,
    private readonly lifecycle: SubmissionLifecycleService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Submission, {
    nullable: true,
    description:
      'A submission by id. One the caller may not read is FORBIDDEN, like one that does not exist; null for the office and analysts.',
  })
  submission(
    @Arg('id', () => ID, { description: 'The submission’s id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission | null> {
    return this.service.loadVisible(ctx, id);
  }

  @Query(() => SubmissionConnection, {
    nullable: true,
    description: 'Submissions the caller may read, by title. A caller who may read none (anonymous, an expert) gets FORBIDDEN.',
  })
  async submissions(@Args(() => SubmissionsArgs) args: SubmissionsArgs, @Ctx() ctx: RequestContext) {
    return new SubmissionConnection(await this.service.list(ctx, args, args));
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: 'The submitting unit.' })
  organization(@Root() submission: Submission): OrganizationRef {
    return { id: submission.organizationId };
  }

  @FieldResolver(() => ContestRef, { nullable: true, description: 'The contest it is entered in.' })
  contest(@Root() submission: Submission): ContestRef {
    return { id: submission.contestId };
  }

  @FieldResolver(() => TrackRef, { nullable: true, description: 'Its track; required to submit.' })
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
  @Mutation(() => Submission, {
    description: "Starts a draft for the caller's own unit (the office: any unit); another unit is FORBIDDEN.",
  })
  createSubmission(
    @Arg('input', () => CreateSubmissionInput, { description: 'The new draft.' }) input: CreateSubmissionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.lifecycle.create(ctx.identity, input);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => [Submission], {
    description:
      'Starts several drafts at once (a unit entering its achievements from a list), each by the same rules as createSubmission, counting the drafts before it in the list; all or nothing (BATCH_REFUSED lists every refusal). Results in the order given.',
  })
  createSubmissions(
    @Arg('inputs', () => [CreateSubmissionInput], { description: `The new drafts, 1 to ${MAX_BATCH}; all are started or none.` })
    inputs: CreateSubmissionInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Submission[]> {
    return this.lifecycle.createMany(ctx.identity, inputs);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, { description: 'Edits a draft; refused with VERSION_CONFLICT when it changed since expectedVersion.' })
  updateSubmission(
    @Arg('id', () => ID, { description: 'The draft to edit.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: VERSION }) expectedVersion: number,
    @Arg('input', () => UpdateSubmissionInput, { description: 'The fields to change.' }) input: UpdateSubmissionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.lifecycle.update(ctx.identity, id, expectedVersion, input);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, {
    description:
      'DRAFT → SUBMITTED, inside the submission window (else SUBMISSION_WINDOW_CLOSED); assigns the reference number. A draft lacking content is SUBMISSION_INCOMPLETE, naming every missing field.',
  })
  submitSubmission(
    @Arg('id', () => ID, { description: 'The draft to submit.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: VERSION }) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.lifecycle.submit(ctx.identity, id, expectedVersion);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => [Submission], {
    description:
      'Submits several drafts at once, each by the same rules as submitSubmission; reference numbers are assigned in the order given. All or nothing (BATCH_REFUSED lists every refusal). Results in the order given.',
  })
  submitSubmissions(
    @Arg('inputs', () => [SubmitSubmissionInput], { description: `The drafts to submit, 1 to ${MAX_BATCH}; all are submitted or none.` })
    inputs: SubmitSubmissionInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Submission[]> {
    return this.lifecycle.submitMany(ctx.identity, inputs);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, {
    description: 'Withdraws a draft, or a submitted entry before review starts (else REVIEW_STARTED). Withdrawn is final.',
  })
  withdrawSubmission(
    @Arg('id', () => ID, { description: 'The submission to withdraw.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true, description: 'Why, kept in the audit trail (its first 500 characters).' })
    reason?: string | null,
  ): Promise<Submission> {
    return this.lifecycle.withdraw(ctx.identity, id, reason);
  }
}
