import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type RequestContext, withRange } from '@meritgraph/subgraph-kit';
import { SubmissionCheck } from './submission-check.entity';
import type { SubmissionCheckService } from './submission-check.service';
import { MAX_BATCH } from './submission-batch';
import { Submission } from './submission.entity';
import { SubmissionStepInput } from './submission.types';

const VERSION = withRange('The version the entry was read at (optimistic locking).', 1, 2147483647);
const REASON = 'Why, 1 to 500 characters after trimming (else BAD_USER_INPUT on reason); the unit reads it.';

/** The checks before review: endorsement by the mobilizing union and the office's form check, and what they leave on an entry. */
@Resolver(() => Submission)
export class SubmissionChecksResolver {
  constructor(
    private readonly service: SubmissionCheckService,
    private readonly repo: Repository<SubmissionCheck>,
  ) {}

  private async stepsOf(ctx: RequestContext, submission: Submission): Promise<SubmissionCheck[]> {
    const rows = await ctx.loaders.groupedBy(this.repo, 'submissionId').load(submission.id);
    return [...rows].sort((a, b) => a.version - b.version);
  }

  @FieldResolver(() => [SubmissionCheck], {
    description: 'Every endorsement, return, resubmission, acceptance and rejection of the entry, oldest first.',
  })
  checks(@Root() submission: Submission, @Ctx() ctx: RequestContext): Promise<SubmissionCheck[]> {
    return this.stepsOf(ctx, submission);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why its union returned it, while RETURNED (the latest return); else null.' })
  async returnReason(@Root() submission: Submission, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (submission.status !== 'RETURNED') return null;
    return (await this.stepsOf(ctx, submission)).filter((c) => c.step === 'RETURNED').at(-1)?.reason ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the office rejected its form, while REJECTED; else null.' })
  async rejectionReason(@Root() submission: Submission, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (submission.status !== 'REJECTED') return null;
    return (await this.stepsOf(ctx, submission)).filter((c) => c.step === 'REJECTED').at(-1)?.reason ?? null;
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => [Submission], {
    description:
      'SUBMITTED → ENDORSED (推荐): the union that mobilized each entry’s unit in its contest endorses it (the office may too); an entry of another union’s unit is FORBIDDEN, a contest asking no endorsement INVALID_TRANSITION. All or nothing (BATCH_REFUSED lists every refusal with its index). Results in the order given.',
  })
  endorseSubmissions(
    @Arg('inputs', () => [SubmissionStepInput], { description: `The entries to endorse, 1 to ${MAX_BATCH}; all are endorsed or none.` })
    inputs: SubmissionStepInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Submission[]> {
    return this.service.endorseMany(ctx.identity, inputs);
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Submission, {
    description:
      'SUBMITTED → RETURNED (退回修改): the mobilizing union (or the office) returns an entry to its unit for revision, with a reason; the unit edits it and submits it again within the window, keeping its reference number.',
  })
  returnSubmission(
    @Arg('id', () => ID, { description: 'The entry to return.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: VERSION }) expectedVersion: number,
    @Arg('reason', () => String, { description: REASON }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.service.return(ctx.identity, id, expectedVersion, reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Submission], {
    description:
      'The office’s form check (形式审查) passed: ENDORSED → ACCEPTED (SUBMITTED → ACCEPTED in a contest asking no endorsement); review takes accepted entries in. A contest asking no form check is INVALID_TRANSITION. All or nothing (BATCH_REFUSED lists every refusal with its index). Results in the order given.',
  })
  acceptSubmissions(
    @Arg('inputs', () => [SubmissionStepInput], { description: `The entries to accept, 1 to ${MAX_BATCH}; all are accepted or none.` })
    inputs: SubmissionStepInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Submission[]> {
    return this.service.acceptMany(ctx.identity, inputs);
  }

  @Authorized('ADMIN')
  @Mutation(() => Submission, {
    description:
      'The office’s form check failed (未通过形式审查): ENDORSED → REJECTED (SUBMITTED → REJECTED in a contest asking no endorsement), with a reason. Rejected is final.',
  })
  rejectSubmission(
    @Arg('id', () => ID, { description: 'The entry to reject.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: VERSION }) expectedVersion: number,
    @Arg('reason', () => String, { description: REASON }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.service.reject(ctx.identity, id, expectedVersion, reason);
  }
}
