import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Connection, withRange } from '@meritgraph/subgraph-kit';
import { Contest } from './contest.entity';

export const ContestConnection = Connection(Contest);

const YEAR = withRange('The contest year.', 1949, 2100);

// Fields both inputs share; the base itself is never an argument, so it is not in the schema.
@InputType()
class ContestCalendarFields {
  @Field(() => String, { nullable: true, description: 'The theme, at most 500 characters.' })
  theme?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organizing body (主办); an unknown one is NOT_FOUND on organizerId.' })
  organizerId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Co-organizing agencies (协办), in the order named; an unknown one is NOT_FOUND.' })
  coOrganizerIds?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day of the contest period.' })
  startsOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of the contest period, not before startsOn.' })
  endsOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'When submissions open (UTC).' })
  submissionOpensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When submissions close (UTC), after they open.' })
  submissionClosesAt?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the mobilizing unions endorse or return each entry (推荐); false when absent at creation. It changes only while the contest is a draft (else CONTEST_LOCKED).',
  })
  requiresEndorsement?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the office checks each entry’s form (形式审查); false when absent at creation. It changes only while the contest is a draft (else CONTEST_LOCKED).',
  })
  requiresFormCheck?: boolean | null;
}

@InputType({ description: 'A new contest. Problems are refused together as BAD_USER_INPUT, each naming its field.' })
export class CreateContestInput extends ContestCalendarFields {
  @Field(() => String, { description: 'Short unique code: lower-case letters, digits and dashes; one in use is ALREADY_EXISTS.' })
  code: string;

  @Field(() => String, { description: 'Full name, 1 to 200 characters.' })
  name: string;

  @Field(() => Int, { description: YEAR })
  year: number;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateContestInput extends ContestCalendarFields {
  @Field(() => String, { nullable: true, description: 'A new code; it changes only while the contest is a draft (else CONTEST_LOCKED).' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'A new full name, 1 to 200 characters.' })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: YEAR })
  year?: number | null;
}
