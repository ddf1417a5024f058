import type { DataSource, EntityManager, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  EXPERT_TITLES,
  type ExpertTitle,
  type Identity,
  InvalidInput,
  type PageArgs,
  alreadyExists,
  assertAllowed,
  canSeeExpert,
  check,
  forbidden,
  hasRole,
  notFound,
  readsEverything,
} from '@meritgraph/domain';
import { escapeLike, LIKE_ESCAPE, newId } from '@meritgraph/db';
import { type OrderKey, type Page, type RequestContext, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import type { OrganizationsApi } from '../references/peers';
import { Expert } from './expert.entity';

export interface ExpertFilter {
  /** A track code the expert can judge. */
  track?: string | null;
  title?: ExpertTitle | null;
  affiliationId?: string | null;
  active?: boolean | null;
}

export interface ExpertInput {
  personId?: string | null;
  affiliationId?: string | null;
  title?: ExpertTitle | null;
  expertise?: string[] | null;
  active?: boolean | null;
}

/** A person joining the pool, as createExpert takes it. */
export type NewExpert = ExpertInput & { personId: string; title: ExpertTitle; expertise: string[] };

/** What a list of new experts is judged by: each person's organization, and the affiliations named that exist. */
export interface ExpertFacts {
  orgOf: Map<string, string>;
  organizations: Set<string>;
}

/** The most experts one createExperts call adds. */
export const MAX_BATCH = 500;
const INSERT_CHUNK = 200;

const ORDER: OrderKey<Expert>[] = [{ column: 'x.id', value: (x) => x.id }];
const TRACK_CODE = /^[A-Z][A-Z0-9_]{0,19}$/;

export class ExpertService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsApi,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Expert> {
    return this.dataSource.getRepository(Expert);
  }

  /** Experts by id for this request, without the visibility check (for rules that need them). */
  byIds(ctx: RequestContext, ids: readonly string[]): Promise<(Expert | null)[]> {
    const loader = ctx.loaders.byId(this.repo);
    return Promise.all(ids.map((id) => loader.load(id)));
  }

  async load(ctx: RequestContext, id: string): Promise<Expert | null> {
    const [expert] = await this.byIds(ctx, [id]);
    if (expert && canSeeExpert(ctx.identity, expert.id)) return expert;
    if (readsEverything(ctx.identity)) return null;
    throw forbidden();
  }

  /** A person's profile in the pool, batched across the request; null when the person is no expert or the caller may not see it. */
  async ofPerson(ctx: RequestContext, personId: string): Promise<Expert | null> {
    const expert = await ctx.loaders.byColumn(this.repo, 'personId').load(personId);
    return expert && canSeeExpert(ctx.identity, expert.id) ? expert : null;
  }

  list(ctx: RequestContext, filter: ExpertFilter, page: PageArgs): Page<Expert> {
    assertAllowed(readsEverything(ctx.identity));
    check(filter).text('track', { max: 20, optional: true, pattern: TRACK_CODE, hint: 'must be a track code such as AI' }).done();
    const query = this.repo.createQueryBuilder('x');
    // simple-array stores "AI,BIOMED": match a whole code, not a prefix of another; the _ a
    // code may hold is a letter here, not LIKE's any-character.
    if (filter.track)
      query.andWhere(`CONCAT(',', x.expertise, ',') LIKE :track ${LIKE_ESCAPE}`, { track: `%,${escapeLike(filter.track)},%` });
    if (filter.title) query.andWhere('x.title = :title', { title: filter.title });
    if (filter.affiliationId) query.andWhere('x.affiliation_id = :aff', { aff: filter.affiliationId });
    if (filter.active != null) query.andWhere('x.active = :active', { active: filter.active });
    return paginate(query, page, ORDER);
  }

  private validate(input: ExpertInput, creating: boolean) {
    check(input)
      .text('personId', { max: 36, optional: !creating })
      .text('affiliationId', { max: 36, optional: true })
      .oneOf('title', EXPERT_TITLES, { optional: !creating })
      .rule(
        'expertise',
        (v) => {
          const codes = v as string[];
          if (codes.length === 0 || codes.length > 10) return 'list 1 to 10 track codes';
          const bad = codes.find((c) => !TRACK_CODE.test(c));
          if (bad !== undefined) return `${bad} is not a track code (upper-case, e.g. AI)`;
          return new Set(codes).size === codes.length ? null : 'lists a track twice';
        },
        { optional: !creating },
      )
      .done();
  }

  /** The affiliation defaults to the person's organization; both must exist in organizations. */
  private async affiliation(personId: string | undefined, affiliationId: string | null | undefined): Promise<string | undefined> {
    if (personId) {
      const orgOf = await this.organizations.personOrganizations([personId]);
      if (!orgOf.has(personId)) throw notFound('Person', personId, 'personId');
      if (!affiliationId) return orgOf.get(personId);
    }
    if (affiliationId) {
      const found = await this.organizations.organizations([affiliationId]);
      if (!found.has(affiliationId)) throw notFound('Organization', affiliationId, 'affiliationId');
    }
    return affiliationId ?? undefined;
  }

  async create(identity: Identity, input: NewExpert): Promise<Expert> {
    return (await this.createMany(identity, [input]))[0]!;
  }

  /**
   * Several people join the pool at once (the office loading its list), in one transaction:
   * the people and the affiliations are asked of organizations once for the whole list, and
   * each input is held to the same rules as one alone, including the inputs before it (a
   * person listed twice is refused the second time). If any is refused, none joins, and
   * every refusal is reported (BATCH_REFUSED); a list of one reports its own error.
   */
  async createMany(identity: Identity, inputs: readonly NewExpert[]): Promise<Expert[]> {
    const facts = await this.factsFor(identity, inputs);
    return this.dataSource.transaction((em) => this.createManyIn(em, identity, inputs, facts));
  }

  /** What createManyIn judges a list by, asked of organizations once per kind of fact, before any transaction begins. */
  async factsFor(identity: Identity, inputs: readonly NewExpert[]): Promise<ExpertFacts> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    if (inputs.length === 0 || inputs.length > MAX_BATCH)
      throw new InvalidInput([{ field: 'inputs', message: `give 1 to ${MAX_BATCH} experts` }]);
    const valid = (input: NewExpert) => {
      try {
        this.validate(input, true);
        return true;
      } catch {
        return false;
      }
    };
    // The owner is asked once per kind of fact, for every input that is well formed, before any transaction begins.
    const checkable = inputs.filter(valid);
    const orgOf = await this.organizations.personOrganizations([...new Set(checkable.map((i) => i.personId))]);
    const named = [...new Set(checkable.flatMap((i) => (i.affiliationId ? [i.affiliationId] : [])))];
    const organizations = named.length ? await this.organizations.organizations(named) : new Map<string, unknown>();
    return { orgOf, organizations: new Set(organizations.keys()) };
  }

  /** createMany's work inside a transaction of the caller's (an import's, which may add several lists in one). */
  async createManyIn(em: EntityManager, identity: Identity, inputs: readonly NewExpert[], facts: ExpertFacts): Promise<Expert[]> {
    const { orgOf, organizations } = facts;
    const taken = new Set((await em.findBy(Expert, { personId: In([...new Set(inputs.map((i) => i.personId))]) })).map((x) => x.personId));
    const now = this.clock();
    const created: Expert[] = [];
    const errors: { index: number; personId: string; code: string; field: string | null; message: string; problems?: unknown }[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        this.validate(input, true);
        if (!orgOf.has(input.personId)) throw notFound('Person', input.personId, 'personId');
        if (input.affiliationId && !organizations.has(input.affiliationId))
          throw notFound('Organization', input.affiliationId, 'affiliationId');
        if (taken.has(input.personId)) throw alreadyExists('Expert', 'personId', input.personId);
        // Later inputs of the list are judged with this one in the pool.
        taken.add(input.personId);
        created.push(
          em.create(Expert, {
            id: newId(),
            personId: input.personId,
            affiliationId: input.affiliationId || orgOf.get(input.personId)!,
            title: input.title,
            expertise: input.expertise,
            active: input.active ?? true,
            createdAt: now,
            updatedAt: now,
          }),
        );
      } catch (e) {
        if (!(e instanceof DomainError) || inputs.length === 1) throw e;
        errors.push({
          index,
          personId: input.personId,
          code: e.code,
          field: e.field ?? null,
          message: e.message,
          problems: e.details?.problems,
        });
      }
    }
    if (errors.length)
      throw new DomainError(
        ErrorCode.BATCH_REFUSED,
        `${errors.length} of ${inputs.length} experts were refused; none joined the pool`,
        'inputs',
        { errors },
      );
    for (let i = 0; i < created.length; i += INSERT_CHUNK) await em.insert(Expert, created.slice(i, i + INSERT_CHUNK));
    await recordAudit(
      em,
      identity,
      this.clock(),
      created.map((x) => ({ action: 'expert.create', entityType: 'Expert', entityId: x.id, after: x })),
    );
    return created;
  }

  async update(identity: Identity, id: string, input: ExpertInput): Promise<Expert> {
    this.validate(input, false);
    // A profile belongs to one person for good; another person gets a profile of their own.
    if (input.personId != null)
      throw new InvalidInput([{ field: 'personId', message: 'cannot change; create a profile for the other person' }]);
    const affiliationId = input.affiliationId ? await this.affiliation(undefined, input.affiliationId) : undefined;
    return this.dataSource.transaction(async (em) => {
      const expert = await em.findOneBy(Expert, { id });
      if (!expert) throw notFound('Expert', id);
      const before = { ...expert };
      if (affiliationId) expert.affiliationId = affiliationId;
      if (input.title) expert.title = input.title;
      if (input.expertise) expert.expertise = input.expertise;
      if (input.active != null) expert.active = input.active;
      expert.updatedAt = this.clock();
      await em.save(expert);
      await recordAudit(em, identity, this.clock(), { action: 'expert.update', entityType: 'Expert', entityId: id, before, after: expert });
      return expert;
    });
  }
}
