import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ExpertTitle } from '@meritgraph/domain';
import { Connection, PageArgs } from '@meritgraph/subgraph-kit';
import { Expert } from './expert.entity';

export const ExpertConnection = Connection(Expert);

@ArgsType()
export class ExpertsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'A track code the expert judges, e.g. AI.' })
  track?: string | null;

  @Field(() => ExpertTitle, { nullable: true, description: 'Only experts with this title.' })
  title?: ExpertTitle | null;

  @Field(() => ID, { nullable: true, description: 'Only experts affiliated with this organization.' })
  affiliationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or inactive (false) experts; both when absent.' })
  active?: boolean | null;
}

@InputType({ description: 'A person joining the expert pool.' })
export class CreateExpertInput {
  @Field(() => ID, { description: 'The person (organizations subgraph); one profile per person.' })
  personId: string;

  @Field(() => ID, { nullable: true, description: "Defaults to the person's organization." })
  affiliationId?: string | null;

  @Field(() => ExpertTitle, { description: 'Professional title.' })
  title: ExpertTitle;

  @Field(() => [String], { description: 'Track codes, primary first.' })
  expertise: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether automatic assignment may draw on the expert; true when absent.' })
  active?: boolean | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateExpertInput {
  @Field(() => ID, { nullable: true, description: 'The organization the expert works for; conflicts of interest are judged from it.' })
  affiliationId?: string | null;

  @Field(() => ExpertTitle, { nullable: true, description: 'Professional title.' })
  title?: ExpertTitle | null;

  @Field(() => [String], { nullable: true, description: 'Track codes the expert judges, e.g. ["AI", "BIOMED"]; replaces the list.' })
  expertise?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether automatic assignment may draw on the expert.' })
  active?: boolean | null;
}
