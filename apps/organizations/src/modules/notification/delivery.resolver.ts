import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import type { NotificationService } from './notification.service';
import { DeliveryReceipt, NotificationInput, NotificationRecipient } from './notification.types';

/** What the notifier uses: not part of the public graph (the gateway does not route it). */
@Resolver(() => NotificationRecipient)
export class DeliveryResolver {
  constructor(private readonly service: NotificationService) {}

  @Mutation(() => DeliveryReceipt, {
    description:
      'Writes notifications into their inboxes (1 to 500), each (eventKey, recipientKey) once: a repeat is ignored. The graph’s own services only, FORBIDDEN to anyone else.',
  })
  @Directive('@inaccessible')
  deliverNotifications(
    @Ctx() ctx: RequestContext,
    @Arg('inputs', () => [NotificationInput], { description: 'The notifications, one per inbox.' }) inputs: NotificationInput[],
  ): Promise<DeliveryReceipt> {
    return this.service.deliver(ctx.identity, inputs);
  }

  @Query(() => [NotificationRecipient], {
    description:
      'The email address and email opt-outs of each person (0 to 500 ids; unknown ids are left out). The graph’s own services only, FORBIDDEN to anyone else.',
  })
  @Directive('@inaccessible')
  notificationRecipients(
    @Ctx() ctx: RequestContext,
    @Arg('personIds', () => [ID], { description: 'The people.' }) personIds: string[],
  ): Promise<NotificationRecipient[]> {
    return this.service.recipients(ctx.identity, personIds);
  }
}
