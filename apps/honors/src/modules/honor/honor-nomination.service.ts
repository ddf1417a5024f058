import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  DomainError,
  type Identity,
  InvalidInput,
  NOMINATION_STATUSES,
  RECIPIENT_KINDS,
  type RecipientKind,
  alreadyExists,
  assertAllowed,
  check,
  forbidden,
  hasRole,
  honorLifecycle,
  notFound,
  quotaRefusal,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { recordAudit } from '@meritgraph/subgraph-kit';
import type { RecipientFacts, RecipientsApi, ReviewApi } from '../references/peers';
import { AwardType } from '../award/award.entity';
import { Honor } from './honor.entity';
import type { HonorLifecycleService } from './honor-lifecycle.service';
import { countHonors, lockQuota, snapshot } from './honor-records';

export interface NewNomination {
  contestId: string;
  awardTypeCode: string;
  recipientKind?: RecipientKind | null;
  recipientId: string;
  citation?: string | null;
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

/** Where honors begin: a nomination by the office or a union, or the excellent achievements of a final round. */
export class HonorNominationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: Pick<RecipientsApi, 'contest' | 'recipients'>,
    private readonly review: Pick<ReviewApi, 'excellent' | 'excellentOfRound'>,
    private readonly lifecycle: HonorLifecycleService,
    private readonly clock: () => Date,
  ) {}

  /**
   * Nominates a recipient: the office anywhere, a union's organizer within its own subtree.
   * The recipient must exist and be of the type's kind, be nominated once per type and
   * contest, and — for an excellent achievement — be EXCELLENT in the contest's final round.
   * Nominations may reach 120% of the quota.
   */
  async nominate(identity: Identity, input: NewNomination): Promise<Honor> {
    assertAllowed(hasRole(identity, 'ADMIN', 'ORGANIZER'));
    const checked = await this.checkNominations(identity, input.contestId, input.awardTypeCode, [input], 'recipientId');
    return (await this.dataSource.transaction((em) => this.insertNominations(em, identity, checked, [input], 'recipientId')))[0]!;
  }

  /** Nominates and proposes, in one go, every achievement a final round found EXCELLENT; all or nothing. */
  async proposeExcellent(identity: Identity, roundId: string, awardTypeCode = 'EXCELLENT_ACHIEVEMENT'): Promise<Honor[]> {
    assertAllowed(hasRole(identity, 'ADMIN'));
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
      await lockQuota(em, round.contestId, awardTypeCode);
      const existing = await em.findBy(Honor, { contestId: round.contestId, awardTypeCode, recipientId: In(round.submissionIds) });
      const fresh = inputs.filter((i) => !existing.some((h) => h.recipientId === i.recipientId));
      const nominated = fresh.length ? await this.insertNominations(em, identity, checked, fresh, 'roundId') : [];
      const toPropose = [...existing.filter((h) => h.status === 'NOMINATED'), ...nominated].map((h) => h.id);
      return toPropose.length ? this.lifecycle.proposeWithin(em, identity, toPropose, facts) : [];
    });
  }

  private async awardType(em: EntityManager, code: string): Promise<AwardType> {
    const type = await em.findOneBy(AwardType, { code });
    if (!type) {
      const codes = (await em.find(AwardType, { order: { position: 'ASC' } })).map((t) => t.code);
      throw new InvalidInput([{ field: 'awardTypeCode', message: `must be one of ${codes.join(', ')}` }]);
    }
    return type;
  }

  /** The recipients' facts from their owners; NOT_FOUND naming `field` for any that do not exist. */
  private async facts(kind: RecipientKind, ids: readonly string[], field = 'recipientId'): Promise<Map<string, RecipientFacts>> {
    const found = await this.recipients.recipients(kind, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw notFound(kind.charAt(0) + kind.slice(1).toLowerCase(), missing, field);
    return found;
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
        .text('citation', { max: 1000, optional: true, multiline: true })
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
    const quota = await lockQuota(em, contestId, type.code);
    // A repeat is named as such even when the nominations are full.
    const taken = await em.findBy(Honor, { contestId, awardTypeCode: type.code, recipientId: In(inputs.map((i) => i.recipientId)) });
    if (taken.length) throw alreadyExists('Honor', field, taken[0]!.recipientId);
    const refusal = quotaRefusal('NOMINATE', quota, await countHonors(em, contestId, type.code, NOMINATION_STATUSES), inputs.length);
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
      this.clock(),
      honors.map((h) => ({ action: 'honor.nominate', entityType: 'Honor', entityId: h.id, after: snapshot(h) })),
    );
    return honors;
  }
}
