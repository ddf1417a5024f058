import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new track; tracks are added only while the contest is a draft (else CONTEST_LOCKED).' })
export class CreateTrackInput {
  @Field(() => ID, { description: 'The contest; an unknown one is NOT_FOUND.' })
  contestId: string;

  @Field(() => String, { description: 'Upper-case code, unique in the contest (else ALREADY_EXISTS), e.g. BIG_SCIENCE.' })
  code: string;

  @Field(() => String, { description: 'Its name, 1 to 80 characters.' })
  name: string;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateTrackInput {
  @Field(() => String, { nullable: true, description: 'A new code; it changes only while the contest is a draft (else CONTEST_LOCKED).' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'A new name, 1 to 80 characters.' })
  name?: string | null;
}
