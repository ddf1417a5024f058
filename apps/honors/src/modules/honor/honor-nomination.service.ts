import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  DomainError,
  ErrorCode,
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
import { insertRows, newId } from '@meritgraph/db';
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

/** The most nominations one nominateHonors call takes. */
export const MAX_BATCH = 500;

/** Where honors begin: a nomination by the office or a union, or the excellent achievements of a final round. */
export class HonorNominationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: Pick<RecipientsApi, 'contest' | 'contests' | 'recipients'>,
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
    return (await this.nominateMany(identity, [input]))[0]!;
  }

  /**
   * Several nominations at once (a union handing in its list), in one transaction: the
   * contests, the recipients (once per kind) and the final rounds' verdicts are asked of
   * their owners once for the whole list, before the transaction begins, and each nomination
   * is held to the same rules as one alone, counting those before it in the list (a
   * recipient named twice for one award is already nominated the second time, and the 120%
   * cap counts the list). If any is refused, none is made, and every refusal is reported
   * (BATCH_REFUSED); a list of one reports its own error.
   */
  async nominateMany(identity: Identity, inputs: readonly NewNomination[]): Promise<Honor[]> {
    assertAllowed(hasRole(identity, 'ADMIN', 'ORGANIZER'));
    if (inputs.length === 0 || inputs.length > MAX_BATCH)
      throw new InvalidInput([{ field: 'inputs', message: `give 1 to ${MAX_BATCH} nominations` }]);
    const isAdmin = hasRole(identity, 'ADMIN') || !!identity.service;
    const catalog = await this.dataSource.manager.find(AwardType, { order: { position: 'ASC' } });
    const types = new Map(catalog.map((t) => [t.code, t]));
    const kindOf = (i: NewNomination) => types.get(i.awardTypeCode)?.recipientKind;
    const checkable = inputs.filter((i) => {
      try {
        validateNomination(i);
        return types.has(i.awardTypeCode);
      } catch {
        return false;
      }
    });
    const contests = await this.recipients.contests([...new Set(checkable.map((i) => i.contestId))]);
    const facts = new Map<string, RecipientFacts>();
    for (const kind of new Set(checkable.map((i) => kindOf(i)!))) {
      const ids = checkable.filter((i) => kindOf(i) === kind).map((i) => i.recipientId);
      for (const [id, f] of await this.recipients.recipients(kind, ids)) facts.set(`${kind}|${id}`, f);
    }
    const excellent = new Map<string, Set<string>>();
    const achievements = checkable.filter((i) => kindOf(i) === 'SUBMISSION' && contests.has(i.contestId));
    for (const contestId of new Set(achievements.map((i) => i.contestId)))
      excellent.set(
        contestId,
        await this.review.excellent(
          contestId,
          achievements.filter((i) => i.contestId === contestId && facts.has(`SUBMISSION|${i.recipientId}`)).map((i) => i.recipientId),
        ),
      );
    return this.dataSource.transaction(async (em) => {
      const keyOf = (i: { contestId: string; awardTypeCode: string }) => `${i.contestId}|${i.awardTypeCode}`;
      const keys = [...new Set(checkable.map(keyOf))].sort();
      // The quotas are locked in one order before anything is counted, as a single nomination locks its own.
      const quotas = new Map<string, number | null>();
      const counted = new Map<string, number>();
      for (const key of keys) {
        const [contestId, code] = key.split('|') as [string, string];
        quotas.set(key, await lockQuota(em, contestId, code));
        counted.set(key, await countHonors(em, contestId, code, NOMINATION_STATUSES));
      }
      const existing = checkable.length
        ? await em.findBy(Honor, {
            contestId: In([...new Set(checkable.map((i) => i.contestId))]),
            recipientId: In([...new Set(checkable.map((i) => i.recipientId))]),
          })
        : [];
      const taken = new Set(existing.map((h) => `${keyOf(h)}|${h.recipientId}`));
      const now = this.clock();
      const made: Honor[] = [];
      const errors: { index: number; recipientId: string; code: string; message: string }[] = [];
      for (const [index, input] of inputs.entries()) {
        try {
          validateNomination(input);
          const type = types.get(input.awardTypeCode);
          if (!type) throw unknownAwardType(catalog);
          if (input.recipientKind && input.recipientKind !== type.recipientKind)
            throw new InvalidInput([
              { field: 'recipientKind', message: `${type.code} is awarded to a ${type.recipientKind}, not a ${input.recipientKind}` },
            ]);
          const contest = contests.get(input.contestId);
          if (!contest) throw notFound('Contest', input.contestId, 'contestId');
          const f = facts.get(`${type.recipientKind}|${input.recipientId}`);
          if (!f) throw notFound(kindName(type.recipientKind), input.recipientId, 'recipientId');
          const refusal = recipientRefusal(identity, isAdmin, f, input.contestId, 'recipientId');
          if (refusal) throw refusal;
          if (type.recipientKind === 'SUBMISSION' && !excellent.get(input.contestId)?.has(input.recipientId))
            throw notExcellent(input.recipientId, 'recipientId');
          const key = keyOf(input);
          // A repeat is named as such even when the nominations are full.
          if (taken.has(`${key}|${input.recipientId}`)) throw alreadyExists('Honor', 'recipientId', input.recipientId);
          const full = quotaRefusal('NOMINATE', quotas.get(key)!, counted.get(key)!);
          if (full) throw full;
          // Later nominations of the list are judged with this one made.
          taken.add(`${key}|${input.recipientId}`);
          counted.set(key, counted.get(key)! + 1);
          made.push(
            newHonor(
              em,
              { contestId: input.contestId, year: contest.year, type, nominatedByOrg: isAdmin ? null : (identity.org ?? null) },
              input,
              f,
              now,
            ),
          );
        } catch (e) {
          if (!(e instanceof DomainError) || inputs.length === 1) throw e;
          errors.push({ index, recipientId: input.recipientId, code: e.code, message: e.message });
        }
      }
      if (errors.length)
        throw new DomainError(
          ErrorCode.BATCH_REFUSED,
          `${errors.length} of ${inputs.length} nominations were refused; none was made`,
          'inputs',
          { errors },
        );
      await this.save(em, identity, made);
      return made;
    });
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
    if (!type) throw unknownAwardType(await em.find(AwardType, { order: { position: 'ASC' } }));
    return type;
  }

  /** The recipients' facts from their owners; NOT_FOUND naming `field` for any that do not exist. */
  private async facts(kind: RecipientKind, ids: readonly string[], field = 'recipientId'): Promise<Map<string, RecipientFacts>> {
    const found = await this.recipients.recipients(kind, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw notFound(kindName(kind), missing, field);
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
    for (const input of inputs) validateNomination(input);
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
      const refusal = recipientRefusal(identity, isAdmin, f, contestId, field);
      if (refusal) throw refusal;
    }
    if (type.recipientKind === 'SUBMISSION') {
      const excellent = await this.review.excellent(contestId, [...facts.keys()]);
      const not = inputs.find((i) => !excellent.has(i.recipientId));
      if (not) throw notExcellent(not.recipientId, field);
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
    const honors = inputs.map((input) => newHonor(em, checked, input, facts.get(input.recipientId)!, now));
    await this.save(em, identity, honors);
    return honors;
  }

  /** Inserts new nominations, every column given and nothing read back (see insertRows), with one audit row each. */
  private async save(em: EntityManager, identity: Identity, honors: readonly Honor[]): Promise<void> {
    await insertRows(em, Honor, honors);
    await recordAudit(
      em,
      identity,
      this.clock(),
      honors.map((h) => ({ action: 'honor.nominate', entityType: 'Honor', entityId: h.id, after: snapshot(h) })),
    );
  }
}

