import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Identity,
  InvalidInput,
  PRIOR_HONOR_LEVELS,
  PUBLIC_HONOR_STATUSES,
  type PriorHonorLevel,
  assertAllowed,
  check,
  forbidden,
  hasRole,
  highestLevel,
  notFound,
  readsEverything,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import type { RecipientsApi } from '../references/peers';
import { Honor } from '../honor/honor.entity';
import { PriorHonor } from './prior.entity';

export interface PriorHonorInput {
  submissionId: string;
  level: PriorHonorLevel;
  name: string;
  issuer: string;
  year: number;
  evidence?: string | null;
}

/** The most prior honors one recordPriorHonors or verifyPriorHonors call takes. */
export const MAX_BATCH = 500;
const INSERT_CHUNK = 200;

export class PriorHonorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: RecipientsApi,
    private readonly clock: () => Date,
  ) {}

  /** An achievement's prior honors: verified ones for anyone, unverified ones for the office and analysts; batched. */
  async ofSubmission(ctx: RequestContext, submissionId: string): Promise<PriorHonor[]> {
    const rows = await ctx.loaders
      .groupedBy(this.dataSource.getRepository(PriorHonor), 'submissionId', { year: 'DESC', id: 'ASC' })
      .load(submissionId);
    return rows.filter((p) => p.verified || readsEverything(ctx.identity));
  }

  /** The office, or a submitter of the achievement's own unit, records an honor it already holds. */
  async record(identity: Identity, input: PriorHonorInput): Promise<PriorHonor> {
    return (await this.recordMany(identity, [input]))[0]!;
  }

  /**
   * Several prior honors at once (a unit entering its achievements' honors), in one
   * transaction: the achievements' units are asked of submissions once for the whole list,
   * and each input is held to the same rules as one alone. If any is refused, none is
   * recorded, and every refusal is reported (BATCH_REFUSED); a list of one reports its own error.
   */
  async recordMany(identity: Identity, inputs: readonly PriorHonorInput[]): Promise<PriorHonor[]> {
    assertAllowed(hasRole(identity, 'ADMIN', 'SUBMITTER'));
    if (inputs.length === 0 || inputs.length > MAX_BATCH)
      throw new InvalidInput([{ field: 'inputs', message: `give 1 to ${MAX_BATCH} prior honors` }]);
    const validate = (input: PriorHonorInput) =>
      check(input)
        .text('submissionId', { max: 36 })
        .oneOf('level', PRIOR_HONOR_LEVELS)
        .text('name', { min: 2, max: 200 })
        .text('issuer', { min: 2, max: 200 })
        .int('year', { min: 1949, max: 2100 })
        .text('evidence', { max: 500, optional: true, multiline: true })
        .done();
    const wellFormed = inputs.filter((input) => {
      try {
        validate(input);
        return true;
      } catch {
        return false;
      }
    });
    // The owner is asked once for the whole list, before the transaction begins.
    const unitOf = await this.recipients.submissionUnits([...new Set(wellFormed.map((i) => i.submissionId))]);
    const isAdmin = hasRole(identity, 'ADMIN');
    const now = this.clock();
    const recorded: PriorHonor[] = [];
    const errors: { index: number; submissionId: string; code: string; message: string }[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        validate(input);
        const unit = unitOf.get(input.submissionId);
        if (!unit) throw isAdmin ? notFound('Submission', input.submissionId, 'submissionId') : forbidden('submissionId');
        if (!isAdmin && !(hasRole(identity, 'SUBMITTER') && identity.org === unit)) throw forbidden('submissionId');
        recorded.push(
          Object.assign(new PriorHonor(), {
            id: newId(),
            submissionId: input.submissionId,
            level: input.level,
            name: input.name.trim(),
            issuer: input.issuer.trim(),
            year: input.year,
            evidence: input.evidence?.trim() || null,
            verified: false,
            verifiedAt: null,
            createdAt: now,
          }),
        );
      } catch (e) {
        if (!(e instanceof DomainError) || inputs.length === 1) throw e;
        errors.push({ index, submissionId: input.submissionId, code: e.code, message: e.message });
      }
    }
    if (errors.length)
      throw new DomainError(
        ErrorCode.BATCH_REFUSED,
        `${errors.length} of ${inputs.length} prior honors were refused; none was recorded`,
        'inputs',
        { errors },
      );
    return this.dataSource.transaction(async (em) => {
      for (let i = 0; i < recorded.length; i += INSERT_CHUNK) await em.insert(PriorHonor, recorded.slice(i, i + INSERT_CHUNK));
      await recordAudit(
        em,
        identity,
        this.clock(),
        recorded.map((prior) => ({ action: 'prior-honor.record', entityType: 'PriorHonor', entityId: prior.id, after: prior })),
      );
      return recorded;
    });
  }

  async verify(identity: Identity, id: string): Promise<PriorHonor> {
    return (await this.verifyMany(identity, [id], 'id'))[0]!;
  }

  /**
   * The office verifies several recorded prior honors at once, in one transaction, read in
   * one statement and marked in one. Each is held to the same rules as one alone (an id
   * named twice is already verified the second time). If any is refused, none is verified,
   * and every refusal is reported (BATCH_REFUSED); a list of one reports its own error.
   */
  async verifyMany(identity: Identity, ids: readonly string[], field = 'ids'): Promise<PriorHonor[]> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    if (ids.length === 0 || ids.length > MAX_BATCH) throw new InvalidInput([{ field, message: `give 1 to ${MAX_BATCH} prior honors` }]);
    return this.dataSource.transaction(async (em) => {
      const found = new Map((await em.find(PriorHonor, { where: { id: In([...new Set(ids)]) }, ...forUpdate(em) })).map((p) => [p.id, p]));
      const now = this.clock();
      const verified: { prior: PriorHonor; before: PriorHonor }[] = [];
      const errors: { index: number; id: string; code: string; message: string }[] = [];
      for (const [index, id] of ids.entries()) {
        try {
          const prior = found.get(id);
          if (!prior) throw notFound('PriorHonor', id, field);
          if (prior.verified) throw new DomainError(ErrorCode.INVALID_TRANSITION, 'The prior honor is already verified', field);
          const before = { ...prior };
          // Later ids of the list are judged with this one verified.
          Object.assign(prior, { verified: true, verifiedAt: now });
          verified.push({ prior, before });
        } catch (e) {
          if (!(e instanceof DomainError) || ids.length === 1) throw e;
          errors.push({ index, id, code: e.code, message: e.message });
        }
      }
      if (errors.length)
        throw new DomainError(
          ErrorCode.BATCH_REFUSED,
          `${errors.length} of ${ids.length} prior honors were refused; none was verified`,
          'ids',
          { errors },
        );
      const changed = verified.map((v) => v.prior.id);
      for (let i = 0; i < changed.length; i += INSERT_CHUNK)
        await em.update(PriorHonor, { id: In(changed.slice(i, i + INSERT_CHUNK)) }, { verified: true, verifiedAt: now });
      await recordAudit(
        em,
        identity,
        this.clock(),
        verified.map(({ prior, before }) => ({
          action: 'prior-honor.verify',
          entityType: 'PriorHonor',
          entityId: prior.id,
          before,
          after: prior,
        })),
      );
      return verified.map((v) => v.prior);
    });
  }

  /**
   * Of a contest's honors of one type (e.g. the 90 excellent achievements), how many hold a
   * verified prior honor, by their highest level. One statement per request.
   */
  async levels(ctx: RequestContext, contestId: string, awardTypeCode: string): Promise<{ level: PriorHonorLevel; count: number }[]> {
    const rows: { recipientId: string; status: string; level: PriorHonorLevel }[] = await this.dataSource
      .getRepository(Honor)
      .createQueryBuilder('h')
      .innerJoin(PriorHonor, 'p', 'p.submission_id = h.recipient_id AND p.verified = :verified', { verified: true })
      .select('h.recipient_id', 'recipientId')
      .addSelect('h.status', 'status')
      .addSelect('p.level', 'level')
      .where('h.contest_id = :contestId AND h.award_type_code = :awardTypeCode AND h.recipient_kind = :kind', {
        contestId,
        awardTypeCode,
        kind: 'SUBMISSION',
      })
      .andWhere(readsEverything(ctx.identity) ? 'h.status <> :withdrawn' : 'h.status IN (:...visible)', {
        withdrawn: 'WITHDRAWN',
        visible: PUBLIC_HONOR_STATUSES,
      })
      .getRawMany();
    const levelsOf = new Map<string, PriorHonorLevel[]>();
    for (const r of rows) levelsOf.set(r.recipientId, [...(levelsOf.get(r.recipientId) ?? []), r.level]);
    const highest = [...levelsOf.values()].map((levels) => highestLevel(levels)!);
    return PRIOR_HONOR_LEVELS.map((level) => ({ level, count: highest.filter((h) => h === level).length }));
  }
}
