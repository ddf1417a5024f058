import type { DataSource } from 'typeorm';
import {
  type NotificationDraft,
  type NotificationKind,
  dueReminders,
  notificationsFor,
  roundClosesAt,
  workCalendar,
} from '@meritgraph/domain';
import { FeedReader, type FeedRecord, type PeerClient } from '@meritgraph/subgraph-kit';
import { MailLog, ReminderSent } from './entities';
import { PageKnowledge, reminderFacts } from './knowledge';
import { type MailSender, messageIdOf } from './mail';

/** The feeds the notifier reads, in order. */
export const NOTIFIER_FEEDS = ['organizations', 'submissions', 'expert-review', 'honors'] as const;
export type NotifierFeed = (typeof NOTIFIER_FEEDS)[number];

/** What the notifier writes its lines with: person ids and event keys, never an address. */
export interface NotifierLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface NotifierDeps {
  /** The notifier's own database (see database.ts), migrated. */
  dataSource: DataSource;
  /** A client of each subgraph, with the notifier's service identity. */
  peers: (subgraph: NotifierFeed) => PeerClient;
  mail: MailSender;
  clock?: () => Date;
  /** Milliseconds between passes; null passes only when asked (catchUp), as tests do. */
  pollMs: number | null;
  /** Where mail links lead: the console's origin. */
  consoleUrl?: string;
  logger?: NotifierLogger;
  /** Changes per feed read (1 to 500). */
  pageSize?: number;
}

