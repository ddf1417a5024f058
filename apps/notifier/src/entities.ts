import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The last state the notifier saw of a record of a feed (rounds, entries, experts,
 * assignments, scorecards, submissions, honors): what a change is judged against ("was it
 * open before?") and who a round's experts and units are. Written with the feed's cursor.
 */
@Entity('known_record')
@Index(['feed', 'entityType', 'groupId'])
export class KnownRecord {
  @PrimaryColumn('varchar', { length: 40 }) feed: string;
  @PrimaryColumn('varchar', { length: 40 }) entityType: string;
  @PrimaryColumn('varchar', { length: 36 }) entityId: string;
  /** The round of an entry, assignment or scorecard; null for other types. */
  @Column('varchar', { length: 36, nullable: true }) groupId: string | null;
  @Column('int') version: number;
  /** JSON of the state the feed gave (no contact data: feeds carry none). */
  @Column('text') state: string;
}

export const MailState = { PENDING: 'PENDING', SENT: 'SENT' } as const;
export type MailState = keyof typeof MailState;

/** One email of one notification to one person: sent once. PENDING is written before the SMTP exchange, SENT after. */
@Entity('mail_log')
export class MailLog {
  @PrimaryColumn('varchar', { length: 200 }) eventKey: string;
  @PrimaryColumn('varchar', { length: 36 }) personId: string;
  @Column('varchar', { length: 30 }) kind: string;
  @Column('varchar', { length: 10 }) state: MailState;
  /** The Message-ID sent, the same on every attempt. */
  @Column('varchar', { length: 200 }) messageId: string;
  @Column('int') attempts: number;
  @Column('datetime') updatedAt: Date;
}

/** A reminder (round closing, announcement closing) delivered: it is computed again at every pass, and sent once. */
@Entity('reminder_sent')
export class ReminderSent {
  @PrimaryColumn('varchar', { length: 200 }) eventKey: string;
  @Column('datetime') deliveredAt: Date;
}
