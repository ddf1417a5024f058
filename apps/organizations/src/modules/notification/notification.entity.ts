import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { NotificationKind } from '@meritgraph/domain';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about: a change of the contest, or a reminder of a closing window.',
  valuesConfig: {
    ASSIGNMENT_MADE: { description: 'An expert was assigned an entry (to the expert).' },
    ASSIGNMENT_DECLINED: { description: 'An expert declined an assignment or declared a conflict (to the expert and the office).' },
    ROUND_OPENED: { description: 'A review round opened (to the experts assigned in it).' },
    ROUND_CLOSING: { description: 'A round closes within 24 hours and the expert has unscored entries (to the expert).' },
    SUBMISSION_RETURNED: { description: 'A submission was returned for changes (to its unit and leader).' },
    SUBMISSION_ACCEPTED: { description: 'A submission was accepted into review (to its unit and leader).' },
    SUBMISSION_REJECTED: { description: 'A submission was rejected (to its unit and leader).' },
    RESULTS_PUBLISHED: { description: 'A review round’s results were published (to the units with entries in it).' },
    NOMINATION_PROPOSED: { description: 'A nomination was proposed for an honor (to the nominating union and the recipient’s unit).' },
    NOMINATION_ANNOUNCED: { description: 'A proposed honor was announced (公示; to the nominating union and the recipient’s unit).' },
    OBJECTION_FILED: { description: 'An objection to an announced honor was filed or recorded (to the office).' },
    ANNOUNCEMENT_CLOSING: { description: 'An announcement window ends within one working day (to the office).' },
  },
});

/**
 * One notification in one inbox: the office's, a unit's (org:), an expert's (expert:) or a
 * person's (person:). The notifier delivers them; an (event, inbox) pair is kept once.
 */
@Entity()
@Index(['eventKey', 'recipientKey'], { unique: true })
@Index(['recipientKey', 'createdAt', 'id'])
@ObjectType({ description: 'A notification in one of the caller’s inboxes.' })
export class Notification {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the notification.' })
  id: string;

  /** What made it: `<entity>:<id>:<version>` of a change, or a reminder's key. */
  @Column('varchar', { length: 200 })
  eventKey: string;

  /** The inbox: office, org:<id>, expert:<id> or person:<id>. */
  @Column('varchar', { length: 50 })
  recipientKey: string;

  @Column('varchar', { length: 30 })
  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind: NotificationKind;

  @Column('varchar', { length: 200 })
  @Field(() => String, { description: 'One line, in Chinese.' })
  title: string;

  @Column('text')
  @Field(() => String, { description: 'What happened and what to do, in Chinese.' })
  body: string;

  @Column('varchar', { length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where in the console it leads, a path such as /unit/submissions/<id>.' })
  link: string | null;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was delivered (UTC).' })
  createdAt: Date;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was marked read; null while unread.' })
  readAt: Date | null;
}

/** A person's choice to receive a kind by email or not; a kind without a row is sent. The inbox always receives. */
@Entity()
export class EmailPreference {
  @PrimaryColumn('varchar', { length: 36 })
  personId: string;

  @PrimaryColumn('varchar', { length: 30 })
  kind: NotificationKind;

  @Column('boolean')
  enabled: boolean;

  @Column('datetime')
  updatedAt: Date;
}
