import type { Identity } from './access';
import { hasRole } from './access';
import { type WorkCalendar, beijingDate, isWorkingDay } from './honors';

/**
 * What a notification is about. Each comes from a change of one subgraph's change feed, or,
 * for the two reminders (ROUND_CLOSING, ANNOUNCEMENT_CLOSING), from the clock.
 */
export const NotificationKind = {
  ASSIGNMENT_MADE: 'ASSIGNMENT_MADE',
  ASSIGNMENT_DECLINED: 'ASSIGNMENT_DECLINED',
  ROUND_OPENED: 'ROUND_OPENED',
  ROUND_CLOSING: 'ROUND_CLOSING',
  SUBMISSION_RETURNED: 'SUBMISSION_RETURNED',
  SUBMISSION_ACCEPTED: 'SUBMISSION_ACCEPTED',
  SUBMISSION_REJECTED: 'SUBMISSION_REJECTED',
  RESULTS_PUBLISHED: 'RESULTS_PUBLISHED',
  NOMINATION_PROPOSED: 'NOMINATION_PROPOSED',
  NOMINATION_ANNOUNCED: 'NOMINATION_ANNOUNCED',
  OBJECTION_FILED: 'OBJECTION_FILED',
  ANNOUNCEMENT_CLOSING: 'ANNOUNCEMENT_CLOSING',
} as const;
export type NotificationKind = keyof typeof NotificationKind;
export const NOTIFICATION_KINDS = Object.values(NotificationKind) as NotificationKind[];

/** The inbox of the contest office: every ADMIN caller reads it. */
export const OFFICE_INBOX = 'office';
export const orgInbox = (organizationId: string): string => `org:${organizationId}`;
export const expertInbox = (expertId: string): string => `expert:${expertId}`;
export const personInbox = (personId: string): string => `person:${personId}`;

/** An inbox key: office, or org:, expert:, person: and an id of at most 36 characters. */
export const isInboxKey = (key: string): boolean => key === OFFICE_INBOX || /^(org|expert|person):[A-Za-z0-9_-]{1,36}$/.test(key);

/**
 * The inboxes a caller reads: the office's (ADMIN), its organization's (SUBMITTER or
 * ORGANIZER with an org claim), its expert's (EXPERT with an expert claim) and its own
 * person's (its sub). An analyst reads only its own person's, which no rule writes to; an
 * anonymous caller none. A service identity has no inbox.
 */
export function inboxKeys(identity: Identity): string[] {
  if (identity.service) return [];
  const keys: string[] = [];
  if (hasRole(identity, 'ADMIN')) keys.push(OFFICE_INBOX);
  if (identity.org && hasRole(identity, 'SUBMITTER', 'ORGANIZER')) keys.push(orgInbox(identity.org));
  if (identity.expert && hasRole(identity, 'EXPERT')) keys.push(expertInbox(identity.expert));
  if (identity.sub) keys.push(personInbox(identity.sub));
  return keys;
}

/** One notification to deliver: to the inboxes of `recipients`, and by email to the people of `mailTo`. */
export interface NotificationDraft {
  /** Stable across restarts and re-reads: the inbox keeps one row per (eventKey, recipient), the mail log one mail per (eventKey, person). */
  eventKey: string;
  kind: NotificationKind;
  recipients: string[];
  /** Person ids to email (subject to each person's preferences and a known address). */
  mailTo: string[];
  title: string;
  body: string;
  /** A console path. */
  link: string | null;
}

type State = Record<string, unknown>;

/** One change of a feed, as the notifier reads it. */
export interface FeedEvent {
  feed: string;
  position: string;
  entityType: string;
  entityId: string;
  version: number;
  change: string;
  state: State | null;
}

/** What the notifier knew before the change, from the earlier changes of the same feeds. */
export interface EventContext {
  /** The record's state before this change; null when first seen. */
  previous: State | null;
  /** For an assignment: its round. */
  round?: State | null;
  /** For a round: its assignments (current states). */
  roundAssignments?: readonly State[];
  /** For a round: its entries (current states). */
  roundEntries?: readonly State[];
  /** Expert states by id, for the experts the change concerns (their personId). */
  experts?: ReadonlyMap<string, State>;
}

const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const unique = (values: readonly string[]): string[] => [...new Set(values.filter(Boolean))];

/** The key of a change: its entity, id and version, the same on every read of the feed. */
export const changeEventKey = (event: Pick<FeedEvent, 'entityType' | 'entityId' | 'version'>): string =>
  `${event.entityType}:${event.entityId}:${event.version}`;

const expertPeople = (ids: readonly string[], experts: ReadonlyMap<string, State> | undefined): string[] =>
  unique(ids.map((id) => str(experts?.get(id)?.personId)));

