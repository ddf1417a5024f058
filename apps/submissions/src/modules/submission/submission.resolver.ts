import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
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
import { AchievementKind, SubmissionStatus } from '@meritgraph/domain';
import { type AuditEntry, AuditEntryConnection, Connection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { ContestRef, OrganizationRef, PersonRef, TrackRef } from '../references/references';
import { Attachment, Metric, Submission } from './submission.entity';
import { SubmissionService } from './submission.service';

export const SubmissionConnection = Connection(Submission);

@ArgsType()
class SubmissionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  contestId?: string | null;

  @Field(() => ID, { nullable: true })
  trackId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => SubmissionStatus, { nullable: true })
  status?: SubmissionStatus | null;

  @Field(() => String, { nullable: true, description: 'Words that must all appear in the title or keywords (case-insensitive).' })
  search?: string | null;
}

@ArgsType()
export class ChildSubmissionsArgs extends PageArgs {
  @Field(() => SubmissionStatus, { nullable: true })
  status?: SubmissionStatus | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}

// Fields shared by the create and update inputs; the base itself is never an argument, so it is not in the schema.
@InputType()
class SubmissionContentFields {
  @Field(() => ID, { nullable: true, description: 'One of the contest’s tracks.' })
  trackId?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => AchievementKind, { nullable: true })
  achievementKind?: AchievementKind | null;

  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;

  @Field(() => String, { nullable: true })
  applicationEffect?: string | null;

  @Field(() => [Metric], { nullable: true })
  metrics?: Metric[] | null;

  @Field(() => [Attachment], { nullable: true })
  attachments?: Attachment[] | null;

  @Field(() => ID, { nullable: true, description: 'A person of the submitting unit (or a unit below it).' })
  leaderId?: string | null;

  @Field(() => [ID], { nullable: true })
  teamMemberIds?: string[] | null;
}

@InputType()
class CreateSubmissionInput extends SubmissionContentFields {
  @Field(() => ID)
  contestId: string;

  @Field(() => ID, { description: 'The submitting unit; it must be enrolled in the contest.' })
  organizationId: string;

  @Field(() => String)
  title: string;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
class UpdateSubmissionInput extends SubmissionContentFields {
  @Field(() => String, { nullable: true })
  title?: string | null;
}

@ObjectType({ description: 'How many submissions of a contest are in one track and status.' })
class SubmissionStat {
  @Field(() => TrackRef, { nullable: true })
  track: TrackRef | null;

  @Field(() => SubmissionStatus)
  status: SubmissionStatus;

  @Field(() => Int)
  count: number;
}

@Resolver(() => Submission)
export class SubmissionResolver {
  constructor(
    private readonly service: SubmissionService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Submission, { nullable: true })
  submission(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Submission | null> {
    return this.service.load(ctx, id);
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
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, { description: 'Edits a draft; refused with VERSION_CONFLICT when it changed since expectedVersion.' })
  updateSubmission(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateSubmissionInput) input: UpdateSubmissionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.service.update(ctx.identity, id, expectedVersion, input);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, { description: 'DRAFT → SUBMITTED, inside the submission window; assigns the reference number.' })
  submitSubmission(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.service.submit(ctx.identity, id, expectedVersion);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, { description: 'Withdraws a draft, or a submitted entry before review starts.' })
  withdrawSubmission(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<Submission> {
    return this.service.withdraw(ctx.identity, id, reason);
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationSubmissionsResolver {
  constructor(private readonly service: SubmissionService) {}

  @FieldResolver(() => SubmissionConnection, { nullable: true, description: 'Achievements this unit submitted.' })
  async submissions(
    @Root() organization: OrganizationRef,
    @Args(() => ChildSubmissionsArgs) args: ChildSubmissionsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return new SubmissionConnection(await this.service.listFor(ctx, 'organization', organization.id, args, args));
  }
}

@Resolver(() => PersonRef)
export class PersonSubmissionsResolver {
  constructor(private readonly service: SubmissionService) {}

  @FieldResolver(() => SubmissionConnection, { nullable: true, description: 'Achievements this person leads.' })
  async submissions(@Root() person: PersonRef, @Args(() => ChildSubmissionsArgs) args: ChildSubmissionsArgs, @Ctx() ctx: RequestContext) {
    return new SubmissionConnection(await this.service.listFor(ctx, 'leader', person.id, args, args));
  }
}

@Resolver(() => ContestRef)
export class ContestSubmissionsResolver {
  constructor(private readonly service: SubmissionService) {}

  @FieldResolver(() => SubmissionConnection, { nullable: true, description: 'Achievements entered in this contest.' })
  async submissions(@Root() contest: ContestRef, @Args(() => ChildSubmissionsArgs) args: ChildSubmissionsArgs, @Ctx() ctx: RequestContext) {
    return new SubmissionConnection(await this.service.listFor(ctx, 'contest', contest.id, args, args));
  }

  @FieldResolver(() => [SubmissionStat], { description: 'How many entries per track and status, counted by the database.' })
  async submissionStats(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<SubmissionStat[]> {
    return (await this.service.stats(ctx, contest.id)).map((s) => ({
      track: s.trackId ? { id: s.trackId } : null,
      status: s.status,
      count: s.count,
    }));
  }
}
