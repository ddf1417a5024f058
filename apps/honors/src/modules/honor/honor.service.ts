import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  AWARD_TYPES_2019,
  DomainError,
  ErrorCode,
  RECIPIENT_KINDS,
  RecipientKind,
  alreadyExists,
  check,
  honorLifecycle,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, byKey, groupByKey } from '@meritgraph/subgraph-kit';
import { Honor } from './honor.entity';

export interface NewNomination {
  contestId: string;
  awardTypeCode: string;
  recipientKind: RecipientKind;
  recipientId: string;
  recipientName: string;
  citation?: string | null;
}

export class HonorService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): Repository<Honor> {
    return this.dataSource.getRepository(Honor);
  }

  load(ctx: RequestContext, id: string): Promise<Honor | null> {
    return ctx.loaders
      .get<string, Honor | null>('Honor.byId', async (ids) => byKey(ids, await this.repo.findBy({ id: In([...ids]) }), (h) => h.id))
      .load(id);
  }

  /** Every honor of one recipient, batched across the request. */
  forRecipient(ctx: RequestContext, kind: RecipientKind, recipientId: string): Promise<Honor[]> {
    return ctx.loaders
      .get<string, Honor[]>(`honors.of.${kind}`, async (ids) =>
        groupByKey(
          ids,
          await this.repo.find({ where: { recipientKind: kind, recipientId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
          (h) => h.recipientId,
        ),
      )
      .load(recipientId);
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
