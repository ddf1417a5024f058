import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NoticeKind, NoticeStatus } from '@meritgraph/domain';
import { Connection, PageArgs, withRange } from '@meritgraph/subgraph-kit';
import { Notice } from './notice.entity';

export const NoticeConnection = Connection(Notice);

@ArgsType()
export class NoticesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the notices of this contest.' })
  contestId?: string | null;

  @Field(() => [NoticeKind], { nullable: true, description: 'Only notices of these kinds.' })
  kinds?: NoticeKind[] | null;

  @Field(() => [NoticeStatus], {
    nullable: true,
    description: 'Only notices in these states; anyone but the office sees PUBLISHED ones whatever is asked.',
  })
  status?: NoticeStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words that must all appear in the title (case-insensitive), at most 100 characters.',
  })
  search?: string | null;
}

@ArgsType()
export class ContestNoticesArgs extends PageArgs {
  @Field(() => [NoticeKind], { nullable: true, description: 'Only notices of these kinds.' })
  kinds?: NoticeKind[] | null;
}

@InputType({ description: 'A new notice, drafted for a contest.' })
export class CreateNoticeInput {
  @Field(() => ID, { description: 'The contest; an unknown one is NOT_FOUND.' })
  contestId: string;

  @Field(() => NoticeKind, { description: 'What it is.' })
  kind: NoticeKind;

  @Field(() => String, { description: 'Its title, 1 to 200 characters.' })
  title: string;

  @Field(() => String, { description: 'Its body in Markdown, 1 to 20,000 characters; raw HTML is shown as text.' })
  body: string;
}

@InputType({ description: "A draft's fields to change; absent fields stay as they are." })
export class UpdateNoticeInput {
  @Field(() => NoticeKind, { nullable: true, description: 'A new kind.' })
  kind?: NoticeKind | null;

  @Field(() => String, { nullable: true, description: 'A new title, 1 to 200 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A new body in Markdown, 1 to 20,000 characters.' })
  body?: string | null;
}

@InputType({ description: "A file to upload to a notice's draft, as declared before a byte is sent." })
export class NoticeAttachmentUploadInput {
  @Field(() => ID, { description: 'The draft notice the file belongs to.' })
  noticeId: string;

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

@ObjectType({ description: "Where and how to send a notice's declared file: one PUT of its bytes to the URL before it expires." })
export class NoticeAttachmentUploadTicket {
  @Field(() => String, { description: "The signed URL on the graph's host, /files/organizations/upload/…; good for one upload." })
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
