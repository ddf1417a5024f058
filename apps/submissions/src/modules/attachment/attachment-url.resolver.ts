import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { mayOpenSubmissionFiles } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Attachment } from './attachment.entity';
import type { AttachmentService } from './attachment.service';

@Resolver(() => Attachment)
export class AttachmentResolver {
  constructor(private readonly service: AttachmentService) {}

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A signed URL on the graph's host that downloads the file, good for FILES_DOWNLOAD_MINUTES (5 by default); for the unit, its union and the office, null for analysts.",
  })
  downloadUrl(@Root() attachment: Attachment, @Ctx() ctx: RequestContext): string | null {
    return mayOpenSubmissionFiles(ctx.identity) ? this.service.downloadUrl(attachment) : null;
  }
}
