import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Participation } from './participation.entity';

export const ParticipationConnection = Connection(Participation);

@ArgsType()
export class ParticipationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  contestId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the enrolments of this unit.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the units this union mobilized.' })
  mobilizedById?: string | null;
}

@InputType()
export class EnrolUnitInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => ID, { description: 'The participating unit.' })
  organizationId: string;

  @Field(() => ID, { description: 'The union that mobilized it; the unit must be inside it.' })
  mobilizedById: string;
}

@InputType()
export class UpdateParticipationInput {
  @Field(() => ID, { nullable: true })
  mobilizedById?: string | null;
}
