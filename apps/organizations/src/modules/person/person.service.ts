import { type DataSource, type EntityManager, In, type Repository } from 'typeorm';
import {
  type Identity,
  type PageArgs,
  assertAllowed,
  canSeeContactData,
  check,
  hasRole,
  isAuthenticated,
  notFound,
} from '@meritgraph/domain';
import { escapeLike, LIKE_ESCAPE, newId } from '@meritgraph/db';
import { type Page, type RequestContext, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import { INSERT_BATCH, assertBatchSize, distinct, judgeEach } from '../bulk';
import { Organization } from '../organization/organization.entity';
import type { OrganizationService } from '../organization/organization.service';
import { Person } from './person.entity';

export interface PersonFilter {
  organizationId?: string | null;
  nameContains?: string | null;
}

export type NewPerson = PersonInput & { name: string; organizationId: string };

export interface PersonInput {
  name?: string | null;
  organizationId?: string | null;
  position?: string | null;
  phone?: string | null;
  email?: string | null;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTACT_FIELDS = ['phone', 'email'] as const;

/** What the audit log keeps of a person: never the contact data itself, which analysts must not read. */
const auditable = ({ phone, email, ...rest }: Person) => ({ ...rest, hasPhone: !!phone, hasEmail: !!email });

export class PersonService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Person> {
    return this.dataSource.getRepository(Person);
  }

  /** Any person, whoever asks: only where the caller was already checked (a team's members, for signed-in callers). */
  loadUnchecked(ctx: RequestContext, id: string): Promise<Person | null> {
    return ctx.loaders.byId(this.repo).load(id);
  }

  /** A person, for signed-in callers: the public sees people only as named on public honor records. */
  loadVisible(ctx: RequestContext, id: string): Promise<Person | null> {
    assertAllowed(isAuthenticated(ctx.identity));
    return this.loadUnchecked(ctx, id);
  }

  list(filter: PersonFilter, page: PageArgs): Page<Person> {
    const query = this.repo.createQueryBuilder('p');
    if (filter.organizationId) query.andWhere('p.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.nameContains) query.andWhere(`p.name LIKE :name ${LIKE_ESCAPE}`, { name: `%${escapeLike(filter.nameContains)}%` });
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

  private validate(input: PersonInput, creating: boolean) {
    check(input)
      .text('name', { min: 2, max: 60, optional: !creating })
      .text('organizationId', { max: 36, optional: !creating })
      .text('position', { max: 80, optional: true })
      .text('phone', { max: 20, optional: true, pattern: PHONE, hint: 'must be a mainland mobile or landline number' })
      .text('email', { max: 120, optional: true, pattern: EMAIL, hint: 'must be an email address' })
      .done();
  }

  /** The office anywhere, an organizer within its union, a unit's submitter for its own unit. */
  async create(identity: Identity, input: NewPerson): Promise<Person> {
    return (await this.createMany(identity, [input]))[0]!;
  }

  /**
   * Several people at once (an office importing its contacts), in one transaction and a
   * handful of reads whatever their number, each held to the same rules as one alone. If any
   * is refused, none is created, and every refusal is reported (BATCH_REFUSED); a batch of
   * one reports its own error.
   */
  async createMany(identity: Identity, inputs: readonly NewPerson[]): Promise<Person[]> {
    assertBatchSize(inputs, 'people');
    return this.dataSource.transaction((em) => this.createManyIn(em, identity, inputs));
  }

  /** createMany inside a transaction the caller holds (an import's), by the same rules. */
  async createManyIn(em: EntityManager, identity: Identity, inputs: readonly NewPerson[]): Promise<Person[]> {
    assertBatchSize(inputs, 'people');
    const orgIds = distinct(inputs.map((i) => i.organizationId));
    const known = new Set(
      orgIds.length ? (await em.find(Organization, { select: { id: true }, where: { id: In(orgIds) } })).map((o) => o.id) : [],
    );
    const mayEdit = await this.organizations.membersEditableAmong(em, identity, [...known]);
    const now = this.clock();
    const created = judgeEach(
      inputs,
      'people',
      (i) => ({ name: i.name, organizationId: i.organizationId }),
      (input) => {
        this.validate(input, true);
        if (!known.has(input.organizationId)) throw notFound('Organization', input.organizationId, 'organizationId');
        assertAllowed(mayEdit(input.organizationId), 'organizationId');
        return em.create(Person, {
          id: newId(),
          name: input.name.trim(),
          organizationId: input.organizationId,
          position: input.position?.trim() || null,
          phone: input.phone ?? null,
          email: input.email?.trim().toLowerCase() || null,
          createdAt: now,
        });
      },
    );
    for (let i = 0; i < created.length; i += INSERT_BATCH) await em.insert(Person, created.slice(i, i + INSERT_BATCH));
    await recordAudit(
      em,
      identity,
      this.clock(),
      created.map((person) => ({ action: 'person.create', entityType: 'Person', entityId: person.id, after: auditable(person) })),
    );
    return created;
  }

  /**
   * Edits a person: whoever may edit the people of their organization (and of a new one,
   * when moving them), or the person themself, for their own contact data only.
   */
  async update(identity: Identity, id: string, input: PersonInput): Promise<Person> {
    this.validate(input, false);
    return this.dataSource.transaction(async (em) => {
      const person = await em.findOneBy(Person, { id });
      const self = !!person && identity.sub === id;
      const onlyContact = Object.entries(input).every(([k, v]) => v === undefined || (CONTACT_FIELDS as readonly string[]).includes(k));
      const manager = !!person && (await this.organizations.mayEditMembersOf(em, identity, person.organizationId));
      assertAllowed(manager || (self && onlyContact));
      const before = auditable(person!);
      if (input.organizationId != null && input.organizationId !== person!.organizationId) {
        if (!(await em.existsBy(Organization, { id: input.organizationId })))
          throw notFound('Organization', input.organizationId, 'organizationId');
        assertAllowed(
          hasRole(identity, 'ADMIN') || (await this.organizations.mayEditMembersOf(em, identity, input.organizationId)),
          'organizationId',
        );
        person!.organizationId = input.organizationId;
      }
      if (input.name != null) person!.name = input.name.trim();
      if (input.position !== undefined) person!.position = input.position?.trim() || null;
      if (input.phone !== undefined) person!.phone = input.phone;
      if (input.email !== undefined) person!.email = input.email?.trim().toLowerCase() || null;
      await em.save(Person, person!);
      await recordAudit(em, identity, this.clock(), {
        action: 'person.update',
        entityType: 'Person',
        entityId: id,
        before,
        after: auditable(person!),
      });
      return person!;
    });
  }
}
