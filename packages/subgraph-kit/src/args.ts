import { ArgsType, Field, Int } from 'type-graphql';

/** `first` (1..100, default 20) and `after`, shared by every connection field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20); outside that, BAD_USER_INPUT on first.' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The endCursor of the previous page of this same list, asked with the same other arguments; a cursor of another list, filter or order is BAD_USER_INPUT.',
  })
  after?: string | null;
}
