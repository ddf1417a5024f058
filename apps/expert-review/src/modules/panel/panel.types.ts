import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A panel: a chair and members who judge every entry of some tracks together, as in a final round.' })
export class CreatePanelInput {
  @Field(() => ID, { description: 'The round, while it is DRAFT.' })
  roundId: string;

  @Field(() => String, { description: 'The panel’s name, unique in the round; 2 to 120 characters.' })
  name: string;

  @Field(() => [ID], { description: 'Tracks of the contest; no other panel of the round may cover them.' })
  trackIds: string[];

  @Field(() => ID, { description: 'An expert; always a member.' })
  chairId: string;

  @Field(() => [ID], { description: 'Experts besides the chair; each sits on one panel of the round.' })
  memberIds: string[];
}

@InputType({ description: 'Fields to change while the round is a DRAFT; absent fields stay as they are.' })
export class UpdatePanelInput {
  @Field(() => String, { nullable: true, description: 'The panel’s name, unique in the round; 2 to 120 characters.' })
  name?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The tracks it hears; replaces the list.' })
  trackIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The expert who chairs it.' })
  chairId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Experts besides the chair; replaces the list.' })
  memberIds?: string[] | null;
}
