import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Submission as this subgraph knows it: its key. */
@ObjectType('Submission')
@Directive('@key(fields: "id")')
export class SubmissionRef {
  @Field(() => ID)
  id: string;
}

/** Organization as this subgraph knows it: its key. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id: string;
}

/** Contest as this subgraph knows it: its key. */
@ObjectType('Contest')
@Directive('@key(fields: "id")')
export class ContestRef {
  @Field(() => ID)
  id: string;
}
