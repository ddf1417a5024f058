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
  id: string;
  code: string;
  message: string;
}

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
    return this.batch(
      identity,
      ids,
      async (em, honor) => {
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
        if (await em.existsBy(Objection, { honorId: honor.id, status: 'OPEN' })) {
          throw new DomainError('OBJECTION_OPEN', 'An objection to this honor is still open', 'ids');
        }
        // Numbered per year and award type, the certificate number's prefix, so two contests of a year never share one.
        const serial =
          (await em.countBy(Honor, { year: honor.year, awardTypeCode: honor.awardTypeCode, status: In(['CONFERRED', 'REVOKED']) })) + 1;
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
      { lock: 'awardTypes' },
    );
  }

  /** Ends an honor before conferral; needs a reason. */
  async withdraw(identity: Identity, id: string, reason: string): Promise<Honor> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    return this.end(identity, id, 'WITHDRAWN', reason);
  }

  /** Ends a conferred honor; needs a reason. */
  async revoke(identity: Identity, id: string, reason: string): Promise<Honor> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    return this.end(identity, id, 'REVOKED', reason);
  }

  private async end(identity: Identity, id: string, to: 'WITHDRAWN' | 'REVOKED', reason: string): Promise<Honor> {
    check({ reason }).text('reason', { min: 4, max: 500, multiline: true }).done();
    const [honor] = await this.batch(
      identity,
      [id],
      async (_em, honor) => {
        honorLifecycle.assert(honor.status, to);
        Object.assign(honor, { status: to, endReason: reason.trim(), revokedAt: to === 'REVOKED' ? this.clock() : null });
        return { action: to === 'WITHDRAWN' ? 'honor.withdraw' : 'honor.revoke', reason: reason.trim() };
      },
      { field: 'id' },
    );
    return honor!;
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
    options: { outer?: EntityManager; field?: string; lock?: 'quotas' | 'awardTypes' } = {},
  ): Promise<Honor[]> {
    const field = options.field ?? 'ids';
    if (ids.length === 0) throw new InvalidInput([{ field, message: 'name at least one honor' }]);
    if (new Set(ids).size !== ids.length) throw new InvalidInput([{ field, message: 'names an honor twice' }]);
    return this.inTransaction(options.outer, async (em) => {
      const found = new Map((await em.find(Honor, { where: { id: In([...ids]) }, ...forUpdate(em) })).map((h) => [h.id, h]));
      if (options.lock === 'quotas') await this.lockQuotas(em, [...found.values()]);
      if (options.lock === 'awardTypes') await this.lockAwardTypes(em, [...found.values()]);
      const errors: BatchError[] = [];
      const done: Honor[] = [];
      const audit: Parameters<typeof recordAudit>[3] & unknown[] = [];
      for (const id of ids) {
        const honor = found.get(id);
        if (!honor) {
          if (ids.length === 1) throw notFound('Honor', id, field);
          errors.push({ id, code: ErrorCode.NOT_FOUND, message: `Honor ${id} was not found` });
          continue;
        }
        const before = snapshot(honor);
        try {
          const { action, reason } = await apply(em, honor);
          await em.save(honor);
          audit.push({ action, entityType: 'Honor', entityId: id, before, after: snapshot(honor), reason });
          done.push(honor);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          if (ids.length === 1) throw e;
          errors.push({ id, code: e.code, message: e.message });
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
      await recordAudit(em, identity, this.clock(), audit);
      return done;
    });
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
