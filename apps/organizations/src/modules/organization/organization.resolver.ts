import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { OrganizationKind } from '@meritgraph/domain';
import { type AuditEntry, AuditEntryConnection, Connection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { Organization } from './organization.entity';
import { OrganizationService } from './organization.service';

export const OrganizationConnection = Connection(Organization);

@ArgsType()
class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' })
  nameContains?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this organization.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  district?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only units enrolled in this contest.' })
  participatesIn?: string | null;
}

@InputType()
class CreateOrganizationInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => ID, { nullable: true, description: 'Required for an organizer, and inside its own union.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  district?: string | null;

  @Field(() => String, { nullable: true, description: 'Unified social credit code (18 characters, GB 32100-2015).' })
  creditCode?: string | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are, null clears an optional one.' })
class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => ID, { nullable: true, description: 'A new parent; null makes it top-level. A cycle is refused.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  district?: string | null;

  @Field(() => String, { nullable: true })
  creditCode?: string | null;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly service: OrganizationService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Organization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return this.service.load(ctx, id);
  }

  @Query(() => OrganizationConnection, { description: 'Organizations in name order.' })
  organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs) {
    return new OrganizationConnection(this.service.list(args, args));
  }

  @FieldResolver(() => Organization, { nullable: true })
  parent(@Root() organization: Organization, @Ctx() ctx: RequestContext): Promise<Organization | null> | null {
    return organization.parentId ? this.service.load(ctx, organization.parentId) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Direct children, in name order.' })
  children(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new OrganizationConnection(this.service.children(ctx, organization.id, args));
  }

  @FieldResolver(() => [Organization], { description: 'Every organization above this one, nearest first.' })
  ancestors(@Root() organization: Organization, @Ctx() ctx: RequestContext): Promise<Organization[]> {
    return this.service.ancestors(ctx, organization.id);
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Every organization below this one, at any depth, in name order.' })
  descendants(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new OrganizationConnection(this.service.descendants(ctx, organization.id, args));
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this organization (office and analysts).' })
  auditTrail(@Root() organization: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, organization.id, args));
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Organization, { description: 'The office creates anywhere; an organizer below its own union.' })
  createOrganization(
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Organization)
  updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return this.service.update(ctx.identity, id, input);
  }
}
