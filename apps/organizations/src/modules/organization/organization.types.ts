import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { OrganizationKind } from '@meritgraph/domain';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Organization } from './organization.entity';

export const OrganizationConnection = Connection(Organization);

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationKind, { nullable: true, description: 'Only organizations of this kind.' })
  kind?: OrganizationKind | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name; % and _ are plain characters.' })
  nameContains?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this organization.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only organizations in this district, as written there (e.g. 浦东新区).' })
  district?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only units enrolled in this contest.' })
  participatesIn?: string | null;
}

@InputType({ description: 'A new organization. Problems are refused together as BAD_USER_INPUT, each naming its field.' })
export class CreateOrganizationInput {
  @Field(() => String, { description: 'Full name, 1 to 120 characters.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Short form, at most 40 characters.' })
  shortName?: string | null;

  @Field(() => OrganizationKind, { description: 'What sort of body it is.' })
  kind: OrganizationKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organization above it. Required for an organizer, and inside its own union (else FORBIDDEN); an unknown one is NOT_FOUND.',
  })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'The district (区) it sits in, at most 40 characters.' })
  district?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Unified social credit code (18 characters, GB 32100-2015, check character verified); one already registered is ALREADY_EXISTS.',
  })
  creditCode?: string | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are, null clears an optional one.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: 'A new full name, 1 to 120 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new short form, at most 40 characters; null clears it.' })
  shortName?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'A new kind.' })
  kind?: OrganizationKind | null;

  @Field(() => ID, { nullable: true, description: 'A new parent; null makes it top-level. A cycle is refused.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'A new district; null clears it.' })
  district?: string | null;

  @Field(() => String, { nullable: true, description: 'A new credit code (as on creation); null clears it.' })
  creditCode?: string | null;
}
