import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreatePanelInput {
  @Field(() => ID)
  roundId: string;

  @Field(() => String)
  name: string;

  @Field(() => [ID], { description: 'Tracks of the contest; no other panel of the round may cover them.' })
  trackIds: string[];

  @Field(() => ID, { description: 'An expert; always a member.' })
  chairId: string;

  @Field(() => [ID])
  memberIds: string[];
}

@InputType({ description: 'Fields to change while the round is a DRAFT; absent fields stay as they are.' })
export class UpdatePanelInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ID], { nullable: true })
  trackIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  chairId?: string | null;

  @Field(() => [ID], { nullable: true })
  memberIds?: string[] | null;
}
