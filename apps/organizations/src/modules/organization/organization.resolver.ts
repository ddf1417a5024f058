import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Directive } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { Organization } from './organization.entity';
import { MAX_BATCH } from '../bulk';
import { OrganizationService } from './organization.service';
import { CreateOrganizationInput, OrganizationConnection, OrganizationsArgs, UpdateOrganizationInput } from './organization.types';

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly service: OrganizationService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Organization, { nullable: true, description: 'An organization by id; null if there is none. Public.' })
  organization(
    @Arg('id', () => ID, { description: 'The organization’s id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization | null> {
    return this.service.load(ctx, id);
  }

  @Query(() => OrganizationConnection, {
    nullable: true,
    description:
      'Organizations in name order, filtered by every argument given. Public. A bad page argument is BAD_USER_INPUT (null here).',
  })
  organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs) {
    return new OrganizationConnection(this.service.list(args, args));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization directly above; null at the top.' })
  parent(@Root() organization: Organization, @Ctx() ctx: RequestContext): Promise<Organization | null> | null {
    return organization.parentId ? this.service.load(ctx, organization.parentId) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Direct children, in name order.' })
  children(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new OrganizationConnection(this.service.children(ctx, organization.id, args));
  }

  // The hierarchy is five levels deep at most (federation → union → park → company → department).
  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [Organization], { description: 'Every organization above this one, nearest first.' })
  ancestors(@Root() organization: Organization, @Ctx() ctx: RequestContext): Promise<Organization[]> {
    return this.service.ancestors(ctx, organization.id);
  }

  // A recursive query over the whole subtree: dearer than a page of direct children.
  @Directive('@cost(weight: 5)')
  @FieldResolver(() => OrganizationConnection, { description: 'Every organization below this one, at any depth, in name order.' })
  descendants(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new OrganizationConnection(this.service.descendants(ctx, organization.id, args));
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this organization (office and analysts).' })
  auditTrail(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, organization.id, args));
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Organization, {
    description:
      'Registers an organization: the office anywhere, an organizer below its own union (else FORBIDDEN; anonymous callers UNAUTHENTICATED).',
  })
  createOrganization(
    @Arg('input', () => CreateOrganizationInput, { description: 'The new organization.' }) input: CreateOrganizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => [Organization], {
    description:
      'Several organizations registered at once (an office importing a spreadsheet), each by the same rules as createOrganization; parents must already exist. All or nothing: BATCH_REFUSED lists every refusal, including a credit code given twice.',
  })
  createOrganizations(
    @Arg('inputs', () => [CreateOrganizationInput], {
      description: `The new organizations, 1 to ${MAX_BATCH}, returned in this order; all are created or none.`,
    })
    inputs: CreateOrganizationInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Organization[]> {
    return this.service.createMany(ctx.identity, inputs);
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Organization, {
    description:
      'Edits an organization, recorded in its audit trail: the office anywhere, an organizer inside its own subtree, never moving a unit out of it (FORBIDDEN). A move that makes a cycle is BAD_USER_INPUT on parentId.',
  })
  updateOrganization(
    @Arg('id', () => ID, { description: 'The organization to edit.' }) id: string,
    @Arg('input', () => UpdateOrganizationInput, { description: 'The fields to change.' }) input: UpdateOrganizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return this.service.update(ctx.identity, id, input);
  }
}