function assignmentDrafts(event: FeedEvent, ctx: EventContext, key: string): NotificationDraft[] {
  const s = event.state!;
  const expertId = str(s.expertId);
  const roundName = str(ctx.round?.name) || '评审轮次';
  const link = `/expert/rounds/${str(s.roundId)}/batch`;
  const people = expertPeople([expertId], ctx.experts);
  if (event.change === 'assignment.create' && s.status === 'ASSIGNED') {
    return [
      {
        eventKey: key,
        kind: 'ASSIGNMENT_MADE',
        recipients: [expertInbox(expertId)],
        mailTo: people,
        title: `新的评审任务：${roundName}`,
        body: `您已被分配到“${roundName}”的一项参评成果，请在评审截止前完成评分。`,
        link,
      },
    ];
  }
  const stepped = s.status === 'DECLINED' || s.status === 'CONFLICT_DECLARED';
  if (stepped && ctx.previous?.status === 'ASSIGNED') {
    const reason = s.status === 'DECLINED' ? '谢绝' : '申请回避';
    return [
      {
        eventKey: key,
        kind: 'ASSIGNMENT_DECLINED',
        recipients: [expertInbox(expertId), OFFICE_INBOX],
        mailTo: [],
        title: `评审任务已${reason}：${roundName}`,
        body: `一位专家${reason}了“${roundName}”中的一项评审任务，该成果需要补充分配专家。`,
        link: `/office`,
      },
    ];
  }
  return [];
}

function roundDrafts(event: FeedEvent, ctx: EventContext, key: string): NotificationDraft[] {
  const s = event.state!;
  const name = str(s.name);
  const opened = s.status === 'OPEN' && ctx.previous?.status !== 'OPEN';
  if (opened) {
    const experts = unique((ctx.roundAssignments ?? []).filter((a) => a.status === 'ASSIGNED').map((a) => str(a.expertId))).sort();
    if (!experts.length) return [];
    return [
      {
        eventKey: key,
        kind: 'ROUND_OPENED',
        recipients: experts.map(expertInbox),
        mailTo: expertPeople(experts, ctx.experts),
        title: `评审已开始：${name}`,
        body: `“${name}”已开放评审${s.reviewDate ? `，评审日期为 ${str(s.reviewDate)}` : ''}。请登录查看分配给您的参评成果并评分。`,
        link: `/expert/rounds/${event.entityId}/batch`,
      },
    ];
  }
  const published = !!s.publishedAt && !ctx.previous?.publishedAt;
  if (published) {
    const units = unique((ctx.roundEntries ?? []).map((e) => str(e.organizationId))).sort();
    if (!units.length) return [];
    return [
      {
        eventKey: key,
        kind: 'RESULTS_PUBLISHED',
        recipients: units.map(orgInbox),
        mailTo: [],
        title: `评审结果已公布：${name}`,
        body: `“${name}”的评审结果已公布，请登录查看本单位参评成果的结果。`,
        link: `/unit`,
      },
    ];
  }
  return [];
}

const SUBMISSION_OUTCOMES: Readonly<Record<string, { kind: NotificationKind; verb: string; body: string }>> = {
  RETURNED: { kind: 'SUBMISSION_RETURNED', verb: '已退回修改', body: '请查看退回原因，修改后重新提交。' },
  ACCEPTED: { kind: 'SUBMISSION_ACCEPTED', verb: '已受理', body: '成果已进入评审。' },
  REJECTED: { kind: 'SUBMISSION_REJECTED', verb: '未予受理', body: '请查看不予受理的原因。' },
};

function submissionDrafts(event: FeedEvent, ctx: EventContext, key: string): NotificationDraft[] {
  const s = event.state!;
  const outcome = SUBMISSION_OUTCOMES[str(s.status)];
  if (!outcome || ctx.previous?.status === s.status) return [];
  const title = str(s.title);
  const leader = str(s.leaderId);
  const reference = s.referenceNumber ? `（${str(s.referenceNumber)}）` : '';
  return [
    {
      eventKey: key,
      kind: outcome.kind,
      recipients: unique([orgInbox(str(s.organizationId)), leader ? personInbox(leader) : '']),
      mailTo: leader ? [leader] : [],
      title: `申报成果${outcome.verb}：${title}`,
      body: `“${title}”${reference}${outcome.verb}。${outcome.body}`,
      link: `/unit/submissions/${event.entityId}`,
    },
  ];
}

function honorDrafts(event: FeedEvent, ctx: EventContext, key: string): NotificationDraft[] {
  const s = event.state!;
  const who = str(s.recipientName);
  const units = unique([s.nominatedByOrg ? orgInbox(str(s.nominatedByOrg)) : '', s.organizationId ? orgInbox(str(s.organizationId)) : '']);
  const link = `/announcements`;
  if (event.change === 'objection.file' || event.change === 'objection.record') {
    return [
      {
        eventKey: key,
        kind: 'OBJECTION_FILED',
        recipients: [OFFICE_INBOX],
        mailTo: [],
        title: `收到异议：${who}`,
        body: `公示中的“${who}”收到一份异议，请及时核查处理。异议未处理前不能授予。`,
        link: `/office`,
      },
    ];
  }
  const changed = ctx.previous?.status !== s.status;
  if (changed && s.status === 'PROPOSED') {
    return [
      {
        eventKey: key,
        kind: 'NOMINATION_PROPOSED',
        recipients: units,
        mailTo: [],
        title: `推荐已拟定：${who}`,
        body: `“${who}”已列入拟表彰名单，待公示。`,
        link,
      },
    ];
  }
  if (changed && s.status === 'ANNOUNCED') {
    const until = s.objectionsCloseAt ? `，公示期至 ${beijingDate(new Date(new Date(str(s.objectionsCloseAt)).getTime() - 1))}` : '';
    return [
      {
        eventKey: key,
        kind: 'NOMINATION_ANNOUNCED',
        recipients: units,
        mailTo: [],
        title: `拟表彰对象公示：${who}`,
        body: `“${who}”已进入公示${until}。`,
        link,
      },
    ];
  }
  return [];
}

