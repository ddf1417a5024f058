import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  ORGANIZATION_KINDS,
  OrganizationKind,
  alreadyExists,
  check,
  creditCodeProblem,
  notFound,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type Page, type RequestContext, byKey, paginate } from '@meritgraph/subgraph-kit';
import { Organization } from './organization.entity';

export interface OrganizationFilter {
  kind?: OrganizationKind | null;
  nameContains?: string | null;
  parentId?: string | null;
}

export interface NewOrganization {
  name: string;
  shortName?: string | null;
  kind: OrganizationKind;
  parentId?: string | null;
  district?: string | null;
  creditCode?: string | null;
}

export class OrganizationService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): Repository<Organization> {
    return this.dataSource.getRepository(Organization);
  }

  /** Batched by the request's DataLoader: one SELECT for every organization a request references. */
  load(ctx: RequestContext, id: string): Promise<Organization | null> {
    return ctx.loaders
      .get<string, Organization | null>('Organization.byId', async (ids) =>
        byKey(ids, await this.repo.findBy({ id: In([...ids]) }), (o) => o.id),
      )
      .load(id);
  }

  list(filter: OrganizationFilter, page: { first?: number | null; after?: string | null }): Page<Organization> {
    const query = this.repo.createQueryBuilder('o');
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.parentId) query.andWhere('o.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.nameContains) {
      query.andWhere('LOWER(o.name) LIKE :name', { name: `%${filter.nameContains.toLowerCase().replace(/[%_\\]/g, '\\$&')}%` });
    }
    return paginate(query, page, [
      { column: 'o.name', value: (o) => o.name },
      { column: 'o.id', value: (o) => o.id },
    ]);
  }

  async create(input: NewOrganization): Promise<Organization> {
    check(input)
      .text('name', { min: 2, max: 120 })
      .text('shortName', { max: 40, optional: true })
      .oneOf('kind', ORGANIZATION_KINDS)
      .text('district', { max: 40, optional: true })
      .rule('creditCode', (v) => (typeof v === 'string' ? creditCodeProblem(v) : 'must be a string'), { optional: true })
      .done();
    return this.dataSource.transaction(async (em) => {
      if (input.parentId && !(await em.existsBy(Organization, { id: input.parentId }))) {
        throw notFound('Organization', input.parentId, 'parentId');
      }
      if (input.creditCode && (await em.existsBy(Organization, { creditCode: input.creditCode }))) {
        throw alreadyExists('Organization', 'creditCode', input.creditCode);
      }
      const organization = em.create(Organization, {
        id: newId(),
        name: input.name.trim(),
        shortName: input.shortName?.trim() || null,
        kind: input.kind,
        parentId: input.parentId ?? null,
        district: input.district?.trim() || null,
        creditCode: input.creditCode ?? null,
        createdAt: new Date(),
      });
      return em.save(organization);
    });
  }
}
