import type { DataSource, Repository } from 'typeorm';
import { type PageArgs, SubmissionStatus, forbidden, needsMobilizedUnits, submissionScope } from '@meritgraph/domain';
import { escapeLike, LIKE_ESCAPE } from '@meritgraph/db';
import { type OrderKey, type Page, type RequestContext, loadChildPage, paginate } from '@meritgraph/subgraph-kit';
import type { OrganizationsApi } from '../references/organizations-api';
import { Submission } from './submission.entity';

export interface SubmissionFilter {
  contestId?: string | null;
  trackId?: string | null;
  organizationId?: string | null;
  status?: SubmissionStatus | null;
  /** Words to find in the title or keywords. */
  search?: string | null;
}

/** How many submissions of a contest are in one track and status. */
export interface SubmissionCount {
  contestId: string;
  trackId: string | null;
  status: SubmissionStatus;
  count: number;
}

/** Title then id: stable while entries arrive, and what people scan a list by. */
const ORDER: OrderKey<Submission>[] = [
  { column: 's.title', value: (s) => s.title },
  { column: 's.id', value: (s) => s.id },
];

/** Reading submissions: one by id, lists, searches and counts, each limited to the units the caller may read. */
export class SubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsApi,
  ) {}

  private get repo(): Repository<Submission> {
    return this.dataSource.getRepository(Submission);
  }

  /** The units whose submissions the caller may read (see submissionScope); mobilized units are asked of organizations once per request. */
  scope(ctx: RequestContext): Promise<readonly string[] | null> {
    return ctx.loaders
      .get<'scope', readonly string[] | null>('Submission.scope', async (keys) => {
        const { identity } = ctx;
        const mobilized = needsMobilizedUnits(identity) ? await this.organizations.mobilizedUnits(identity.org!) : [];
        return keys.map(() => submissionScope(identity, mobilized));
      })
      .load('scope');
  }

  private async scopeOrRefuse(ctx: RequestContext): Promise<readonly string[] | null> {
    const scope = await this.scope(ctx);
    if (scope && scope.length === 0) throw forbidden();
    return scope;
  }

  /** Any submission, whoever asks: only for loadVisible, which checks the caller's scope. */
  private loadUnchecked(ctx: RequestContext, id: string): Promise<Submission | null> {
    return ctx.loaders.byId(this.repo).load(id);
  }

  /**
   * A submission the caller may see. To anyone who may not, another unit's entry and one
   * that does not exist look the same: FORBIDDEN.
   */
  async loadVisible(ctx: RequestContext, id: string): Promise<Submission | null> {
    const [submission, scope] = await Promise.all([this.loadUnchecked(ctx, id), this.scope(ctx)]);
    if (submission && (scope === null || scope.includes(submission.organizationId))) return submission;
    if (scope === null) return null;
    throw forbidden();
  }

  private filtered(filter: SubmissionFilter, scope: readonly string[] | null) {
    const query = this.repo.createQueryBuilder('s');
    if (scope) query.andWhere('s.organization_id IN (:...scope)', { scope });
    if (filter.contestId) query.andWhere('s.contest_id = :contestId', { contestId: filter.contestId });
    if (filter.trackId) query.andWhere('s.track_id = :trackId', { trackId: filter.trackId });
    if (filter.organizationId) query.andWhere('s.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    for (const [i, word] of (filter.search ?? '').split(/\s+/).filter(Boolean).slice(0, 5).entries()) {
      query.andWhere(`(LOWER(s.title) LIKE :w${i} ${LIKE_ESCAPE} OR LOWER(s.keywords) LIKE :w${i} ${LIKE_ESCAPE})`, {
        [`w${i}`]: `%${escapeLike(word.toLowerCase())}%`,
      });
    }
    return query;
  }

  async list(ctx: RequestContext, filter: SubmissionFilter, page: PageArgs): Promise<Page<Submission>> {
    return paginate(this.filtered(filter, await this.scopeOrRefuse(ctx)), page, ORDER);
  }

  /** One contest's, unit's or leader's submissions, batched across every parent in the request. */
  async listFor(
    ctx: RequestContext,
    parent: 'organization' | 'contest' | 'leader',
    parentId: string,
    filter: SubmissionFilter,
    args: PageArgs,
  ) {
    const scope = await this.scopeOrRefuse(ctx);
    return loadChildPage(ctx, parentId, {
      name: `${parent}.submissions:${filter.status ?? ''}:${filter.search ?? ''}`,
      repository: this.repo,
      query: () => this.filtered({ status: filter.status, search: filter.search }, scope),
      alias: 's',
      parentColumn: `${parent}_id`,
      parentOf: (s) => (parent === 'organization' ? s.organizationId : parent === 'contest' ? s.contestId : s.leaderId!),
      order: ORDER,
      args,
    });
  }

  /**
   * Counts per track and status, computed by the database, for every contest of the request:
   * of the submissions the caller may read (the scope of the lists), so another unit's
   * drafts are not counted for a submitter, and nothing for the public.
   */
  async stats(ctx: RequestContext, contestId: string): Promise<SubmissionCount[]> {
    const scope = await this.scope(ctx);
    if (scope && scope.length === 0) return [];
    return ctx.loaders
      .many(
        'Contest.submissionStats',
        async (ids: string[]) => {
          const query = this.repo
            .createQueryBuilder('s')
            .select('s.contest_id', 'contestId')
            .addSelect('s.track_id', 'trackId')
            .addSelect('s.status', 'status')
            .addSelect('COUNT(*)', 'count')
            .where('s.contest_id IN (:...ids)', { ids });
          if (scope) query.andWhere('s.organization_id IN (:...scope)', { scope });
          const rows = await query
            .groupBy('s.contest_id')
            .addGroupBy('s.track_id')
            .addGroupBy('s.status')
            .orderBy('s.track_id')
            .addOrderBy('s.status')
            .getRawMany<{ contestId: string; trackId: string | null; status: SubmissionStatus; count: string | number }>();
          return rows.map((r): SubmissionCount => ({ ...r, count: Number(r.count) }));
        },
        (r) => r.contestId,
      )
      .load(contestId);
  }
}
