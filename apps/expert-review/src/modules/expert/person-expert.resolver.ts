import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { PersonRef } from '../references/references';
import { Expert } from './expert.entity';
import type { ExpertService } from './expert.service';

@Resolver(() => PersonRef)
export class PersonExpertResolver {
  constructor(private readonly service: ExpertService) {}

  @FieldResolver(() => Expert, {
    nullable: true,
    description: "The person's profile in the expert pool (office, analysts and the expert).",
  })
  expertProfile(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<Expert | null> {
    return this.service.ofPerson(ctx, person.id);
  }
}
