import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Person } from './person.entity';

export const PersonConnection = Connection(Person);

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Substring of the name.' })
  nameContains?: string | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdatePersonInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  position?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType()
export class CreatePersonInput {
  @Field(() => String)
  name: string;

  @Field(() => ID)
  organizationId: string;

  @Field(() => String, { nullable: true })
  position?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}