export interface Notifier {
  /** Reads every feed to its head, delivering and mailing what it makes, then the reminders due. */
  catchUp(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  /** Whether the notifier's database answers. */
  ready(): Promise<boolean>;
}

const DELIVERY_CHUNK = 500;

const DELIVER = `mutation Deliver($inputs: [NotificationInput!]!) { deliverNotifications(inputs: $inputs) { delivered ignored } }`;
const RECIPIENTS = `query Recipients($personIds: [ID!]!) { notificationRecipients(personIds: $personIds) { personId email emailOptOuts } }`;
const CALENDAR = `query Calendar { calendarDays { date kind } }`;

interface Recipient {
  personId: string;
  email: string | null;
  emailOptOuts: NotificationKind[];
}

const silent: NotifierLogger = { info: () => undefined, warn: () => undefined };

/**
 * The notifier: reads the four change feeds (as the analytics read model does, the kit's
 * FeedReader), turns each page's changes into notifications (packages/domain), delivers them
 * into the organizations subgraph's inboxes (idempotent per event and inbox), and mails each
 * person whose address is known and who has not turned the kind off, once: PENDING is
 * recorded, the mail sent with a Message-ID derived from the event and person, then SENT. The
 * cursor moves after the page, so a restart reads the page again: the inbox ignores what it
 * has, and SENT mails are not sent again.
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const clock = deps.clock ?? (() => new Date());
  const log = deps.logger ?? silent;
  const consoleUrl = (deps.consoleUrl ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const pages = new Map<string, PageKnowledge>();
  const organizations = () => deps.peers('organizations');

  async function deliver(drafts: readonly NotificationDraft[]): Promise<void> {
    const inputs = drafts.flatMap((d) =>
      d.recipients.map((recipientKey) => ({
        eventKey: d.eventKey,
        recipientKey,
        kind: d.kind,
        title: d.title,
        body: d.body,
        link: d.link,
      })),
    );
    for (let start = 0; start < inputs.length; start += DELIVERY_CHUNK) {
      await organizations().request(DELIVER, { inputs: inputs.slice(start, start + DELIVERY_CHUNK) });
    }
  }

  async function recipients(personIds: readonly string[]): Promise<Map<string, Recipient>> {
    const found = new Map<string, Recipient>();
    const ids = [...new Set(personIds)];
    for (let start = 0; start < ids.length; start += DELIVERY_CHUNK) {
      const data = await organizations().request<{ notificationRecipients: Recipient[] }>(RECIPIENTS, {
        personIds: ids.slice(start, start + DELIVERY_CHUNK),
      });
      for (const r of data.notificationRecipients) found.set(r.personId, r);
    }
    return found;
  }

  async function mail(drafts: readonly NotificationDraft[]): Promise<void> {
    const pairs = drafts.flatMap((d) => [...new Set(d.mailTo)].map((personId) => ({ draft: d, personId })));
    if (!pairs.length) return;
    const logs = deps.dataSource.getRepository(MailLog);
    const sent = new Set<string>();
    const events = [...new Set(pairs.map((p) => p.draft.eventKey))];
    for (let start = 0; start < events.length; start += 200) {
      const rows = await logs.find({ where: events.slice(start, start + 200).map((eventKey) => ({ eventKey, state: 'SENT' as const })) });
      for (const row of rows) sent.add(`${row.eventKey}\n${row.personId}`);
    }
    const due = pairs.filter((p) => !sent.has(`${p.draft.eventKey}\n${p.personId}`));
    if (!due.length) return;
    const people = await recipients(due.map((p) => p.personId));
    for (const { draft, personId } of due) {
      const person = people.get(personId);
      if (!person?.email) {
        log.info({ eventKey: draft.eventKey, personId }, 'no email address: inbox only');
        continue;
      }
      if (person.emailOptOuts.includes(draft.kind)) {
        log.info({ eventKey: draft.eventKey, personId, kind: draft.kind }, 'email turned off for this kind: inbox only');
        continue;
      }
      const messageId = messageIdOf(draft.eventKey, personId);
      const previous = await logs.findOneBy({ eventKey: draft.eventKey, personId });
      await logs.save({
        eventKey: draft.eventKey,
        personId,
        kind: draft.kind,
        state: 'PENDING',
        messageId,
        attempts: (previous?.attempts ?? 0) + 1,
        updatedAt: clock(),
      });
      const link = draft.link ? `\n\n${consoleUrl}${draft.link}` : '';
      await deps.mail.send({ to: person.email, subject: draft.title, text: `${draft.body}${link}`, messageId });
      await logs.update({ eventKey: draft.eventKey, personId }, { state: 'SENT', updatedAt: clock() });
      log.info({ eventKey: draft.eventKey, personId, kind: draft.kind, messageId }, 'mail sent');
    }
  }

  async function dispatch(drafts: readonly NotificationDraft[]): Promise<void> {
    if (!drafts.length) return;
    await deliver(drafts);
    await mail(drafts);
  }

  const reader = new FeedReader<NotifierFeed>(
    deps.dataSource,
    NOTIFIER_FEEDS,
    deps.peers,
    clock,
    {
      process: async (feed, changes: readonly FeedRecord[]) => {
        const knowledge = new PageKnowledge(deps.dataSource, feed);
        pages.set(feed, knowledge);
        const drafts: NotificationDraft[] = [];
        for (const change of changes) {
          const event = { feed, ...change };
          drafts.push(...notificationsFor(event, await knowledge.contextOf(event)));
          knowledge.remember(change);
        }
        await dispatch(drafts);
      },
      apply: async (em, feed, changes) => {
        await pages.get(feed)?.flush(em);
        pages.delete(feed);
        return changes.length;
      },
    },
    {
      pollMs: deps.pollMs,
      pageSize: deps.pageSize,
      onError: (feed, error) => log.warn({ feed, error: error instanceof Error ? error.message : String(error) }, 'feed read failed'),
    },
  );

  async function reminders(): Promise<void> {
    const facts = await reminderFacts(deps.dataSource);
    if (!facts.rounds.length && !facts.honors.length) return;
    const people = new Map(facts.experts.map((x) => [String(x.id), String(x.personId)]));
    const rounds = facts.rounds.map((round) => {
      const scored = new Set(
        facts.scorecards.filter((c) => c.roundId === round.id).map((c) => `${String(c.expertId)}\n${String(c.entryId)}`),
      );
      const unscored = new Map<string, number>();
      for (const a of facts.assignments) {
        if (a.roundId !== round.id || a.status !== 'ASSIGNED') continue;
        const expertId = String(a.expertId);
        unscored.set(expertId, (unscored.get(expertId) ?? 0) + (scored.has(`${expertId}\n${String(a.entryId)}`) ? 0 : 1));
      }
      return {
        id: String(round.id),
        name: String(round.name),
        closesAt: roundClosesAt(round.reviewDate as string | null),
        unscored,
        people,
      };
    });
    const honors = facts.honors.map((h) => ({
      id: String(h.id),
      recipientName: String(h.recipientName),
      closesAt: new Date(String(h.objectionsCloseAt)),
    }));
    let days: { date: string; kind: 'HOLIDAY' | 'WORKDAY' }[] = [];
    if (honors.length) days = (await deps.peers('honors').request<{ calendarDays: typeof days }>(CALENDAR)).calendarDays;
    const due = dueReminders(clock(), { rounds, honors, calendar: workCalendar(days) });
    if (!due.length) return;
    const done = deps.dataSource.getRepository(ReminderSent);
    const already = new Set((await done.find()).map((r) => r.eventKey));
    const fresh = due.filter((d) => !already.has(d.eventKey));
    if (!fresh.length) return;
    await dispatch(fresh);
    await done.save(fresh.map((d) => ({ eventKey: d.eventKey, deliveredAt: clock() })));
    log.info({ reminders: fresh.map((d) => d.eventKey) }, 'reminders delivered');
  }

  let pass: Promise<void> | null = null;
  const catchUp = () =>
    (pass ??= (async () => {
      try {
        await reader.catchUp();
        await reminders();
      } finally {
        pass = null;
      }
    })());

  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  return {
    catchUp,
    start() {
      if (deps.pollMs === null || timer) return;
      stopped = false;
      const tick = () => {
        timer = setTimeout(() => {
          void catchUp()
            .catch((error: unknown) => log.warn({ error: error instanceof Error ? error.message : String(error) }, 'notifier pass failed'))
            .finally(() => {
              if (!stopped) tick();
            });
        }, deps.pollMs!);
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await pass?.catch(() => undefined);
      await reader.stop();
    },
    ready: async () => {
      await deps.dataSource.query('SELECT 1');
      return true;
    },
  };
}
