import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import { type Identity, assertAllowed, canSeeContactData, check, notFound } from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type Page, type PageArgs, type RequestContext, byKey, paginate } from '@meritgraph/subgraph-kit';
import { Organization } from '../organization/organization.entity';
import { Person } from './person.entity';

export interface PersonFilter {
  organizationId?: string | null;
  nameContains?: string | null;
}

export interface NewPerson {
  name: string;
  organizationId: string;
  position?: string | null;
  phone?: string | null;
  email?: string | null;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class PersonService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): Repository<Person> {
    return this.dataSource.getRepository(Person);
  }

  load(ctx: RequestContext, id: string): Promise<Person | null> {
    return ctx.loaders
      .get<string, Person | null>('Person.byId', async (ids) => byKey(ids, await this.repo.findBy({ id: In([...ids]) }), (p) => p.id))
      .load(id);
  }

  list(filter: PersonFilter, page: PageArgs): Page<Person> {
    const query = this.repo.createQueryBuilder('p');
    if (filter.organizationId) query.andWhere('p.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.nameContains) query.andWhere('p.name LIKE :name', { name: `%${filter.nameContains.replace(/[%_\\]/g, '\\$&')}%` });
    return paginate(query, page, [
      { column: 'p.name', value: (p) => p.name },
      { column: 'p.id', value: (p) => p.id },
    ]);
  }

  /** A person's phone or email, for the contest office and the person only. */
  contact(identity: Identity, person: Person, field: 'phone' | 'email'): string | null {
    assertAllowed(canSeeContactData(identity, person.id), field);
    return person[field];
  }

  async create(input: NewPerson): Promise<Person> {
    check(input)
      .text('name', { min: 2, max: 60 })
      .text('organizationId', { max: 36 })
      .text('position', { max: 80, optional: true })
      .text('phone', { max: 20, optional: true, pattern: PHONE, hint: 'must be a mainland mobile or landline number' })
      .text('email', { max: 120, optional: true, pattern: EMAIL, hint: 'must be an email address' })
      .done();
    return this.dataSource.transaction(async (em) => {
      if (!(await em.existsBy(Organization, { id: input.organizationId }))) {
        throw notFound('Organization', input.organizationId, 'organizationId');
      }
      return em.save(
        em.create(Person, {
          id: newId(),
          name: input.name.trim(),
          organizationId: input.organizationId,
          position: input.position?.trim() || null,
          phone: input.phone ?? null,
          email: input.email?.trim().toLowerCase() || null,
          createdAt: new Date(),
        }),
      );
    });
  }
}
