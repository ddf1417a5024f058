import { In, IsNull, type DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Identity,
  NOTIFICATION_KINDS,
  type NotificationKind,
  check,
  decodeCursor,
  encodeCursor,
  forbidden,
  inboxKeys,
  isInboxKey,
  pageSize,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type Page, type PageArgs, pageOf } from '@meritgraph/subgraph-kit';
import { Person } from '../person/person.entity';
import { EmailPreference, Notification } from './notification.entity';
import type { NotificationInput } from './notification.types';

/** Inputs per delivery and ids per markNotificationsRead. */
export const MAX_DELIVERY = 500;

const cursorOf = (n: Notification, fingerprint: string) => encodeCursor([n.createdAt.toISOString(), n.id], fingerprint);

/**
 * The caller's notifications, one per event: an event delivered to several of the caller's
 * inboxes (a returned entry reaches its unit's inbox and its leader's own) is shown once, from
 * the most personal of them (person, then expert, unit, office).
 */
function mine(q: SelectQueryBuilder<Notification>, keys: readonly string[]): SelectQueryBuilder<Notification> {
  const ordered = [...keys].reverse();
  const clauses = ordered.map((_, i) => {
    if (i === 0) return 'n.recipientKey = :key0';
    const shownBefore = q
      .subQuery()
      .select('1')
      .from(Notification, 'o')
      .where('o.eventKey = n.eventKey')
      .andWhere(`o.recipientKey IN (:...before${i})`)
      .getQuery();
    return `(n.recipientKey = :key${i} AND NOT EXISTS ${shownBefore})`;
  });
  const params = Object.fromEntries(ordered.flatMap((key, i) => [[`key${i}`, key], ...(i ? [[`before${i}`, ordered.slice(0, i)]] : [])]));
  return q.where(`(${clauses.join(' OR ')})`, params);
}

/**
 * The in-app inboxes: the notifier delivers into them (service identity only, idempotent per
 * event and inbox); callers read and mark the notifications of the inboxes they hold, and set
 * which kinds they want by email. Contact data leaves this subgraph only to the service identity.
 */