/** The shape of a nomination, as every way of nominating checks it. */
function validateNomination(input: NewNomination): void {
  check(input)
    .text('contestId', { max: 36 })
    .text('awardTypeCode', { max: 40 })
    .oneOf('recipientKind', RECIPIENT_KINDS, { optional: true })
    .text('recipientId', { max: 36 })
    .text('citation', { max: 1000, optional: true, multiline: true })
    .done();
}

const kindName = (kind: RecipientKind) => kind.charAt(0) + kind.slice(1).toLowerCase();

const unknownAwardType = (catalog: readonly AwardType[]) =>
  new InvalidInput([{ field: 'awardTypeCode', message: `must be one of ${catalog.map((t) => t.code).join(', ')}` }]);

const notExcellent = (submissionId: string, field: string) =>
  new DomainError(
    'NOT_EXCELLENT',
    'Only an achievement found EXCELLENT in the contest’s final round can be nominated for this award',
    field,
    {
      submissionId,
    },
  );

/** Why the caller may not nominate this recipient in the contest, if it may not: a union nominates within its own subtree, the office anywhere. */
function recipientRefusal(identity: Identity, isAdmin: boolean, f: RecipientFacts, contestId: string, field: string): DomainError | null {
  if (!isAdmin && (!identity.org || !f.organizationLine.includes(identity.org))) return forbidden(field);
  if (f.kind === 'SUBMISSION' && f.contestId !== contestId)
    return new InvalidInput([{ field, message: 'the achievement was entered in another contest' }]);
  return null;
}

/** A new nomination's record, its recipient's name and organization as their owner gives them now. */
function newHonor(
  em: EntityManager,
  checked: Pick<CheckedNominations, 'contestId' | 'year' | 'type' | 'nominatedByOrg'>,
  input: NewNomination,
  f: RecipientFacts,
  now: Date,
): Honor {
  return em.create(Honor, {
    id: newId(),
    contestId: checked.contestId,
    year: checked.year,
    awardTypeCode: checked.type.code,
    recipientKind: checked.type.recipientKind,
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
}
