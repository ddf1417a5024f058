import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { OrganizationRef, PersonRef } from '../references/references';
import { Expert } from './expert.entity';
import type { ExpertService } from './expert.service';
import { CreateExpertInput, ExpertConnection, ExpertsArgs, UpdateExpertInput } from './expert.types';

@Resolver(() => Expert)
export class ExpertResolver {
  constructor(
    private readonly service: ExpertService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => ExpertConnection, {
    nullable: true,
    description:
      'The expert pool, in id order, for the office and analysts; null with FORBIDDEN for anyone else, BAD_USER_INPUT for a bad filter or cursor.',
  })
  experts(@Args(() => ExpertsArgs) args: ExpertsArgs, @Ctx() ctx: RequestContext) {
    return new ExpertConnection(this.service.list(ctx, args, args));
  }

  @Query(() => Expert, {
    nullable: true,
    description: 'One expert: the office and analysts read any, an expert its own profile; null when there is none, FORBIDDEN otherwise.',
  })
  expert(@Arg('id', () => ID, { description: 'The expert’s id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Expert | null> {
    return this.service.load(ctx, id);
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: 'The person who is the expert.' })
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
  createExpert(
    @Arg('input', () => CreateExpertInput, { description: 'The person and their profile.' }) input: CreateExpertInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Expert> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Expert], {
    description:
      'Adds many people to the expert pool at once (the office), in the order given, each held to createExpert’s rules. All or nothing: BAD_USER_INPUT on `inputs` for an empty list or more than 500; BATCH_REFUSED with `details.errors` (index, personId, code, message) when any is refused; a list of one gives its own error. FORBIDDEN for anyone else.',
  })
  createExperts(
    @Arg('inputs', () => [CreateExpertInput], { description: '1 to 500 people and their profiles; one profile per person.' })
    inputs: CreateExpertInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Expert[]> {
    return this.service.createMany(ctx.identity, inputs);
  }

  @Authorized('ADMIN')
  @Mutation(() => Expert, {
    description: 'Changes an expert’s profile (the office); only the fields given. FORBIDDEN for anyone else, NOT_FOUND for an unknown id.',
  })
  updateExpert(
    @Arg('id', () => ID, { description: 'The expert to change.' }) id: string,
    @Arg('input', () => UpdateExpertInput, { description: 'The fields to change; absent fields stay as they are.' })
    input: UpdateExpertInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Expert> {
    return this.service.update(ctx.identity, id, input);
  }
}
