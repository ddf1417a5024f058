import type { DataSource, EntityManager, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  HonorStatus,
  type Identity,
  InvalidInput,
  NOMINATION_STATUSES,
  PUBLIC_HONOR_STATUSES,
  type PageArgs,
  QUOTA_BOUND_STATUSES,
  RECIPIENT_KINDS,
  type RecipientKind,
  alreadyExists,
  announcementWindow,
  assertAllowed,
  canSeeHonor,
  check,
  forbidden,
  hasRole,
  honorLifecycle,
  isIsoDate,
  notFound,
  quotaRefusal,
  readsEverything,
  workCalendar,
} from '@meritgraph/domain';
import { escapeLike, forUpdate, LIKE_ESCAPE, newId } from '@meritgraph/db';
import { type Page, type RequestContext, byKey, groupByKey, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import type { RecipientFacts, RecipientsApi, ReviewApi } from '../references/peers';
import { AwardQuota, AwardType } from '../award/award.entity';
import { CalendarDay } from '../calendar/calendar.entity';
import { Honor, Objection } from './honor.entity';

export interface NewNomination {
  contestId: string;
  awardTypeCode: string;
  recipientKind?: RecipientKind | null;
  recipientId: string;
  citation?: string | null;
}

export interface HonorFilter {
  contestId?: string | null;
  year?: number | null;
  status?: HonorStatus | null;
  awardTypeCode?: string | null;
  recipientKind?: RecipientKind | null;
  /** Words in the recipient's organization name as awarded. */
  organizationName?: string | null;
}

export interface Conferral {
  decisionNumber: string;
  conferredOn: string;
  ceremony?: string | null;
  certificateNumber?: string | null;
}

/** Nominations checked against the other subgraphs' facts, ready to be inserted. */
interface CheckedNominations {
  contestId: string;
  year: number;
  type: AwardType;
  facts: Map<string, RecipientFacts>;
  /** The nominating union; null for the office. */
  nominatedByOrg: string | null;
}

/** One item of a batch that could not be done, and why; the batch then changes nothing. */
export interface BatchError {
  id: string;
  code: string;
  message: string;
}

const snapshot = (h: Honor) => ({ ...h });

export class HonorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: RecipientsApi,
    private readonly review: ReviewApi,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Honor> {
    return this.dataSource.getRepository(Honor);
  }

  /**
   * An honor the caller may see: public records (announced, conferred, revoked) for anyone,
   * the rest for the office and analysts; to others an unpublished honor and a missing one
   * look the same.
   */
  async load(ctx: RequestContext, id: string): Promise<Honor | null> {
    const honor = await ctx.loaders
      .get<string, Honor | null>('Honor.byId', async (ids) => byKey(ids, await this.repo.findBy({ id: In([...ids]) }), (h) => h.id))
      .load(id);
    if (honor && canSeeHonor(ctx.identity, honor.status)) return honor;
    if (readsEverything(ctx.identity)) return null;
    throw forbidden();
  }

  /** Honors in a stable order (award type, recipient name, id), limited to public records unless the caller reads everything. */
  list(identity: Identity, filter: HonorFilter, page: PageArgs): Page<Honor> {
    check(filter).text('organizationName', { max: 100, optional: true }).int('year', { min: 1949, max: 2200, optional: true }).done();
    const query = this.repo.createQueryBuilder('h');
    if (!readsEverything(identity)) query.andWhere('h.status IN (:...visible)', { visible: PUBLIC_HONOR_STATUSES });
    if (filter.contestId) query.andWhere('h.contest_id = :contestId', { contestId: filter.contestId });
    if (filter.year) query.andWhere('h.year = :year', { year: filter.year });
    if (filter.status) query.andWhere('h.status = :status', { status: filter.status });
    if (filter.awardTypeCode) query.andWhere('h.award_type_code = :awardTypeCode', { awardTypeCode: filter.awardTypeCode });
    if (filter.recipientKind) query.andWhere('h.recipient_kind = :kind', { kind: filter.recipientKind });
    if (filter.organizationName?.trim())
      query.andWhere(`h.organization_name LIKE :org ${LIKE_ESCAPE}`, { org: `%${escapeLike(filter.organizationName.trim())}%` });
    return paginate(query, page, [
      { column: 'h.award_type_code', value: (h) => h.awardTypeCode },
      { column: 'h.recipient_name', value: (h) => h.recipientName },
      { column: 'h.id', value: (h) => h.id },
    ]);
  }

  /** Every honor of one recipient the caller may see, batched across the request. */
  async forRecipient(ctx: RequestContext, kind: RecipientKind, recipientId: string): Promise<Honor[]> {
    const honors = await ctx.loaders
      .get<string, Honor[]>(`honors.of.${kind}`, async (ids) =>
        groupByKey(
          ids,
          await this.repo.find({ where: { recipientKind: kind, recipientId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
          (h) => h.recipientId,
        ),
      )
      .load(recipientId);
    return honors.filter((h) => canSeeHonor(ctx.identity, h.status));
  }

  /** Counts per award type and status in a contest; public records only for callers who do not read everything. One statement per request. */
  async summary(ctx: RequestContext, contestId: string): Promise<{ awardTypeCode: string; status: HonorStatus; count: number }[]> {
    const rows = await ctx.loaders
      .get<string, { contestId: string; awardTypeCode: string; status: HonorStatus; count: number }[]>(
        'Contest.honorsSummary',
        async (ids) => {
          const raw: { contestId: string; awardTypeCode: string; status: HonorStatus; n: string | number }[] = await this.repo
            .createQueryBuilder('h')
            .select('h.contest_id', 'contestId')
            .addSelect('h.award_type_code', 'awardTypeCode')
            .addSelect('h.status', 'status')
            .addSelect('COUNT(*)', 'n')
            .where('h.contest_id IN (:...ids)', { ids })
            .groupBy('h.contest_id')
            .addGroupBy('h.award_type_code')
            .addGroupBy('h.status')
            .orderBy('h.award_type_code')
            .addOrderBy('h.status')
            .getRawMany();
          return groupByKey(
            ids,
            raw.map((r) => ({ ...r, count: Number(r.n) })),
            (r) => r.contestId,
          );
        },
      )
      .load(contestId);
    return rows
      .filter((r) => canSeeHonor(ctx.identity, r.status))
      .map(({ awardTypeCode, status, count }) => ({ awardTypeCode, status, count }));
  }

  objections(ctx: RequestContext, honorId: string): Promise<Objection[]> {
    assertAllowed(readsEverything(ctx.identity), 'objections');
    return ctx.loaders
      .get<string, Objection[]>('Honor.objections', async (ids) =>
        groupByKey(
          ids,
          await this.dataSource.getRepository(Objection).find({ where: { honorId: In([...ids]) }, order: { filedAt: 'ASC', id: 'ASC' } }),
          (o) => o.honorId,
        ),
      )
      .load(honorId);
  }

  private async awardType(em: EntityManager, code: string): Promise<AwardType> {
    const type = await em.findOneBy(AwardType, { code });
    if (!type) {
      const codes = (await em.find(AwardType, { order: { position: 'ASC' } })).map((t) => t.code);
      throw new InvalidInput([{ field: 'awardTypeCode', message: `must be one of ${codes.join(', ')}` }]);
    }
    return type;
  }

  /** The quota in force, locked for the rest of the transaction so two requests cannot both take the last place. */
  private async quota(em: EntityManager, contestId: string, code: string): Promise<number | null> {
    const row = await em.findOne(AwardQuota, { where: { contestId, awardTypeCode: code }, ...forUpdate(em) });
    return row?.quota ?? null;
  }

  private count(em: EntityManager, contestId: string, code: string, statuses: readonly HonorStatus[]): Promise<number> {
    return em.countBy(Honor, { contestId, awardTypeCode: code, status: In([...statuses]) });
  }

  /** The recipients' facts from their owners; NOT_FOUND naming `field` for any that do not exist. */
  private async facts(kind: RecipientKind, ids: readonly string[], field = 'recipientId'): Promise<Map<string, RecipientFacts>> {
    const found = await this.recipients.recipients(kind, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw notFound(kind.charAt(0) + kind.slice(1).toLowerCase(), missing, field);
    return found;
  }

  /**
   * Nominates a recipient: the office anywhere, a union's organizer within its own subtree.
   * The recipient must exist and be of the type's kind, be nominated once per type and
   * contest, and — for an excellent achievement — be EXCELLENT in the contest's final round.
   * Nominations may reach 120% of the quota.
   */
  async nominate(identity: Identity, input: NewNomination): Promise<Honor> {
    const checked = await this.checkNominations(identity, input.contestId, input.awardTypeCode, [input], 'recipientId');
    return (await this.dataSource.transaction((em) => this.insertNominations(em, identity, checked, [input], 'recipientId')))[0]!;
  }

  /** Runs in `outer` when given, so a bulk operation stays one transaction. */
  private inTransaction<T>(outer: EntityManager | undefined, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.dataSource.transaction(work);
  }

  /**
   * Everything about nominations that other subgraphs decide — the contest, the recipients
   * and their units, the final round's verdict — checked before any transaction begins, so
   * no transaction waits on another service.
   */
  private async checkNominations(
    identity: Identity,
    contestId: string,
    code: string,
    inputs: readonly NewNomination[],
    field: string,
  ): Promise<CheckedNominations> {
    for (const input of inputs) {
      check(input)
        .text('contestId', { max: 36 })
        .text('awardTypeCode', { max: 40 })
        .oneOf('recipientKind', RECIPIENT_KINDS, { optional: true })
        .text('recipientId', { max: 36 })
        .text('citation', { max: 1000, optional: true })
        .done();
    }
    const type = await this.awardType(this.dataSource.manager, code);
    const wrongKind = inputs.find((i) => i.recipientKind && i.recipientKind !== type.recipientKind);
    if (wrongKind)
      throw new InvalidInput([
        { field: 'recipientKind', message: `${type.code} is awarded to a ${type.recipientKind}, not a ${wrongKind.recipientKind}` },
      ]);
    const contest = await this.recipients.contest(contestId);
    if (!contest) throw notFound('Contest', contestId, 'contestId');
    const facts = await this.facts(
      type.recipientKind,
      inputs.map((i) => i.recipientId),
      field,
    );
    const isAdmin = hasRole(identity, 'ADMIN') || !!identity.service;
    for (const f of facts.values()) {
      // A union nominates within its own subtree; the office anywhere.
      if (!isAdmin && (!identity.org || !f.organizationLine.includes(identity.org))) throw forbidden(field);
      if (f.kind === 'SUBMISSION' && f.contestId !== contestId)
        throw new InvalidInput([{ field, message: 'the achievement was entered in another contest' }]);
    }
    if (type.recipientKind === 'SUBMISSION') {
      const excellent = await this.review.excellent(contestId, [...facts.keys()]);
      const not = inputs.find((i) => !excellent.has(i.recipientId));
      if (not)
        throw new DomainError(
          'NOT_EXCELLENT',
          'Only an achievement found EXCELLENT in the contest’s final round can be nominated for this award',
          field,
          { submissionId: not.recipientId },
        );
    }
    return { contestId, year: contest.year, type, facts, nominatedByOrg: isAdmin ? null : (identity.org ?? null) };
  }

  /** Inserts checked nominations within the quota's 120%, once per recipient. */
  private async insertNominations(
    em: EntityManager,
    identity: Identity,
    checked: CheckedNominations,
    inputs: readonly NewNomination[],
    field: string,
  ): Promise<Honor[]> {
    const { contestId, type, facts } = checked;
    const quota = await this.quota(em, contestId, type.code);
    // A repeat is named as such even when the nominations are full.
    const taken = await em.findBy(Honor, { contestId, awardTypeCode: type.code, recipientId: In(inputs.map((i) => i.recipientId)) });
    if (taken.length) throw alreadyExists('Honor', field, taken[0]!.recipientId);
    const refusal = quotaRefusal('NOMINATE', quota, await this.count(em, contestId, type.code, NOMINATION_STATUSES), inputs.length);
    if (refusal) throw refusal;
    const now = this.clock();
    const honors = inputs.map((input) => {
      const f = facts.get(input.recipientId)!;
      return em.create(Honor, {
        id: newId(),
        contestId,
        year: checked.year,
        awardTypeCode: type.code,
        recipientKind: type.recipientKind,
        recipientId: input.recipientId,
        recipientName: f.name,
        organizationId: f.organizationId,
        organizationName: f.organizationName,
        citation: input.citation?.trim() || null,
        status: honorLifecycle.initial,
        nominatedByOrg: checked.nominatedByOrg,
        proposedAt: null,
        announcedAt: null,
        objectionsCloseAt: null,
        decisionNumber: null,
        conferredOn: null,
        ceremony: null,
        certificateNumber: null,
        revokedAt: null,
        endReason: null,
        createdAt: now,
      });
    });
    for (let i = 0; i < honors.length; i += 200) await em.insert(Honor, honors.slice(i, i + 200));
    await recordAudit(
      em,
      identity,
      honors.map((h) => ({ action: 'honor.nominate', entityType: 'Honor', entityId: h.id, after: snapshot(h) })),
    );
    return honors;
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
      const audit: Parameters<typeof recordAudit>[2] & unknown[] = [];
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
      await recordAudit(em, identity, audit);
      return done;
    });
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
      await this.quota(em, contestId, code);
    }
  }

  /** Locks the award types of these honors, in one order: certificate numbers run per year and award type, across contests. */
  private async lockAwardTypes(em: EntityManager, honors: readonly Honor[]): Promise<void> {
    for (const code of [...new Set(honors.map((h) => h.awardTypeCode))].sort())
      await em.findOne(AwardType, { where: { code }, ...forUpdate(em) });
  }

  /** 拟授予: the recipient's name and organization are taken as awarded; proposals never exceed the quota. */
  async propose(identity: Identity, ids: readonly string[]): Promise<Honor[]> {
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
    return this.proposeWith(identity, ids, facts);
  }

  /** Proposes with the recipients' facts at hand (by kind|id); in `outer` when given. */
  private proposeWith(
    identity: Identity,
    ids: readonly string[],
    facts: ReadonlyMap<string, RecipientFacts>,
    outer?: EntityManager,
  ): Promise<Honor[]> {
    const proposedNow = new Map<string, number>();
    return this.batch(
      identity,
      ids,
      async (em, honor) => {
        honorLifecycle.assert(honor.status, 'PROPOSED');
        const key = `${honor.contestId}|${honor.awardTypeCode}`;
        const already = proposedNow.get(key) ?? (await this.count(em, honor.contestId, honor.awardTypeCode, QUOTA_BOUND_STATUSES));
        const refusal = quotaRefusal('PROPOSE', await this.quota(em, honor.contestId, honor.awardTypeCode), already);
        if (refusal) throw refusal;
        proposedNow.set(key, already + 1);
        const f = facts.get(`${honor.recipientKind}|${honor.recipientId}`);
        if (f) Object.assign(honor, { recipientName: f.name, organizationId: f.organizationId, organizationName: f.organizationName });
        Object.assign(honor, { status: 'PROPOSED', proposedAt: this.clock() });
        return { action: 'honor.propose' };
      },
      { outer, lock: 'quotas' },
    );
  }

  /** 公示: opens the window of 5 working days (on the configured calendar) for objections. */
  async announce(identity: Identity, ids: readonly string[]): Promise<Honor[]> {
    const calendar = workCalendar(await this.dataSource.getRepository(CalendarDay).find());
    return this.batch(identity, ids, async (_em, honor) => {
      honorLifecycle.assert(honor.status, 'ANNOUNCED');
      const now = this.clock();
      Object.assign(honor, { status: 'ANNOUNCED', announcedAt: now, objectionsCloseAt: announcementWindow(now, calendar).closesAt });
      return { action: 'honor.announce' };
    });
  }

  /** Confers announced honors once their window has passed with no objection open. */
  confer(identity: Identity, ids: readonly string[], conferral: Conferral): Promise<Honor[]> {
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

  /** Ends an honor before conferral (WITHDRAWN) or after it (REVOKED); either needs a reason. */
  end(identity: Identity, id: string, to: 'WITHDRAWN' | 'REVOKED', reason: string): Promise<Honor> {
    check({ reason }).text('reason', { min: 4, max: 500 }).done();
    return this.batch(
      identity,
      [id],
      async (_em, honor) => {
        honorLifecycle.assert(honor.status, to);
        Object.assign(honor, { status: to, endReason: reason.trim(), revokedAt: to === 'REVOKED' ? this.clock() : null });
        return { action: to === 'WITHDRAWN' ? 'honor.withdraw' : 'honor.revoke', reason: reason.trim() };
      },
      { field: 'id' },
    ).then((h) => h[0]!);
  }

  /** Anyone signed in may object to an announced honor while its window is open. */
  async object(identity: Identity, honorId: string, text: string, contact: string): Promise<Objection> {
    check({ honorId, text, contact })
      .text('honorId', { max: 36 })
      .text('text', { min: 10, max: 2000 })
      .text('contact', { min: 3, max: 200 })
      .done();
    return this.dataSource.transaction(async (em) => {
      // Locked, so a conferral running now either sees this objection or finishes first.
      const honor = await em.findOne(Honor, { where: { id: honorId }, ...forUpdate(em) });
      if (!honor || !canSeeHonor(identity, honor.status))
        throw readsEverything(identity) ? notFound('Honor', honorId, 'honorId') : forbidden('honorId');
      const now = this.clock();
      if (honor.status !== 'ANNOUNCED' || !honor.objectionsCloseAt || now >= honor.objectionsCloseAt) {
        throw new DomainError(
          'ANNOUNCEMENT_WINDOW_CLOSED',
          'Objections are taken only while the honor is announced, within its window',
          'honorId',
        );
      }
      const objection = em.create(Objection, {
        id: newId(),
        honorId,
        text: text.trim(),
        contact: contact.trim(),
        filedBy: identity.sub ?? 'unknown',
        filedAt: now,
        status: 'OPEN',
        resolution: null,
        resolvedAt: null,
      });
      await em.insert(Objection, objection);
      // The objector's contact stays out of the audit log, which analysts read.
      await recordAudit(em, identity, {
        action: 'objection.file',
        entityType: 'Honor',
        entityId: honorId,
        after: { objectionId: objection.id, text: objection.text },
      });
      return objection;
    });
  }

  /** The office resolves an objection: UPHELD withdraws the honor; DISMISSED lets conferral go ahead. */
  async resolveObjection(identity: Identity, id: string, outcome: 'UPHELD' | 'DISMISSED', resolution: string): Promise<Objection> {
    check({ resolution }).text('resolution', { min: 4, max: 1000 }).done();
    return this.dataSource.transaction(async (em) => {
      const objection = await em.findOne(Objection, { where: { id }, ...forUpdate(em) });
      if (!objection) throw notFound('Objection', id);
      if (objection.status !== 'OPEN')
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `The objection is already ${objection.status}`, 'id');
      Object.assign(objection, { status: outcome, resolution: resolution.trim(), resolvedAt: this.clock() });
      await em.save(objection);
      await recordAudit(em, identity, {
        action: `objection.${outcome.toLowerCase()}`,
        entityType: 'Honor',
        entityId: objection.honorId,
        after: { objectionId: id, status: outcome, resolution },
        reason: resolution,
      });
      const honor = await em.findOne(Honor, { where: { id: objection.honorId }, ...forUpdate(em) });
      // Another objection upheld, or the office, may have withdrawn the honor already.
      if (outcome === 'UPHELD' && honor && honor.status !== 'WITHDRAWN') {
        const before = snapshot(honor);
        honorLifecycle.assert(honor.status, 'WITHDRAWN');
        Object.assign(honor, { status: 'WITHDRAWN', endReason: `objection upheld: ${resolution.trim()}`.slice(0, 500) });
        await em.save(honor);
        await recordAudit(em, identity, {
          action: 'honor.withdraw',
          entityType: 'Honor',
          entityId: honor.id,
          before,
          after: snapshot(honor),
          reason: resolution,
        });
      }
      return objection;
    });
  }

  /** Nominates and proposes, in one go, every achievement a final round found EXCELLENT; all or nothing. */
  async proposeExcellent(identity: Identity, roundId: string, awardTypeCode = 'EXCELLENT_ACHIEVEMENT'): Promise<Honor[]> {
    const round = await this.review.excellentOfRound(roundId);
    if (!round) throw notFound('ReviewRound', roundId, 'roundId');
    if (round.stage !== 'FINAL') throw new InvalidInput([{ field: 'roundId', message: 'excellent achievements come from a FINAL round' }]);
    if (round.status !== 'FINALIZED')
      throw new InvalidInput([{ field: 'roundId', message: `the round is ${round.status}; its results count once it is FINALIZED` }]);
    if (round.submissionIds.length === 0) return [];
    const inputs = round.submissionIds.map((recipientId) => ({ contestId: round.contestId, awardTypeCode, recipientId }));
    const checked = await this.checkNominations(identity, round.contestId, awardTypeCode, inputs, 'roundId');
    const facts = new Map([...checked.facts].map(([id, f]) => [`${checked.type.recipientKind}|${id}`, f]));
    return this.dataSource.transaction(async (em) => {
      // Locked before anything is read, so a second call at the same time waits and then finds these.
      await this.quota(em, round.contestId, awardTypeCode);
      const existing = await em.findBy(Honor, { contestId: round.contestId, awardTypeCode, recipientId: In(round.submissionIds) });
      const fresh = inputs.filter((i) => !existing.some((h) => h.recipientId === i.recipientId));
      const nominated = fresh.length ? await this.insertNominations(em, identity, checked, fresh, 'roundId') : [];
      const toPropose = [...existing.filter((h) => h.status === 'NOMINATED'), ...nominated].map((h) => h.id);
      return toPropose.length ? this.proposeWith(identity, toPropose, facts, em) : [];
    });
  }
}
