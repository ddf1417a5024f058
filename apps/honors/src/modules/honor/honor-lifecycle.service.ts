import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Identity,
  InvalidInput,
  QUOTA_BOUND_STATUSES,
  announcementWindow,
  assertAllowed,
  check,
  hasRole,
  honorLifecycle,
  isIsoDate,
  notFound,
  quotaRefusal,
  workCalendar,
} from '@meritgraph/domain';
import { forUpdate } from '@meritgraph/db';
import { recordAudit } from '@meritgraph/subgraph-kit';
import type { RecipientFacts, RecipientsApi } from '../references/peers';
import { AwardType } from '../award/award.entity';
import { CalendarDay, CalendarYear } from '../calendar/calendar.entity';
import { statutoryCalendar } from '../calendar/statutory';
import { assertNoOrganizerTie } from '../evaluation/organizer-standing';
import { Honor, Objection } from './honor.entity';
import { countHonors, lockQuota, snapshot } from './honor-records';

export interface Conferral {
  decisionNumber: string;
  conferredOn: string;
  ceremony?: string | null;
  certificateNumber?: string | null;
}

/** One item of a batch that could not be done, and why; the batch then changes nothing. */
export interface BatchError {
  /** The item's place in the list given. */
  index: number;
  id: string;
  code: string;
  message: string;
}

/** The most honors one withdrawHonors call takes. */
export const MAX_BATCH = 500;
const UPDATE_CHUNK = 200;

/** The recipients' facts by `${kind}|${id}`, as a proposal takes them for the record. */
export type FactsByRecipient = ReadonlyMap<string, RecipientFacts>;

