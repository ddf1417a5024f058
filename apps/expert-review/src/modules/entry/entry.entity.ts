import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ReviewState } from '@meritgraph/domain';

/**
 * A submission taken into a round, with the snapshot the round decided on: what it was,
 * where it came from and who was on it, as their owners reported them at intake.
 */
@Entity()
@Index(['roundId', 'submissionId'], { unique: true })
@Index(['roundId', 'trackId', 'referenceNumber'])
// A round's entries page by reference number.
@Index(['roundId', 'referenceNumber', 'id'])
@ObjectType({ description: 'A submission taken into a review round, as the round saw it at intake.' })
export class Entry {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the entry (one per submission and round).' })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 36 })
  @Index()
  submissionId: string;

  /** The submitting unit. */
  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 16 })
  @Field(() => ReviewState, { description: 'Where it stands in this round: IN_REVIEW until the round is finalized, then its outcome.' })
  state: ReviewState;

  @Column('varchar', { length: 36, default: '' })
  trackId: string;

  @Column('varchar', { length: 20, default: '' })
  @Field(() => String, { description: 'The track code at intake, e.g. AI.' })
  trackCode: string;

  @Column('varchar', { length: 40, default: '' })
  @Field(() => String, { description: 'e.g. 2019-AI-0042.' })
  referenceNumber: string;

  @Column('varchar', { length: 200, default: '' })
  @Field(() => String, { description: 'The submission’s title at intake.' })
  title: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'The submission’s summary at intake.' })
  summary: string | null;

  @Column('varchar', { length: 36, nullable: true })
  leaderId: string | null;

  /** When the unit submitted it; the last tie-break prefers the earlier. */
  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the submission was submitted; the EARLIER_SUBMISSION tie-break compares it.' })
  submittedAt: Date | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the round took the submission in.' })
  takenAt: Date | null;
}

export const EntryLinkKind = {
  /** An organization above the submitting unit. */
  ANCESTOR: 'ANCESTOR',
  /** An organization below the submitting unit. */
  DESCENDANT: 'DESCENDANT',
  /** The leader or a team member. */
  PERSON: 'PERSON',
} as const;
export type EntryLinkKind = keyof typeof EntryLinkKind;

/** Who and what an entry is tied to at intake: the facts conflicts of interest are judged on. */
@Entity()
@Index(['entryId', 'kind', 'refId'], { unique: true })
export class EntryLink {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  @Index()
  roundId: string;

  @Column('varchar', { length: 36 })
  entryId: string;

  @Column('varchar', { length: 12 })
  kind: EntryLinkKind;

  @Column('varchar', { length: 36 })
  refId: string;
}
