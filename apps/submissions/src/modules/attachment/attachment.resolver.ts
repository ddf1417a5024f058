import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forbidden } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Submission } from '../submission/submission.entity';
import { Attachment, AttachmentUploadInput, AttachmentUploadTicket, ReviewFile } from './attachment.entity';
import type { AttachmentService } from './attachment.service';

/** The services that may ask for the files of entries under review, having checked the expert themselves. */
const REVIEWERS = new Set(['expert-review']);

@Resolver(() => Submission)
export class SubmissionAttachmentsResolver {
  constructor(private readonly service: AttachmentService) {}

  @FieldResolver(() => [Attachment], { description: 'Its files, by position.' })
  attachments(@Root() submission: Submission, @Ctx() ctx: RequestContext): Promise<Attachment[]> {
    return this.service.ofSubmission(ctx, submission.id);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => AttachmentUploadTicket, {
    description:
      "A signed URL to PUT one file's bytes to, for a draft of the caller's unit or an entry returned to it for revision (the office: any of them). The declaration is checked first: a bad name or size BAD_USER_INPUT, a type not kept FILE_TYPE_NOT_ALLOWED, over the limit FILE_TOO_LARGE, an entered submission ATTACHMENT_LOCKED, another unit's FORBIDDEN. The upload itself is refused when its size (FILE_SIZE_MISMATCH) or digest (FILE_HASH_MISMATCH) differs, or the URL expired (URL_EXPIRED).",
  })
  createAttachmentUpload(
    @Arg('input', () => AttachmentUploadInput, { description: 'The file to upload.' }) input: AttachmentUploadInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AttachmentUploadTicket> {
    return this.service.createUpload(ctx.identity, input);
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => Submission, {
    description:
      "Removes a file of a draft or of an entry returned for revision, with its stored bytes; an entered submission's files are fixed (ATTACHMENT_LOCKED).",
  })
  deleteAttachment(
    @Arg('id', () => ID, { description: 'The file to remove.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Submission> {
    return this.service.remove(ctx.identity, id);
  }

  @Query(() => [ReviewFile], {
    description: "The files of entries under review, with download URLs: the graph's review service only, FORBIDDEN to anyone else.",
  })
  @Directive('@inaccessible')
  reviewFiles(
    @Arg('submissionIds', () => [ID], { description: 'The submissions, at most 500.' }) submissionIds: string[],
    @Arg('blind', () => Boolean, { description: 'Whether to name the files neutrally (a blind round).' }) blind: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewFile[]> {
    if (!ctx.identity.service || !REVIEWERS.has(ctx.identity.service)) throw forbidden('reviewFiles');
    return this.service.reviewFiles(submissionIds.slice(0, 500), blind);
  }
}