/** The office's steps of an honor after its nomination: propose, announce, confer, withdraw, revoke. */
export class HonorLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: Pick<RecipientsApi, 'recipients'>,
    private readonly clock: () => Date,
  ) {}

  /** 拟授予: the recipient's name and organization are taken as awarded; proposals never exceed the quota. */
  async propose(identity: Identity, ids: readonly string[]): Promise<Honor[]> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    // The owners are asked once per kind, before any transaction begins.
    const listed = ids.length ? await this.dataSource.manager.findBy(Honor, { id: In([...ids]) }) : [];
    const facts = new Map<string, RecipientFacts>();
    for (const kind of new Set(listed.map((h) => h.recipientKind))) {
      for (const [id, f] of await this.recipients.recipients(
        kind,
        listed.filter((h) => h.recipientKind === kind).map((h) => h.recipientId),
      ))
        facts.set(`${kind}|${id}`, f);
    }
    return this.proposeBatch(identity, ids, facts);
  }

  /** Proposes honors just nominated in `em`, with their recipients' facts at hand, so nominating and proposing are one transaction. */
  proposeWithin(em: EntityManager, identity: Identity, ids: readonly string[], facts: FactsByRecipient): Promise<Honor[]> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    return this.proposeBatch(identity, ids, facts, em);
  }

  /** 公示: opens the window of 5 working days (on the configured calendar) for objections. */
  async announce(identity: Identity, ids: readonly string[]): Promise<Honor[]> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    const confirmed = await this.dataSource.getRepository(CalendarYear).find();
    const calendar = workCalendar(
      await this.dataSource.getRepository(CalendarDay).find(),
      statutoryCalendar(),
      confirmed.map((y) => y.year),
    );
    return this.batch(identity, ids, async (_em, honor) => {
      honorLifecycle.assert(honor.status, 'ANNOUNCED');
      const now = this.clock();
      Object.assign(honor, { status: 'ANNOUNCED', announcedAt: now, objectionsCloseAt: announcementWindow(now, calendar).closesAt });
      return { action: 'honor.announce' };
    });
  }

  /** Confers announced honors once their window has passed with no objection open. */
  async confer(identity: Identity, ids: readonly string[], conferral: Conferral): Promise<Honor[]> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    check(conferral)
      .text('decisionNumber', { min: 2, max: 60 })
      .rule('conferredOn', (v) => (typeof v === 'string' && isIsoDate(v) ? null : 'must be a date, YYYY-MM-DD'))
      .text('ceremony', { max: 200, optional: true })
      .text('certificateNumber', { max: 60, optional: true })
      .done();
    if (conferral.certificateNumber && ids.length > 1)
      throw new InvalidInput([{ field: 'certificateNumber', message: 'each honor gets its own; leave it out of a batch' }]);
    // Read once for the whole list: the open objections, and how many certificates each year and award type has given.
    const objected = new Set<string>();
    const issued = new Map<string, number>();
    return this.batch(
      identity,
      ids,
      async (_em, honor) => {
        honorLifecycle.assert(honor.status, 'CONFERRED');
        const now = this.clock();
        if (!honor.objectionsCloseAt || now < honor.objectionsCloseAt) {
          throw new DomainError(
            'ANNOUNCEMENT_WINDOW_OPEN',
            `The announcement runs until ${honor.objectionsCloseAt?.toISOString()}; conferral waits for it`,
            'ids',
            {
              closesAt: honor.objectionsCloseAt?.toISOString(),
            },
          );
        }
        if (objected.has(honor.id)) {
          throw new DomainError('OBJECTION_OPEN', 'An objection to this honor is still open', 'ids');
        }
        // Numbered per year and award type, the certificate number's prefix, so two contests of a year never share one;
        // within a list, in the order of its ids.
        const key = `${honor.year}|${honor.awardTypeCode}`;
        const serial = issued.get(key)! + 1;
        issued.set(key, serial);
        Object.assign(honor, {
          status: 'CONFERRED',
          decisionNumber: conferral.decisionNumber.trim(),
          conferredOn: conferral.conferredOn,
          ceremony: conferral.ceremony?.trim() || null,
          certificateNumber:
            conferral.certificateNumber?.trim() || `${honor.year}-${honor.awardTypeCode}-${String(serial).padStart(4, '0')}`,
        });
        return { action: 'honor.confer' };
      },
      {
        lock: 'awardTypes',
        prepare: async (em, honors) => {
          if (!honors.length) return;
          const open = await em.find(Objection, {
            where: { honorId: In(honors.map((h) => h.id)), status: 'OPEN' },
            select: { honorId: true },
          });
          for (const o of open) objected.add(o.honorId);
          const rows: { year: number; code: string; n: string | number }[] = await em
            .createQueryBuilder(Honor, 'h')
            .select('h.year', 'year')
            .addSelect('h.award_type_code', 'code')
            .addSelect('COUNT(*)', 'n')
            .where('h.year IN (:...years) AND h.award_type_code IN (:...codes) AND h.status IN (:...statuses)', {
              years: [...new Set(honors.map((h) => h.year))],
              codes: [...new Set(honors.map((h) => h.awardTypeCode))],
              statuses: ['CONFERRED', 'REVOKED'],
            })
            .groupBy('h.year')
            .addGroupBy('h.award_type_code')
            .getRawMany();
          for (const h of honors) issued.set(`${h.year}|${h.awardTypeCode}`, 0);
          for (const r of rows) if (issued.has(`${r.year}|${r.code}`)) issued.set(`${r.year}|${r.code}`, Number(r.n));
        },
      },
    );
  }

  /** Ends an honor before conferral; needs a reason. */
  async withdraw(identity: Identity, id: string, reason: string): Promise<Honor> {
    return (await this.withdrawMany(identity, [id], reason, 'id'))[0]!;
  }

  /**
   * Ends several honors before conferral, for one reason (e.g. the nominations beyond the
   * quota after the awards meeting), all or nothing: each is held to the same rules as one
   * alone, and every refusal is reported (BATCH_REFUSED); a list of one reports its own error.
   */
  async withdrawMany(identity: Identity, ids: readonly string[], reason: string, field = 'ids'): Promise<Honor[]> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    if (ids.length > MAX_BATCH) throw new InvalidInput([{ field, message: `give 1 to ${MAX_BATCH} honors` }]);
    return this.end(identity, ids, 'WITHDRAWN', reason, field);
  }

  /** Ends a conferred honor; needs a reason. */
  async revoke(identity: Identity, id: string, reason: string): Promise<Honor> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    return (await this.end(identity, [id], 'REVOKED', reason, 'id'))[0]!;
  }

  private end(identity: Identity, ids: readonly string[], to: 'WITHDRAWN' | 'REVOKED', reason: string, field: string): Promise<Honor[]> {
    check({ reason }).text('reason', { min: 4, max: 500, multiline: true }).done();
    return this.batch(
      identity,
      ids,
      async (_em, honor) => {
        honorLifecycle.assert(honor.status, to);
        Object.assign(honor, { status: to, endReason: reason.trim(), revokedAt: to === 'REVOKED' ? this.clock() : null });
        return { action: to === 'WITHDRAWN' ? 'honor.withdraw' : 'honor.revoke', reason: reason.trim() };
      },
      { field },
    );
  }

  /** Proposes with the recipients' facts at hand; in `outer` when given. */
  private proposeBatch(identity: Identity, ids: readonly string[], facts: FactsByRecipient, outer?: EntityManager): Promise<Honor[]> {
    const proposedNow = new Map<string, number>();
    return this.batch(
      identity,
      ids,
      async (em, honor) => {
        honorLifecycle.assert(honor.status, 'PROPOSED');
        const key = `${honor.contestId}|${honor.awardTypeCode}`;
        const already = proposedNow.get(key) ?? (await countHonors(em, honor.contestId, honor.awardTypeCode, QUOTA_BOUND_STATUSES));
        const quota = await lockQuota(em, honor.contestId, honor.awardTypeCode);
        const refusal = quotaRefusal('PROPOSE', quota, already);
        if (refusal) throw refusal;
        if (honor.awardTypeCode === 'EXCELLENT_ORGANIZATION' && quota !== null) await assertNoOrganizerTie(em, honor.contestId, quota);
        proposedNow.set(key, already + 1);
        const f = facts.get(`${honor.recipientKind}|${honor.recipientId}`);
        if (f) Object.assign(honor, { recipientName: f.name, organizationId: f.organizationId, organizationName: f.organizationName });
        Object.assign(honor, { status: 'PROPOSED', proposedAt: this.clock() });
        return { action: 'honor.propose' };
      },
      { outer, lock: 'quotas' },
    );
  }

  /**
   * Runs one transition for each id, all in one transaction: if any item is refused, the
   * batch changes nothing and every refusal is reported (BATCH_REFUSED, with per-item
   * errors). A single transition is a batch of one and reports its own error.
   */
  private async batch(
    identity: Identity,
    ids: readonly string[],
    apply: (em: EntityManager, honor: Honor) => Promise<{ action: string; reason?: string | null }>,
    options: {
      outer?: EntityManager;
      field?: string;
      lock?: 'quotas' | 'awardTypes';
      /** Reads what `apply` needs of the whole list at once, after the honors are locked. */
      prepare?: (em: EntityManager, honors: Honor[]) => Promise<void>;
    } = {},
  ): Promise<Honor[]> {
    const field = options.field ?? 'ids';
    if (ids.length === 0) throw new InvalidInput([{ field, message: 'name at least one honor' }]);
    if (new Set(ids).size !== ids.length) throw new InvalidInput([{ field, message: 'names an honor twice' }]);
    return this.inTransaction(options.outer, async (em) => {
      const found = new Map((await em.find(Honor, { where: { id: In([...ids]) }, ...forUpdate(em) })).map((h) => [h.id, h]));
      if (options.lock === 'quotas') await this.lockQuotas(em, [...found.values()]);
      if (options.lock === 'awardTypes') await this.lockAwardTypes(em, [...found.values()]);
      await options.prepare?.(em, [...found.values()]);
      const errors: BatchError[] = [];
      const done: { honor: Honor; before: Honor }[] = [];
      const audit: Parameters<typeof recordAudit>[3] & unknown[] = [];
      for (const [index, id] of ids.entries()) {
        const honor = found.get(id);
        if (!honor) {
          if (ids.length === 1) throw notFound('Honor', id, field);
          errors.push({ index, id, code: ErrorCode.NOT_FOUND, message: `Honor ${id} was not found` });
          continue;
        }
        const before = snapshot(honor);
        try {
          const { action, reason } = await apply(em, honor);
          audit.push({ action, entityType: 'Honor', entityId: id, before, after: snapshot(honor), reason });
          done.push({ honor, before });
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          if (ids.length === 1) throw e;
          errors.push({ index, id, code: e.code, message: e.message });
        }
      }
      if (errors.length) {
        throw new DomainError(
          'BATCH_REFUSED',
          `${errors.length} of ${ids.length} honors could not be processed; nothing was changed`,
          'ids',
          { errors },
        );
      }
      await this.saveChanges(em, done);
      await recordAudit(em, identity, this.clock(), audit);
      return done.map((d) => d.honor);
    });
  }

  /**
   * Writes what the batch changed: honors changed alike (the same columns to the same values)
   * in one UPDATE per chunk, so a list costs the statements of one item unless each honor
   * gets values of its own (a certificate number).
   */
  private async saveChanges(em: EntityManager, done: readonly { honor: Honor; before: Honor }[]): Promise<void> {
    const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
    const groups = new Map<string, { changes: Partial<Honor>; ids: string[] }>();
    for (const { honor, before } of done) {
      const changes = Object.fromEntries(
        (Object.keys(honor) as (keyof Honor)[]).filter((k) => !same(honor[k], before[k])).map((k) => [k, honor[k]]),
      ) as Partial<Honor>;
      if (!Object.keys(changes).length) continue;
      const key = JSON.stringify(changes);
      const group = groups.get(key);
      if (group) group.ids.push(honor.id);
      else groups.set(key, { changes, ids: [honor.id] });
    }
    for (const { changes, ids } of groups.values())
      for (let i = 0; i < ids.length; i += UPDATE_CHUNK) await em.update(Honor, { id: In(ids.slice(i, i + UPDATE_CHUNK)) }, changes);
  }

  /** Runs in `outer` when given, so a bulk operation stays one transaction. */
  private inTransaction<T>(outer: EntityManager | undefined, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.dataSource.transaction(work);
  }

  /**
   * Locks the quota rows of these honors' award types, in one order, before anything is
   * counted: a transition that counts against a quota (a proposal, a certificate number)
   * then counts what the transactions before it committed, never a stale state.
   */
  private async lockQuotas(em: EntityManager, honors: readonly Honor[]): Promise<void> {
    const keys = [...new Set(honors.map((h) => `${h.contestId}|${h.awardTypeCode}`))].sort();
    for (const key of keys) {
      const [contestId, code] = key.split('|') as [string, string];
      await lockQuota(em, contestId, code);
    }
  }

  /** Locks the award types of these honors, in one order: certificate numbers run per year and award type, across contests. */
  private async lockAwardTypes(em: EntityManager, honors: readonly Honor[]): Promise<void> {
    for (const code of [...new Set(honors.map((h) => h.awardTypeCode))].sort())
      await em.findOne(AwardType, { where: { code }, ...forUpdate(em) });
  }
}
