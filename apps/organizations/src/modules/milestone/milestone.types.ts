import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MilestoneKind } from '@meritgraph/domain';

@InputType()
export class CreateMilestoneInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => LocalDateResolver, { description: "In the contest's year, or within its period." })
  date: string;

  @Field(() => MilestoneKind)
  kind: MilestoneKind;

  @Field(() => String)
  title: string;

  @Field(() => ID, { nullable: true })
  hostOrganizationId?: string | null;
}

@InputType()
export class UpdateMilestoneInput {
  @Field(() => LocalDateResolver, { nullable: true })
  date?: string | null;

  @Field(() => MilestoneKind, { nullable: true })
  kind?: MilestoneKind | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => ID, { nullable: true })
  hostOrganizationId?: string | null;
}
