import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { Contest } from '../contest/contest.entity';
import type { ContestService } from '../contest/contest.service';
import { noticeHtml } from './markdown';
import { Notice, NoticeAttachment } from './notice.entity';
import type { NoticeService } from './notice.service';

@Resolver(() => Notice)
export class NoticeFieldsResolver {
  constructor(
    private readonly service: NoticeService,
    private readonly contests: ContestService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @FieldResolver(() => Contest, { description: 'The contest it is about.' })
  async contest(@Root() notice: Notice, @Ctx() ctx: RequestContext): Promise<Contest> {
    return (await this.contests.loadVisible(ctx, notice.contestId))!;
  }

  @FieldResolver(() => String, {
    description:
      'The body as HTML, safe to insert into a page: Markdown rendered with raw HTML shown as text, then held to headings, paragraphs, lists, emphasis, code, quotes, tables and http(s)/mailto links; no script, style, image, frame or event attribute.',
  })
  bodyHtml(@Root() notice: Notice): string {
    return noticeHtml(notice.body);
  }

  @FieldResolver(() => [NoticeAttachment], { description: 'Its files, by position (at most 20; a notice has a few).' })
  @Directive('@listSize(assumedSize: 5)')
  attachments(@Root() notice: Notice, @Ctx() ctx: RequestContext): Promise<NoticeAttachment[]> {
    return this.service.attachmentsOf(ctx, notice.id);
  }

  @FieldResolver(() => AuditEntryConnection, {
    nullable: true,
    description:
      'Every step of the notice and its files: drafted, edited, files added and removed, published, withdrawn (office and analysts).',
  })
  auditTrail(@Root() notice: Notice, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, notice.id, args));
  }
}
