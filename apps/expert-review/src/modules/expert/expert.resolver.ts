import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { ExpertTitle } from '@meritgraph/domain';
import { type AuditEntry, AuditEntryConnection, Connection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { OrganizationRef, PersonRef } from '../references/references';
import { Expert } from './expert.entity';
import type { ExpertService } from './expert.service';

export const ExpertConnection = Connection(Expert);

@ArgsType()
class ExpertsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'A track code the expert judges, e.g. AI.' })
  track?: string | null;

  @Field(() => ExpertTitle, { nullable: true })
  title?: ExpertTitle | null;

  @Field(() => ID, { nullable: true })
  affiliationId?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType()
class CreateExpertInput {
  @Field(() => ID)
  personId: string;

  @Field(() => ID, { nullable: true, description: "Defaults to the person's organization." })
  affiliationId?: string | null;

  @Field(() => ExpertTitle)
  title: ExpertTitle;

  @Field(() => [String], { description: 'Track codes, primary first.' })
  expertise: string[];

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
class UpdateExpertInput {
  @Field(() => ID, { nullable: true })
  affiliationId?: string | null;

  @Field(() => ExpertTitle, { nullable: true })
  title?: ExpertTitle | null;

  @Field(() => [String], { nullable: true })
  expertise?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@Resolver(() => Expert)
export class ExpertResolver {
  constructor(
    private readonly service: ExpertService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => ExpertConnection, { description: 'The expert pool (office and analysts), by id.' })
  experts(@Args(() => ExpertsArgs) args: ExpertsArgs, @Ctx() ctx: RequestContext) {
    return new ExpertConnection(this.service.list(ctx, args, args));
  }

  @Query(() => Expert, { nullable: true })
  expert(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Expert | null> {
    return this.service.load(ctx, id);
  }

  @FieldResolver(() => PersonRef, { nullable: true })
  person(@Root() expert: Expert): PersonRef {
    return { id: expert.personId };
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'Where the expert works; conflicts of interest are judged from it.',
  })
  affiliation(@Root() expert: Expert): OrganizationRef {
    return { id: expert.affiliationId };
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this profile (office and analysts).' })
  auditTrail(@Root() expert: Expert, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, expert.id, args));
  }

  @Authorized('ADMIN')
  @Mutation(() => Expert, { description: 'Adds a person to the expert pool.' })
  createExpert(@Arg('input', () => CreateExpertInput) input: CreateExpertInput, @Ctx() ctx: RequestContext): Promise<Expert> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Expert)
  updateExpert(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateExpertInput) input: UpdateExpertInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Expert> {
    return this.service.update(ctx.identity, id, input);
  }
}

@Resolver(() => PersonRef)
export class PersonExpertResolver {
  constructor(private readonly service: ExpertService) {}

  @FieldResolver(() => Expert, {
    nullable: true,
    description: "The person's profile in the expert pool (office, analysts and the expert).",
  })
  expertProfile(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<Expert | null> {
    return this.service.ofPerson(ctx, person.id);
  }
}
