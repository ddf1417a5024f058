import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Team } from './team.entity';

export const TeamConnection = Connection(Team);

@ArgsType()
export class TeamsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  nameContains?: string | null;
}

@InputType()
export class CreateTeamInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => String)
  name: string;

  @Field(() => [ID], { nullable: true, description: 'People of the organization or of units below it, in order.' })
  memberIds?: string[] | null;
}

@InputType({ description: 'Fields to change; memberIds, when given, replaces the whole list.' })
export class UpdateTeamInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ID], { nullable: true })
  memberIds?: string[] | null;
}