export class NotificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
  ) {}

  /** The caller's notifications, newest first. */
  list(identity: Identity, args: PageArgs & { unread?: boolean | null }): Page<Notification> {
    const keys = inboxKeys(identity);
    const fingerprint = JSON.stringify({ keys, unread: !!args.unread });
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after, 2, fingerprint) : null;
    const query = () => {
      const q = mine(this.dataSource.getRepository(Notification).createQueryBuilder('n'), keys);
      if (args.unread) q.andWhere('n.readAt IS NULL');
      return q;
    };
    return {
      rows: async () => {
        if (!keys.length) return pageOf([], first, (n) => cursorOf(n, fingerprint), after !== null);
        const q = query();
        if (after) {
          q.andWhere('(n.createdAt < :at OR (n.createdAt = :at AND n.id < :id))', { at: new Date(String(after[0])), id: after[1] });
        }
        const rows = await q
          .orderBy('n.createdAt', 'DESC')
          .addOrderBy('n.id', 'DESC')
          .limit(first + 1)
          .getMany();
        return pageOf(rows, first, (n) => cursorOf(n, fingerprint), after !== null);
      },
      count: async () => (keys.length ? query().getCount() : 0),
    };
  }

  async unreadCount(identity: Identity): Promise<number> {
    const keys = inboxKeys(identity);
    if (!keys.length) return 0;
    return mine(this.dataSource.getRepository(Notification).createQueryBuilder('n'), keys).andWhere('n.readAt IS NULL').getCount();
  }

  /** Marks the caller's unread notifications read (all of them when `ids` is absent); others' ids change nothing. */
  async markRead(identity: Identity, ids: readonly string[] | null | undefined): Promise<{ marked: number; unreadCount: number }> {
    const keys = inboxKeys(identity);
    if (!keys.length) throw forbidden('ids');
    if (ids && ids.length > MAX_DELIVERY) throw new DomainError(ErrorCode.BAD_USER_INPUT, `ids takes at most ${MAX_DELIVERY} ids`, 'ids');
    if (ids && ids.length === 0) return { marked: 0, unreadCount: await this.unreadCount(identity) };
    const repository = this.dataSource.getRepository(Notification);
    // Marking an event read marks every copy of it in the caller's inboxes, so that none shows again.
    const events = ids
      ? (await repository.find({ select: { eventKey: true }, where: { recipientKey: In(keys), id: In([...new Set(ids)]) } })).map(
          (n) => n.eventKey,
        )
      : null;
    if (events && events.length === 0) return { marked: 0, unreadCount: await this.unreadCount(identity) };
    const where = { recipientKey: In(keys), readAt: IsNull(), ...(events ? { eventKey: In([...new Set(events)]) } : {}) };
    const marked = (await repository.update(where, { readAt: this.clock() })).affected ?? 0;
    return { marked, unreadCount: await this.unreadCount(identity) };
  }

  async preferences(identity: Identity): Promise<{ kind: NotificationKind; enabled: boolean }[]> {
    if (!identity.sub) return [];
    const rows = await this.dataSource.getRepository(EmailPreference).findBy({ personId: identity.sub });
    const off = new Set(rows.filter((r) => !r.enabled).map((r) => r.kind));
    return NOTIFICATION_KINDS.map((kind) => ({ kind, enabled: !off.has(kind) }));
  }

  async setPreference(identity: Identity, kind: NotificationKind, enabled: boolean): Promise<{ kind: NotificationKind; enabled: boolean }> {
    // Preferences are a person's: a token without a person (sub) has none to set.
    if (!identity.sub || identity.service) throw forbidden('kind');
    if (!NOTIFICATION_KINDS.includes(kind)) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Unknown kind', 'kind');
    await this.dataSource
      .getRepository(EmailPreference)
      .upsert({ personId: identity.sub, kind, enabled, updatedAt: this.clock() }, ['personId', 'kind']);
    return { kind, enabled };
  }

  /** Writes each notification into its inbox once: a repeat of an (event, inbox) pair is ignored. The graph's own services only. */
  async deliver(identity: Identity, inputs: readonly NotificationInput[]): Promise<{ delivered: number; ignored: number }> {
    if (!identity.service) throw forbidden('inputs');
    if (inputs.length < 1 || inputs.length > MAX_DELIVERY)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `inputs takes 1 to ${MAX_DELIVERY} notifications`, 'inputs');
    inputs.forEach((input, i) =>
      check(input, `inputs.${i}.`)
        .text('eventKey', { max: 200 })
        .rule('recipientKey', (v) =>
          typeof v === 'string' && isInboxKey(v) ? null : 'must be office, org:<id>, expert:<id> or person:<id>',
        )
        .oneOf('kind', NOTIFICATION_KINDS)
        .text('title', { max: 200 })
        .text('body', { max: 2000, multiline: true })
        .text('link', { max: 300, optional: true, pattern: /^\/(?!\/)/, hint: 'must be a console path starting with /' })
        .done(),
    );
    const now = this.clock();
    return this.dataSource.transaction(async (em) => {
      const events = [...new Set(inputs.map((i) => i.eventKey))];
      const known = new Set<string>();
      for (let start = 0; start < events.length; start += 200) {
        const rows = await em.find(Notification, {
          select: { eventKey: true, recipientKey: true },
          where: { eventKey: In(events.slice(start, start + 200)) },
        });
        for (const row of rows) known.add(`${row.eventKey}\n${row.recipientKey}`);
      }
      const fresh: Notification[] = [];
      for (const input of inputs) {
        const pair = `${input.eventKey}\n${input.recipientKey}`;
        if (known.has(pair)) continue;
        known.add(pair);
        fresh.push(
          em.create(Notification, {
            id: newId(),
            eventKey: input.eventKey,
            recipientKey: input.recipientKey,
            kind: input.kind,
            title: input.title.trim(),
            body: input.body.trim(),
            link: input.link ?? null,
            createdAt: now,
            readAt: null,
          }),
        );
      }
      for (let start = 0; start < fresh.length; start += 100) {
        await em
          .createQueryBuilder()
          .insert()
          .into(Notification)
          .values(fresh.slice(start, start + 100))
          .orIgnore()
          .execute();
      }
      return { delivered: fresh.length, ignored: inputs.length - fresh.length };
    });
  }

  /** Email addresses and opt-outs of people, for the notifier. The graph's own services only. */
  async recipients(identity: Identity, personIds: readonly string[]) {
    if (!identity.service) throw forbidden('personIds');
    if (personIds.length > MAX_DELIVERY)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `personIds takes at most ${MAX_DELIVERY} ids`, 'personIds');
    const ids = [...new Set(personIds)];
    if (!ids.length) return [];
    const people = await this.dataSource.getRepository(Person).find({ select: { id: true, email: true }, where: { id: In(ids) } });
    const off = await this.dataSource.getRepository(EmailPreference).findBy({ personId: In(ids), enabled: false });
    return people.map((p) => ({
      personId: p.id,
      email: p.email,
      emailOptOuts: off.filter((o) => o.personId === p.id).map((o) => o.kind),
    }));
  }
}
