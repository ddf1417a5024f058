import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type RequestContext, withRange } from '@meritgraph/subgraph-kit';
import { Notice } from './notice.entity';
import type { NoticeLifecycleService } from './notice-lifecycle.service';
import type { NoticeService } from './notice.service';
import { CreateNoticeInput, NoticeConnection, NoticesArgs, UpdateNoticeInput } from './notice.types';

const VERSION = withRange('The version the change was made against (optimistic locking).', 1, 2147483647);

@Resolver(() => Notice)
export class NoticeResolver {
  constructor(
    private readonly service: NoticeService,
    private readonly lifecycle: NoticeLifecycleService,
  ) {}

  @Query(() => NoticeConnection, {
    description:
      'Notices (通知公告), newest published first. Anyone may ask, signed in or not, and sees the published ones; the office (ADMIN) sees its drafts first, and withdrawn notices, filtered by status.',
  })
  notices(@Args(() => NoticesArgs) args: NoticesArgs, @Ctx() ctx: RequestContext) {
    return new NoticeConnection(this.service.list(ctx.identity, args, args));
  }

  @Query(() => Notice, {
    nullable: true,
    description: 'A notice by id: anyone may read a published one; null when there is none or it is not published (except for the office).',
  })
  notice(@Arg('id', () => ID, { description: 'The notice’s id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Notice | null> {
    return this.service.loadVisible(ctx, id);
  }

  @Authorized('ADMIN')
  @Mutation(() => Notice, {
    description:
      'Drafts a notice for a contest, seen by the office alone until published. The office only (else FORBIDDEN, or UNAUTHENTICATED); a bad kind, title or body is BAD_USER_INPUT naming it, an unknown contest NOT_FOUND.',
  })
  createNotice(
    @Arg('input', () => CreateNoticeInput, { description: 'The new notice.' }) input: CreateNoticeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Notice> {
    return this.lifecycle.create(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Notice, {
    description:
      'Edits a draft. A published or withdrawn notice is fixed (INVALID_TRANSITION); VERSION_CONFLICT when it changed since expectedVersion. The office only.',
  })
  updateNotice(
    @Arg('id', () => ID, { description: 'The draft to edit.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: VERSION }) expectedVersion: number,
    @Arg('input', () => UpdateNoticeInput, { description: 'The fields to change.' }) input: UpdateNoticeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Notice> {
    return this.lifecycle.update(ctx.identity, id, expectedVersion, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Notice, {
    description:
      'Publishes a draft, dated now: anyone may then read it and download its files. Anything but a draft is INVALID_TRANSITION; VERSION_CONFLICT when it changed since expectedVersion. The office only.',
  })
  publishNotice(
    @Arg('id', () => ID, { description: 'The draft to publish.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: VERSION }) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Notice> {
    return this.lifecycle.publish(ctx.identity, id, expectedVersion);
  }

  @Authorized('ADMIN')
  @Mutation(() => Notice, {
    description:
      'Withdraws a published notice, with the reason shown to the office; it leaves the public lists. A missing or over-long reason is BAD_USER_INPUT naming reason; anything but a published notice INVALID_TRANSITION. The office only.',
  })
  withdrawNotice(
    @Arg('id', () => ID, { description: 'The published notice to withdraw.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: VERSION }) expectedVersion: number,
    @Arg('reason', () => String, { description: 'Why, 1 to 500 characters.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Notice> {
    return this.lifecycle.withdraw(ctx.identity, id, expectedVersion, reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => Notice, {
    description:
      'Deletes a draft and its files, recorded in the audit log, and answers the draft as it was (without its files); a published notice is withdrawn instead (INVALID_TRANSITION). The office only; an unknown id is NOT_FOUND.',
  })
  deleteNoticeDraft(@Arg('id', () => ID, { description: 'The draft to delete.' }) id: string, @Ctx() ctx: RequestContext): Promise<Notice> {
    return this.lifecycle.deleteDraft(ctx.identity, id);
  }
}
