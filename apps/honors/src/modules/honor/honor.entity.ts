import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { HonorStatus, ObjectionChannel, ObjectionStatus, RecipientKind } from '@meritgraph/domain';

registerEnumType(HonorStatus, {
  name: 'HonorStatus',
  description: 'NOMINATED → PROPOSED (拟授予) → ANNOUNCED (公示) → CONFERRED; WITHDRAWN before conferral, REVOKED after.',
  valuesConfig: {
    NOMINATED: { description: 'Put forward within the award’s quota; seen by the office and analysts only.' },
    PROPOSED: { description: 'Chosen by the office to be announced (拟授予); not public yet.' },
    ANNOUNCED: { description: 'Published for 5 working days (公示), when anyone may object; public.' },
    CONFERRED: { description: 'Granted by decision, with a certificate number; public.' },
    WITHDRAWN: { description: 'Dropped before conferral (差额推荐 not chosen, or an objection upheld); not public.' },
    REVOKED: { description: 'Taken back after conferral, with a reason; public.' },
  },
});
registerEnumType(RecipientKind, {
  name: 'RecipientKind',
  description: 'What kind of record an honor is given to; each award type takes one kind.',
  valuesConfig: {
    PERSON: { description: 'A person (上海市五一劳动奖章).' },
    TEAM: { description: 'A team (上海市工人先锋号).' },
    ORGANIZATION: { description: 'An organization (上海市五一劳动奖状, 优秀组织奖).' },
    SUBMISSION: { description: 'An achievement (优秀创新成果).' },
  },
});
registerEnumType(ObjectionStatus, {
  name: 'ObjectionStatus',
  description: 'OPEN until the office resolves it: UPHELD (the honor is withdrawn) or DISMISSED.',
  valuesConfig: {
    OPEN: { description: 'Awaiting the office; blocks conferral of the honor.' },
    UPHELD: { description: 'Founded: the honor was withdrawn.' },
    DISMISSED: { description: 'Unfounded: conferral may go ahead.' },
  },
});
registerEnumType(ObjectionChannel, {
  name: 'ObjectionChannel',
  description: 'How an objection the office recorded reached it.',
  valuesConfig: {
    LETTER: { description: 'By post or delivered by hand.' },
    PHONE: { description: 'By telephone.' },
    EMAIL: { description: 'By email.' },
  },
});

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
  @Field(() => ID, { description: 'Stable id of the honor.' })
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
  @Field(() => RecipientKind, { description: 'What the honor is given to.' })
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
  @Field(() => String, { nullable: true, description: 'The nomination’s citation; at most 1000 characters.' })
  citation: string | null;

  @Column('varchar', { length: 16 })
  @Field(() => HonorStatus, { description: 'Where the honor is in its lifecycle.' })
  status: HonorStatus;

  /** The organization of whoever nominated (the office, or a union). */
  @Column('varchar', { length: 36, nullable: true })
  nominatedByOrg: string | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the office proposed it (拟授予).' })
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
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was conferred, from the conferral decision.' })
  conferredOn: string | null;

  @Column('varchar', { length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where it was presented, e.g. 总结表彰大会.' })
  ceremony: string | null;

  @Column('varchar', { length: 60, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The certificate’s number, numbered per year and award type unless the office gave one.',
  })
  certificateNumber: string | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was revoked.' })
  revokedAt: Date | null;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the honor was withdrawn or revoked.' })
  endReason: string | null;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was nominated.' })
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
  @Field(() => ID, { description: 'Stable id of the objection.' })
  id: string;

  @Column('varchar', { length: 36 })
  honorId: string;

  @Column('varchar', { length: 2000 })
  @Field(() => String, { description: 'What the objector says; 10 to 2000 characters.' })
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
  @Field(() => Date, { description: 'When it was filed on the platform or recorded by the office.' })
  filedAt: Date;

  @Column('varchar', { length: 12 })
  @Field(() => ObjectionStatus, { description: 'OPEN until the office resolves it.' })
  status: ObjectionStatus;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'The office’s finding.' })
  resolution: string | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the office resolved it.' })
  resolvedAt: Date | null;
}
