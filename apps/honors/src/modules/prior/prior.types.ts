import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PriorHonorLevel } from '@meritgraph/domain';
import { withRange } from '@meritgraph/subgraph-kit';

@InputType()
export class PriorHonorInput {
  @Field(() => ID)
  submissionId: string;

  @Field(() => PriorHonorLevel)
  level: PriorHonorLevel;

  @Field(() => String)
  name: string;

  @Field(() => String)
  issuer: string;

  @Field(() => Int, { description: withRange('The year it was awarded.', 1949, 2100) })
  year: number;

  @Field(() => String, { nullable: true })
  evidence?: string | null;
}

@ObjectType({ description: 'How many honored achievements hold a verified prior honor at this level (their highest).' })
export class LevelCount {
  @Field(() => PriorHonorLevel)
  level: PriorHonorLevel;

  @Field(() => Int)
  count: number;
}
