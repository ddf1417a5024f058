import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import { alreadyExists, check, contestLifecycle } from '@meritgraph/domain';
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

  load(ctx: RequestContext, id: string): Promise<Contest | null> {
    return ctx.loaders
      .get<string, Contest | null>('Contest.byId', async (ids) =>
        byKey(ids, await this.repo.findBy({ id: In([...ids]) }), (c) => c.id),
      )
      .load(id);
  }

  findByCode(code: string): Promise<Contest | null> {
    return this.repo.findOneBy({ code });
  }

  list(page: { first?: number | null; after?: string | null }): Page<Contest> {
    return paginate(this.repo.createQueryBuilder('c'), page, [
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
}
