import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { MAX_BATCH } from '../bulk';
import { Organization } from '../organization/organization.entity';
import { OrganizationService } from '../organization/organization.service';
import { Person } from './person.entity';
import { PersonService } from './person.service';
import { CreatePersonInput, PeopleArgs, PersonConnection, UpdatePersonInput } from './person.types';

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly service: PersonService,
    private readonly organizations: OrganizationService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Authorized()
  @Query(() => Person, { nullable: true, description: 'A person by id; null if there is none. Signed-in callers (else UNAUTHENTICATED).' })
  person(@Arg('id', () => ID, { description: 'The person’s id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Person | null> {
    return this.service.loadVisible(ctx, id);
  }

  @Authorized()
  @Query(() => PersonConnection, { nullable: true, description: 'People in name order. Signed-in callers (else UNAUTHENTICATED).' })
  people(@Args(() => PeopleArgs) args: PeopleArgs) {
    return new PersonConnection(this.service.list(args, args));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization the person belongs to.' })
  organization(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return this.organizations.load(ctx, person.organizationId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal contact data: only the contest office and the person see it.' })
  phone(@Root() person: Person, @Ctx() ctx: RequestContext): string | null {
    return this.service.contact(ctx.identity, person, 'phone');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal contact data: only the contest office and the person see it.' })
  email(@Root() person: Person, @Ctx() ctx: RequestContext): string | null {
    return this.service.contact(ctx.identity, person, 'email');
  }

  @Authorized('ADMIN', 'ORGANIZER', 'SUBMITTER')
  @Mutation(() => Person, {
    description:
      "Registers a person: the office anywhere; an organizer within its union; a unit's submitter for its own unit (else FORBIDDEN).",
  })
  createPerson(
    @Arg('input', () => CreatePersonInput, { description: 'The new person.' }) input: CreatePersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Person> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN', 'ORGANIZER', 'SUBMITTER')
  @Mutation(() => [Person], {
    description:
      'Several people registered at once (an office importing its contacts), each by the same rules as createPerson. All or nothing: BATCH_REFUSED lists every refusal.',
  })
  createPeople(
    @Arg('inputs', () => [CreatePersonInput], {
      description: `The new people, 1 to ${MAX_BATCH}, returned in this order; all are created or none.`,
    })
    inputs: CreatePersonInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Person[]> {
    return this.service.createMany(ctx.identity, inputs);
  }

  @Authorized()
  @Mutation(() => Person, { description: 'Edits a person, as createPerson allows; a person may also change their own phone and email.' })
  updatePerson(
    @Arg('id', () => ID, { description: 'The person to edit.' }) id: string,
    @Arg('input', () => UpdatePersonInput, { description: 'The fields to change.' }) input: UpdatePersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Person> {
    return this.service.update(ctx.identity, id, input);
  }

  @FieldResolver(() => AuditEntryConnection, {
    nullable: true,
    description: 'Changes to this person (office and analysts); contact data is never logged.',
  })
  auditTrail(@Root() person: Person, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, person.id, args));
  }
}
