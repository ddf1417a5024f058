import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MAX_ATTACHMENTS_PER_NOTICE, NoticeKind, NoticeStatus } from '@meritgraph/domain';

registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description: 'What a notice (通知公告) of a contest is.',
  valuesConfig: {
    NOTICE: { description: '通知: a notice of the contest, e.g. its launch.' },
    RULES: { description: '规则: rules and how to apply.' },
    RESULTS: { description: '结果: results, e.g. the finalists or the conferral.' },
    ANNOUNCEMENT: { description: '公示: a public announcement open to objection for a window.' },
  },
});

registerEnumType(NoticeStatus, {
  name: 'NoticeStatus',
  description: "A notice's place in its life: drafted, published, withdrawn.",
  valuesConfig: {
    DRAFT: { description: 'Being written; seen by the office only, may be edited or deleted.' },
    PUBLISHED: { description: 'Public; fixed, and may only be withdrawn.' },
    WITHDRAWN: { description: 'Withdrawn with a reason; seen by the office only.' },
  },
});

/** A notice of a contest, written in Markdown by the office; public once published. */
@Entity()
@Index(['contestId', 'orderKey'])
@Index(['orderKey'])
@ObjectType({
  description:
    'A notice of a contest (通知公告): written by the office as a draft, then published for everyone, and possibly withdrawn with a reason. Drafts and withdrawn notices are seen by the office only.',
})
export class Notice {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('varchar', { length: 16 })
  @Field(() => NoticeKind, { description: 'What it is: 通知, 规则, 结果 or 公示.' })
  kind: NoticeKind;

  @Column('varchar', { length: 16 })
  @Field(() => NoticeStatus, { description: 'Draft, published or withdrawn.' })
  status: NoticeStatus;

  @Column('varchar', { length: 200 })
  @Field(() => String, { description: 'Its title, 1 to 200 characters.' })
  title: string;

  @Column('text')
  @Field(() => String, { description: 'Its body as written, in Markdown (at most 20,000 characters).' })
  body: string;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was published (UTC); null for a draft.' })
  publishedAt: Date | null;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was withdrawn (UTC); null unless withdrawn.' })
  withdrawnAt: Date | null;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was withdrawn; null unless withdrawn.' })
  withdrawalReason: string | null;

  /** The issuing body's name, as it was when the notice was drafted. */
  @Column('varchar', { length: 200 })
  @Field(() => String, { description: "Who issues it: the contest's organizing body (主办), as named when it was drafted." })
  author: string;

  /** Who drafted it (a subject of the graph's tokens); kept for the audit, not shown. */
  @Column('varchar', { length: 100 })
  createdBy: string;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was drafted (UTC).' })
  createdAt: Date;

  @Column('datetime')
  updatedAt: Date;

  /** Lists order by this, ascending: drafts newest first, then the newest published first (noticeOrderKey). */
  @Column('varchar', { length: 14 })
  orderKey: string;

  @Column('int')
  @Field(() => Int, { description: 'Counts every change from 1; pass it as expectedVersion to change the notice.' })
  version: number;
}

/** A file of a notice (a template, a list, a decision), uploaded to a draft by signed URL. */
@Entity()
@Index(['noticeId', 'position'], { unique: true })
@ObjectType({
  description: `A file of a notice: at most ${MAX_ATTACHMENTS_PER_NOTICE}, added to a draft and fixed once published. Anyone may download those of a published notice.`,
})
export class NoticeAttachment {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Column('varchar', { length: 36 })
  noticeId: string;

  @Column('int')
  @Field(() => Int, { description: "Its place among the notice's files, from 1." })
  position: number;

  @Column('varchar', { length: 200 })
  @Field(() => String, { description: 'The name it was uploaded under.' })
  fileName: string;

  @Column('varchar', { length: 120 })
  @Field(() => String, { description: 'Its media type, e.g. application/pdf.' })
  contentType: string;

  @Column('int')
  @Field(() => Int, { description: 'Bytes, as the server counted them.' })
  size: number;

  @Column('varchar', { length: 64 })
  @Field(() => String, { description: 'SHA-256 of the bytes, hex, as the server computed it.' })
  sha256: string;

  @Column('varchar', { length: 200 })
  storageKey: string;

  @Column('datetime')
  @Field(() => Date, { description: 'When the upload completed (UTC).' })
  uploadedAt: Date;

  @Column('varchar', { length: 100 })
  uploadedBy: string;
}

/** An upload to a notice asked for and not yet received; used once. */
@Entity()
export class NoticeAttachmentUpload {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  @Index()
  noticeId: string;

  @Column('varchar', { length: 200 })
  fileName: string;

  @Column('varchar', { length: 120 })
  contentType: string;

  @Column('int')
  size: number;

  @Column('varchar', { length: 64, nullable: true })
  sha256: string | null;

  @Column('varchar', { length: 100 })
  requestedBy: string;

  @Column('varchar', { length: 100 })
  requestedRoles: string;

  @Column('datetime')
  expiresAt: Date;

  @Column('varchar', { length: 36, nullable: true })
  attachmentId: string | null;
}
