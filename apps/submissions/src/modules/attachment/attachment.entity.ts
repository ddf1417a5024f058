import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MAX_ATTACHMENTS_PER_SUBMISSION } from '@meritgraph/domain';
import { withRange } from '@meritgraph/subgraph-kit';

/** A file stored for a submission: uploaded to a signed URL, measured and checked by the server, then linked. */
@Entity()
@Index(['submissionId', 'position'], { unique: true })
@ObjectType({
  description: `A file of a submission (an application form, a report, a photo); at most ${MAX_ATTACHMENTS_PER_SUBMISSION} per submission. Fixed once the submission is entered.`,
})
export class Attachment {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Column('varchar', { length: 36 })
  submissionId: string;

  @Column('int')
  @Field(() => Int, { description: "Its place among the submission's files, from 1; kept when another is removed." })
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

  /** Where the bytes are kept, in the subgraph's storage. */
  @Column('varchar', { length: 200 })
  storageKey: string;

  @Column('datetime')
  @Field(() => Date, { description: 'When the upload completed (UTC).' })
  uploadedAt: Date;

  /** Who asked for the upload URL. */
  @Column('varchar', { length: 100 })
  uploadedBy: string;
}

/** An upload asked for and not yet received: what was declared, by whom, until when; used once. */
@Entity()
export class AttachmentUpload {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  @Index()
  submissionId: string;

  @Column('varchar', { length: 200 })
  fileName: string;

  @Column('varchar', { length: 120 })
  contentType: string;

  @Column('int')
  size: number;

  @Column('varchar', { length: 64, nullable: true })
  sha256: string | null;

  /** The asker's subject and roles, for the audit entry the upload writes. */
  @Column('varchar', { length: 100 })
  requestedBy: string;

  @Column('varchar', { length: 100 })
  requestedRoles: string;

  @Column('datetime')
  expiresAt: Date;

  /** Set when the bytes arrived and were linked; the URL is then spent. */
  @Column('varchar', { length: 36, nullable: true })
  attachmentId: string | null;
}

@InputType({ description: 'A file to upload to a draft, as its uploader declares it before sending a byte.' })
export class AttachmentUploadInput {
  @Field(() => ID, { description: 'The draft the file belongs to.' })
  submissionId: string;

  @Field(() => String, { description: 'The file name, 1 to 200 characters, without / or \\; its extension must fit the type.' })
  fileName: string;

  @Field(() => String, { description: 'The media type: PDF, PNG, JPEG, GIF, WebP, or a Word, Excel or PowerPoint document.' })
  contentType: string;

  @Field(() => Int, {
    description: withRange('Bytes; the upload must send exactly this many, at most FILES_MAX_BYTES (50 MB).', 1, 2147483647),
  })
  size: number;

  @Field(() => String, {
    nullable: true,
    description:
      'SHA-256 of the content, 64 lower-case hex digits; when given, bytes with another digest are refused (FILE_HASH_MISMATCH).',
  })
  sha256?: string | null;
}

@ObjectType({ description: 'Where and how to send a declared file: one PUT of its bytes to the URL before it expires.' })
export class AttachmentUploadTicket {
  @Field(() => String, { description: "The signed URL on the graph's host, e.g. /files/submissions/upload/…; good for one upload." })
  uploadUrl: string;

  @Field(() => String, { description: 'The HTTP method: PUT, with the bytes as the body.' })
  method: string;

  @Field(() => String, { description: 'The Content-Type the PUT must send: the declared type.' })
  contentType: string;

  @Field(() => Date, { description: 'When the URL stops working (FILES_UPLOAD_MINUTES after it was issued, 15 by default).' })
  expiresAt: Date;

  @Field(() => Int, { description: 'The largest file accepted, in bytes.' })
  maxBytes: number;
}

@ObjectType({ description: "A submission's file as an expert of the round may open it: under a neutral name in a blind round." })
// The review service's alone, as reviewFiles is.
@Directive('@inaccessible')
export class ReviewFile {
  @Field(() => ID, { description: 'The submission it belongs to.' })
  submissionId: string;

  @Field(() => Int, { description: "Its place among the submission's files." })
  position: number;

  @Field(() => String, {
    description: 'The name to show: the original, or in a blind round the reference and place (2019-AI-0042-附件1.pdf).',
  })
  fileName: string;

  @Field(() => String, { description: 'Its media type.' })
  contentType: string;

  @Field(() => Int, { description: 'Bytes.' })
  size: number;

  @Field(() => String, { description: 'SHA-256 of the bytes, hex.' })
  sha256: string;

  @Field(() => String, { description: 'A signed download URL, good for minutes, that serves the file under fileName.' })
  downloadUrl: string;
}
