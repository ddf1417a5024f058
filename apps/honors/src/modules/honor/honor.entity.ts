import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { HonorStatus, ObjectionChannel, ObjectionStatus, RecipientKind } from '@meritgraph/domain';

registerEnumType(HonorStatus, {
  name: 'HonorStatus',
  description: 'NOMINATED → PROPOSED (拟授予) → ANNOUNCED (公示) → CONFERRED; WITHDRAWN before conferral, REVOKED after.',
});
registerEnumType(RecipientKind, { name: 'RecipientKind' });
registerEnumType(ObjectionStatus, {
  name: 'ObjectionStatus',
  description: 'OPEN until the office resolves it: UPHELD (the honor is withdrawn) or DISMISSED.',
});
registerEnumType(ObjectionChannel, { name: 'ObjectionChannel', description: 'How an objection the office recorded reached it.' });

/**
 * An honor for a person, team, organization or achievement in a contest. Public records
 * (announced, conferred, revoked) carry everything an outside agency needs: the recipient's
 * name and organization as awarded, the contest year, the decision and the certificate.
 */
@Entity()
@Index(['contestId', 'awardTypeCode', 'recipientId'], { unique: true })
@Index(['recipientKind', 'recipientId'])
@Index(['status', 'awardTypeCode', 'recipientName'])
@ObjectType({ description: 'An honor for a person, team, organization or achievement in a contest.' })
@Directive('@key(fields: "id")')
export class Honor {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('int', { default: 0 })
  @Field(() => Int, { description: 'The contest year.' })
  year: number;

  @Column('varchar', { length: 40 })
  @Field(() => String, { description: 'Code of the award type, e.g. EXCELLENT_ACHIEVEMENT.' })
  awardTypeCode: string;

  @Column('varchar', { length: 16 })
  @Field(() => RecipientKind)
  recipientKind: RecipientKind;

  @Column('varchar', { length: 36 })
  recipientId: string;

  @Column('varchar', { length: 200 })
  @Field(() => String, { description: "The recipient's name as awarded; kept even if the recipient is renamed." })
  recipientName: string;

  @Column('varchar', { length: 36, default: '' })
  organizationId: string;

  @Column('varchar', { length: 200, default: '' })
  @Field(() => String, { description: "The recipient's organization as awarded (an organization's own name)." })
  organizationName: string;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  citation: string | null;

  @Column('varchar', { length: 16 })
  @Field(() => HonorStatus)
  status: HonorStatus;

  /** The organization of whoever nominated (the office, or a union). */
  @Column('varchar', { length: 36, nullable: true })
  nominatedByOrg: string | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true })
  proposedAt: Date | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the announcement (公示) began.' })
  announcedAt: Date | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'When the announcement window closes: the end of the fifth working day after the announcement.',
  })
  objectionsCloseAt: Date | null;

  @Column('varchar', { length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: 'The conferral decision, e.g. 沪工总〔2020〕1号.' })
  decisionNumber: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  conferredOn: string | null;

  @Column('varchar', { length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  ceremony: string | null;

  @Column('varchar', { length: 60, nullable: true })
  @Field(() => String, { nullable: true })
  certificateNumber: string | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the honor was withdrawn or revoked.' })
  endReason: string | null;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;
}

/**
 * An objection against an announced honor: filed on the platform, or received by letter, phone
 * or email and recorded by the office. The objector's name and contact are for the office only.
 */
@Entity()
@Index(['honorId', 'status'])
@ObjectType({ description: 'An objection to an announced honor.' })
export class Objection {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  honorId: string;

  @Column('varchar', { length: 2000 })
  @Field(() => String)
  text: string;

  /** How to reach the objector: personal data, for the office only. */
  @Column('varchar', { length: 200 })
  contact: string;

  @Column('varchar', { length: 80 })
  filedBy: string;

  @Column('varchar', { length: 12, nullable: true })
  @Field(() => ObjectionChannel, { nullable: true, description: 'How the office received it; null when filed on the platform.' })
  channel: ObjectionChannel | null;

  @Column('varchar', { length: 10, nullable: true })
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day the office received it (Beijing); null when filed on the platform.',
  })
  receivedOn: string | null;

  /** Who objected by letter, phone or email: personal data, for the office only. */
  @Column('varchar', { length: 100, nullable: true })
  objectorName: string | null;

  @Column('datetime')
  @Field(() => Date)
  filedAt: Date;

  @Column('varchar', { length: 12 })
  @Field(() => ObjectionStatus)
  status: ObjectionStatus;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  resolution: string | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;
}
