import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MilestoneKind } from '@meritgraph/domain';

@InputType({ description: 'A new event on a contest’s timeline.' })
export class CreateMilestoneInput {
  @Field(() => ID, { description: 'The contest; an unknown one is NOT_FOUND.' })
  contestId: string;

  @Field(() => LocalDateResolver, { description: "In the contest's year, or within its period." })
  date: string;

  @Field(() => MilestoneKind, { description: 'What sort of event it is.' })
  kind: MilestoneKind;

  @Field(() => String, { description: 'Its title, 1 to 200 characters.' })
  title: string;

  @Field(() => ID, { nullable: true, description: 'The hosting organization (承办); an unknown one is NOT_FOUND.' })
  hostOrganizationId?: string | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateMilestoneInput {
  @Field(() => LocalDateResolver, { nullable: true, description: "A new day, in the contest's year or within its period." })
  date?: string | null;

  @Field(() => MilestoneKind, { nullable: true, description: 'A new kind.' })
  kind?: MilestoneKind | null;

  @Field(() => String, { nullable: true, description: 'A new title, 1 to 200 characters.' })
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'A new host; null clears it.' })
  hostOrganizationId?: string | null;
}
