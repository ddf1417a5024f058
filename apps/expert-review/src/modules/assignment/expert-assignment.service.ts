import type { DataSource, Repository } from 'typeorm';
import { type PageArgs, type RoundStatus, assertAllowed, check, hasRole } from '@meritgraph/domain';
import { type OrderKey, type Page, type RequestContext, loadChildPage } from '@meritgraph/subgraph-kit';
import { ReviewRound } from '../round/round.entity';
import { Assignment } from './assignment.entity';

/** An expert's assignments, round by round: the same order on every page and every database. */
const BY_ROUND: OrderKey<Assignment>[] = [
  { column: 'a.round_id', value: (a) => a.roundId },
  { column: 'a.id', value: (a) => a.id },
];

export interface ExpertAssignmentFilter {
  roundStatus?: RoundStatus[] | null;
  roundId?: string | null;
}

/** An expert's own view of its work: its assignments across the rounds it may see. */
export class ExpertAssignmentService {
  private readonly repo: Repository<Assignment>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(Assignment);
  }

  /**
   * One expert's assignments across rounds, for the expert itself and the office only (FORBIDDEN
   * to anyone else, analysts included); batched across every expert of the request. An expert
   * does not see its assignments in a round still in DRAFT, as it does not see the round.
   */
  ofExpert(ctx: RequestContext, expertId: string, filter: ExpertAssignmentFilter, page: PageArgs): Page<Assignment> {
    const { identity } = ctx;
    const office = hasRole(identity, 'ADMIN');
    assertAllowed(office || (hasRole(identity, 'EXPERT') && identity.expert !== undefined && identity.expert === expertId));
    check(filter)
      .text('roundId', { max: 36, optional: true })
      .rule('roundStatus', (v) => ((v as string[]).length === 0 ? 'name at least one status, or leave it out for all' : null), {
        optional: true,
      })
      .done();
    const statuses = filter.roundStatus ? [...new Set(filter.roundStatus)].sort() : null;
    return loadChildPage(ctx, expertId, {
      name: `Expert.assignments:${statuses?.join(',') ?? ''}:${filter.roundId ?? ''}`,
      repository: this.repo,
      query: () => {
        const query = this.repo.createQueryBuilder('a').innerJoin(ReviewRound, 'r', 'r.id = a.round_id');
        if (!office) query.andWhere('r.status <> :draft', { draft: 'DRAFT' });
        if (statuses) query.andWhere('r.status IN (:...roundStatus)', { roundStatus: statuses });
        if (filter.roundId) query.andWhere('a.round_id = :fRound', { fRound: filter.roundId });
        return query;
      },
      alias: 'a',
      parentColumn: 'expert_id',
      parentOf: (a) => a.expertId,
      order: BY_ROUND,
      args: page,
    });
  }
}
