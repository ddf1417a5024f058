import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Team } from './team.entity';

export const TeamConnection = Connection(Team);

@ArgsType()
export class TeamsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the teams of this organization.' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' })
  nameContains?: string | null;
}

@InputType({ description: 'A new team. Problems are refused together as BAD_USER_INPUT, each naming its field.' })
export class CreateTeamInput {
  @Field(() => ID, { description: 'The organization the team belongs to; an unknown one is NOT_FOUND.' })
  organizationId: string;

  @Field(() => String, { description: 'Its name, 1 to 120 characters, unique in the organization (else ALREADY_EXISTS).' })
  name: string;

  @Field(() => [ID], { nullable: true, description: 'People of the organization or of units below it, in order.' })
  memberIds?: string[] | null;
}

@InputType({ description: 'Fields to change; memberIds, when given, replaces the whole list.' })
export class UpdateTeamInput {
  @Field(() => String, { nullable: true, description: 'A new name, unique in the organization.' })
  name?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The whole new member list, in order; an unknown person is NOT_FOUND.' })
  memberIds?: string[] | null;
}
