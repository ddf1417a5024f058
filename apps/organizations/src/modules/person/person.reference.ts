import { assertAllowed, isAuthenticated } from '@meritgraph/domain';
import type { ReferenceResolvers, RequestContext } from '@meritgraph/subgraph-kit';
import type { PersonService } from './person.service';

export const personReference = (people: PersonService): ReferenceResolvers => ({
  Person: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => {
      assertAllowed(isAuthenticated(ctx.identity));
      return people.load(ctx, ref.id);
    },
  },
});
