import { DomainError, ErrorCode, InvalidInput } from './errors';
import { Lifecycle } from './lifecycle';
import { check } from './validation';

/** What a notice (通知公告) of a contest is. */
export const NoticeKind = {
  /** 通知: a notice of the contest (its launch, a meeting). */
  NOTICE: 'NOTICE',
  /** 规则: rules and how to apply. */
  RULES: 'RULES',
  /** 结果: results (the finalists, the conferral). */
  RESULTS: 'RESULTS',
  /** 公示: a public announcement open to objection for a window. */
  ANNOUNCEMENT: 'ANNOUNCEMENT',
} as const;
export type NoticeKind = (typeof NoticeKind)[keyof typeof NoticeKind];
export const NOTICE_KINDS = Object.values(NoticeKind);

export const NoticeStatus = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', WITHDRAWN: 'WITHDRAWN' } as const;
export type NoticeStatus = (typeof NoticeStatus)[keyof typeof NoticeStatus];
export const NOTICE_STATUSES = Object.values(NoticeStatus);

/** A notice is drafted, published once, and may then be withdrawn; nothing goes back. */
export const noticeLifecycle = new Lifecycle<NoticeStatus>('Notice', 'DRAFT', {
  DRAFT: ['PUBLISHED'],
  PUBLISHED: ['WITHDRAWN'],
  WITHDRAWN: [],
});

export const NOTICE_TITLE_MAX = 200;
export const NOTICE_BODY_MAX = 20_000;
export const NOTICE_REASON_MAX = 500;
/** The most files one notice keeps. */
export const MAX_ATTACHMENTS_PER_NOTICE = 20;

export interface NoticeContent {
  kind?: string | null;
  title?: string | null;
  body?: string | null;
}

/**
 * Checks a notice's content: a kind of the list, a title of 1 to 200 characters, a Markdown
 * body of at most 20,000 (line breaks allowed). When `creating`, all three are required;
 * otherwise absent fields stay as they are. Every problem is reported at once (BAD_USER_INPUT).
 */
export function assertNoticeContent(input: NoticeContent, creating: boolean): void {
  check(input)
    .oneOf('kind', NOTICE_KINDS, { optional: !creating })
    .text('title', { max: NOTICE_TITLE_MAX, optional: !creating })
    .text('body', { max: NOTICE_BODY_MAX, optional: !creating, multiline: true })
    .done();
}

/** Only a draft's content (and files) may change; a published notice may only be withdrawn. */
export function assertNoticeEditable(status: NoticeStatus, field = 'status'): void {
  if (status === NoticeStatus.DRAFT) return;
  throw new DomainError(
    ErrorCode.INVALID_TRANSITION,
    `A ${status} notice cannot be edited; only a draft can (a published notice may be withdrawn)`,
    field,
    { from: status, allowed: noticeLifecycle.next(status) },
  );
}

/** The reason a published notice is withdrawn: required, 1 to 500 characters (BAD_USER_INPUT naming `reason`). */
export function withdrawalReasonOf(reason: string | null | undefined): string {
  check({ reason }).text('reason', { max: NOTICE_REASON_MAX, multiline: true }).done();
  return reason!.trim();
}

/** Who sees a notice: the office every one; anyone else a published one only. */
export const noticeVisible = (status: NoticeStatus, office: boolean): boolean => office || status === NoticeStatus.PUBLISHED;

/**
 * The key notices are listed by, ascending: for the office its drafts first, newest first;
 * then the notices published (or withdrawn since), newest published first. A fixed-width
 * string, so that SQL orders it as the API does.
 */
export function noticeOrderKey(publishedAt: Date | null, createdAt: Date): string {
  const when = publishedAt ?? createdAt;
  const inverted = String(9_999_999_999_999 - when.getTime()).padStart(13, '0');
  return `${publishedAt ? '1' : '0'}${inverted}`;
}

/** Refuses a search string that is not one line of at most 100 characters. */
export function assertNoticeSearch(search: string | null | undefined): void {
  if (search == null) return;
  if ([...search].length > 100) throw new InvalidInput([{ field: 'search', message: 'must be at most 100 characters' }]);
}
