import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import type { NoticeAttachmentService } from './notice-attachment.service';
import { Notice, NoticeAttachment } from './notice.entity';
import type { NoticeService } from './notice.service';
import { NoticeAttachmentUploadInput, NoticeAttachmentUploadTicket } from './notice.types';

@Resolver(() => NoticeAttachment)
export class NoticeAttachmentResolver {
  constructor(
    private readonly service: NoticeAttachmentService,
    private readonly notices: NoticeService,
  ) {}

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A signed URL on the graph's host that downloads the file, good for FILES_DOWNLOAD_MINUTES (5 by default): anyone's for a published notice, the office's for a draft.",
  })
  async downloadUrl(@Root() attachment: NoticeAttachment, @Ctx() ctx: RequestContext): Promise<string | null> {
    return this.service.downloadUrl(ctx.identity, await this.notices.loadUnchecked(ctx, attachment.noticeId), attachment);
  }

  @Authorized('ADMIN')
  @Mutation(() => NoticeAttachmentUploadTicket, {
    description:
      "A signed URL to PUT one file's bytes to, for a draft notice. The office only. The declaration and the upload are refused as createAttachmentUpload's are; a published notice's files are fixed (ATTACHMENT_LOCKED).",
  })
  createNoticeAttachmentUpload(
    @Arg('input', () => NoticeAttachmentUploadInput, { description: 'The file to upload.' }) input: NoticeAttachmentUploadInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NoticeAttachmentUploadTicket> {
    return this.service.createUpload(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Notice, {
    description:
      "Removes a draft notice's file and its stored bytes, answering the draft; a published notice's files are fixed (ATTACHMENT_LOCKED). The office only.",
  })
  deleteNoticeAttachment(
    @Arg('id', () => ID, { description: 'The file to remove.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Notice> {
    return this.service.remove(ctx.identity, id);
  }
}
