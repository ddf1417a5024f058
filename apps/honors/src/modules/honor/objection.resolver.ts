import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { hasRole } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Objection } from './honor.entity';

@Resolver(() => Objection)
export class ObjectionResolver {
  @FieldResolver(() => String, { nullable: true, description: "The objector's contact (the office only)." })
  contact(@Root() objection: Objection, @Ctx() ctx: RequestContext): string | null {
    return hasRole(ctx.identity, 'ADMIN') ? objection.contact : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who objected by letter, phone or email (the office only).' })
  objectorName(@Root() objection: Objection, @Ctx() ctx: RequestContext): string | null {
    return hasRole(ctx.identity, 'ADMIN') ? objection.objectorName : null;
  }
}
