import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ExpertTitle } from '@meritgraph/domain';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Expert } from './expert.entity';

export const ExpertConnection = Connection(Expert);

@ArgsType()
export class ExpertsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'A track code the expert judges, e.g. AI.' })
  track?: string | null;

  @Field(() => ExpertTitle, { nullable: true })
  title?: ExpertTitle | null;

  @Field(() => ID, { nullable: true })
  affiliationId?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType()
export class CreateExpertInput {
  @Field(() => ID)
  personId: string;

  @Field(() => ID, { nullable: true, description: "Defaults to the person's organization." })
  affiliationId?: string | null;

  @Field(() => ExpertTitle)
  title: ExpertTitle;

  @Field(() => [String], { description: 'Track codes, primary first.' })
  expertise: string[];

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateExpertInput {
  @Field(() => ID, { nullable: true })
  affiliationId?: string | null;

  @Field(() => ExpertTitle, { nullable: true })
  title?: ExpertTitle | null;

  @Field(() => [String], { nullable: true })
  expertise?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}
