import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  type HonorStatus,
  type Identity,
  PUBLIC_HONOR_STATUSES,
  type PageArgs,
  type RecipientKind,
  assertAllowed,
  canSeeHonor,
  check,
  forbidden,
  readsEverything,
} from '@meritgraph/domain';
import { escapeLike, LIKE_ESCAPE } from '@meritgraph/db';
import { type Page, type RequestContext, paginate } from '@meritgraph/subgraph-kit';
import { Honor, Objection } from './honor.entity';

export interface HonorFilter {
  contestId?: string | null;
  year?: number | null;
  status?: HonorStatus | null;
  awardTypeCode?: string | null;
  recipientKind?: RecipientKind | null;
  /** Words in the recipient's organization name as awarded. */
  organizationName?: string | null;
}

export interface HonorCountRow {
  awardTypeCode: string;
  status: HonorStatus;
  count: number;
}

/** Reading honors and their objections, each visible only to those who may see it. */
export class HonorReadService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): Repository<Honor> {
    return this.dataSource.getRepository(Honor);
  }

  /**
   * An honor the caller may see: public records (announced, conferred, revoked) for anyone,
   * the rest for the office and analysts; to others an unpublished honor and a missing one
   * look the same.
   */
  async load(ctx: RequestContext, id: string): Promise<Honor | null> {
    const honor = await ctx.loaders.byId(this.repo).load(id);
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
      .many(
        `Honor.of.${kind}`,
        (ids: string[]) => this.repo.find({ where: { recipientKind: kind, recipientId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
        (h) => h.recipientId,
      )
      .load(recipientId);
    return honors.filter((h) => canSeeHonor(ctx.identity, h.status));
  }

  /** Counts per award type and status in a contest; public records only for callers who do not read everything. One statement per request. */
  async summary(ctx: RequestContext, contestId: string): Promise<HonorCountRow[]> {
    const rows = await ctx.loaders
      .many(
        'Contest.honorsSummary',
        async (ids: string[]) => {
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
          return raw.map((r) => ({ ...r, count: Number(r.n) }));
        },
        (r) => r.contestId,
      )
      .load(contestId);
    return rows
      .filter((r) => canSeeHonor(ctx.identity, r.status))
      .map(({ awardTypeCode, status, count }) => ({ awardTypeCode, status, count }));
  }

  /** An honor's objections, for the office and analysts; batched across the request. */
  objections(ctx: RequestContext, honorId: string): Promise<Objection[]> {
    assertAllowed(readsEverything(ctx.identity), 'objections');
    return ctx.loaders.groupedBy(this.dataSource.getRepository(Objection), 'honorId', { filedAt: 'ASC', id: 'ASC' }).load(honorId);
  }
}
