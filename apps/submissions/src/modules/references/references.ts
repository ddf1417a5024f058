import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Organization as this subgraph knows it: its key only. The organizations subgraph owns the rest. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id: string;
}

/** Contest as this subgraph knows it: its key only. */
@ObjectType('Contest')
@Directive('@key(fields: "id")')
export class ContestRef {
  @Field(() => ID)
  id: string;
}
