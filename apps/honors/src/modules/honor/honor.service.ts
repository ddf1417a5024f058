import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  AWARD_TYPES_2019,
  DomainError,
  ErrorCode,
  HonorStatus,
  type Identity,
  PUBLIC_HONOR_STATUSES,
  canSeeHonor,
  forbidden,
  readsEverything,
  RECIPIENT_KINDS,
  RecipientKind,
  alreadyExists,
  check,
  honorLifecycle,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type Page, type PageArgs, type RequestContext, byKey, groupByKey, paginate } from '@meritgraph/subgraph-kit';
import { Honor } from './honor.entity';

export interface NewNomination {
  contestId: string;
  awardTypeCode: string;
  recipientKind: RecipientKind;
  recipientId: string;
  recipientName: string;
  citation?: string | null;
}

export interface HonorFilter {
  contestId?: string | null;
  status?: HonorStatus | null;
  awardTypeCode?: string | null;
}

export class HonorService {
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
    const honor = await ctx.loaders
      .get<string, Honor | null>('Honor.byId', async (ids) => byKey(ids, await this.repo.findBy({ id: In([...ids]) }), (h) => h.id))
      .load(id);
    if (honor && canSeeHonor(ctx.identity, honor.status)) return honor;
    if (readsEverything(ctx.identity)) return null;
    throw forbidden();
  }

  /** Honors in a stable order, limited to the public records unless the caller reads everything. */
  list(identity: Identity, filter: HonorFilter, page: PageArgs): Page<Honor> {
    const query = this.repo.createQueryBuilder('h');
    if (!readsEverything(identity)) query.andWhere('h.status IN (:...visible)', { visible: PUBLIC_HONOR_STATUSES });
    if (filter.contestId) query.andWhere('h.contest_id = :contestId', { contestId: filter.contestId });
    if (filter.status) query.andWhere('h.status = :status', { status: filter.status });
    if (filter.awardTypeCode) query.andWhere('h.award_type_code = :awardTypeCode', { awardTypeCode: filter.awardTypeCode });
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

  async nominate(input: NewNomination): Promise<Honor> {
    const types = AWARD_TYPES_2019.map((t) => t.code);
    check(input)
      .text('contestId', { max: 36 })
      .oneOf('awardTypeCode', types)
      .oneOf('recipientKind', RECIPIENT_KINDS)
      .text('recipientId', { max: 36 })
      .text('recipientName', { max: 200 })
      .text('citation', { max: 1000, optional: true })
      .done();
    const type = AWARD_TYPES_2019.find((t) => t.code === input.awardTypeCode)!;
    if (type.recipientKind !== input.recipientKind) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `${type.code} is awarded to a ${type.recipientKind}, not a ${input.recipientKind}`,
        'recipientKind',
      );
    }
    return this.dataSource.transaction(async (em) => {
      const duplicate = await em.existsBy(Honor, {
        contestId: input.contestId,
        awardTypeCode: input.awardTypeCode,
        recipientId: input.recipientId,
      });
      if (duplicate) throw alreadyExists('Honor', 'recipientId', input.recipientId);
      return em.save(
        em.create(Honor, {
          id: newId(),
          contestId: input.contestId,
          awardTypeCode: input.awardTypeCode,
          recipientKind: input.recipientKind,
          recipientId: input.recipientId,
          recipientName: input.recipientName.trim(),
          citation: input.citation?.trim() || null,
          status: honorLifecycle.initial,
          createdAt: new Date(),
        }),
      );
    });
  }
}
