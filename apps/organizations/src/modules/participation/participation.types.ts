import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Participation } from './participation.entity';

export const ParticipationConnection = Connection(Participation);

@ArgsType()
export class ParticipationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the enrolments in this contest; an unknown one is NOT_FOUND.' })
  contestId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the enrolments of this unit.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the units this union mobilized.' })
  mobilizedById?: string | null;
}

@InputType({ description: 'An enrolment: a unit, the contest, and the union that mobilized it.' })
export class EnrolUnitInput {
  @Field(() => ID, { description: 'The contest; enrolment closes once it is past submissions (CONTEST_LOCKED).' })
  contestId: string;

  @Field(() => ID, { description: 'The participating unit; one already enrolled is ALREADY_EXISTS.' })
  organizationId: string;

  @Field(() => ID, { description: 'The union that mobilized it; the unit must be inside it.' })
  mobilizedById: string;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateParticipationInput {
  @Field(() => ID, { nullable: true, description: 'Another mobilizing union; the unit must be inside it.' })
  mobilizedById?: string | null;
}
