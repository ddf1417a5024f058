import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { type Identity, NotificationKind } from '@meritgraph/domain';
import { Connection } from '@meritgraph/subgraph-kit';
import { Notification } from './notification.entity';

export const NotificationConnection = Connection(Notification);

/** The signed-in caller: its inboxes and its email preferences. */
@ObjectType({ description: 'The signed-in caller: the notifications of the inboxes it holds, and its email preferences.' })
export class Me {
  constructor(readonly identity: Identity) {}
}

@ObjectType({ description: 'What markNotificationsRead changed.' })
export class NotificationsMarked {
  @Field(() => Int, { description: 'How many of the caller’s notifications it marked read.' })
  marked: number;

  @Field(() => Int, { description: 'How many of the caller’s notifications are unread now.' })
  unreadCount: number;
}

@ObjectType('EmailPreference', {
  description: 'Whether the caller receives one kind of notification by email; the inbox always receives it.',
})
export class EmailPreferenceView {
  @Field(() => NotificationKind, { description: 'The kind.' })
  kind: NotificationKind;

  @Field({ description: 'Whether it is sent by email (true unless turned off).' })
  enabled: boolean;
}

@InputType({ description: 'One notification for one inbox, as the notifier delivers it.' })
@Directive('@inaccessible')
export class NotificationInput {
  @Field({ description: 'What made it (a change’s `<entity>:<id>:<version>` or a reminder’s key); at most 200 characters.' })
  eventKey: string;

  @Field({ description: 'The inbox: office, org:<id>, expert:<id> or person:<id>.' })
  recipientKey: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: 'At most 200 characters.' })
  title: string;

  @Field({ description: 'At most 2000 characters.' })
  body: string;

  @Field(() => String, { nullable: true, description: 'A console path starting with /; at most 300 characters.' })
  link?: string | null;
}

@ObjectType({ description: 'What a delivery wrote.' })
@Directive('@inaccessible')
export class DeliveryReceipt {
  @Field(() => Int, { description: 'Notifications written.' })
  delivered: number;

  @Field(() => Int, { description: 'Notifications already in their inbox, left as they were.' })
  ignored: number;
}

@ObjectType({ description: 'Where a person’s email goes and which kinds it turned off; to the graph’s own services only.' })
@Directive('@inaccessible')
export class NotificationRecipient {
  @Field(() => ID)
  personId: string;

  @Field(() => String, { nullable: true, description: 'The person’s email address; null when none is registered.' })
  email: string | null;

  @Field(() => [NotificationKind], { description: 'The kinds the person does not want by email.' })
  emailOptOuts: NotificationKind[];
}
