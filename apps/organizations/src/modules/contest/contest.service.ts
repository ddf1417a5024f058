import type { DataSource, EntityManager, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  type ContestStatus,
  DomainError,
  type Identity,
  InvalidInput,
  alreadyExists,
  canSeeContest,
  check,
  contestCalendarProblems,
  contestLifecycle,
  forbidden,
  notFound,
  readsEverything,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type Page, type PageArgs, type RequestContext, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import { Organization } from '../organization/organization.entity';
import { Contest } from './contest.entity';

export interface ContestInput {
  code?: string | null;
  name?: string | null;
  year?: number | null;
  theme?: string | null;
  organizerId?: string | null;
  coOrganizerIds?: string[] | null;
  startsOn?: string | null;
  endsOn?: string | null;
  submissionOpensAt?: Date | null;
  submissionClosesAt?: Date | null;
  requiresEndorsement?: boolean | null;
  requiresFormCheck?: boolean | null;
}

/** The checks a contest asks of its entries, set at creation or while it is a draft. */
const CHECKS = ['requiresEndorsement', 'requiresFormCheck'] as const;

export class ContestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Contest> {
    return this.dataSource.getRepository(Contest);
  }

  /** Any contest, drafts included: only for loadVisible, which keeps drafts secret. */
  private loadUnchecked(ctx: RequestContext, id: string): Promise<Contest | null> {
    return ctx.loaders.byId(this.repo).load(id);
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

  async loadVisible(ctx: RequestContext, id: string): Promise<Contest | null> {
    return this.visible(ctx.identity, await this.loadUnchecked(ctx, id));
  }

  async findVisibleByCode(ctx: RequestContext, code: string): Promise<Contest | null> {
    return this.visible(ctx.identity, await this.repo.findOneBy({ code }));
  }

  list(identity: Identity, page: PageArgs): Page<Contest> {
    const query = this.repo.createQueryBuilder('c');
    if (!readsEverything(identity)) query.andWhere("c.status <> 'DRAFT'");
    return paginate(query, page, [
      { column: 'c.year', value: (c) => c.year },
      { column: 'c.code', value: (c) => c.code },
      { column: 'c.id', value: (c) => c.id },
    ]);
  }

  private validate(input: ContestInput, creating: boolean) {
    check(input)
      .text('code', {
        min: 3,
        max: 40,
        pattern: /^[a-z0-9][a-z0-9-]*$/,
        hint: 'lower-case letters, digits and dashes',
        optional: !creating,
      })
      .text('name', { min: 2, max: 200, optional: !creating })
      .int('year', { min: 1949, max: 2100, optional: !creating })
      .text('theme', { max: 500, optional: true, multiline: true })
      .rule('coOrganizerIds', (v) => (Array.isArray(v) && v.length > 10 ? 'at most 10' : null), { optional: true })
      .done();
  }

  /** Checks organizations named by id exist, naming the field of the first that does not. */
  private async assertOrganizations(em: EntityManager, fields: { field: string; ids: string[] }[]) {
    const wanted = [...new Set(fields.flatMap((f) => f.ids))];
    if (wanted.length === 0) return;
    const found = new Set((await em.findBy(Organization, { id: In(wanted) })).map((o) => o.id));
    for (const { field, ids } of fields) {
      const missing = ids.find((id) => !found.has(id));
      if (missing) throw notFound('Organization', missing, field);
    }
  }

  private assertCalendar(contest: Pick<Contest, 'year' | 'startsOn' | 'endsOn' | 'submissionOpensAt' | 'submissionClosesAt'>) {
    const problems = contestCalendarProblems(contest);
    if (problems.length) throw new InvalidInput(problems);
  }

  async create(identity: Identity, input: ContestInput & { code: string; name: string; year: number }): Promise<Contest> {
    this.validate(input, true);
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(Contest, { code: input.code })) throw alreadyExists('Contest', 'code', input.code);
      await this.assertOrganizations(em, [
        { field: 'organizerId', ids: input.organizerId ? [input.organizerId] : [] },
        { field: 'coOrganizerIds', ids: input.coOrganizerIds ?? [] },
      ]);
      const contest = em.create(Contest, {
        id: newId(),
        code: input.code,
        name: input.name.trim(),
        year: input.year,
        theme: input.theme?.trim() || null,
        status: contestLifecycle.initial,
        organizerId: input.organizerId ?? null,
        coOrganizerIds: [...new Set(input.coOrganizerIds ?? [])],
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        submissionOpensAt: input.submissionOpensAt ?? null,
        submissionClosesAt: input.submissionClosesAt ?? null,
        requiresEndorsement: input.requiresEndorsement ?? false,
        requiresFormCheck: input.requiresFormCheck ?? false,
        createdAt: this.clock(),
      });
      this.assertCalendar(contest);
      await em.insert(Contest, contest);
      await recordAudit(em, identity, this.clock(), {
        action: 'contest.create',
        entityType: 'Contest',
        entityId: contest.id,
        after: contest,
      });
      return contest;
    });
  }

  async update(identity: Identity, id: string, input: ContestInput): Promise<Contest> {
    this.validate(input, false);
    return this.dataSource.transaction(async (em) => {
      const contest = await em.findOneBy(Contest, { id });
      if (!contest) throw notFound('Contest', id);
      const before = { ...contest };
      if (input.code != null && input.code !== contest.code) {
        if (contest.status !== 'DRAFT')
          throw new DomainError('CONTEST_LOCKED', 'The code can change only while the contest is a draft', 'code');
        if (await em.existsBy(Contest, { code: input.code })) throw alreadyExists('Contest', 'code', input.code);
      }
      for (const key of CHECKS) {
        if (input[key] != null && input[key] !== contest[key] && contest.status !== 'DRAFT')
          throw new DomainError('CONTEST_LOCKED', 'The checks an entry goes through change only while the contest is a draft', key);
      }
      await this.assertOrganizations(em, [
        { field: 'organizerId', ids: input.organizerId ? [input.organizerId] : [] },
        { field: 'coOrganizerIds', ids: input.coOrganizerIds ?? [] },
      ]);
      for (const key of CHECKS) if (input[key] != null) contest[key] = input[key];
      for (const key of ['code', 'name', 'year'] as const) if (input[key] != null) Object.assign(contest, { [key]: input[key] });
      for (const key of ['theme', 'organizerId', 'startsOn', 'endsOn', 'submissionOpensAt', 'submissionClosesAt'] as const) {
        if (input[key] !== undefined) Object.assign(contest, { [key]: input[key] });
      }
      if (input.coOrganizerIds != null) contest.coOrganizerIds = [...new Set(input.coOrganizerIds)];
      this.assertCalendar(contest);
      await em.save(Contest, contest);
      await recordAudit(em, identity, this.clock(), {
        action: 'contest.update',
        entityType: 'Contest',
        entityId: id,
        before,
        after: contest,
      });
      return contest;
    });
  }

  /** Moves a contest one step along DRAFT → OPEN_FOR_SUBMISSIONS → REVIEWING → CLOSED. */
  async changeStatus(identity: Identity, id: string, to: ContestStatus): Promise<Contest> {
    return this.dataSource.transaction(async (em) => {
      const contest = await em.findOneBy(Contest, { id });
      if (!contest) throw notFound('Contest', id);
      contestLifecycle.assert(contest.status, to);
      const before = { ...contest };
      contest.status = to;
      await em.save(Contest, contest);
      await recordAudit(em, identity, this.clock(), {
        action: 'contest.status',
        entityType: 'Contest',
        entityId: id,
        before,
        after: contest,
      });
      return contest;
    });
  }

  /** The contest itself, inside a transaction, for rules of its parts (tracks, milestones, enrolment). */
  async require(em: EntityManager, id: string, field = 'contestId'): Promise<Contest> {
    const contest = await em.findOneBy(Contest, { id });
    if (!contest) throw notFound('Contest', id, field);
    return contest;
  }
}
