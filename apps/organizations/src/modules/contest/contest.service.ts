import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  type ContestStatus,
  type Identity,
  alreadyExists,
  canSeeContest,
  check,
  contestLifecycle,
  forbidden,
  notFound,
  readsEverything,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type Page, type RequestContext, byKey, paginate } from '@meritgraph/subgraph-kit';
import { Contest } from './contest.entity';

export interface NewContest {
  code: string;
  name: string;
  year: number;
  theme?: string | null;
}

export class ContestService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): Repository<Contest> {
    return this.dataSource.getRepository(Contest);
  }

  private loadAny(ctx: RequestContext, id: string): Promise<Contest | null> {
    return ctx.loaders
      .get<string, Contest | null>('Contest.byId', async (ids) =>
        byKey(ids, await this.repo.findBy({ id: In([...ids]) }), (c) => c.id),
      )
      .load(id);
  }

  /**
   * A contest the caller may see. A draft is known only to the office and analysts; anyone
   * else gets FORBIDDEN whether or not it exists, so drafts stay secret.
   */
  visible(identity: Identity, contest: Contest | null): Contest | null {
    if (contest && canSeeContest(identity, contest.status)) return contest;
    if (readsEverything(identity)) return null;
    throw forbidden();
  }

  async load(ctx: RequestContext, id: string): Promise<Contest | null> {
    return this.visible(ctx.identity, await this.loadAny(ctx, id));
  }

  async findByCode(ctx: RequestContext, code: string): Promise<Contest | null> {
    return this.visible(ctx.identity, await this.repo.findOneBy({ code }));
  }

  list(identity: Identity, page: { first?: number | null; after?: string | null }): Page<Contest> {
    const query = this.repo.createQueryBuilder('c');
    if (!readsEverything(identity)) query.andWhere("c.status <> 'DRAFT'");
    return paginate(query, page, [
      { column: 'c.year', value: (c) => c.year },
      { column: 'c.code', value: (c) => c.code },
      { column: 'c.id', value: (c) => c.id },
    ]);
  }

  async create(input: NewContest): Promise<Contest> {
    check(input)
      .text('code', { min: 3, max: 40, pattern: /^[a-z0-9][a-z0-9-]*$/, hint: 'lower-case letters, digits and dashes' })
      .text('name', { min: 2, max: 200 })
      .int('year', { min: 1949, max: 2100 })
      .text('theme', { max: 500, optional: true })
      .done();
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(Contest, { code: input.code })) throw alreadyExists('Contest', 'code', input.code);
      return em.save(
        em.create(Contest, {
          id: newId(),
          code: input.code,
          name: input.name.trim(),
          year: input.year,
          theme: input.theme?.trim() || null,
          status: contestLifecycle.initial,
          createdAt: new Date(),
        }),
      );
    });
  }

  /** Moves a contest one step along DRAFT → OPEN_FOR_SUBMISSIONS → REVIEWING → CLOSED. */
  async changeStatus(id: string, to: ContestStatus): Promise<Contest> {
    return this.dataSource.transaction(async (em) => {
      const contest = await em.findOneBy(Contest, { id });
      if (!contest) throw notFound('Contest', id);
      contestLifecycle.assert(contest.status, to);
      contest.status = to;
      return em.save(contest);
    });
  }
}
