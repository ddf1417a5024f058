import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Person } from './person.entity';

export const PersonConnection = Connection(Person);

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the people of this organization.' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Substring of the name.' })
  nameContains?: string | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdatePersonInput {
  @Field(() => String, { nullable: true, description: 'A new full name, 1 to 60 characters.' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Another organization, which the caller must also manage (else FORBIDDEN).' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'A new position, at most 80 characters; null clears it.' })
  position?: string | null;

  @Field(() => String, { nullable: true, description: 'A new phone number (the person may change their own); null clears it.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'A new email address (the person may change their own); null clears it.' })
  email?: string | null;
}

@InputType({ description: 'A new person. Problems are refused together as BAD_USER_INPUT, each naming its field.' })
export class CreatePersonInput {
  @Field(() => String, { description: 'Full name, 1 to 60 characters.' })
  name: string;

  @Field(() => ID, { description: 'The organization the person belongs to; an unknown one is NOT_FOUND.' })
  organizationId: string;

  @Field(() => String, { nullable: true, description: 'Position or title, at most 80 characters.' })
  position?: string | null;

  @Field(() => String, { nullable: true, description: 'A mainland mobile or landline number; contact data, never logged.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'An email address, at most 120 characters; contact data, never logged.' })
  email?: string | null;
}
