import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  type Identity,
  SubmissionStatus,
  assertAllowed,
  canSeeSubmission,
  check,
  forbidden,
  hasRole,
  normalizeTitle,
  readsEverything,
  submissionLifecycle,
  submissionScope,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import {
  type OrderKey,
  type Page,
  type PageArgs,
  type RequestContext,
  byKey,
  loadChildPage,
  paginate,
} from '@meritgraph/subgraph-kit';
import { Submission } from './submission.entity';

export interface SubmissionFilter {
  contestId?: string | null;
  organizationId?: string | null;
  status?: SubmissionStatus | null;
}

/** Which units' submissions a caller may list; FORBIDDEN for callers who may see none. */
function scopeOf(identity: Identity): readonly string[] | null {
  const scope = submissionScope(identity);
  if (scope && scope.length === 0) throw forbidden();
  return scope;
}

export interface NewSubmission {
  contestId: string;
  organizationId: string;
  title: string;
  summary: string;
}

/** Newest reference first would reshuffle pages as entries arrive; title then id is stable. */
const ORDER: OrderKey<Submission>[] = [
  { column: 's.title', value: (s) => s.title },
  { column: 's.id', value: (s) => s.id },
];

export class SubmissionService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): Repository<Submission> {
    return this.dataSource.getRepository(Submission);
  }

  private loadAny(ctx: RequestContext, id: string): Promise<Submission | null> {
    return ctx.loaders
      .get<string, Submission | null>('Submission.byId', async (ids) =>
        byKey(ids, await this.repo.findBy({ id: In([...ids]) }), (s) => s.id),
      )
      .load(id);
  }

  /**
   * A submission the caller may see. To anyone who may not, a draft of another unit and a
   * submission that does not exist look the same: FORBIDDEN.
   */
  async load(ctx: RequestContext, id: string): Promise<Submission | null> {
    const submission = await this.loadAny(ctx, id);
    if (submission && canSeeSubmission(ctx.identity, submission)) return submission;
    if (readsEverything(ctx.identity)) return null;
    throw forbidden();
  }

  private filtered(filter: SubmissionFilter, scope: readonly string[] | null) {
    const query = this.repo.createQueryBuilder('s');
    if (scope) query.andWhere('s.organization_id IN (:...scope)', { scope });
    if (filter.contestId) query.andWhere('s.contest_id = :contestId', { contestId: filter.contestId });
    if (filter.organizationId) query.andWhere('s.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    return query;
  }

  list(identity: Identity, filter: SubmissionFilter, page: PageArgs): Page<Submission> {
    return paginate(this.filtered(filter, scopeOf(identity)), page, ORDER);
  }

  /** One organization's (or contest's) submissions, batched across every parent in the request. */
  listFor(ctx: RequestContext, parent: 'organization' | 'contest', parentId: string, filter: SubmissionFilter, args: PageArgs) {
    const scope = scopeOf(ctx.identity);
    return loadChildPage(ctx, parentId, {
      name: `${parent}.submissions:${filter.status ?? ''}`,
      repository: this.repo,
      query: () => this.filtered({ status: filter.status }, scope),
      alias: 's',
      parentColumn: `${parent}_id`,
      parentOf: (s) => (parent === 'organization' ? s.organizationId : s.contestId),
      order: ORDER,
      args,
    });
  }

  /** A unit's submitter drafts for its own unit only; the contest office for any. */
  async create(identity: Identity, input: NewSubmission): Promise<Submission> {
    assertAllowed(hasRole(identity, 'ADMIN') || identity.org === input.organizationId, 'organizationId');
    check(input)
      .text('contestId', { max: 36 })
      .text('organizationId', { max: 36 })
      .text('title', { min: 4, max: 200 })
      .text('summary', { min: 10, max: 5000 })
      .done();
    const now = new Date();
    return this.repo.save(
      this.repo.create({
        id: newId(),
        contestId: input.contestId,
        organizationId: input.organizationId,
        referenceNumber: null,
        title: input.title.trim(),
        titleKey: normalizeTitle(input.title),
        summary: input.summary.trim(),
        status: submissionLifecycle.initial,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
}
