import type { DataSource } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Identity,
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
import { newId } from '@meritgraph/db';
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
    assertAllowed(hasRole(identity, 'ADMIN', 'SUBMITTER'));
    check(input)
      .text('submissionId', { max: 36 })
      .oneOf('level', PRIOR_HONOR_LEVELS)
      .text('name', { min: 2, max: 200 })
      .text('issuer', { min: 2, max: 200 })
      .int('year', { min: 1949, max: 2100 })
      .text('evidence', { max: 500, optional: true, multiline: true })
      .done();
    const unit = await this.recipients.submissionUnit(input.submissionId);
    if (!unit) throw hasRole(identity, 'ADMIN') ? notFound('Submission', input.submissionId, 'submissionId') : forbidden('submissionId');
    if (!hasRole(identity, 'ADMIN') && !(hasRole(identity, 'SUBMITTER') && identity.org === unit)) throw forbidden('submissionId');
    return this.dataSource.transaction(async (em) => {
      const prior = em.create(PriorHonor, {
        id: newId(),
        submissionId: input.submissionId,
        level: input.level,
        name: input.name.trim(),
        issuer: input.issuer.trim(),
        year: input.year,
        evidence: input.evidence?.trim() || null,
        verified: false,
        verifiedAt: null,
        createdAt: this.clock(),
      });
      await em.insert(PriorHonor, prior);
      await recordAudit(em, identity, this.clock(), {
        action: 'prior-honor.record',
        entityType: 'PriorHonor',
        entityId: prior.id,
        after: prior,
      });
      return prior;
    });
  }

  async verify(identity: Identity, id: string): Promise<PriorHonor> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    return this.dataSource.transaction(async (em) => {
      const prior = await em.findOneBy(PriorHonor, { id });
      if (!prior) throw notFound('PriorHonor', id);
      if (prior.verified) throw new DomainError(ErrorCode.INVALID_TRANSITION, 'The prior honor is already verified', 'id');
      const before = { ...prior };
      Object.assign(prior, { verified: true, verifiedAt: this.clock() });
      await em.save(prior);
      await recordAudit(em, identity, this.clock(), {
        action: 'prior-honor.verify',
        entityType: 'PriorHonor',
        entityId: id,
        before,
        after: prior,
      });
      return prior;
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
