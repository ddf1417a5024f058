import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SubmissionStatus } from '@meritgraph/domain';
import { Connection, PageArgs, type RequestContext } from '@meritgraph/subgraph-kit';
import { ContestRef, OrganizationRef } from '../references/references';
import { Submission } from './submission.entity';
import { SubmissionService } from './submission.service';

export const SubmissionConnection = Connection(Submission);

@ArgsType()
class SubmissionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  contestId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => SubmissionStatus, { nullable: true })
  status?: SubmissionStatus | null;
}

@ArgsType()
export class ChildSubmissionsArgs extends PageArgs {
  @Field(() => SubmissionStatus, { nullable: true })
  status?: SubmissionStatus | null;
}

@InputType()
class CreateSubmissionInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => ID)
  organizationId: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  summary: string;
}

@Resolver(() => Submission)
export class SubmissionResolver {
  constructor(private readonly service: SubmissionService) {}

  @Query(() => Submission, { nullable: true })
  submission(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Submission | null> {
    return this.service.load(ctx, id);
  }

  @Query(() => SubmissionConnection)
  submissions(@Args(() => SubmissionsArgs) args: SubmissionsArgs, @Ctx() ctx: RequestContext) {
    return new SubmissionConnection(this.service.list(ctx.identity, args, args));
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: 'The submitting unit.' })
  organization(@Root() submission: Submission): OrganizationRef {
    return { id: submission.organizationId };
  }

  @FieldResolver(() => ContestRef, { nullable: true })
  contest(@Root() submission: Submission): ContestRef {
    return { id: submission.contestId };
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, { description: "Starts a draft submission for the caller's own unit." })
  createSubmission(@Arg('input', () => CreateSubmissionInput) input: CreateSubmissionInput, @Ctx() ctx: RequestContext): Promise<Submission> {
    return this.service.create(ctx.identity, input);
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationSubmissionsResolver {
  constructor(private readonly service: SubmissionService) {}

  @FieldResolver(() => SubmissionConnection, { nullable: true, description: 'Achievements this unit submitted.' })
  submissions(@Root() organization: OrganizationRef, @Args(() => ChildSubmissionsArgs) args: ChildSubmissionsArgs, @Ctx() ctx: RequestContext) {
    return new SubmissionConnection(this.service.listFor(ctx, 'organization', organization.id, args, args));
  }
}

@Resolver(() => ContestRef)
export class ContestSubmissionsResolver {
  constructor(private readonly service: SubmissionService) {}

  @FieldResolver(() => SubmissionConnection, { nullable: true, description: 'Achievements entered in this contest.' })
  submissions(@Root() contest: ContestRef, @Args(() => ChildSubmissionsArgs) args: ChildSubmissionsArgs, @Ctx() ctx: RequestContext) {
    return new SubmissionConnection(this.service.listFor(ctx, 'contest', contest.id, args, args));
  }
}
