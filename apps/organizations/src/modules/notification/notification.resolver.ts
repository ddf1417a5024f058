import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { NotificationKind } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Notification } from './notification.entity';
import type { NotificationService } from './notification.service';
import { EmailPreferenceView, NotificationsMarked } from './notification.types';

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Mutation(() => NotificationsMarked, {
    description:
      'Marks the caller’s unread notifications read: those of `ids` (1 to 500; ids of others’ inboxes change nothing), or all of them when `ids` is absent: how many changed, and how many stay unread. Anonymous: FORBIDDEN.',
  })
  markNotificationsRead(
    @Ctx() ctx: RequestContext,
    @Arg('ids', () => [ID], { nullable: true, description: 'The notifications to mark; every unread one of the caller’s when absent.' })
    ids?: string[] | null,
  ): Promise<NotificationsMarked> {
    return this.service.markRead(ctx.identity, ids);
  }

  @Mutation(() => EmailPreferenceView, {
    description:
      'Turns one kind of email on or off for the caller (its person, sub); the inbox receives every kind regardless. Anonymous: FORBIDDEN.',
  })
  setEmailPreference(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => NotificationKind, { description: 'The kind.' }) kind: NotificationKind,
    @Arg('enabled', () => Boolean, { description: 'Whether to receive it by email.' }) enabled: boolean,
  ): Promise<EmailPreferenceView> {
    return this.service.setPreference(ctx.identity, kind, enabled);
  }
}
