import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateTrackInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => String, { description: 'Upper-case code, unique in the contest, e.g. BIG_SCIENCE.' })
  code: string;

  @Field(() => String)
  name: string;
}

@InputType()
export class UpdateTrackInput {
  @Field(() => String, { nullable: true, description: 'Changes only while the contest is a draft.' })
  code?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;
}
