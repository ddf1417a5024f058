import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PriorHonorLevel } from '@meritgraph/domain';
import { withRange } from '@meritgraph/subgraph-kit';

@InputType({ description: 'An honor an achievement already holds.' })
export class PriorHonorInput {
  @Field(() => ID, { description: 'The achievement (a submission of the caller’s own unit, unless the caller is the office).' })
  submissionId: string;

  @Field(() => PriorHonorLevel, { description: 'The honor’s level.' })
  level: PriorHonorLevel;

  @Field(() => String, { description: 'The honor’s name; 2 to 200 characters.' })
  name: string;

  @Field(() => String, { description: 'Who granted it; 2 to 200 characters.' })
  issuer: string;

  @Field(() => Int, { description: withRange('The year it was awarded.', 1949, 2100) })
  year: number;

  @Field(() => String, { nullable: true, description: 'Where the office can check it, e.g. a certificate number; at most 500 characters.' })
  evidence?: string | null;
}

@ObjectType({ description: 'How many honored achievements hold a verified prior honor at this level (their highest).' })
export class LevelCount {
  @Field(() => PriorHonorLevel, { description: 'The highest verified prior honor level.' })
  level: PriorHonorLevel;

  @Field(() => Int, { description: 'Honors of the type whose achievement’s highest verified prior honor is of this level.' })
  count: number;
}
