import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type RequestContext } from '@meritgraph/subgraph-kit';
import { isAuthenticated } from '@meritgraph/domain';
import type { NotificationService } from './notification.service';
import { EmailPreferenceView, Me, NotificationConnection } from './notification.types';

@ArgsType()
class NotificationArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only the unread ones when true.' })
  unread?: boolean | null;
}

@Resolver(() => Me)
export class MeResolver {
  constructor(private readonly service: NotificationService) {}

  @Query(() => Me, {
    nullable: true,
    description:
      'The signed-in caller: the notifications of every inbox it holds (the office’s for ADMIN, its unit’s for SUBMITTER and ORGANIZER, its expert’s for EXPERT, its own person’s) and its email preferences. Null for anonymous callers.',
  })
  me(@Ctx() ctx: RequestContext): Me | null {
    return isAuthenticated(ctx.identity) && !ctx.identity.service ? new Me(ctx.identity) : null;
  }

  @FieldResolver(() => NotificationConnection, {
    description: 'The caller’s notifications, newest first (first: 1 to 100, default 20).',
  })
  notifications(@Root() me: Me, @Args(() => NotificationArgs) args: NotificationArgs) {
    return new NotificationConnection(this.service.list(me.identity, args));
  }

  @FieldResolver(() => Int, { description: 'How many of the caller’s notifications are unread.' })
  unreadCount(@Root() me: Me): Promise<number> {
    return this.service.unreadCount(me.identity);
  }

  @FieldResolver(() => [EmailPreferenceView], {
    description:
      'Every kind, and whether the caller receives it by email (all on unless turned off); empty for a token without a person (sub).',
  })
  emailPreferences(@Root() me: Me): Promise<EmailPreferenceView[]> {
    return this.service.preferences(me.identity);
  }
}
