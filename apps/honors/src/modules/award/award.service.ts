import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import {
  DomainError,
  type Identity,
  InvalidInput,
  QUOTA_BOUND_STATUSES,
  assertAllowed,
  check,
  hasRole,
  notFound,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import type { RecipientsApi } from '../references/peers';
import { Honor } from '../honor/honor.entity';
import { AwardQuota, AwardType } from './award.entity';

export class AwardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: RecipientsApi,
    private readonly clock: () => Date,
  ) {}

  types(): Promise<AwardType[]> {
    return this.dataSource.getRepository(AwardType).find({ order: { position: 'ASC' } });
  }

  type(ctx: RequestContext, code: string): Promise<AwardType | null> {
    return ctx.loaders.byColumn(this.dataSource.getRepository(AwardType), 'code').load(code);
  }

  quotas(ctx: RequestContext, contestId: string): Promise<AwardQuota[]> {
    return ctx.loaders.groupedBy(this.dataSource.getRepository(AwardQuota), 'contestId', { awardTypeCode: 'ASC' }).load(contestId);
  }

  /** Sets how many honors of a type a contest may confer; never below those already proposed or awarded. */
  async setQuota(identity: Identity, contestId: string, awardTypeCode: string, quota: number): Promise<AwardQuota> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    check({ contestId, awardTypeCode, quota })
      .text('contestId', { max: 36 })
      .text('awardTypeCode', { max: 40 })
      .int('quota', { min: 1, max: 100_000 })
      .done();
    if (!(await this.recipients.contest(contestId))) throw notFound('Contest', contestId, 'contestId');
    return this.dataSource.transaction(async (em) => {
      if (!(await em.existsBy(AwardType, { code: awardTypeCode }))) {
        throw new InvalidInput([
          {
            field: 'awardTypeCode',
            message: `must be one of ${(await em.find(AwardType, { order: { position: 'ASC' } })).map((t) => t.code).join(', ')}`,
          },
        ]);
      }
      const bound = await em.countBy(Honor, { contestId, awardTypeCode, status: In([...QUOTA_BOUND_STATUSES]) });
      if (quota < bound)
        throw new DomainError('QUOTA_BELOW_AWARDED', `${bound} honors of this type are already proposed or awarded`, 'quota', { bound });
      const existing = await em.findOneBy(AwardQuota, { contestId, awardTypeCode });
      const before = existing ? { ...existing } : null;
      const row = existing ?? em.create(AwardQuota, { id: newId(), contestId, awardTypeCode });
      row.quota = quota;
      await em.save(row);
      await recordAudit(em, identity, this.clock(), {
        action: 'quota.set',
        entityType: 'AwardQuota',
        entityId: row.id,
        before,
        after: row,
      });
      return row;
    });
  }
}
