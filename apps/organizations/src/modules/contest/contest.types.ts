import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Connection, withRange } from '@meritgraph/subgraph-kit';
import { Contest } from './contest.entity';

export const ContestConnection = Connection(Contest);

const YEAR = withRange('The contest year.', 1949, 2100);

// Fields both inputs share; the base itself is never an argument, so it is not in the schema.
@InputType()
class ContestCalendarFields {
  @Field(() => String, { nullable: true })
  theme?: string | null;

  @Field(() => ID, { nullable: true })
  organizerId?: string | null;

  @Field(() => [ID], { nullable: true })
  coOrganizerIds?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true })
  startsOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  endsOn?: string | null;

  @Field(() => Date, { nullable: true })
  submissionOpensAt?: Date | null;

  @Field(() => Date, { nullable: true })
  submissionClosesAt?: Date | null;
}

@InputType()
export class CreateContestInput extends ContestCalendarFields {
  @Field(() => String, { description: 'Short unique code: lower-case letters, digits and dashes.' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { description: YEAR })
  year: number;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateContestInput extends ContestCalendarFields {
  @Field(() => String, { nullable: true, description: 'Changes only while the contest is a draft.' })
  code?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: YEAR })
  year?: number | null;
}
