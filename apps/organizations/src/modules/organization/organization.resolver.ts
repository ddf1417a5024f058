import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrganizationKind } from '@meritgraph/domain';
import { Connection, PageArgs, type RequestContext } from '@meritgraph/subgraph-kit';
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
}

@InputType()
class CreateOrganizationInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  district?: string | null;

  @Field(() => String, { nullable: true })
  creditCode?: string | null;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationService) {}

  @Query(() => Organization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return this.service.load(ctx, id);
  }

  @Query(() => OrganizationConnection)
  organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs) {
    return new OrganizationConnection(this.service.list(args, args));
  }

  @FieldResolver(() => Organization, { nullable: true })
  parent(@Root() organization: Organization, @Ctx() ctx: RequestContext): Promise<Organization | null> | null {
    return organization.parentId ? this.service.load(ctx, organization.parentId) : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => Organization)
  createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput): Promise<Organization> {
    return this.service.create(input);
  }
}
