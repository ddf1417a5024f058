import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { OrganizationKind } from '@meritgraph/domain';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Organization } from './organization.entity';

export const OrganizationConnection = Connection(Organization);

@ArgsType()
export class OrganizationsArgs extends PageArgs {
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
export class CreateOrganizationInput {
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
export class UpdateOrganizationInput {
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