/**
 * The notifications one change makes, from the change, the record's state it carries and what
 * the notifier knew before it (so a record seen again in the same state makes none). Each has
 * the change's key, `<entity>:<id>:<version>`, which is the same however often the feed is read.
 */
export function notificationsFor(event: FeedEvent, ctx: EventContext): NotificationDraft[] {
  if (!event.state || event.change === 'feed.snapshot') return [];
  const key = changeEventKey(event);
  switch (`${event.feed}/${event.entityType}`) {
    case 'expert-review/Assignment':
      return assignmentDrafts(event, ctx, key);
    case 'expert-review/ReviewRound':
      return roundDrafts(event, ctx, key);
    case 'submissions/Submission':
      return submissionDrafts(event, ctx, key);
    case 'honors/Honor':
      return honorDrafts(event, ctx, key);
    default:
      return [];
  }
}

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/**
 * When a round's scoring closes: the end of its review date, Beijing time (a round carries a
 * review date, not a closing time); null without one.
 */
export const roundClosesAt = (reviewDate: string | null | undefined): Date | null =>
  reviewDate ? new Date(Date.parse(`${reviewDate.slice(0, 10)}T00:00:00Z`) + DAY_MS - BEIJING_OFFSET_MS) : null;

export interface OpenRound {
  id: string;
  name: string;
  closesAt: Date | null;
  /** Entries each expert has been assigned and not yet scored, by expert id. */
  unscored: ReadonlyMap<string, number>;
  /** Expert ids to person ids, for email. */
  people?: ReadonlyMap<string, string>;
}

export interface AnnouncedHonor {
  id: string;
  recipientName: string;
  /** The end of the announcement window (objectionsCloseAt). */
  closesAt: Date;
}

export interface ReminderFacts {
  rounds: readonly OpenRound[];
  honors: readonly AnnouncedHonor[];
  /** The working-day calendar the announcement windows count on. */
  calendar: WorkCalendar;
}

/** Hours before a round closes when its experts with unscored entries are reminded. */
export const ROUND_CLOSING_HOURS = 24;

/**
 * The reminders due at `now`: each expert with unscored entries in an open round that closes
 * within 24 hours (`round-closing:<roundId>:<expertId>`), and the office for each announced
 * honor whose window ends today or on the next working day, Beijing dates
 * (`announcement-closing:<honorId>`). The keys make each reminder one notification, however
 * often it is computed.
 */
export function dueReminders(now: Date, facts: ReminderFacts): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const round of facts.rounds) {
    if (!round.closesAt) continue;
    const left = round.closesAt.getTime() - now.getTime();
    if (left <= 0 || left > ROUND_CLOSING_HOURS * HOUR_MS) continue;
    for (const [expertId, count] of [...round.unscored].sort(([a], [b]) => a.localeCompare(b))) {
      if (count <= 0) continue;
      const person = round.people?.get(expertId);
      drafts.push({
        eventKey: `round-closing:${round.id}:${expertId}`,
        kind: 'ROUND_CLOSING',
        recipients: [expertInbox(expertId)],
        mailTo: person ? [person] : [],
        title: `评审即将截止：${round.name}`,
        body: `“${round.name}”将于 24 小时内截止，您还有 ${count} 项参评成果未评分。`,
        link: `/expert/rounds/${round.id}/batch`,
      });
    }
  }
  const today = beijingDate(now);
  for (const honor of facts.honors) {
    if (now >= honor.closesAt) continue;
    const lastDay = beijingDate(new Date(honor.closesAt.getTime() - 1));
    if (!closesWithinOneWorkingDay(today, lastDay, facts.calendar)) continue;
    drafts.push({
      eventKey: `announcement-closing:${honor.id}`,
      kind: 'ANNOUNCEMENT_CLOSING',
      recipients: [OFFICE_INBOX],
      mailTo: [],
      title: `公示期即将结束：${honor.recipientName}`,
      body: `“${honor.recipientName}”的公示期于 ${lastDay} 结束，请准备处理异议与授予。`,
      link: `/office`,
    });
  }
  return drafts;
}

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Whether a window whose last day is `lastDay` ends today or on the first working day after `today`. */
export function closesWithinOneWorkingDay(today: string, lastDay: string, calendar: WorkCalendar): boolean {
  if (lastDay < today) return false;
  if (lastDay === today) return true;
  let date = nextDay(today);
  while (!isWorkingDay(date, calendar) && date < lastDay) date = nextDay(date);
  return date >= lastDay;
}
